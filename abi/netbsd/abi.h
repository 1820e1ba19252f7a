#ifndef XENO_ABI_NETBSD_ABI_H
#define XENO_ABI_NETBSD_ABI_H

#include "abi/bsd/abi.h"

extern const struct bsd_abi netbsd_bsd_abi;
extern const struct xeno_flagset *const netbsd_flagsets[];

#endif
