/*
 * Delivering a signal to a macOS handler: not yet.  The frame macOS
 * builds (xnu bsd/dev/i386/unix_signal.c sendsig: ucontext, siginfo and
 * __darwin_mcontext64, abi/darwin/signal.h) and the return through
 * sigreturn(uctx, infostyle, token) are still to come; until then a
 * caught signal ends the process as its default action would.
 */
#include "core/sigstate.h"
#include "libs/darwin/darwin.h"

void darwin_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			   const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	(void)t, (void)uc, (void)si, (void)act, (void)old_mask;
	xeno_sig_die(sig);
}
