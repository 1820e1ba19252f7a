/* The C side of the direct-call entries (core/libgate.S, core/libgate_ms.S,
 * core/libcall.h). */
#include "core/libcall.h"

#include <string.h>

#include "core/call.h"
#include "core/gate.h"
#include "core/libgate_ms.h"
#include "core/library.h"
#include "core/personality.h"
#include "core/stats.h"
#include "core/thread.h"

extern const char xeno_lib_deliver[], xeno_lib_restart[], xeno_lib_resumed[];
extern const char xeno_lib_ms_deliver[], xeno_lib_ms_restart[];

int xeno_libgate_ms_trapped(uint64_t rip)
{
	return rip == (uint64_t)xeno_lib_ms_deliver || rip == (uint64_t)xeno_lib_ms_restart;
}

bool xeno_libgate_trapped(const ucontext_t *uc)
{
	uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
	return rip == (uint64_t)xeno_lib_deliver || rip == (uint64_t)xeno_lib_restart ||
	       rip == (uint64_t)xeno_lib_resumed || xeno_libgate_ms_trapped(rip);
}

/* Where a failing function leaves the foreign error: the personality's
 * place (Windows: the TEB's LastErrorValue), else t->lib_errno. */
static void set_error(struct xeno_thread *t, int foreign)
{
	if (t->os->set_lib_error)
		t->os->set_lib_error(t, foreign);
	else
		t->lib_errno = foreign;
}

uint64_t xeno_guest_sp(const struct xeno_thread *t)
{
	if (t->uc)
		return (uint64_t)t->uc->uc_mcontext.gregs[REG_RSP];
	return t->lib_regs ? (uint64_t)(t->lib_regs + XENO_LIBREGS_STACK) : 0;
}

/* A handler's result as the function's convention gives it to the guest. */
static long convert(struct xeno_thread *t, const struct xeno_libfn *fn, long r)
{
	if (fn->conv == XENO_CONV_VALUE || r >= 0 || r < -4095)
		return r;
	int foreign = t->os->errno_from_host((int)-r);
	switch (fn->conv) {
	case XENO_CONV_RET:
		return foreign;
	case XENO_CONV_PTR:
	case XENO_CONV_ZERO:
		set_error(t, foreign);
		return 0;
	default:
		set_error(t, foreign);
		return -1;
	}
}

static struct xeno_libret run(struct xeno_thread *t, const struct xeno_libfn *fn,
			      const struct xeno_call *c)
{
	xeno_count(&xeno_counters.libcalls);
	long r = xeno_call(t, c);
	if (r == -XENO_ERESTART)
		return (struct xeno_libret){0, XENO_LIBRET_RESTART};
	return (struct xeno_libret){convert(t, fn, r), XENO_LIBRET_RETURN};
}

void xeno_lib_resume(struct xeno_thread *t, const struct xeno_guest_jump *to)
{
	t->lib_jump = *to;
	t->lib_resuming = true;
}

struct xeno_libret xeno_libcall(const struct xeno_libfn *fn, const uint64_t *regs)
{
	struct xeno_thread *t = xeno_current();
	struct xeno_call c = {.table = xeno_libfn_table(fn), .nr = fn->nr};
	memcpy(c.args, regs, 6 * sizeof *regs);
	/* beyond six: on the guest's stack */
	for (unsigned i = 6; i < fn->nargs && i < 8; i++)
		c.args[i] = regs[XENO_LIBREGS_STACK + i - 6];
	t->lib_regs = regs;
	t->lib_stack = regs + XENO_LIBREGS_STACK;
	struct xeno_libret r = run(t, fn, &c);
	if (t->lib_resuming) {
		t->lib_resuming = false;
		return (struct xeno_libret){(long)&t->lib_jump, XENO_LIBRET_RESUME};
	}
	return r;
}

/* Whether a result of kind k is 32 bits wide (the spec's int, uint, fd...). */
static bool ret_is_32bit(uint8_t k)
{
	switch (k) {
	case XA_INT:
	case XA_UINT:
	case XA_FD:
	case XA_ATFD:
	case XA_OCTAL:
	case XA_SIG:
	case XA_FLAGS:
	case XA_PID:
	case XA_HEX32:
		return true;
	}
	return false;
}

struct xeno_libret xeno_libcall_ms(const struct xeno_libfn *fn, const uint64_t *regs,
				   const uint64_t *stack)
{
	struct xeno_thread *t = xeno_current();
	struct xeno_call c = {.table = xeno_libfn_table(fn), .nr = fn->nr};
	memcpy(c.args, regs, 4 * sizeof *regs);
	/* beyond four: on the guest's stack, above the shadow space */
	for (unsigned i = 4; i < fn->nargs && i < 8; i++)
		c.args[i] = stack[i - 4];
	t->lib_regs = NULL;
	t->lib_stack = stack;
	struct xeno_libret r = run(t, fn, &c);
	t->lib_resuming = false; /* System V only (core/libcall.h) */
	/* A 32-bit result comes in EAX, and writing EAX clears the upper half
	 * of RAX: callers that read all of RAX see -1 as 0xffffffff (Go's
	 * syscall package compares it with SOCKET_ERROR, uintptr(^uint32(0))). */
	if (!r.restart && ret_is_32bit(xeno_libfn_table(fn)->sysent[fn->nr].ret_kind))
		r.value = (long)(uint32_t)r.value;
	return r;
}

/* The System V va_list (AMD64 psABI 3.5.7): one of these, by reference. */
struct sysv_va {
	unsigned gp_offset, fp_offset;
	void *overflow_arg_area, *reg_save_area;
};
_Static_assert(sizeof(va_list) == sizeof(struct sysv_va), "the x86-64 va_list");

void xeno_lib_va(const uint64_t *regs, unsigned named_gp, unsigned named_fp, va_list ap)
{
	struct sysv_va v = {.gp_offset = 8 * named_gp,
			    .fp_offset = 48 + 16 * named_fp,
			    .overflow_arg_area = (void *)(regs + XENO_LIBREGS_STACK),
			    .reg_save_area = (void *)regs};
	memcpy(ap, &v, sizeof v);
}
