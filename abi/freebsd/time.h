/*
 * FreeBSD time facts: clock ids and TIMER_ABSTIME (sys/sys/_clock_id.h,
 * FreeBSD 14), and the amd64 layouts of struct timespec
 * (sys/sys/_timespec.h), struct timeval (sys/sys/_timeval.h) and struct
 * timezone (sys/sys/time.h): time_t, long and suseconds_t are 64-bit.
 */
#ifndef XENO_ABI_FREEBSD_TIME_H
#define XENO_ABI_FREEBSD_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "abi/freebsd/timespec.h"
#include "core/xlat.h"

/* sys/sys/_clock_id.h */
enum {
	FREEBSD_CLOCK_REALTIME = 0,
	FREEBSD_CLOCK_VIRTUAL = 1,
	FREEBSD_CLOCK_PROF = 2,
	FREEBSD_CLOCK_MONOTONIC = 4,
	FREEBSD_CLOCK_UPTIME = 5,
	FREEBSD_CLOCK_UPTIME_PRECISE = 7,
	FREEBSD_CLOCK_UPTIME_FAST = 8,
	FREEBSD_CLOCK_REALTIME_PRECISE = 9,
	FREEBSD_CLOCK_REALTIME_FAST = 10,
	FREEBSD_CLOCK_MONOTONIC_PRECISE = 11,
	FREEBSD_CLOCK_MONOTONIC_FAST = 12,
	FREEBSD_CLOCK_SECOND = 13,
	FREEBSD_CLOCK_THREAD_CPUTIME_ID = 14,
	FREEBSD_CLOCK_PROCESS_CPUTIME_ID = 15,
	/* The Linux-compatible names FreeBSD 13+ defines. */
	FREEBSD_CLOCK_BOOTTIME = FREEBSD_CLOCK_UPTIME,
	FREEBSD_CLOCK_REALTIME_COARSE = FREEBSD_CLOCK_REALTIME_FAST,
	FREEBSD_CLOCK_MONOTONIC_COARSE = FREEBSD_CLOCK_MONOTONIC_FAST,
};
#define FREEBSD_TIMER_RELTIME 0x0
#define FREEBSD_TIMER_ABSTIME 0x1

struct freebsd_timezone {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};
_Static_assert(sizeof(struct freebsd_timezone) == 8, "timezone layout");
_Static_assert(offsetof(struct freebsd_timezone, tz_dsttime) == 4, "timezone layout");

extern const struct xeno_flagset freebsd_clock_ids; /* "clockid" */

/*
 * A clock id -> how to read it on Linux: 0, or -EINVAL for an unknown id.
 * FreeBSD's kern_clock_gettime (sys/kern/kern_time.c) reads CLOCK_UPTIME* and
 * CLOCK_MONOTONIC* from the same counter (nanouptime), which stops while the
 * machine sleeps: both become Linux CLOCK_MONOTONIC (not BOOTTIME, which
 * counts suspended time), so they agree as they do on FreeBSD.  *_FAST reads
 * the tick-updated value: Linux *_COARSE.  Sleeping (kern_clock_nanosleep)
 * is refused with ENOTSUP on VIRTUAL, PROF and PROCESS_CPUTIME_ID and with
 * EINVAL on THREAD_CPUTIME_ID; the coarse clocks sleep on their precise twin.
 */
int freebsd_clock_to_host(int clock_id, struct bsd_clock *clock);

#endif
