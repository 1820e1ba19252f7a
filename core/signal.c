/*
 * The C side of the gate: every host signal xeno catches arrives here, split
 * by whether it interrupted the guest or xeno itself.
 */
#include <signal.h>
#include <ucontext.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/dispatch.h"
#include "core/log.h"
#include "core/thread.h"
#include "core/trace.h"
#include "core/uaccess.h"

/* SIGSYS si_code for Syscall User Dispatch (asm-generic/siginfo.h) */
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif

static int is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

/* The guest takes a signal it has no handler for: the host's default action
 * happens to xeno itself, so the exit status is the same as the guest's. */
static void take_default_action(int sig, const siginfo_t *si)
{
	xeno_set_host_disposition(sig, (uintptr_t)SIG_DFL);
	if (si->si_code > 0 && is_fault_signal(sig))
		return; /* the faulting instruction runs again and takes it */
	union sigval v = {0};
	sigqueue(getpid(), sig, v);
}

void xeno_signal_from_guest(int sig, siginfo_t *si, ucontext_t *uc)
{
	struct xeno_thread *t = xeno_current();
	if (sig == SIGSYS && si->si_code == SYS_USER_DISPATCH) {
		xeno_dispatch(t, uc);
		return;
	}
	xeno_trace_flush();
	take_default_action(sig, si);
}

void xeno_signal_from_host(int sig, siginfo_t *si, ucontext_t *uc)
{
	if ((sig == SIGSEGV || sig == SIGBUS) && xeno_uaccess_fixup(uc))
		return;
	if (is_fault_signal(sig) && si->si_code > 0)
		xeno_fatal("internal error: signal %d at %#llx (address %p)", sig,
			   (unsigned long long)uc->uc_mcontext.gregs[REG_RIP], si->si_addr);
}
