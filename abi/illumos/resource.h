/*
 * illumos resources, clocks and system facts: RLIMIT_* and RLIM_INFINITY
 * (usr/src/uts/common/sys/resource.h: on LP64 the infinite limit is -3),
 * struct rusage (the Linux layout, field for field), clock ids
 * (usr/src/uts/common/sys/time_impl.h: CLOCK_REALTIME is 3,
 * CLOCK_MONOTONIC/CLOCK_HIGHRES 4), interval timers (sys/time.h),
 * sysconf names (usr/src/uts/common/sys/unistd.h), struct utsname
 * (sys/utsname.h: _SYS_NMLN 257) and the resource-control block
 * (usr/src/uts/common/sys/rctl.h).
 */
#ifndef XENO_ABI_ILLUMOS_RESOURCE_H
#define XENO_ABI_ILLUMOS_RESOURCE_H

#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

struct rusage;

#define ILLUMOS_RLIMIT_CPU    0
#define ILLUMOS_RLIMIT_FSIZE  1
#define ILLUMOS_RLIMIT_DATA   2
#define ILLUMOS_RLIMIT_STACK  3
#define ILLUMOS_RLIMIT_CORE   4
#define ILLUMOS_RLIMIT_NOFILE 5
#define ILLUMOS_RLIMIT_VMEM   6 /* RLIMIT_AS */
#define ILLUMOS_RLIM_NLIMITS  7
#define ILLUMOS_RLIM_INFINITY 0xfffffffffffffffdULL

#define ILLUMOS_CLOCK_REALTIME0		 0 /* __CLOCK_REALTIME0, obsolete */
#define ILLUMOS_CLOCK_VIRTUAL		 1
#define ILLUMOS_CLOCK_THREAD_CPUTIME_ID	 2 /* CLOCK_PROF */
#define ILLUMOS_CLOCK_REALTIME		 3
#define ILLUMOS_CLOCK_MONOTONIC		 4 /* CLOCK_HIGHRES */
#define ILLUMOS_CLOCK_PROCESS_CPUTIME_ID 5
#define ILLUMOS_TIMER_ABSTIME		 0x1

#define ILLUMOS_ITIMER_REAL	0
#define ILLUMOS_ITIMER_VIRTUAL	1
#define ILLUMOS_ITIMER_PROF	2
#define ILLUMOS_ITIMER_REALPROF 3

#define ILLUMOS_SC_ARG_MAX	    1
#define ILLUMOS_SC_CHILD_MAX	    2
#define ILLUMOS_SC_CLK_TCK	    3
#define ILLUMOS_SC_NGROUPS_MAX	    4
#define ILLUMOS_SC_OPEN_MAX	    5
#define ILLUMOS_SC_PAGESIZE	    11
#define ILLUMOS_SC_NPROCESSORS_CONF 14
#define ILLUMOS_SC_NPROCESSORS_ONLN 15
#define ILLUMOS_SC_PHYS_PAGES	    500
#define ILLUMOS_SC_NPROCESSORS_MAX  516

#define ILLUMOS_SYS_NMLN 257
struct illumos_utsname {
	char sysname[ILLUMOS_SYS_NMLN];
	char nodename[ILLUMOS_SYS_NMLN];
	char release[ILLUMOS_SYS_NMLN];
	char version[ILLUMOS_SYS_NMLN];
	char machine[ILLUMOS_SYS_NMLN];
};
_Static_assert(sizeof(struct illumos_utsname) == 5 * 257, "struct utsname");

/* getrctl's flags (RCTL_FIRST, RCTL_NEXT, RCTL_USAGE) */
#define ILLUMOS_RCTL_FIRST 0x00000000
#define ILLUMOS_RCTL_NEXT  0x00000001
#define ILLUMOS_RCTL_USAGE 0x00000002

extern const struct xeno_flagset illumos_rlimit_resources, illumos_clock_ids, illumos_sysconf_names;

int illumos_clock_to_host(int clock_id, struct bsd_clock *c);

#endif
