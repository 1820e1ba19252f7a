/* _lwp_create's flags for traces (abi/netbsd/lwp.h). */
#include "abi/netbsd/lwp.h"

static const struct xeno_flag lwpcreate[] = {
    XENO_FLAG_FOREIGN("LWP_DETACHED", NETBSD_LWP_DETACHED),
    XENO_FLAG_FOREIGN("LWP_SUSPENDED", NETBSD_LWP_SUSPENDED),
};
const struct xeno_flagset netbsd_lwpcreate_flags = XENO_FLAGSET("lwpcreate", lwpcreate, 0);
