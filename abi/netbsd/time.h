/*
 * NetBSD time facts: clock ids and TIMER_ABSTIME (sys/sys/time.h rev 1.67,
 * and for the CPU-time clocks sys/sys/time.h of NetBSD 7 and later), and
 * struct timeval, whose tv_usec is a 32-bit suseconds_t padded to 16 bytes
 * (sys/sys/types.h).  struct timespec is the BSDs' (abi/bsd/socket.h).
 */
#ifndef XENO_ABI_NETBSD_TIME_H
#define XENO_ABI_NETBSD_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

enum {
	NETBSD_CLOCK_REALTIME = 0,
	NETBSD_CLOCK_VIRTUAL = 1,
	NETBSD_CLOCK_PROF = 2,
	NETBSD_CLOCK_MONOTONIC = 3,
	NETBSD_CLOCK_THREAD_CPUTIME_ID = 0x20000000,
	NETBSD_CLOCK_PROCESS_CPUTIME_ID = 0x40000000,
};
#define NETBSD_TIMER_ABSTIME 0x1

struct netbsd_timeval {
	int64_t tv_sec;
	int32_t tv_usec;
	int32_t pad_;
};
_Static_assert(sizeof(struct netbsd_timeval) == 16, "timeval layout");

extern const struct xeno_flagset netbsd_clock_ids; /* "clockid" */

/* A clock id -> how to read it on Linux: 0, or -EINVAL for an unknown id.
 * CLOCK_MONOTONIC is the uptime, Linux's CLOCK_MONOTONIC. */
int netbsd_clock_to_host(int clock_id, struct bsd_clock *clock);

#endif
