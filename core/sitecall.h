/*
 * The patched-site adapter: the second way a guest system call reaches
 * xeno_call (core/call.h), beside the trap adapter (core/dispatch.h).
 *
 * A `syscall` site that trapped once may be patched (core/patch.h) to jump
 * to a trampoline of its own, which runs the instructions it displaced and
 * jumps to xeno_sitecall_entry (core/sitecall.S) with every guest register as
 * the `syscall` instruction would have found it, except RCX, which holds the
 * address after the site's syscall, and R11 (both of which `syscall`
 * clobbers anyway).  The entry puts the thread in xeno's state as the gate
 * does (selector ALLOW: a signal arriving meanwhile is queued), saves the
 * registers into a ucontext in the thread's state (struct xeno_sitecall) and
 * the FP/vector state into an XSAVE area beside it, and runs the call
 * through the same code as a trap.  It comes back one of two ways:
 *
 *   fast: the registers the call left in the ucontext are loaded back and
 *         the guest resumes after the site's syscall: no signal, no
 *         rt_sigreturn;
 *   slow: when the call changed what only rt_sigreturn sets at once (the
 *         signal mask, a whole new context: sigreturn, a handler's frame) or
 *         a queued signal must be delivered, the ucontext is completed into
 *         a kernel signal frame and entered by rt_sigreturn, as the gate
 *         enters guest code (xeno_gate_enter).
 *
 * A signal that lands while the guest's registers are in transit is
 * delivered as if it had come at the site: core/signal.c asks
 * xeno_patch_fix_signal (core/patch.h) first.
 */
#ifndef XENO_CORE_SITECALL_H
#define XENO_CORE_SITECALL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/sitecallframe.h"
#include "core/gate.h"

struct xeno_thread;

/* The assembly entries (core/sitecall.S), one per locator (core/gate.h):
 * what a trampoline jumps to. */
extern const char xeno_sitecall_entry_gs[], xeno_sitecall_entry_fs[];

/* The FP state an XSAVE area holds and the software bytes a signal frame's
 * area carries (asm/sigcontext.h struct _fpx_sw_bytes, at offset 464 of
 * the FXSAVE image): taken from a frame the kernel built (the first
 * trap), so that rt_sigreturn accepts the areas xeno fills itself.  False
 * if that frame has none usable (no XSAVE): nothing may be patched then. */
bool xeno_sitecall_learn_fpu(const ucontext_t *uc);

/* What a guest signal found and did (core/patch.h xeno_patch_fix_signal). */
enum xeno_sitecall_fix {
	XENO_SITECALL_GUEST,	/* the guest's own context: nothing changed */
	XENO_SITECALL_REWOUND,	/* on the way in: now the site, before its syscall */
	XENO_SITECALL_RETURNED, /* on the way out: now the guest after the call;
				 * what was queued meanwhile is delivered first */
	XENO_SITECALL_RESUMED,	/* an int3 of a site being (un)patched: resumed,
				 * no signal for the guest */
};

/* For a host signal that interrupted guest code (selector BLOCK) at the
 * entry's first instructions or in its tail: makes uc the guest's context
 * at the site, or after the call. */
enum xeno_sitecall_fix xeno_sitecall_fix_context(struct xeno_thread *t, ucontext_t *uc);

#endif
