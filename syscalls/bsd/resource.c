/*
 * Resource limits, usage and scheduling priority, shared by the BSD
 * personalities.  Limits the host lacks (FreeBSD's SBSIZE, NPTS, SWAP,
 * KQUEUES, UMTXP) are kept here, unenforced: infinite until the guest lowers
 * them.  RLIMIT_NOFILE is the view core/fd.c gives (xeno keeps room above).
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/resource.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"

#define MAX_RESOURCES 32

/* Emulated limits, in host units (RLIM_INFINITY = ~0); set[] marks them. */
static struct bsd_rlimit emulated[MAX_RESOURCES];
static uint8_t emulated_set[MAX_RESOURCES];

/* The host's view of one limit (host units): 0 or -errno. */
static long host_limit(const struct bsd_abi *abi, int which, struct bsd_rlimit *lim)
{
	int host, kind = bsd_rlimit_resource_to_host(abi->rlimit_resources, which, &host);
	if (kind < 0 || which < 0 || which >= MAX_RESOURCES)
		return -EINVAL;
	if (kind == 1) {
		*lim = emulated_set[which] ? emulated[which]
					   : (struct bsd_rlimit){RLIM_INFINITY, RLIM_INFINITY};
		return 0;
	}
	if (which == abi->rlimit_nofile) {
		unsigned long cur, max;
		long err = xeno_fd_guest_limits(&cur, &max);
		*lim = (struct bsd_rlimit){cur, max};
		return err;
	}
	struct rlimit rl;
	long r = host_syscall2(SYS_getrlimit, host, &rl);
	*lim = (struct bsd_rlimit){rl.rlim_cur, rl.rlim_max};
	return r;
}

long bsd_sys_getrlimit(struct xeno_thread *t, int which, uint64_t rlp)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	struct bsd_rlimit host, foreign;
	long r = host_limit(abi, which, &host);
	if (r < 0)
		return r;
	bsd_rlimit_from_host(&host, &foreign);
	if (abi->rlim_infinity) {
		if (foreign.cur == BSD_RLIM_INFINITY)
			foreign.cur = abi->rlim_infinity;
		if (foreign.max == BSD_RLIM_INFINITY)
			foreign.max = abi->rlim_infinity;
	}
	return xeno_copy_out(rlp, &foreign, sizeof foreign);
}

/* The BSD rules (kern_proc_setrlimit): a soft limit above the new hard one
 * is lowered to it; raising either beyond the old hard limit takes root. */
static long set_emulated(int which, struct bsd_rlimit *lim)
{
	struct bsd_rlimit old = emulated_set[which]
				    ? emulated[which]
				    : (struct bsd_rlimit){RLIM_INFINITY, RLIM_INFINITY};
	if ((lim->cur > old.max || lim->max > old.max) && geteuid() != 0)
		return -EPERM;
	emulated[which] = *lim;
	emulated_set[which] = 1;
	return 0;
}

long bsd_sys_setrlimit(struct xeno_thread *t, int which, uint64_t rlp)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	struct bsd_rlimit foreign, lim;
	int host, kind = bsd_rlimit_resource_to_host(abi->rlimit_resources, which, &host);
	if (kind < 0 || which < 0 || which >= MAX_RESOURCES)
		return -EINVAL;
	if (xeno_copy_in(&foreign, rlp, sizeof foreign) < 0)
		return -EFAULT;
	bsd_rlimit_to_host(&foreign, &lim);
	if (lim.cur > lim.max)
		lim.cur = lim.max;
	if (kind == 1)
		return set_emulated(which, &lim);
	if (which == abi->rlimit_nofile)
		return xeno_fd_set_guest_limits(lim.cur, lim.max);
	struct rlimit rl = {lim.cur, lim.max};
	return host_syscall2(SYS_setrlimit, host, &rl);
}

/* RUSAGE_SELF, RUSAGE_CHILDREN and RUSAGE_THREAD are 0, -1 and 1 on the BSDs
 * as on Linux (FreeBSD sys/sys/resource.h). */
long bsd_sys_getrusage(struct xeno_thread *t, int who, uint64_t rusage)
{
	(void)t;
	struct rusage host;
	struct bsd_rusage foreign;
	long r = host_syscall2(SYS_getrusage, who, &host);
	if (r < 0)
		return r;
	bsd_rusage_from_host(&host, &foreign);
	return xeno_copy_out(rusage, &foreign, sizeof foreign);
}

/* PRIO_PROCESS, PRIO_PGRP and PRIO_USER are 0, 1, 2 on both systems.
 * getpriority returns the nice value itself (-20..20), where the Linux call
 * returns 20 - nice to keep errors apart: negative results go straight into
 * the guest's registers. */
long bsd_sys_getpriority(struct xeno_thread *t, int which, int who)
{
	long r = host_syscall2(SYS_getpriority, which, who);
	return r < 0 ? r : bsd_return_value(t, 20 - r);
}

long bsd_sys_setpriority(struct xeno_thread *t, int which, int who, int prio)
{
	(void)t;
	return host_syscall3(SYS_setpriority, which, who, prio);
}
