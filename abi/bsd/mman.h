/*
 * The shapes of the BSDs' memory-management words, read through each OS's
 * tables (abi/<os>/mman.c): protections, msync flags, madvise advice and
 * minherit kinds.  The values and mmap's rules are each OS's.
 */
#ifndef XENO_ABI_BSD_MMAN_H
#define XENO_ABI_BSD_MMAN_H

#include "core/xlat.h"

/* A flag word through set s into an int: 0 or -EINVAL. */
int bsd_flags_to_host_int(const struct xeno_flagset *s, int v, int *host);
/* madvise advice through the enum set s: the host advice, BSD_MADV_NOOP
 * for advice with no host call to make, or -EINVAL. */
int bsd_madvise_to_host(const struct xeno_flagset *s, int behav, int *host_advice);
/* minherit's kind through the enum set s: the host madvise advice, or
 * -EOPNOTSUPP for sharing (Linux cannot share a private mapping with a
 * child), -EINVAL for an unknown kind. */
int bsd_minherit_to_host(const struct xeno_flagset *s, int inherit, int *host_advice);

#endif
