/*
 * Clocks as the BSDs read them: each OS numbers its clocks itself (a
 * "clockid" enum set with the host clock of each) and some are not host
 * clocks at all; struct bsd_clock_ids names those (abi/bsd/abi.h struct
 * bsd_clock says how to read them).
 */
#ifndef XENO_ABI_BSD_TIME_H
#define XENO_ABI_BSD_TIME_H

#include "abi/bsd/abi.h"
#include "core/xlat.h"

/* The OS's numbers of the clocks that need more than a host clock id
 * (-1: the OS has none). */
struct bsd_clock_ids {
	int virtual_, prof, second, process_cputime, thread_cputime;
};

/*
 * A clock id -> how to read it on Linux: 0, or -EINVAL for an unknown id.
 * Sleeping (clock_nanosleep) is refused with ENOTSUP on VIRTUAL, PROF and
 * PROCESS_CPUTIME_ID and with EINVAL on THREAD_CPUTIME_ID (FreeBSD
 * kern_clock_nanosleep; NetBSD's sys_clock_nanosleep refuses them too).
 */
int bsd_clock_to_host(const struct xeno_flagset *ids, const struct bsd_clock_ids *special,
		      int clock_id, struct bsd_clock *clock);

#endif
