/*
 * The direct-call crossing (core/libgate.S): a guest's call of a shim
 * library function enters xeno without a trap, and xeno calls guest code
 * back (comparators, initialisers, thread start routines).
 */
#ifndef XENO_CORE_LIBCALL_H
#define XENO_CORE_LIBCALL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/guestjump.h"

struct xeno_libfn;
struct xeno_thread;

/* What xeno_libcall returns to the entry: the function's result, and what
 * to do with it (core/gate.h XENO_LIBRET_*): return it; restart (the call
 * is made again once the queued signals are delivered); resume (value is a
 * struct xeno_guest_jump). */
struct xeno_libret {
	long value;
	long restart;
};

/* From a handler running in a System V direct call: once it returns, the
 * guest resumes at to (copied) instead of after its call.  Its result is
 * traced and recorded as any call's; the guest never sees it. */
void xeno_lib_resume(struct xeno_thread *t, const struct xeno_guest_jump *to);

/* Runs the function fn describes with the guest's argument registers regs:
 * rdi, rsi, rdx, rcx, r8, r9, then xmm0-7 (16 bytes each) — a va_list's
 * register save area — then the callee-saved registers rbx, rbp, r12-r15
 * from regs[XENO_LIBREGS_CALLEE] on, the guest's return address at
 * regs[XENO_LIBREGS_RETURN], and the arguments on the guest's stack from
 * regs[XENO_LIBREGS_STACK] on (where the guest's stack pointer is once the
 * call returns). */
#define XENO_LIBREGS_CALLEE 22
#define XENO_LIBREGS_RETURN 30
#define XENO_LIBREGS_STACK  31
struct xeno_libret xeno_libcall(const struct xeno_libfn *fn, const uint64_t *regs);

/* For a variadic function's handler: a va_list over the guest's arguments
 * after the first named_gp integer and named_fp floating-point ones
 * (t->lib_regs: the call's registers). */
void xeno_lib_va(const uint64_t *regs, unsigned named_gp, unsigned named_fp, va_list ap);

/* The guest's stack pointer at the call xeno runs now: the trapped
 * context's, or, in a direct call (no context), where the guest's stack
 * resumes once the call returns. */
uint64_t xeno_guest_sp(const struct xeno_thread *t);

/* Whether the SIGSYS trap at uc is the direct-call entry's own (it
 * delivers queued signals, core/libgate.S), rather than a guest call. */
bool xeno_libgate_trapped(const ucontext_t *uc);

/* A call of guest code: fn(args[0..5]), System V. */
struct xeno_guest_call {
	uint64_t fn;
	uint64_t args[6];
};
/* Only from a handler running in a direct call. */
uint64_t xeno_guest_call(const struct xeno_guest_call *gc);

/* What xeno_guest_start_program runs before the program's entry, in order
 * up to a zero fn: each fn with argc, argv and envp, its result stored at
 * store if that is not 0 (IRELATIVE resolvers, then initialisers). */
struct xeno_init_step {
	uint64_t fn, store;
};
struct xeno_init_list {
	uint64_t argc, argv, envp;
	struct xeno_init_step steps[];
};

/* Guest-side starts (core/libgate.S), entered through xeno_enter_guest:
 * see their registers there. */
void xeno_guest_start_program(void);
void xeno_guest_start_thread(void);

#endif
