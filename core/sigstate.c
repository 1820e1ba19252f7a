#include "core/sigstate.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/flight.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/log.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/spinlock.h"
#include "core/stats.h"
#include "core/suspend.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/tracehook.h"

#define NHOSTSIG 64

static struct xeno_sigaction actions[NHOSTSIG + 1];
/* A spinlock, not a pthread mutex: sigaction runs on the guest's FS base
 * (NOTLS), where glibc's locks would read the guest's memory as their TCB. */
static int actions_lock;

static void lock_actions(void)
{
	xeno_spin_lock(&actions_lock);
}

static void unlock_actions(void)
{
	xeno_spin_unlock(&actions_lock);
}

static void unlock_actions_after_fork(bool child)
{
	(void)child;
	unlock_actions();
}

XENO_FORK_LOCK(sigactions, XENO_FORK_RANK_CORE + 20, lock_actions, unlock_actions_after_fork);

bool xeno_sig_is_reserved(int sig)
{
	return sig == SIGSYS || sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
	       sig == SIGTRAP;
}

/* Signals Linux ignores by default (signal(7)). */
static bool host_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

int xeno_sig_get_action(int sig, struct xeno_sigaction *act)
{
	if (sig < 1 || sig > NHOSTSIG)
		return -EINVAL;
	lock_actions();
	*act = actions[sig];
	unlock_actions();
	return 0;
}

/* The crash signals a process sends itself (abort) or gets from its
 * limits: xeno catches them even under SIG_DFL, so that the flight
 * recorder can speak before xeno_sig_die re-raises them. */
static bool catches_default(int sig)
{
#ifdef XENO_NO_TRACE
	(void)sig;
	return false;
#else
	return sig == SIGQUIT || sig == SIGABRT || sig == SIGXCPU || sig == SIGXFSZ;
#endif
}

/* Whether the guest's OS ignores sig by default where Linux does not
 * (FreeBSD's SIGINFO, SIGIO, SIGTHR...): xeno must discard it itself. */
static bool only_guest_ignores(int sig)
{
	const struct xeno_personality *os = xeno_proc.os;
	return os && os->signal_default_ignored && os->signal_default_ignored(sig) &&
	       !host_default_ignored(sig);
}

/* What the kernel should do with sig while the guest's disposition is act. */
static int install_host(int sig, const struct xeno_sigaction *act)
{
	if (xeno_sig_is_reserved(sig))
		return 0; /* always xeno's */
	if (act->handler == XENO_SIG_IGN)
		return xeno_set_host_disposition(sig, (uintptr_t)SIG_IGN);
	if (act->handler == XENO_SIG_DFL) {
		if (catches_default(sig))
			return xeno_catch_host_signal(sig, 0);
		/* Caught and discarded (deliver), not SIG_IGN: an ignored
		 * disposition would outlive execve into every program the
		 * guest starts, where the signal is not ignored by default. */
		if (only_guest_ignores(sig))
			return xeno_catch_host_signal(sig, 0);
		return xeno_set_host_disposition(sig, (uintptr_t)SIG_DFL);
	}
	unsigned long extra = 0;
	if (sig == SIGCHLD)
		extra = (act->flags & XENO_SA_NOCLDSTOP ? SA_NOCLDSTOP : 0) |
			(act->flags & XENO_SA_NOCLDWAIT ? SA_NOCLDWAIT : 0);
	return xeno_catch_host_signal(sig, extra);
}

int xeno_sig_set_action(int sig, const struct xeno_sigaction *act)
{
	if (sig < 1 || sig > NHOSTSIG || sig == SIGKILL || sig == SIGSTOP)
		return -EINVAL;
	lock_actions();
	actions[sig] = *act;
	int err = install_host(sig, act);
	unlock_actions();
	return err;
}

void xeno_sig_apply_mask(struct xeno_thread *t)
{
	sigset_t host = t->sigmask;
	const int never[] = {SIGKILL, SIGSTOP, SIGSYS,	SIGSEGV,	 SIGBUS,
			     SIGILL,  SIGFPE,  SIGTRAP, XENO_SIG_SUSPEND};
	for (unsigned i = 0; i < sizeof never / sizeof never[0]; i++)
		sigdelset(&host, never[i]);
	memcpy(&t->wait_mask, &host, sizeof t->wait_mask);
	if (t->uc) {
		/* A trap or a patched site's call: the mask comes into force
		 * with the context the guest resumes; until then the one in
		 * force is not the one to wait with (core/blocking.S). */
		t->direct = 0;
		t->uc->uc_sigmask = host;
	} else if (t->direct) {
		/* A direct call (core/libgate.S) runs under the guest's mask:
		 * the new one is in force at once, so that a thread unblocking
		 * its signals by a library call gets them (a signal it lets
		 * through lands in xeno now, is queued and delivered on the
		 * way back). */
		host_syscall4(SYS_rt_sigprocmask, SIG_SETMASK, &host, NULL, sizeof(uint64_t));
	}
}

void xeno_sig_set_mask(struct xeno_thread *t, int how, const sigset_t *set)
{
	switch (how) {
	case SIG_BLOCK:
		sigorset(&t->sigmask, &t->sigmask, set);
		break;
	case SIG_UNBLOCK:
		for (int s = 1; s <= NHOSTSIG; s++)
			if (sigismember(set, s) == 1)
				sigdelset(&t->sigmask, s);
		break;
	default:
		t->sigmask = *set;
	}
	sigdelset(&t->sigmask, SIGKILL);
	sigdelset(&t->sigmask, SIGSTOP);
	xeno_sig_apply_mask(t);
}

bool xeno_sig_on_altstack(const struct xeno_thread *t, uint64_t sp)
{
	return t->sigstack.enabled && sp - t->sigstack.sp < t->sigstack.size;
}

/* Signals whose default action dumps core: a crash, worth the flight
 * recorder (signal(7); a plain termination such as SIGTERM is not). */
static bool dumps_core(int sig)
{
	return sig == SIGQUIT || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT ||
	       sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV || sig == SIGSYS ||
	       sig == SIGXCPU || sig == SIGXFSZ;
}

/* Whether the program sent itself si's signal (abort, raise, thr_kill or
 * kill of itself): a fault is the hardware's, and a signal from elsewhere
 * (another process, the kernel's limits) has no sender in the process. */
static bool self_sent(const siginfo_t *si)
{
	return si && (si->si_code == SI_USER || si->si_code == SI_TKILL) && si->si_pid == getpid();
}

/* The process dies of host signal sig (si: how it came, or NULL): say
 * what it did last — unless it aborted on purpose, having said why
 * itself: then its standard error stays its own, byte for byte, and the
 * report goes only where calls are traced. */
static void last_words(int sig, const siginfo_t *si)
{
	struct xeno_thread *t = xeno_threads_current();
	if (dumps_core(sig)) {
		char why[64];
		const char *name = sigabbrev_np(sig);
		snprintf(why, sizeof why, "the program dies of SIG%s", name ? name : "?");
		xeno_flight_dump(why, self_sent(si));
	}
	xeno_trace_killed(t, sig);
}

_Noreturn void xeno_sig_die(int sig, const siginfo_t *si)
{
	last_words(sig, si);
	xeno_set_host_disposition(sig, (uintptr_t)SIG_DFL);
	sigset_t only;
	sigemptyset(&only);
	sigaddset(&only, sig);
	pthread_sigmask(SIG_UNBLOCK, &only, NULL);
	host_syscall3(SYS_tgkill, getpid(), gettid(), sig);
	/* A stop signal comes back here once continued; nothing else does. */
	host_syscall1(SYS_exit_group, 128 + sig);
	__builtin_unreachable();
}

static bool is_fault(int sig, const siginfo_t *si)
{
	return si->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
				   sig == SIGFPE || sig == SIGTRAP);
}

/* Runs the guest's disposition for sig in context uc. */
static void deliver(struct xeno_thread *t, int sig, siginfo_t *si, ucontext_t *uc)
{
	struct xeno_sigaction act = {.handler = XENO_SIG_DFL};
	xeno_sig_get_action(sig, &act);
	bool fault = is_fault(sig, si);
	if (act.handler == XENO_SIG_IGN && !fault)
		return;
	if (act.handler == XENO_SIG_DFL || act.handler == XENO_SIG_IGN ||
	    (fault && sigismember(&t->sigmask, sig) == 1)) {
		const struct xeno_personality *os = t->os;
		if (!fault && os->signal_default_ignored && os->signal_default_ignored(sig))
			return;
		if (fault) {
			/* Let the instruction fault again under the default
			 * action: the core dump shows the guest as it was. */
			last_words(sig, si);
			xeno_set_host_disposition(sig, (uintptr_t)SIG_DFL);
			return;
		}
		xeno_sig_die(sig, si);
	}
	/* After a temporary mask (sigsuspend), the frame records the mask to
	 * go back to, while the handler runs under the temporary one. */
	sigset_t old = t->has_saved_mask ? t->saved_mask : t->sigmask;
	t->has_saved_mask = false;
	ucontext_t *saved = t->uc;
	t->uc = uc;
	if (xeno_trace_enabled)
		xeno_trace_signal(t, sig, si);
	xeno_count(&xeno_counters.signals);
	t->os->deliver_signal(t, uc, sig, si, &act, &old);
	sigorset(&t->sigmask, &t->sigmask, &act.mask);
	if (!(act.flags & XENO_SA_NODEFER))
		sigaddset(&t->sigmask, sig);
	xeno_sig_apply_mask(t);
	t->uc = saved;
	if (act.flags & XENO_SA_RESETHAND) {
		struct xeno_sigaction dfl = {.handler = XENO_SIG_DFL};
		sigemptyset(&dfl.mask);
		xeno_sig_set_action(sig, &dfl);
	}
}

void xeno_sig_from_guest(struct xeno_thread *t, int sig, siginfo_t *si, ucontext_t *uc)
{
	/* The reserved signals reach xeno even when the guest blocks them:
	 * hold a blocked one (sent, not raised by a fault) for later. */
	if (xeno_sig_is_reserved(sig) && !is_fault(sig, si) && sigismember(&t->sigmask, sig) == 1) {
		xeno_sig_queue(t, sig, si);
		return;
	}
	deliver(t, sig, si, uc);
}

void xeno_sig_queue(struct xeno_thread *t, int sig, const siginfo_t *si)
{
	if (sig < 1 || sig > NHOSTSIG)
		return;
	t->pending_info[sig] = *si;
	sigaddset(&t->pending, sig);
	t->sigpending = 1;
}

void xeno_sig_deliver_queued(struct xeno_thread *t, ucontext_t *uc)
{
	t->sigpending = 0;
	for (int sig = 1; sig <= NHOSTSIG; sig++) {
		if (sigismember(&t->pending, sig) != 1 || sigismember(&t->sigmask, sig) == 1)
			continue;
		sigdelset(&t->pending, sig);
		siginfo_t si = t->pending_info[sig];
		deliver(t, sig, &si, uc);
	}
	for (int sig = 1; sig <= NHOSTSIG; sig++)
		if (sigismember(&t->pending, sig) == 1)
			t->sigpending = 1; /* still blocked: kept for later */
	if (t->has_saved_mask) {
		/* No handler ran: the temporary mask simply ends. */
		t->has_saved_mask = false;
		t->sigmask = t->saved_mask;
		ucontext_t *saved = t->uc;
		t->uc = uc;
		xeno_sig_apply_mask(t);
		t->uc = saved;
	}
}

void xeno_sig_set_temporary_mask(struct xeno_thread *t, const sigset_t *temp)
{
	t->saved_mask = t->sigmask;
	t->has_saved_mask = true; /* the way back ends it (core/dispatch.c) */
	xeno_sig_set_mask(t, SIG_SETMASK, temp);
	/* sigpending makes a blocking call return at once: only for a signal
	 * already queued that the temporary mask lets through. */
	for (int sig = 1; sig <= NHOSTSIG; sig++)
		if (sigismember(&t->pending, sig) == 1 && sigismember(&t->sigmask, sig) != 1)
			t->sigpending = 1;
}

bool xeno_sig_restarts(int sig)
{
	struct xeno_sigaction act = {.handler = XENO_SIG_DFL};
	if (xeno_sig_get_action(sig, &act) != 0)
		return false;
	if (act.handler == XENO_SIG_DFL && only_guest_ignores(sig))
		return true; /* discarded: the call goes on as if nothing came */
	return act.handler > XENO_SIG_IGN && (act.flags & XENO_SA_RESTART);
}

bool xeno_sig_queued_restart(struct xeno_thread *t)
{
	for (int sig = 1; sig <= NHOSTSIG; sig++)
		if (sigismember(&t->pending, sig) == 1 && sigismember(&t->sigmask, sig) != 1 &&
		    !xeno_sig_restarts(sig))
			return false;
	return true;
}

/* The host signals xeno's parent left ignored, as a mask (bit sig-1), from
 * the SigIgn line of /proc/self/status (proc(5)): one read instead of 64
 * rt_sigaction queries at every start.  -1 if it cannot be read. */
static int inherited_ignored(uint64_t *mask)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	const char *line = strstr(buf, "\nSigIgn:");
	if (!line)
		return -1;
	char *end;
	errno = 0;
	unsigned long long bits = strtoull(line + sizeof "\nSigIgn:" - 1, &end, 16);
	if (errno != 0 || end == line + sizeof "\nSigIgn:" - 1 || *end != '\n')
		return -1;
	*mask = bits;
	return 0;
}

/* Whether the parent left SIG ignored: from the mask when there is one,
 * else by asking.  glibc's own signals (32 and 33, which sigaction refuses)
 * count as not ignored, as sigaction would have said. */
static bool ignored_at_start(int sig, const uint64_t *mask)
{
	if (sig == SIGKILL || sig == SIGSTOP || (sig >= 32 && sig < SIGRTMIN))
		return false;
	if (mask)
		return (*mask >> (sig - 1)) & 1;
	struct sigaction old;
	return sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN;
}

/* The guest starts with the dispositions xeno inherited: what its parent
 * ignored stays ignored (so nohup works), everything else is default. */
void xeno_sig_init(void)
{
	uint64_t mask;
	bool have_mask = inherited_ignored(&mask) == 0;
	for (int sig = 1; sig <= NHOSTSIG; sig++) {
		actions[sig].handler = XENO_SIG_DFL;
		sigemptyset(&actions[sig].mask);
		if (ignored_at_start(sig, have_mask ? &mask : NULL))
			actions[sig].handler = XENO_SIG_IGN;
		else if (catches_default(sig) ||
			 (!xeno_sig_is_reserved(sig) && only_guest_ignores(sig)))
			xeno_catch_host_signal(sig, 0);
	}
}
