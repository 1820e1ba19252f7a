/*
 * getrandom(2) flags, the same on FreeBSD (sys/sys/random.h) and NetBSD
 * (sys/sys/random.h of NetBSD 10) as on Linux: GRND_NONBLOCK 1, GRND_RANDOM
 * 2, GRND_INSECURE 4.  GRND_RANDOM selects nothing on the BSDs (there is
 * one pool), so it does not reach the host, where it would mean the
 * blocking pool.
 */
#ifndef XENO_ABI_BSD_RANDOM_H
#define XENO_ABI_BSD_RANDOM_H

#include "core/xlat.h"

extern const struct xeno_flagset bsd_getrandom_flags; /* "getrandom" */

#endif
