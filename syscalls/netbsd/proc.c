/*
 * NetBSD calls with a second result in RDX (sys/kern/kern_prot.c: getpid
 * gives the parent's pid too, getuid the euid, getgid the egid) and paccept
 * with its signal mask (sys/kern/uipc_syscalls.c).
 */
#include <errno.h>
#include <unistd.h>

#include "abi/bsd/signal.h"
#include "core/host.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/netbsd/netbsd.h"

XENO_NOFPU static long two(struct xeno_thread *t, long first, long second)
{
	t->have_rval2 = 1;
	t->rval2 = (uint64_t)second;
	return first;
}

XENO_NOFPU long netbsd_sys_getpid(struct xeno_thread *t)
{
	return two(t, host_syscall0(SYS_getpid), host_syscall0(SYS_getppid));
}

XENO_NOFPU long netbsd_sys_getuid(struct xeno_thread *t)
{
	return two(t, host_syscall0(SYS_getuid), host_syscall0(SYS_geteuid));
}

XENO_NOFPU long netbsd_sys_getgid(struct xeno_thread *t)
{
	return two(t, host_syscall0(SYS_getgid), host_syscall0(SYS_getegid));
}

/* accept4's flags (the new socket does not inherit O_NONBLOCK), with mask
 * as the signal mask while it waits. */
long netbsd_sys_paccept(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen,
			uint64_t mask, int flags)
{
	if (mask) {
		struct bsd_sigset set;
		sigset_t hmask;
		if (xeno_copy_in(&set, mask, sizeof set) < 0)
			return -EFAULT;
		bsd_sigset_in(t, &set, &hmask);
		xeno_sig_set_temporary_mask(t, &hmask);
	}
	return bsd_sys_accept4(t, s, name, anamelen, flags);
}
