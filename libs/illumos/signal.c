/*
 * illumos's signal calls onto the guest signal state (core/sigstate.h):
 * sigaction, sigprocmask and pthread_sigmask, sigaltstack, kill, raise,
 * pthread_kill.  Semantics: usr/src/uts/common/syscall/sigaction.c,
 * sigprocmask.c, sigaltstack.c; usr/src/lib/libc/port/threads/sigaction.c.
 */
#include <errno.h>
#include <string.h>

#include "abi/illumos/signal.h"
#include "core/host.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"

/* An illumos signal number as a host one: 0 for "none", -EINVAL for a
 * number illumos does not have or xeno cannot carry. */
static int host_signal(int sig)
{
	if (sig < 0 || sig > ILLUMOS_SIGRTMAX)
		return -EINVAL;
	if (sig == 0)
		return 0;
	int h = illumos_signal_to_host(sig);
	return h ? h : -EINVAL;
}

/* The new action is read and checked first, the old one written last. */
long illumos_libc_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact)
{
	(void)t;
	int hsig = host_signal(sig);
	if (sig == 0 || hsig < 0)
		return -EINVAL;
	struct illumos_sigaction ia;
	struct xeno_sigaction new_act, old;
	if (act) {
		uint64_t flags;
		if (xeno_copy_in(&ia, act, sizeof ia) < 0)
			return -EFAULT;
		if (xeno_flags_to_host(&illumos_sigaction_flags, (uint32_t)ia.flags, &flags) < 0)
			return -EINVAL;
		if ((sig == ILLUMOS_SIGKILL || sig == ILLUMOS_SIGSTOP) &&
		    ia.handler != ILLUMOS_SIG_DFL)
			return -EINVAL;
		new_act.handler = ia.handler;
		new_act.flags = (unsigned)flags;
		illumos_sigset_to_host(&ia.mask, &new_act.mask);
	}
	if (oact)
		xeno_sig_get_action(hsig, &old);
	if (act && sig != ILLUMOS_SIGKILL && sig != ILLUMOS_SIGSTOP) {
		long r = xeno_sig_set_action(hsig, &new_act);
		if (r < 0)
			return r;
	}
	if (oact) {
		uint64_t flags = 0;
		xeno_flags_from_host(&illumos_sigaction_flags, old.flags, &flags);
		memset(&ia, 0, sizeof ia);
		ia.flags = (int32_t)flags;
		ia.handler = old.handler;
		illumos_sigset_from_host(&old.mask, &ia.mask);
		if (xeno_copy_out(oact, &ia, sizeof ia) < 0)
			return -EFAULT;
	}
	return 0;
}

long illumos_libc_sigprocmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset)
{
	struct illumos_sigset is;
	sigset_t hs, old = t->sigmask;
	if (set) {
		uint64_t hhow;
		if (xeno_copy_in(&is, set, sizeof is) < 0)
			return -EFAULT;
		if (xeno_flags_to_host(&illumos_sigprocmask_how, (uint32_t)how, &hhow) < 0)
			return -EINVAL;
		illumos_sigset_to_host(&is, &hs);
		xeno_sig_set_mask(t, (int)hhow, &hs);
	}
	if (oset) {
		illumos_sigset_from_host(&old, &is);
		if (xeno_copy_out(oset, &is, sizeof is) < 0)
			return -EFAULT;
	}
	return 0;
}

long illumos_libc_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss)
{
	struct illumos_stack is;
	bool on = xeno_sig_on_altstack(t, illumos_guest_sp(t));
	if (oss) {
		memset(&is, 0, sizeof is);
		is.ss_sp = t->sigstack.sp;
		is.ss_size = t->sigstack.size;
		is.ss_flags = !t->sigstack.enabled ? ILLUMOS_SS_DISABLE
			      : on		   ? ILLUMOS_SS_ONSTACK
						   : 0;
	}
	if (ss) {
		struct illumos_stack n;
		if (xeno_copy_in(&n, ss, sizeof n) < 0)
			return -EFAULT;
		if (on)
			return -EPERM;
		if (n.ss_flags & ~ILLUMOS_SS_DISABLE)
			return -EINVAL;
		if (!(n.ss_flags & ILLUMOS_SS_DISABLE)) {
			if (n.ss_size < ILLUMOS_MINSIGSTKSZ)
				return -ENOMEM;
			t->sigstack.sp = n.ss_sp;
			t->sigstack.size = n.ss_size;
			t->sigstack.enabled = true;
		} else {
			t->sigstack.enabled = false;
		}
	}
	if (oss && xeno_copy_out(oss, &is, sizeof is) < 0)
		return -EFAULT;
	return 0;
}

long illumos_libc_kill(struct xeno_thread *t, int pid, int sig)
{
	(void)t;
	int hsig = host_signal(sig);
	return hsig < 0 ? hsig : host_syscall2(SYS_kill, pid, hsig);
}

/* raise: to the calling thread (libc's raise is thr_kill(thr_self())). */
long illumos_libc_raise(struct xeno_thread *t, int sig)
{
	int hsig = host_signal(sig);
	if (hsig < 0)
		return hsig;
	return host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), t->tid, hsig);
}

/* pthread_kill(thread, sig): the error number as the result; a thread id
 * that is not one of the process's is ESRCH. */
long illumos_libc_pthread_kill(struct xeno_thread *t, unsigned int thread, int sig)
{
	(void)t;
	int hsig = host_signal(sig);
	if (hsig < 0)
		return hsig;
	if (thread == 0 || thread > INT32_MAX)
		return -ESRCH;
	return host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), thread, hsig);
}
