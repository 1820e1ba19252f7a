/*
 * What both system-call adapters share (the trap adapter, core/dispatch.c,
 * and the patched-site one, core/sitecall.c): a call made of a ucontext's
 * registers, through the personality's decode_trap and set_result.
 */
#ifndef XENO_CORE_REGCALL_H
#define XENO_CORE_REGCALL_H

#include <ucontext.h>

struct xeno_thread;

/* Runs the call uc's registers make, with t->uc = uc, and writes its
 * result back into them; returns the handler's result (-XENO_ERESTART,
 * -XENO_EJUSTRETURN...).  Queued signals are the caller's to deliver. */
long xeno_regs_call(struct xeno_thread *t, ucontext_t *uc);

#endif
