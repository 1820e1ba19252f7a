/*
 * The C side of the gate: every host signal xeno catches arrives here, split
 * by whether it interrupted the guest or xeno itself.
 */
#include <signal.h>
#include <ucontext.h>
#include <unistd.h>

#include "core/blocking.h"
#include "core/patch.h"
#include "core/dispatch.h"
#include "core/libcall.h"
#include "core/log.h"
#include "core/sigstate.h"
#include "core/suspend.h"
#include "core/thread.h"
#include "core/tracehook.h"
#include "core/faultguard.h"
#include "core/uaccess.h"

/* SIGSYS si_code for Syscall User Dispatch (asm-generic/siginfo.h) */
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif

void xeno_signal_from_guest(int sig, siginfo_t *si, ucontext_t *uc)
{
	struct xeno_thread *t = xeno_current();
	if (sig == XENO_SIG_SUSPEND) {
		xeno_suspend_signal(t, uc, true);
		return;
	}
	if (sig == SIGSYS && si->si_code == SYS_USER_DISPATCH) {
		if (xeno_libgate_trapped(uc)) { /* a direct call's way back */
			xeno_host_tls(t);
			xeno_suspend_wait(t, uc);
			xeno_sig_deliver_queued(t, uc);
			return;
		}
		xeno_dispatch(t, uc);
		return;
	}
	/* a signal in a patched site's trampoline, or at the edges of its
	 * way into xeno and out: delivered as if it came at the site */
	if (xeno_patch_fix_signal(t, sig, si, uc) == XENO_SITECALL_RESUMED)
		return;
	xeno_host_tls(t);
	xeno_sig_from_guest(t, sig, si, uc);
}

/* Runs on whichever FS base was loaded (core/gate.h): nothing here may use
 * glibc's thread state before xeno_host_tls. */
void xeno_signal_from_host(int sig, siginfo_t *si, ucontext_t *uc)
{
	if ((sig == SIGSEGV || sig == SIGBUS) && xeno_uaccess_fixup(uc))
		return;
	/* a bad read by libunwind, in a guarded step (core/faultguard.h) */
	if ((sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE) && xeno_fault_guard_fixup(uc))
		return;
	if (si->si_code > 0 &&
	    (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)) {
		xeno_host_tls(xeno_current());
		xeno_fatal("internal error: signal %d at %#llx (address %p)", sig,
			   (unsigned long long)uc->uc_mcontext.gregs[REG_RIP], si->si_addr);
	}
	struct xeno_thread *t = xeno_current();
	if (sig == XENO_SIG_SUSPEND) { /* it stands at its call site */
		xeno_suspend_signal(t, uc, false);
		return;
	}
	/* A signal for the guest while xeno waits on its behalf: keep it for
	 * the way back, and cut the wait short. */
	xeno_sig_queue(t, sig, si);
	xeno_blocking_interrupt(uc);
}
