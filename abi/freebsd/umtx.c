/* _umtx_op operation names (sys/sys/umtx.h), for the tracer. */
#include "abi/freebsd/umtx.h"

#define OP(name) XENO_ENUM_FOREIGN(#name, FREEBSD_##name)

static const struct xeno_flag ops[] = {
    OP(UMTX_OP_WAIT),	       OP(UMTX_OP_WAKE),
    OP(UMTX_OP_MUTEX_TRYLOCK), OP(UMTX_OP_MUTEX_LOCK),
    OP(UMTX_OP_MUTEX_UNLOCK),  OP(UMTX_OP_SET_CEILING),
    OP(UMTX_OP_CV_WAIT),       OP(UMTX_OP_CV_SIGNAL),
    OP(UMTX_OP_CV_BROADCAST),  OP(UMTX_OP_WAIT_UINT),
    OP(UMTX_OP_RW_RDLOCK),     OP(UMTX_OP_RW_WRLOCK),
    OP(UMTX_OP_RW_UNLOCK),     OP(UMTX_OP_WAIT_UINT_PRIVATE),
    OP(UMTX_OP_WAKE_PRIVATE),  OP(UMTX_OP_MUTEX_WAIT),
    OP(UMTX_OP_MUTEX_WAKE),    OP(UMTX_OP_SEM_WAIT),
    OP(UMTX_OP_SEM_WAKE),      OP(UMTX_OP_NWAKE_PRIVATE),
    OP(UMTX_OP_MUTEX_WAKE2),   OP(UMTX_OP_SEM2_WAIT),
    OP(UMTX_OP_SEM2_WAKE),     OP(UMTX_OP_SHM),
    OP(UMTX_OP_ROBUST_LISTS),
};

const struct xeno_flagset freebsd_umtx_ops = XENO_FLAGSET("umtxop", ops, 1);
