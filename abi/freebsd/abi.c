/* The facts of FreeBSD the shared BSD handlers need (abi/bsd/abi.h). */
#include "abi/bsd/abi.h"
#include "abi/freebsd/abi.h"

#include <errno.h>

#include "abi/freebsd/cpuset.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/random.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/sysarch.h"
#include "abi/freebsd/time.h"

const struct bsd_abi freebsd_bsd_abi = {
	/* ---- files ---- */
	.at_fdcwd = -100, /* sys/sys/fcntl.h AT_FDCWD */

	/* ---- memory ---- */
	.mmap_plan = freebsd_mmap_plan,
	/* sys/vm/vm_mmap.c vm_mmap_to_errno: KERN_NO_SPACE is ENOMEM. */
	.mmap_occupied_errno = ENOMEM,
	.prot_to_host = freebsd_prot_to_host,
	.msync_to_host = freebsd_msync_to_host,
	.madvise_to_host = freebsd_madvise_to_host,
	.minherit_to_host = freebsd_minherit_to_host,

	/* ---- processes, resources, time ---- */
	.rlimit_resource_to_host = freebsd_rlimit_resource_to_host,
	.rlimit_nofile = FREEBSD_RLIMIT_NOFILE,
	.rlim_nlimits = FREEBSD_RLIM_NLIMITS,
	.rlimit_to_host = freebsd_rlimit_to_host,
	.rlimit_from_host = freebsd_rlimit_from_host,
	.rusage_from_host = freebsd_rusage_from_host,
	.rusage_size = sizeof(struct freebsd_rusage),
	.clock_to_host = freebsd_clock_to_host,
	.timer_abstime = FREEBSD_TIMER_ABSTIME,
	.getrandom_flags = &freebsd_getrandom_flags,
	.maxlogname = 33,          /* sys/sys/param.h MAXLOGNAME */
	.getgroups_lists_egid = 1, /* FreeBSD 14: cr_groups[0] is the egid */
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const freebsd_flagsets[] = {
	&freebsd_prot_flags,
	&freebsd_mmap_flags,
	&freebsd_madv_advice,
	&freebsd_msync_flags,
	&freebsd_minherit_kinds,
	&freebsd_rlimit_resources,
	&freebsd_clock_ids,
	&freebsd_getrandom_flags,
	&freebsd_cpu_levels,
	&freebsd_cpu_whiches,
	&freebsd_sysarch_ops,
	NULL,
};
