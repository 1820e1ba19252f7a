/*
 * Stopping another guest thread where it is and reading or changing its
 * registers while it stands (Windows' SuspendThread, GetThreadContext,
 * SetThreadContext, ResumeThread; Mach's thread_suspend and
 * thread_get_state work the same way).  Wine's design: the target gets a
 * host signal of xeno's own (XENO_SIG_SUSPEND), whose handler saves its
 * registers, says it stands, and waits until the suspend count is back to
 * 0, then resumes with the registers as they were left.  A thread running
 * inside xeno (a direct call) stands at its call site: its registers are
 * those its entry saved (core/libgate_ms.h), it is counted as stopped at
 * once, and it waits on its way back to the guest, where changed
 * registers take effect.  So a wait inside xeno never holds a suspender
 * up, and the suspended thread really runs no guest code until resumed.
 */
#ifndef XENO_CORE_SUSPEND_H
#define XENO_CORE_SUSPEND_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

struct xeno_thread;

/* The host signal: one of the real-time ones glibc leaves alone, never the
 * guest's (a personality that uses this facility has no POSIX signals). */
#define XENO_SIG_SUSPEND (SIGRTMAX - 2)

/* Installs the handler (once): 0 or -errno. */
int xeno_suspend_init(void);

/* Suspends / resumes the thread tid: the suspend count before, or -ESRCH. */
long xeno_suspend_thread(long tid);
long xeno_resume_thread(long tid);

/* The registers of suspended thread tid, once it stands (it waits for
 * that), in ucontext order (REG_RIP...): 0, or -ESRCH / -EINVAL (not
 * suspended).  The set form replaces them for its resumption. */
int xeno_suspended_regs(long tid, greg_t regs[NGREG]);
int xeno_set_suspended_regs(long tid, const greg_t regs[NGREG]);

/* From the signal path: the suspend signal arrived at t, interrupting
 * guest code (in_guest: wait here) or xeno (note the call site, wait on the
 * way back). */
void xeno_suspend_signal(struct xeno_thread *t, ucontext_t *uc, bool in_guest);
/* On a thread's way back to the guest (uc: where it resumes): waits while
 * it is suspended, then applies registers a suspender changed. */
void xeno_suspend_wait(struct xeno_thread *t, ucontext_t *uc);

#endif
