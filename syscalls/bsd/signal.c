/*
 * Signal system calls shared by the BSD personalities, onto the guest
 * signal state (core/sigstate.h).  Semantics: FreeBSD sys/kern/kern_sig.c
 * and NetBSD sys/kern/sys_sig.c, which agree but where the facts say
 * (struct bsd_signal_facts: layouts, MINSIGSTKSZ, the flags each accepts).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/signal.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/signal.h"

static const struct bsd_signal_facts *sig_facts(const struct xeno_thread *t)
{
	return bsd_abi_of(t)->sig;
}

/* A foreign signal number, 1..nsig, as a host one (0 for "none"). */
static int host_signal(const struct bsd_signal_facts *f, int sig, int *host)
{
	if (sig < 0 || sig > f->signals->nsig)
		return -EINVAL;
	*host = sig ? bsd_signal_to_host(f->signals, sig) : 0;
	if (sig && !*host)
		return -EINVAL;
	return 0;
}

int bsd_signal_in(const struct xeno_thread *t, int sig, int *host)
{
	return host_signal(sig_facts(t), sig, host);
}

/* A foreign sigset_t in and out, in the OS's size. */
static int sigset_copy_in(const struct bsd_signal_facts *f, struct bsd_sigset *set, uint64_t uaddr)
{
	memset(set, 0, sizeof *set);
	return xeno_copy_in(set, uaddr, f->sigset_size ? f->sigset_size : sizeof *set);
}

static int sigset_copy_out(const struct bsd_signal_facts *f, uint64_t uaddr,
			   const struct bsd_sigset *set)
{
	return xeno_copy_out(uaddr, set, f->sigset_size ? f->sigset_size : sizeof *set);
}

void bsd_sigset_in(const struct xeno_thread *t, const struct bsd_sigset *set, sigset_t *host)
{
	bsd_sigset_to_host(sig_facts(t)->signals, set, host);
}

/* The new action is read first (a bad act pointer changes nothing), set,
 * and the old one written out afterwards: a bad oact pointer is EFAULT with
 * the new action in place (FreeBSD kern_sigaction, NetBSD sigaction1). */
long bsd_sys_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact)
{
	const struct bsd_signal_facts *f = sig_facts(t);
	int hsig;
	if (sig == 0 || host_signal(f, sig, &hsig) < 0)
		return -EINVAL;
	uint64_t raw[8];
	struct bsd_sigaction sa;
	struct xeno_sigaction new_act, old;
	bool kill_stop = sig == BSD_SIGKILL || sig == BSD_SIGSTOP;
	if (act) {
		if (f->sigaction_size > sizeof raw || xeno_copy_in(raw, act, f->sigaction_size) < 0)
			return -EFAULT;
		f->sigaction_in(raw, &sa);
		uint64_t flags;
		if (xeno_flags_to_host(f->sigaction_flags, sa.flags, &flags) < 0)
			return -EINVAL;
		if (kill_stop && (f->kill_stop_any_action_refused || sa.handler != BSD_SIG_DFL))
			return -EINVAL;
		new_act.handler = sa.handler;
		new_act.flags = (unsigned)flags;
		bsd_sigset_to_host(f->signals, &sa.mask, &new_act.mask);
	}
	if (oact)
		xeno_sig_get_action(hsig, &old);
	if (act && !kill_stop) {
		long r = xeno_sig_set_action(hsig, &new_act);
		if (r < 0)
			return r;
	}
	if (oact) {
		uint64_t flags = 0;
		xeno_flags_from_host(f->sigaction_flags, old.flags, &flags);
		memset(&sa, 0, sizeof sa);
		sa.handler = old.handler;
		sa.flags = (uint32_t)flags;
		bsd_sigset_from_host(f->signals, &old.mask, &sa.mask);
		memset(raw, 0, sizeof raw);
		f->sigaction_out(&sa, raw);
		if (xeno_copy_out(oact, raw, f->sigaction_size) < 0)
			return -EFAULT;
	}
	return 0;
}

/* The new set is read first, the mask changed, then the old mask written
 * out (an unknown how is EINVAL only with a set, and then leaves oset
 * alone). */
long bsd_sys_sigprocmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset)
{
	const struct bsd_signal_facts *f = sig_facts(t);
	struct bsd_sigset fs;
	sigset_t hs, old = t->sigmask;
	if (set) {
		uint64_t hhow;
		if (sigset_copy_in(f, &fs, set) < 0)
			return -EFAULT;
		if (xeno_flags_to_host(&bsd_sigprocmask_how, (uint32_t)how, &hhow) < 0)
			return -EINVAL;
		bsd_sigset_to_host(f->signals, &fs, &hs);
		xeno_sig_set_mask(t, (int)hhow, &hs);
	}
	if (oset) {
		bsd_sigset_from_host(f->signals, &old, &fs);
		if (sigset_copy_out(f, oset, &fs) < 0)
			return -EFAULT;
	}
	return 0;
}

long bsd_sys_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss)
{
	const struct bsd_signal_facts *f = sig_facts(t);
	struct bsd_stack fs;
	bool on = xeno_sig_on_altstack(t, xeno_guest_sp(t));
	if (oss) {
		memset(&fs, 0, sizeof fs);
		fs.ss_sp = t->sigstack.sp;
		fs.ss_size = t->sigstack.size;
		fs.ss_flags = !t->sigstack.enabled ? BSD_SS_DISABLE : on ? BSD_SS_ONSTACK : 0;
	}
	if (ss) {
		struct bsd_stack n;
		if (xeno_copy_in(&n, ss, sizeof n) < 0)
			return -EFAULT;
		if (on)
			return -EPERM;
		if (n.ss_flags & ~f->ss_flags_allowed)
			return -EINVAL;
		if (!(n.ss_flags & BSD_SS_DISABLE)) {
			if (n.ss_size < f->minsigstksz)
				return -ENOMEM;
			t->sigstack.sp = n.ss_sp;
			t->sigstack.size = n.ss_size;
			t->sigstack.enabled = true;
		} else {
			t->sigstack.enabled = false;
		}
	}
	if (oss && xeno_copy_out(oss, &fs, sizeof fs) < 0)
		return -EFAULT;
	return 0;
}

long bsd_sys_sigpending(struct xeno_thread *t, uint64_t set)
{
	sigset_t host;
	if (sigpending(&host) < 0)
		return -errno;
	sigorset(&host, &host, &t->pending);
	struct bsd_sigset fs;
	bsd_sigset_from_host(sig_facts(t)->signals, &host, &fs);
	return sigset_copy_out(sig_facts(t), set, &fs);
}

/* Waits for one of the signals in the foreign set at uset; fills *info. */
static long wait_signal(struct xeno_thread *t, uint64_t uset, uint64_t timeout, siginfo_t *info)
{
	struct bsd_sigset fs;
	if (sigset_copy_in(sig_facts(t), &fs, uset) < 0)
		return -EFAULT;
	sigset_t want;
	bsd_sigset_to_host(sig_facts(t)->signals, &fs, &want);
	for (int sig = 1; sig <= 64; sig++)
		if (sigismember(&want, sig) == 1 && sigismember(&t->pending, sig) == 1) {
			sigdelset(&t->pending, sig);
			*info = t->pending_info[sig];
			return sig;
		}
	struct timespec ts, *tsp = NULL;
	if (timeout) {
		if (xeno_copy_in(&ts, timeout, sizeof ts) < 0)
			return -EFAULT;
		if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		tsp = &ts;
	}
	return host_blocking_syscall(SYS_rt_sigtimedwait, &want, info, tsp, 8, 0, 0);
}

long bsd_sys_sigtimedwait(struct xeno_thread *t, uint64_t set, uint64_t info, uint64_t timeout)
{
	const struct bsd_signal_facts *f = sig_facts(t);
	siginfo_t si;
	long sig = wait_signal(t, set, timeout, &si);
	if (sig < 0)
		return sig;
	if (info) {
		struct bsd_siginfo bsi;
		uint64_t raw[16];
		memset(&bsi, 0, sizeof bsi);
		bsi.signo = bsd_signal_from_host(f->signals, (int)sig);
		bsi.code = bsd_si_code_from_host(f->si_codes, (int)sig, si.si_code);
		bsi.pid = si.si_pid;
		bsi.uid = si.si_uid;
		bsi.value = (uint64_t)si.si_value.sival_ptr;
		memset(raw, 0, sizeof raw);
		f->siginfo_out(&bsi, raw);
		if (f->siginfo_size > sizeof raw || xeno_copy_out(info, raw, f->siginfo_size) < 0)
			return -EFAULT;
	}
	return bsd_signal_from_host(f->signals, (int)sig);
}

long bsd_sys_sigwaitinfo(struct xeno_thread *t, uint64_t set, uint64_t info)
{
	return bsd_sys_sigtimedwait(t, set, info, 0);
}

/* sigwait returns the error number itself rather than failing (FreeBSD's
 * kern_sig.c sys_sigwait), and restarts on EINTR. */
long bsd_sys_sigwait(struct xeno_thread *t, uint64_t set, uint64_t sig)
{
	siginfo_t si;
	long s = wait_signal(t, set, 0, &si);
	if (s == -EINTR)
		return -XENO_ERESTART;
	if (s < 0)
		return t->os->errno_from_host((int)-s);
	int32_t fs = bsd_signal_from_host(sig_facts(t)->signals, (int)s);
	if (xeno_copy_out(sig, &fs, sizeof fs) < 0)
		return t->os->errno_from_host(EFAULT);
	return 0;
}

long bsd_sys_sigsuspend(struct xeno_thread *t, uint64_t sigmask)
{
	struct bsd_sigset fs;
	if (sigset_copy_in(sig_facts(t), &fs, sigmask) < 0)
		return -EFAULT;
	sigset_t temp;
	bsd_sigset_to_host(sig_facts(t)->signals, &fs, &temp);
	xeno_sig_set_temporary_mask(t, &temp);
	long r;
	do
		r = host_blocking_syscall(SYS_pause, 0, 0, 0, 0, 0, 0);
	while (r != -EINTR);
	return -EINTR; /* the handler runs on the way back (core/dispatch.c) */
}

long bsd_sys_kill(struct xeno_thread *t, int pid, int sig)
{
	int hsig;
	if (host_signal(sig_facts(t), sig, &hsig) < 0)
		return -EINVAL;
	return host_syscall2(SYS_kill, pid, hsig);
}

long bsd_sys_sigqueue(struct xeno_thread *t, int pid, int sig, uint64_t value)
{
	int hsig;
	if (host_signal(sig_facts(t), sig, &hsig) < 0)
		return -EINVAL;
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = hsig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_ptr = (void *)value;
	return host_syscall3(SYS_rt_sigqueueinfo, pid, hsig, &si);
}

uint64_t bsd_signal_frame_top(const struct xeno_thread *t, const struct xeno_sigaction *act,
			      uint64_t sp, bool *on_alt)
{
	*on_alt = xeno_sig_on_altstack(t, sp);
	if ((act->flags & XENO_SA_ONSTACK) && t->sigstack.enabled && !*on_alt)
		return t->sigstack.sp + t->sigstack.size;
	return sp - 128; /* the red zone */
}
