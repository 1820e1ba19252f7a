/*
 * FreeBSD getrandom(2) flags (sys/sys/random.h).  The values equal Linux's;
 * GRND_RANDOM selects nothing on FreeBSD (there is one pool), so it does not
 * reach the host, where it would mean the blocking pool.
 */
#ifndef XENO_ABI_FREEBSD_RANDOM_H
#define XENO_ABI_FREEBSD_RANDOM_H

#include "core/xlat.h"

#define FREEBSD_GRND_NONBLOCK 0x0001
#define FREEBSD_GRND_RANDOM   0x0002
#define FREEBSD_GRND_INSECURE 0x0004

extern const struct xeno_flagset freebsd_getrandom_flags; /* "getrandom" */

#endif
