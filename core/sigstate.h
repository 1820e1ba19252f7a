/*
 * The guest's signals: dispositions, masks, alternate stacks and delivery.
 * Kept in host signal numbering (each personality translates its own numbers
 * at the system call boundary); the host kernel does the queueing: while the
 * guest runs, the host mask is the guest's mask, so a signal the guest
 * blocks stays pending in the kernel until the guest unblocks it.
 *
 * Host dispositions follow the guest's: a guest handler means xeno's gate
 * catches the signal and builds the foreign frame; SIG_IGN and SIG_DFL are
 * handed to the kernel (so a default action happens to xeno itself and the
 * exit status is the guest's), except for the signals xeno needs itself.
 */
#ifndef XENO_CORE_SIGSTATE_H
#define XENO_CORE_SIGSTATE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

struct xeno_thread;

/* Generic sigaction flags (each personality maps its own). */
enum {
	XENO_SA_ONSTACK = 1 << 0,
	XENO_SA_RESTART = 1 << 1,
	XENO_SA_RESETHAND = 1 << 2,
	XENO_SA_NODEFER = 1 << 3,
	XENO_SA_SIGINFO = 1 << 4,
	XENO_SA_NOCLDSTOP = 1 << 5,
	XENO_SA_NOCLDWAIT = 1 << 6,
};

#define XENO_SIG_DFL 0
#define XENO_SIG_IGN 1

struct xeno_sigaction {
	uint64_t handler; /* guest address, or XENO_SIG_DFL / XENO_SIG_IGN */
	unsigned flags;	  /* XENO_SA_* */
	sigset_t mask;	  /* host numbering */
};

/* Reads and sets host signal sig's guest disposition: 0 or -EINVAL. */
int xeno_sig_get_action(int sig, struct xeno_sigaction *act);
int xeno_sig_set_action(int sig, const struct xeno_sigaction *act);

/* The guest's mask of thread t: how is SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK
 * (host values).  Takes effect when t returns to the guest. */
void xeno_sig_set_mask(struct xeno_thread *t, int how, const sigset_t *set);
/* Makes t's host masks (now, in t->uc, and for blocking calls) follow
 * t->sigmask. */
void xeno_sig_apply_mask(struct xeno_thread *t);

/* A mask that lasts until the call returns to the guest (sigsuspend, ppoll,
 * pselect): handlers run under it, their frames record the mask before. */
void xeno_sig_set_temporary_mask(struct xeno_thread *t, const sigset_t *temp);

/* Whether the guest's stack pointer sp is on t's guest alternate stack. */
bool xeno_sig_on_altstack(const struct xeno_thread *t, uint64_t sp);

/* A host signal for the guest, arriving while the guest ran (uc is the
 * interrupted guest context) — deliver it now. */
void xeno_sig_from_guest(struct xeno_thread *t, int sig, siginfo_t *si, ucontext_t *uc);
/* A host signal for the guest that landed while xeno ran: queue it. */
void xeno_sig_queue(struct xeno_thread *t, int sig, const siginfo_t *si);
/* Delivers what was queued, on the way back to the guest (uc). */
void xeno_sig_deliver_queued(struct xeno_thread *t, ucontext_t *uc);
/* Whether the guest handler of sig asked for interrupted calls to restart. */
bool xeno_sig_restarts(int sig);
/* Whether any signal queued for t would restart an interrupted call. */
bool xeno_sig_queued_restart(struct xeno_thread *t);

/* Sets up the dispositions the guest starts with (once, at start). */
void xeno_sig_init(void);

/* Signals xeno needs for itself, never blocked while the guest runs. */
bool xeno_sig_is_reserved(int sig);
/* Dies of host signal sig, as the guest would (flushes the trace first);
 * si: how it came (NULL: xeno's own decision). */
_Noreturn void xeno_sig_die(int sig, const siginfo_t *si);

#endif
