/* struct timespec and struct timeval on FreeBSD/amd64 (sys/sys/_timespec.h,
 * sys/sys/_timeval.h): 64-bit seconds, 64-bit fraction, as the BSDs share
 * them (struct bsd_timespec, struct bsd_timeval). */
#ifndef XENO_ABI_FREEBSD_TIMESPEC_H
#define XENO_ABI_FREEBSD_TIMESPEC_H

#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"

#endif
