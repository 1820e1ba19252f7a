#ifndef XENO_ABI_FREEBSD_ABI_H
#define XENO_ABI_FREEBSD_ABI_H

#include "abi/bsd/abi.h"

extern const struct bsd_abi freebsd_bsd_abi;
extern const struct xeno_flagset *const freebsd_flagsets[];

#endif
