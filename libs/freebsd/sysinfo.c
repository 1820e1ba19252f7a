/*
 * What FreeBSD's libc tells about the system (lib/libc/gen/sysctl.c,
 * sysctlbyname.c, sysconf.c, getpagesize.c): the answers of the sysctl
 * and getrlimit system calls' own handlers, and sysconf's constants.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "abi/freebsd/mman.h"
#include "abi/freebsd/pthread.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/unistd.h"
#include "core/personality.h"
#include "core/thread.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/freebsd/freebsd.h"

long freebsd_libc_sysctlbyname(struct xeno_thread *t, uint64_t name, uint64_t old, uint64_t oldlenp,
			       uint64_t new, size_t newlen)
{
	return freebsd_sys___sysctlbyname(t, name, strlen((const char *)name), old, oldlenp, new,
					  newlen);
}

/* An integer sysctl by its two-level name: its value, or -errno. */
static long sysctl_int(struct xeno_thread *t, int top, int second)
{
	int mib[2] = {top, second}, value = 0;
	size_t len = sizeof value;
	long r = freebsd_sys___sysctl(t, (uint64_t)mib, 2, (uint64_t)&value, (uint64_t)&len, 0, 0);
	return r < 0 ? r : value;
}

#define UNLIMITED (-4096L) /* sysconf's -1 without an errno */

/* A resource limit's current value as sysconf gives it, UNLIMITED, or
 * -errno. */
static long rlimit_value(struct xeno_thread *t, int resource, bool fits_short)
{
	struct freebsd_rlimit rl;
	long r = bsd_sys_getrlimit(t, resource, (uint64_t)&rl);
	if (r < 0)
		return r;
	if (rl.rlim_cur == BSD_RLIM_INFINITY)
		return UNLIMITED;
	if (rl.rlim_cur > LONG_MAX)
		return -EOVERFLOW;
	if (fits_short && rl.rlim_cur > SHRT_MAX) /* FILE's _file is a short */
		return SHRT_MAX;
	return (long)rl.rlim_cur;
}

/* name's value, UNLIMITED, or -errno. */
static long sysconf_value(struct xeno_thread *t, int name)
{
	switch (name) {
	case FREEBSD_SC_ARG_MAX:
		return sysctl_int(t, FREEBSD_CTL_KERN, FREEBSD_KERN_ARGMAX);
	case FREEBSD_SC_NGROUPS_MAX:
		return sysctl_int(t, FREEBSD_CTL_KERN, FREEBSD_KERN_NGROUPS);
	case FREEBSD_SC_IOV_MAX:
		return sysctl_int(t, FREEBSD_CTL_KERN, FREEBSD_KERN_IOV_MAX);
	case FREEBSD_SC_NPROCESSORS_CONF:
	case FREEBSD_SC_NPROCESSORS_ONLN:
		return sysctl_int(t, FREEBSD_CTL_HW, FREEBSD_HW_NCPU);
	case FREEBSD_SC_CHILD_MAX:
		return rlimit_value(t, FREEBSD_RLIMIT_NPROC, false);
	case FREEBSD_SC_OPEN_MAX:
		return rlimit_value(t, FREEBSD_RLIMIT_NOFILE, false);
	case FREEBSD_SC_STREAM_MAX:
		return rlimit_value(t, FREEBSD_RLIMIT_NOFILE, true);
	case FREEBSD_SC_PAGESIZE:
		return FREEBSD_PAGE_SIZE;
	case FREEBSD_SC_CLK_TCK:
		return FREEBSD_CLK_TCK;
	case FREEBSD_SC_JOB_CONTROL:
	case FREEBSD_SC_SAVED_IDS:
		return 1;
	case FREEBSD_SC_VERSION:
		return FREEBSD_POSIX_VERSION;
	case FREEBSD_SC_LINE_MAX:
		return FREEBSD_LINE_MAX;
	case FREEBSD_SC_HOST_NAME_MAX:
		return FREEBSD_MAXHOSTNAMELEN - 1;
	case FREEBSD_SC_LOGIN_NAME_MAX:
		return FREEBSD_MAXLOGNAME;
	case FREEBSD_SC_SYMLOOP_MAX:
		return FREEBSD_MAXSYMLINKS;
	case FREEBSD_SC_ATEXIT_MAX:
		return FREEBSD_ATEXIT_SIZE;
	case FREEBSD_SC_THREAD_KEYS_MAX:
		return FREEBSD_PTHREAD_KEYS_MAX;
	case FREEBSD_SC_THREAD_DESTRUCTOR_ITERATIONS:
		return FREEBSD_PTHREAD_DESTRUCTOR_ITERATIONS;
	case FREEBSD_SC_THREAD_STACK_MIN:
		return FREEBSD_PTHREAD_STACK_MIN;
	case FREEBSD_SC_MAPPED_FILES:
	case FREEBSD_SC_MEMORY_PROTECTION:
	case FREEBSD_SC_SEMAPHORES:
	case FREEBSD_SC_FSYNC:
	case FREEBSD_SC_TIMERS:
	case FREEBSD_SC_CLOCK_SELECTION:
	case FREEBSD_SC_MONOTONIC_CLOCK:
	case FREEBSD_SC_SPAWN:
	case FREEBSD_SC_THREAD_SAFE_FUNCTIONS:
	case FREEBSD_SC_THREADS:
		return FREEBSD_POSIX_OPTION;
	case FREEBSD_SC_PHYS_PAGES: {
		uint64_t bytes = 0;
		size_t len = sizeof bytes;
		int mib[2] = {FREEBSD_CTL_HW, FREEBSD_HW_PHYSMEM};
		long r = freebsd_sys___sysctl(t, (uint64_t)mib, 2, (uint64_t)&bytes, (uint64_t)&len,
					      0, 0);
		return r < 0 ? r : (long)(bytes / FREEBSD_PAGE_SIZE);
	}
	default: /* the _r size limits among them: FreeBSD has none to tell */
		return -EINVAL;
	}
}

/* -1 and errno on failure, -1 alone for what has no limit (VALUE: the
 * handler sets errno itself). */
long freebsd_libc_sysconf(struct xeno_thread *t, int name)
{
	long v = sysconf_value(t, name);
	if (v == UNLIMITED)
		return -1;
	if (v < 0) {
		t->lib_errno = t->os->errno_from_host((int)-v);
		return -1;
	}
	return v;
}

long freebsd_libc_getpagesize(struct xeno_thread *t)
{
	(void)t;
	return FREEBSD_PAGE_SIZE;
}
