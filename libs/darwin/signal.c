/*
 * macOS's signal calls onto the guest signal state (core/sigstate.h):
 * sigaction (the 16-byte user struct sigaction: handler, 32-bit mask,
 * flags), pthread_sigmask, sigaltstack (stack_t {sp, size, flags}: SS_ONSTACK
 * 1, SS_DISABLE 4, MINSIGSTKSZ 32768), kill, raise, pthread_kill (a
 * pthread_t is a TSD block: libs/darwin/thread.c).  Semantics: xnu
 * bsd/kern/kern_sig.c sigaction, sigprocmask, sigaltstack.
 */
#include <errno.h>
#include <string.h>

#include "abi/darwin/signal.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

#define DARWIN_MINSIGSTKSZ 32768

static int host_signal(int sig)
{
	if (sig < 0 || sig >= DARWIN_NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;
	int h = darwin_signal_to_host(sig);
	return h ? h : -EINVAL;
}

long darwin_libSystem_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact)
{
	(void)t;
	int hsig = host_signal(sig);
	if (sig <= 0 || sig >= DARWIN_NSIG)
		return -EINVAL;
	struct darwin_sigaction da;
	if (hsig < 0) {
		/* SIGEMT: Linux never raises it; its action is only kept */
		static struct darwin_sigaction kept[DARWIN_NSIG];
		if (oact && xeno_copy_out(oact, &kept[sig], sizeof da) < 0)
			return -EFAULT;
		if (act && xeno_copy_in(&kept[sig], act, sizeof da) < 0)
			return -EFAULT;
		return 0;
	}
	struct xeno_sigaction new_act, old;
	if (act) {
		uint64_t flags;
		if (xeno_copy_in(&da, act, sizeof da) < 0)
			return -EFAULT;
		/* SA_USERTRAMP 0x100 and SA_64REGSET 0x200 are the kernel's */
		if (xeno_flags_to_host(&darwin_sigaction_flags, (uint32_t)da.flags & ~0x300u,
				       &flags) < 0)
			return -EINVAL;
		if ((sig == DARWIN_SIGKILL || sig == DARWIN_SIGSTOP) && da.handler != 0)
			return -EINVAL;
		new_act.handler = da.handler;
		new_act.flags = (unsigned)flags;
		darwin_sigset_to_host(da.mask, &new_act.mask);
	}
	if (oact)
		xeno_sig_get_action(hsig, &old);
	if (act && sig != DARWIN_SIGKILL && sig != DARWIN_SIGSTOP) {
		long r = xeno_sig_set_action(hsig, &new_act);
		if (r < 0)
			return r;
	}
	if (oact) {
		uint64_t flags = 0;
		xeno_flags_from_host(&darwin_sigaction_flags, old.flags, &flags);
		da = (struct darwin_sigaction){old.handler, darwin_sigset_from_host(&old.mask),
					       (int32_t)flags};
		if (xeno_copy_out(oact, &da, sizeof da) < 0)
			return -EFAULT;
	}
	return 0;
}

long darwin_libSystem_pthread_sigmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset)
{
	sigset_t old = t->sigmask;
	if (set) {
		uint32_t ds;
		if (xeno_copy_in(&ds, set, sizeof ds) < 0)
			return -EFAULT;
		int hhow = how == DARWIN_SIG_BLOCK     ? SIG_BLOCK
			   : how == DARWIN_SIG_UNBLOCK ? SIG_UNBLOCK
			   : how == DARWIN_SIG_SETMASK ? SIG_SETMASK
						       : -1;
		if (hhow < 0)
			return -EINVAL;
		sigset_t hs;
		darwin_sigset_to_host(ds, &hs);
		xeno_sig_set_mask(t, hhow, &hs);
	}
	if (oset) {
		uint32_t ds = darwin_sigset_from_host(&old);
		if (xeno_copy_out(oset, &ds, sizeof ds) < 0)
			return -EFAULT;
	}
	return 0;
}

static uint64_t guest_sp(const struct xeno_thread *t)
{
	if (t->uc)
		return (uint64_t)t->uc->uc_mcontext.gregs[REG_RSP];
	return t->lib_regs ? (uint64_t)(t->lib_regs + XENO_LIBREGS_STACK) : 0;
}

long darwin_libSystem_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss)
{
	struct darwin_stack os = {0};
	bool on = xeno_sig_on_altstack(t, guest_sp(t));
	os.sp = t->sigstack.sp;
	os.size = t->sigstack.size;
	os.flags = !t->sigstack.enabled ? DARWIN_SS_DISABLE : on ? DARWIN_SS_ONSTACK : 0;
	if (ss) {
		struct darwin_stack n;
		if (xeno_copy_in(&n, ss, sizeof n) < 0)
			return -EFAULT;
		if (on)
			return -EPERM;
		if (n.flags & ~DARWIN_SS_DISABLE)
			return -EINVAL;
		if (!(n.flags & DARWIN_SS_DISABLE)) {
			if (n.size < DARWIN_MINSIGSTKSZ)
				return -ENOMEM;
			t->sigstack.sp = n.sp;
			t->sigstack.size = n.size;
			t->sigstack.enabled = true;
		} else {
			t->sigstack.enabled = false;
		}
	}
	if (oss && xeno_copy_out(oss, &os, sizeof os) < 0)
		return -EFAULT;
	return 0;
}

long darwin_libSystem_kill(struct xeno_thread *t, int pid, int sig)
{
	(void)t;
	int hsig = host_signal(sig);
	return hsig < 0 ? hsig : host_syscall2(SYS_kill, pid, hsig);
}

long darwin_libSystem_raise(struct xeno_thread *t, int sig)
{
	int hsig = host_signal(sig);
	if (hsig < 0)
		return hsig;
	return host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), t->tid, hsig);
}

long darwin_libSystem_pthread_kill(struct xeno_thread *t, uint64_t thread, int sig)
{
	(void)t;
	int hsig = host_signal(sig);
	if (hsig < 0)
		return hsig;
	pid_t tid = darwin_thread_tid(thread);
	if (!tid)
		return -ESRCH;
	return host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), tid, hsig);
}
