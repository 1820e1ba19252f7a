/* FreeBSD/amd64 sysarch operation names for the tracer
 * (sys/x86/include/sysarch.h). */
#include "abi/freebsd/sysarch.h"

#define OP(name) XENO_ENUM_FOREIGN(#name, FREEBSD_##name)

static const struct xeno_flag sysarch_ops[] = {
    OP(I386_GET_LDT),	     OP(I386_SET_LDT),	     OP(I386_GET_IOPERM),  OP(I386_SET_IOPERM),
    OP(I386_VM86),	     OP(I386_GET_FSBASE),    OP(I386_SET_FSBASE),  OP(I386_GET_GSBASE),
    OP(I386_SET_GSBASE),     OP(I386_GET_XFPUSTATE), OP(I386_SET_PKRU),	   OP(I386_CLEAR_PKRU),
    OP(AMD64_GET_FSBASE),    OP(AMD64_SET_FSBASE),   OP(AMD64_GET_GSBASE), OP(AMD64_SET_GSBASE),
    OP(AMD64_GET_XFPUSTATE), OP(AMD64_SET_PKRU),     OP(AMD64_CLEAR_PKRU),
};
const struct xeno_flagset freebsd_sysarch_ops = XENO_FLAGSET("sysarch", sysarch_ops, 1);
