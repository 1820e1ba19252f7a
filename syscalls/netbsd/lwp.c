/*
 * NetBSD light-weight processes (sys/kern/sys_lwp.c) on host threads
 * (core/threads.h): _lwp_create from a ucontext, _lwp_exit, _lwp_self, the
 * private pointer (the TLS base), park and unpark, _lwp_kill, _lwp_wakeup,
 * _lwp_detach and _lwp_setname.  Parking, signalling and naming a thread
 * are the BSDs' (syscalls/bsd/thread.c).
 */
#include <errno.h>
#include <string.h>

#include "abi/bsd/socket.h"
#include "abi/netbsd/lwp.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/time.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "syscalls/bsd/thread.h"
#include "syscalls/netbsd/netbsd.h"

#define NETBSD_LWP_UNPARK_MAX 1024 /* sys/kern/sys_lwp.c */
#define NETBSD_MAXCOMLEN      16   /* sys/sys/param.h */

/* sys__lwp_create: the context must carry the registers (_UC_CPU), which
 * cpu_setmcontext checks and loads whole; the new LWP keeps its creator's
 * signal mask and alternate stack (lwp_create), and its TLS base unless
 * the context gives one (_UC_TLSBASE).  Its id is stored before it runs. */
long netbsd_sys__lwp_create(struct xeno_thread *t, uint64_t ucp, int flags, uint64_t new_lwp)
{
	struct netbsd_ucontext uc;
	if (xeno_copy_in(&uc, ucp, sizeof uc) < 0)
		return -EFAULT;
	if (!(uc.uc_flags & NETBSD_UC_CPU))
		return -EINVAL;
	if (flags & NETBSD_LWP_SUSPENDED)
		return -EINVAL; /* no NetBSD program we know asks for it; refused honestly */
	int err = netbsd_mcontext_check(&uc, t->uc->uc_mcontext.gregs);
	if (err)
		return err;
	const uint64_t *gr = uc.uc_mcontext.gregs;
	uint64_t fs = t->guest_fs;
	if (uc.uc_flags & NETBSD_UC_TLSBASE) {
		if (uc.uc_mcontext.mc_tlsbase >= XENO_USER_END)
			return -EINVAL;
		fs = uc.uc_mcontext.mc_tlsbase;
	}
	struct xeno_thread_start st = {
	    .entry = {.rip = gr[NETBSD_REG_RIP],
		      .rsp = gr[NETBSD_REG_RSP],
		      .rdi = gr[NETBSD_REG_RDI],
		      .rsi = gr[NETBSD_REG_RSI],
		      .rdx = gr[NETBSD_REG_RDX],
		      .rbx = gr[NETBSD_REG_RBX],
		      .rax = gr[NETBSD_REG_RAX],
		      .rcx = gr[NETBSD_REG_RCX],
		      .rbp = gr[NETBSD_REG_RBP],
		      .r8 = gr[NETBSD_REG_R8],
		      .r9 = gr[NETBSD_REG_R9],
		      .r10 = gr[NETBSD_REG_R10],
		      .r11 = gr[NETBSD_REG_R11],
		      .r12 = gr[NETBSD_REG_R12],
		      .r13 = gr[NETBSD_REG_R13],
		      .r14 = gr[NETBSD_REG_R14],
		      .r15 = gr[NETBSD_REG_R15],
		      .fs = fs},
	    .sigmask = t->sigmask,
	    .sigstack = t->sigstack,
	    .tid_out = {new_lwp, 0},
	    .id_size = sizeof(int32_t),
	};
	long tid = xeno_thread_spawn(t, &st);
	return tid < 0 ? tid : 0;
}

long netbsd_sys__lwp_exit(struct xeno_thread *t)
{
	xeno_thread_exit(t);
}

long netbsd_sys__lwp_self(struct xeno_thread *t)
{
	return t->tid;
}

long netbsd_sys__lwp_getprivate(struct xeno_thread *t)
{
	return (long)t->guest_fs;
}

/* lwp_setprivate: l_private, which amd64 loads as the FS base. */
long netbsd_sys__lwp_setprivate(struct xeno_thread *t, uint64_t ptr)
{
	if (ptr >= XENO_USER_END)
		return -EINVAL;
	xeno_set_guest_fs(t, ptr);
	return 0;
}

/* sys____lwp_park60: unparks `unpark` first, then parks until the time
 * (relative, or absolute with TIMER_ABSTIME) on the clock; a relative
 * time is written back as what is left of it. */
long netbsd_sys____lwp_park60(struct xeno_thread *t, int clock_id, int flags, uint64_t ts,
			      long unpark, uint64_t hint, uint64_t unparkhint)
{
	(void)hint, (void)unparkhint;
	struct bsd_timespec gts;
	struct timespec deadline, *dp = NULL;
	struct bsd_clock c;
	if (netbsd_clock_to_host(clock_id, &c) < 0 || c.kind != BSD_CLOCK_HOST ||
	    (c.host_id != CLOCK_REALTIME && c.host_id != CLOCK_MONOTONIC))
		return -EINVAL;
	if (ts) {
		if (xeno_copy_in(&gts, ts, sizeof gts) < 0)
			return -EFAULT;
		if (gts.tv_sec < 0 || gts.tv_nsec < 0 || gts.tv_nsec >= 1000000000)
			return -EINVAL;
		struct timespec v = {gts.tv_sec, gts.tv_nsec};
		if (flags & NETBSD_TIMER_ABSTIME)
			deadline = v;
		else
			bsd_deadline_after(c.host_id, &v, &deadline);
		dp = &deadline;
	}
	if (unpark) {
		long r = bsd_thread_unpark(unpark);
		if (r < 0)
			return r;
	}
	long r = bsd_thread_park(t, dp, c.host_id);
	if (ts && !(flags & NETBSD_TIMER_ABSTIME)) {
		struct timespec left;
		bsd_time_left(c.host_id, &deadline, &left);
		gts.tv_sec = left.tv_sec;
		gts.tv_nsec = left.tv_nsec;
		xeno_copy_out(ts, &gts, sizeof gts);
	}
	return r;
}

long netbsd_sys__lwp_unpark(struct xeno_thread *t, long target, uint64_t hint)
{
	(void)t, (void)hint;
	return bsd_thread_unpark(target);
}

/* Without targets: how many one call may name. */
long netbsd_sys__lwp_unpark_all(struct xeno_thread *t, uint64_t targets, size_t ntargets,
				uint64_t hint)
{
	(void)t, (void)hint;
	if (!targets)
		return NETBSD_LWP_UNPARK_MAX;
	if (ntargets > NETBSD_LWP_UNPARK_MAX)
		return -EINVAL;
	int32_t ids[NETBSD_LWP_UNPARK_MAX];
	if (xeno_copy_in(ids, targets, ntargets * sizeof *ids) < 0)
		return -EFAULT;
	for (size_t i = 0; i < ntargets; i++)
		bsd_thread_unpark(ids[i]);
	return 0;
}

/* Ends a park of target with EINTR; other sleeps are not interrupted
 * (ENODEV, as for an LWP that does not sleep). */
long netbsd_sys__lwp_wakeup(struct xeno_thread *t, long target)
{
	(void)t;
	return bsd_thread_interrupt(target);
}

/* sys__lwp_kill: signal 0 checks that the LWP exists. */
long netbsd_sys__lwp_kill(struct xeno_thread *t, long target, int signo)
{
	int hsig;
	if (signo < 0 || signo >= NETBSD_NSIG || bsd_signal_in(t, signo, &hsig) < 0)
		return -EINVAL;
	if (target <= 0)
		return -ESRCH;
	return bsd_thread_kill(target, hsig);
}

/* Every host thread is detached already: the call only checks the id. */
long netbsd_sys__lwp_detach(struct xeno_thread *t, long target)
{
	(void)t;
	return bsd_thread_kill(target, 0);
}

long netbsd_sys__lwp_setname(struct xeno_thread *t, long target, uint64_t uname)
{
	char name[NETBSD_MAXCOMLEN] = "";
	if (uname && xeno_strncpy_in(name, uname, sizeof name) == -EFAULT)
		return -EFAULT;
	name[sizeof name - 1] = '\0';
	if (target == 0)
		target = t->tid;
	return bsd_thread_kill(target, 0) ?: bsd_thread_set_name(t, target, name);
}
