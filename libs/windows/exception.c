/*
 * Exceptions: a guest fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP)
 * becomes an EXCEPTION_RECORD and a CONTEXT for the vectored handlers.
 * (Filled in by a later step: for now a fault ends the process.)
 */
#include <signal.h>
#include <stdio.h>

#include "core/sigstate.h"
#include "core/thread.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

void win_exceptions_init(void)
{
}

void windows_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	(void)t, (void)uc, (void)act, (void)old_mask;
	xeno_sig_die(sig, si);
}

long windows_kernel32_AddVectoredExceptionHandler(struct xeno_thread *t, unsigned int first,
						  uint64_t handler)
{
	(void)t, (void)first;
	return (long)handler;
}

long windows_kernel32_AddVectoredContinueHandler(struct xeno_thread *t, unsigned int first,
						 uint64_t handler)
{
	(void)t, (void)first;
	return (long)handler;
}

long windows_kernel32_SetUnhandledExceptionFilter(struct xeno_thread *t, uint64_t filter)
{
	(void)t, (void)filter;
	return 0;
}
