/*
 * FreeBSD signal system calls onto the guest signal state (core/sigstate.h).
 * Semantics: sys/kern/kern_sig.c.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "abi/freebsd/signal.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "syscalls/freebsd/freebsd.h"

/* A FreeBSD signal number, 1.._SIG_MAXSIG, as a host one (0 for "none"). */
static int host_signal(int sig, int *host)
{
	if (sig < 0 || sig > FREEBSD_NSIG)
		return -EINVAL;
	*host = sig ? freebsd_signal_to_host(sig) : 0;
	if (sig && !*host)
		return -EINVAL;
	return 0;
}

/* sys_sigaction: the new action is read first (a bad act pointer changes
 * nothing), set, and the old one written out afterwards: a bad oact pointer
 * is EFAULT with the new action in place, as kern_sigaction leaves it. */
long freebsd_sys_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact)
{
	(void)t;
	int hsig;
	if (sig == 0 || host_signal(sig, &hsig) < 0)
		return -EINVAL;
	struct freebsd_sigaction fa;
	struct xeno_sigaction new_act, old;
	if (act) {
		if (xeno_copy_in(&fa, act, sizeof fa) < 0)
			return -EFAULT;
		uint64_t flags;
		if (xeno_flags_to_host(&freebsd_sigaction_flags, (uint32_t)fa.flags, &flags) < 0)
			return -EINVAL;
		if ((sig == FREEBSD_SIGKILL || sig == FREEBSD_SIGSTOP) &&
		    fa.handler != FREEBSD_SIG_DFL)
			return -EINVAL;
		new_act.handler = fa.handler;
		new_act.flags = (unsigned)flags;
		freebsd_sigset_to_host(&fa.mask, &new_act.mask);
	}
	if (oact)
		xeno_sig_get_action(hsig, &old);
	if (act && sig != FREEBSD_SIGKILL && sig != FREEBSD_SIGSTOP) {
		long r = xeno_sig_set_action(hsig, &new_act);
		if (r < 0)
			return r;
	}
	if (oact) {
		uint64_t flags = 0;
		xeno_flags_from_host(&freebsd_sigaction_flags, old.flags, &flags);
		memset(&fa, 0, sizeof fa);
		fa.handler = old.handler;
		fa.flags = (int32_t)flags;
		freebsd_sigset_from_host(&old.mask, &fa.mask);
		if (xeno_copy_out(oact, &fa, sizeof fa) < 0)
			return -EFAULT;
	}
	return 0;
}

/* sys_sigprocmask: the new set is read first, the mask changed, then the
 * old mask written out (kern_sigprocmask; an unknown how is EINVAL only
 * with a set, and then leaves oset alone). */
long freebsd_sys_sigprocmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset)
{
	struct freebsd_sigset fs;
	sigset_t hs, old = t->sigmask;
	if (set) {
		uint64_t hhow;
		if (xeno_copy_in(&fs, set, sizeof fs) < 0)
			return -EFAULT;
		if (xeno_flags_to_host(&freebsd_sigprocmask_how, (uint32_t)how, &hhow) < 0)
			return -EINVAL;
		freebsd_sigset_to_host(&fs, &hs);
		xeno_sig_set_mask(t, (int)hhow, &hs);
	}
	if (oset) {
		freebsd_sigset_from_host(&old, &fs);
		if (xeno_copy_out(oset, &fs, sizeof fs) < 0)
			return -EFAULT;
	}
	return 0;
}

long freebsd_sys_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss)
{
	struct freebsd_stack fs;
	bool on = xeno_sig_on_altstack(t, xeno_guest_sp(t));
	if (oss) {
		memset(&fs, 0, sizeof fs);
		fs.ss_sp = t->sigstack.sp;
		fs.ss_size = t->sigstack.size;
		fs.ss_flags = !t->sigstack.enabled ? FREEBSD_SS_DISABLE
			      : on		   ? FREEBSD_SS_ONSTACK
						   : 0;
	}
	if (ss) {
		struct freebsd_stack n;
		if (xeno_copy_in(&n, ss, sizeof n) < 0)
			return -EFAULT;
		if (on)
			return -EPERM;
		if (n.ss_flags & ~FREEBSD_SS_DISABLE)
			return -EINVAL;
		if (!(n.ss_flags & FREEBSD_SS_DISABLE)) {
			if (n.ss_size < FREEBSD_MINSIGSTKSZ)
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

long freebsd_sys_sigpending(struct xeno_thread *t, uint64_t set)
{
	sigset_t host;
	if (sigpending(&host) < 0)
		return -errno;
	sigorset(&host, &host, &t->pending);
	struct freebsd_sigset fs;
	freebsd_sigset_from_host(&host, &fs);
	return xeno_copy_out(set, &fs, sizeof fs);
}

/* Waits for one of the signals in the FreeBSD set at uset; fills *info. */
static long wait_signal(struct xeno_thread *t, uint64_t uset, uint64_t timeout, siginfo_t *info)
{
	struct freebsd_sigset fs;
	if (xeno_copy_in(&fs, uset, sizeof fs) < 0)
		return -EFAULT;
	sigset_t want;
	freebsd_sigset_to_host(&fs, &want);
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

long freebsd_sys_sigtimedwait(struct xeno_thread *t, uint64_t set, uint64_t info, uint64_t timeout)
{
	siginfo_t si;
	long sig = wait_signal(t, set, timeout, &si);
	if (sig < 0)
		return sig == -EAGAIN ? -EAGAIN : sig;
	if (info) {
		struct freebsd_siginfo fsi;
		memset(&fsi, 0, sizeof fsi);
		fsi.signo = freebsd_signal_from_host((int)sig);
		fsi.code = freebsd_si_code_from_host((int)sig, si.si_code);
		fsi.pid = si.si_pid;
		fsi.uid = si.si_uid;
		fsi.value = (uint64_t)si.si_value.sival_ptr;
		if (xeno_copy_out(info, &fsi, sizeof fsi) < 0)
			return -EFAULT;
	}
	return freebsd_signal_from_host((int)sig);
}

long freebsd_sys_sigwaitinfo(struct xeno_thread *t, uint64_t set, uint64_t info)
{
	return freebsd_sys_sigtimedwait(t, set, info, 0);
}

/* sigwait returns the error number itself rather than failing (FreeBSD's
 * kern_sig.c sys_sigwait), and restarts on EINTR. */
long freebsd_sys_sigwait(struct xeno_thread *t, uint64_t set, uint64_t sig)
{
	siginfo_t si;
	long s = wait_signal(t, set, 0, &si);
	if (s == -EINTR)
		return -XENO_ERESTART;
	if (s < 0)
		return t->os->errno_from_host((int)-s);
	int32_t fs = freebsd_signal_from_host((int)s);
	if (xeno_copy_out(sig, &fs, sizeof fs) < 0)
		return t->os->errno_from_host(EFAULT);
	return 0;
}

long freebsd_sys_sigsuspend(struct xeno_thread *t, uint64_t sigmask)
{
	struct freebsd_sigset fs;
	if (xeno_copy_in(&fs, sigmask, sizeof fs) < 0)
		return -EFAULT;
	sigset_t temp;
	freebsd_sigset_to_host(&fs, &temp);
	xeno_sig_set_temporary_mask(t, &temp);
	long r;
	do
		r = host_blocking_syscall(SYS_pause, 0, 0, 0, 0, 0, 0);
	while (r != -EINTR);
	return -EINTR; /* the handler runs on the way back (core/dispatch.c) */
}

long freebsd_sys_kill(struct xeno_thread *t, int pid, int sig)
{
	(void)t;
	int hsig;
	if (host_signal(sig, &hsig) < 0)
		return -EINVAL;
	return host_syscall2(SYS_kill, pid, hsig);
}

long freebsd_sys_sigqueue(struct xeno_thread *t, int pid, int sig, uint64_t value)
{
	(void)t;
	int hsig;
	if (host_signal(sig, &hsig) < 0)
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

struct kill_arg {
	int sig;
	long result;
};

static void kill_one(struct xeno_thread *t, void *arg)
{
	struct kill_arg *k = arg;
	long r = host_syscall3(SYS_tgkill, getpid(), t->tid, k->sig);
	if (r < 0)
		k->result = r;
}

/* thr_kill(-1, sig) signals every thread of the process (kern_thr.c). */
long freebsd_sys_thr_kill(struct xeno_thread *t, long id, int sig)
{
	(void)t;
	int hsig;
	if (host_signal(sig, &hsig) < 0)
		return -EINVAL;
	if (id != -1 && id <= 0)
		return -ESRCH;
	struct kill_arg k = {hsig, 0};
	int err = xeno_thread_with(id, kill_one, &k);
	return err ? err : k.result;
}

long freebsd_sys_thr_kill2(struct xeno_thread *t, int pid, long id, int sig)
{
	if (pid == 0 || pid == getpid())
		return freebsd_sys_thr_kill(t, id, sig);
	int hsig;
	if (host_signal(sig, &hsig) < 0)
		return -EINVAL;
	return host_syscall3(SYS_tgkill, pid, id, hsig);
}
