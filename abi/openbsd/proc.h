/*
 * OpenBSD process facts: clock ids and TIMER_ABSTIME (sys/sys/_time.h),
 * resource limits (sys/sys/resource.h: RLIMIT_CPU..RLIMIT_NOFILE 0..8,
 * RLIM_NLIMITS 9), wait options and the continued status (sys/sys/wait.h:
 * WCONTINUED 8, _WCONTINUED 0xffff), and terminal control flags
 * (sys/sys/termios.h).
 */
#ifndef XENO_ABI_OPENBSD_PROC_H
#define XENO_ABI_OPENBSD_PROC_H

#include "abi/bsd/abi.h"
#include "core/xlat.h"

enum {
	OPENBSD_CLOCK_REALTIME = 0,
	OPENBSD_CLOCK_PROCESS_CPUTIME_ID = 2,
	OPENBSD_CLOCK_MONOTONIC = 3,
	OPENBSD_CLOCK_THREAD_CPUTIME_ID = 4,
	OPENBSD_CLOCK_UPTIME = 5,
	OPENBSD_CLOCK_BOOTTIME = 6,
};
#define OPENBSD_TIMER_ABSTIME 0x1

#define OPENBSD_RLIMIT_NOFILE 8
#define OPENBSD_RLIM_NLIMITS  9

#define OPENBSD_WCONTINUED_STATUS 0xffff

extern const struct xeno_flagset openbsd_clock_ids;	   /* "clockid" */
extern const struct xeno_flagset openbsd_rlimit_resources; /* "rlimit" */
extern const struct xeno_flagset openbsd_wait_options;	   /* "waitopt" */
extern const struct xeno_flagset openbsd_cflag_flagset;	   /* "cflag" */

int openbsd_clock_to_host(int clock_id, struct bsd_clock *clock);

#endif
