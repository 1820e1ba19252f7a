/* The facts of OpenBSD the shared BSD handlers need (abi/openbsd/abi.c). */
#ifndef XENO_ABI_OPENBSD_ABI_H
#define XENO_ABI_OPENBSD_ABI_H

#include "abi/bsd/abi.h"

struct xeno_trace_decoder;

extern const struct bsd_abi openbsd_bsd_abi;
extern const struct xeno_flagset *const openbsd_flagsets[];
extern const struct xeno_trace_decoder *const openbsd_trace_decoders[];

#endif
