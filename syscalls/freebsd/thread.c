/*
 * FreeBSD kernel threads (sys/kern/kern_thr.c) on host threads
 * (core/threads.h): thr_new, thr_self, thr_exit, thr_suspend, thr_wake,
 * thr_set_name.  thr_kill lives with the signals (signal.c); parking,
 * signalling and naming a thread are shared (syscalls/bsd/thread.c).
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include "abi/freebsd/thr.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "syscalls/bsd/thread.h"
#include "syscalls/freebsd/freebsd.h"

long freebsd_sys_thr_new(struct xeno_thread *t, uint64_t uparam, int size)
{
	struct freebsd_thr_param p;
	if (size < 0 || (size_t)size > sizeof p)
		return -EINVAL;
	memset(&p, 0, sizeof p);
	if (xeno_copy_in(&p, uparam, (size_t)size) < 0)
		return -EFAULT;
	if (p.flags & ~(FREEBSD_THR_SUSPENDED | FREEBSD_THR_SYSTEM_SCOPE))
		return -EINVAL;
	if (p.flags & FREEBSD_THR_SUSPENDED)
		return -EINVAL; /* no FreeBSD program we know asks for it; refuse honestly */
	if (p.tls_base >= XENO_USER_END || p.start_func >= XENO_USER_END)
		return -EINVAL;
	/* cpu_set_upcall (sys/amd64/amd64/vm_machdep.c): the stack top,
	 * 16-aligned, minus a return-address slot. */
	struct xeno_thread_start st = {
	    .entry = {.rip = p.start_func,
		      .rdi = p.arg,
		      .rsp = ((p.stack_base + p.stack_size) & ~15ULL) - 8,
		      .fs = p.tls_base},
	    .sigmask = t->sigmask,
	    .tid_out = {p.child_tid, p.parent_tid},
	    .id_size = sizeof(long),
	};
	long tid = xeno_thread_spawn(t, &st);
	return tid < 0 ? tid : 0;
}

long freebsd_sys_thr_self(struct xeno_thread *t, uint64_t id)
{
	int64_t v = t->tid;
	return xeno_copy_out(id, &v, sizeof v);
}

/* Stores 1 at *state and wakes its waiters, as kern_thr.c sys_thr_exit. */
long freebsd_sys_thr_exit(struct xeno_thread *t, uint64_t state)
{
	if (state) {
		int64_t one = 1;
		/* kern_umtx_wake(..., 0) finds waiters of either kind on
		 * private memory; Linux keys shared and private waits apart */
		if (xeno_copy_out(state, &one, sizeof one) == 0) {
			host_syscall3(SYS_futex, state, FUTEX_WAKE, INT_MAX);
			host_syscall3(SYS_futex, state, FUTEX_WAKE_PRIVATE, INT_MAX);
		}
	}
	xeno_thread_exit(t);
}

/* kern_thr.c kern_thr_suspend: a pending thr_wake ends the call at once
 * (TDF_THRWAKEUP); the timeout is relative. */
long freebsd_sys_thr_suspend(struct xeno_thread *t, uint64_t timeout)
{
	struct timespec ts, deadline, *dp = NULL;
	if (timeout) {
		if (xeno_copy_in(&ts, timeout, sizeof ts) < 0)
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		bsd_deadline_after(CLOCK_MONOTONIC, &ts, &deadline);
		dp = &deadline;
	}
	long r = bsd_thread_park(t, dp, CLOCK_MONOTONIC);
	return r == -EALREADY ? 0 : r;
}

long freebsd_sys_thr_wake(struct xeno_thread *t, long id)
{
	(void)t;
	return bsd_thread_unpark(id);
}

long freebsd_sys_thr_set_name(struct xeno_thread *t, long id, uint64_t uname)
{
	char name[FREEBSD_MAXCOMLEN + 1] = "";
	if (uname) {
		long n = xeno_strncpy_in(name, uname, sizeof name);
		if (n == -EFAULT)
			return -EFAULT;
		/* longer names are cut, as FreeBSD does */
	}
	return bsd_thread_set_name(t, id, name);
}
