/*
 * What an illumos program asks libc about the system: sysconf
 * (usr/src/lib/libc/port/gen/sysconf.c), uname and gethostname, the
 * program's name (getexecname), resource controls (getrctl(2) and the
 * rctlblk_* accessors, usr/src/lib/libc/port/gen/rctlops.c), and the
 * sleeping and timer calls.
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>

#include "abi/illumos/exec.h"
#include "abi/illumos/resource.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/process.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"

long illumos_libc_sysconf(struct xeno_thread *t, int name)
{
	(void)t;
	struct rlimit rl;
	switch (name) {
	case ILLUMOS_SC_PAGESIZE:
		return 4096;
	case ILLUMOS_SC_NPROCESSORS_ONLN:
	case ILLUMOS_SC_NPROCESSORS_CONF:
	case ILLUMOS_SC_NPROCESSORS_MAX:
		return xeno_proc.ncpus;
	case ILLUMOS_SC_CLK_TCK:
		return 100; /* the CLK_TCK of illumos (hz) */
	case ILLUMOS_SC_ARG_MAX:
		return 2096640; /* ARG_MAX of an LP64 process (sys/param.h NCARGS64) */
	case ILLUMOS_SC_NGROUPS_MAX:
		return 16; /* the ngroups_max tunable's default */
	case ILLUMOS_SC_OPEN_MAX:
		if (host_syscall2(SYS_getrlimit, RLIMIT_NOFILE, &rl) < 0)
			return -EINVAL;
		return rl.rlim_cur == RLIM_INFINITY ? INT32_MAX : (long)rl.rlim_cur;
	case ILLUMOS_SC_CHILD_MAX:
		if (host_syscall2(SYS_getrlimit, RLIMIT_NPROC, &rl) < 0)
			return -EINVAL;
		return rl.rlim_cur == RLIM_INFINITY ? INT32_MAX : (long)rl.rlim_cur;
	case ILLUMOS_SC_PHYS_PAGES: {
		struct sysinfo si;
		if (host_syscall1(SYS_sysinfo, &si) < 0)
			return -EINVAL;
		return (long)((unsigned long long)si.totalram * si.mem_unit / 4096);
	}
	}
	return -EINVAL;
}

static void put(char *dst, const char *src)
{
	strncpy(dst, src, ILLUMOS_SYS_NMLN - 1);
}

/* uname answers a non-negative number: 1, as illumos's. */
long illumos_libc_uname(struct xeno_thread *t, uint64_t buf)
{
	(void)t;
	struct utsname host;
	struct illumos_utsname u;
	if (host_syscall1(SYS_uname, &host) < 0)
		return -EFAULT;
	memset(&u, 0, sizeof u);
	put(u.sysname, ILLUMOS_SYSNAME);
	put(u.nodename, host.nodename);
	put(u.release, ILLUMOS_RELEASE);
	put(u.version, ILLUMOS_VERSION);
	put(u.machine, ILLUMOS_MACHINE);
	return xeno_copy_out(buf, &u, sizeof u) < 0 ? -EFAULT : 1;
}

/* gethostname: the name, cut to namelen bytes (NUL-terminated if room). */
long illumos_libc_gethostname(struct xeno_thread *t, uint64_t name, int namelen)
{
	(void)t;
	struct utsname host;
	if (namelen < 0)
		return -EINVAL;
	if (host_syscall1(SYS_uname, &host) < 0)
		return -EFAULT;
	size_t n = strnlen(host.nodename, sizeof host.nodename) + 1;
	if (n > (size_t)namelen)
		n = (size_t)namelen;
	return xeno_copy_out(name, host.nodename, n);
}

/* getexecname: the name exec was given, resolved (AT_SUN_EXECNAME). */
uint64_t illumos_execname;

long illumos_libc_getexecname(struct xeno_thread *t)
{
	(void)t;
	return (long)illumos_execname;
}

/*
 * Resource controls.  Go asks for zone.cpu-cap, the one control it reads
 * (runtime/os_illumos.go getcpucap): xeno's zone has no cap, which getrctl
 * tells as the end of the control's values, ENOENT.  Any other name is
 * unknown (EINVAL).  A block is opaque to programs: rctlblk_size sizes it.
 */
#define RCTLBLK_SIZE 64

long illumos_libc_getrctl(struct xeno_thread *t, uint64_t name, uint64_t old_blk, uint64_t new_blk,
			  uint64_t flags)
{
	(void)t, (void)old_blk, (void)new_blk;
	char n[256];
	if (xeno_strncpy_in(n, name, sizeof n) == -EFAULT)
		return -EFAULT;
	if (flags & ~(ILLUMOS_RCTL_NEXT | ILLUMOS_RCTL_USAGE))
		return -EINVAL;
	return strcmp(n, "zone.cpu-cap") == 0 ? -ENOENT : -EINVAL;
}

long illumos_libc_rctlblk_size(struct xeno_thread *t)
{
	(void)t;
	return RCTLBLK_SIZE;
}

long illumos_libc_rctlblk_get_value(struct xeno_thread *t, uint64_t blk)
{
	(void)t, (void)blk;
	return 0;
}

long illumos_libc_rctlblk_get_local_flags(struct xeno_thread *t, uint64_t blk)
{
	(void)t, (void)blk;
	return 0;
}

long illumos_libc_rctlblk_get_local_action(struct xeno_thread *t, uint64_t blk, uint64_t signalp)
{
	(void)t, (void)blk, (void)signalp;
	return 0;
}

/* usleep: a signal ends the sleep early, and usleep still answers 0. */
long illumos_libc_usleep(struct xeno_thread *t, unsigned int usec)
{
	(void)t;
	struct timespec ts = {usec / 1000000, (long)(usec % 1000000) * 1000};
	host_blocking_syscall(SYS_nanosleep, &ts, NULL, 0, 0, 0, 0);
	return 0;
}

/* setitimer: struct itimerval as on Linux; ITIMER_REALPROF, illumos's
 * real-time profiling timer, is the host's ITIMER_PROF. */
long illumos_libc_setitimer(struct xeno_thread *t, int which, uint64_t value, uint64_t ovalue)
{
	(void)t;
	int host;
	switch (which) {
	case ILLUMOS_ITIMER_REAL:
		host = ITIMER_REAL;
		break;
	case ILLUMOS_ITIMER_VIRTUAL:
		host = ITIMER_VIRTUAL;
		break;
	case ILLUMOS_ITIMER_PROF:
	case ILLUMOS_ITIMER_REALPROF:
		host = ITIMER_PROF;
		break;
	default:
		return -EINVAL;
	}
	return host_syscall3(SYS_setitimer, host, value, ovalue);
}
