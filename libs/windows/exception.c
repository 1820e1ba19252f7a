/*
 * Exceptions: a guest fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP in
 * guest code) becomes an EXCEPTION_RECORD and a CONTEXT
 * (abi/windows/context.h, abi/windows/exception.h) on the faulting
 * thread's stack, and the handlers run as Windows' dispatcher runs them
 * (Wine's dlls/ntdll/exception.c and signal_x86_64.c dispatch_exception):
 * the vectored exception handlers in order, then — there are no frame
 * handlers here — the vectored continue handlers, then the unhandled
 * exception filter.  The first to answer EXCEPTION_CONTINUE_EXECUTION
 * resumes the thread with the CONTEXT as the handler left it (Go's
 * runtime turns a nil dereference into a panic so: it points Rip at
 * sigpanic).  Nobody: the process dies of the host signal, as before.
 *
 * Handlers are guest functions called in the Microsoft convention from the
 * host signal handler (xeno_guest_call_ms_on), on the guest's stack below
 * the record, with signals blocked as Windows' dispatcher runs them
 * outside any signal.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "abi/windows/context.h"
#include "abi/windows/exception.h"
#include "core/fpstate.h"
#include "core/libcall.h"
#include "core/libgate_ms.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

#define MAX_HANDLERS 32

/* A guest disposition that only says "the personality delivers it". */
#define DISPATCH_MARK 2

struct handler {
	uint64_t fn, cookie;
};

static struct {
	pthread_mutex_t lock;
	struct handler exception[MAX_HANDLERS], cont[MAX_HANDLERS];
	unsigned nexception, ncont;
	uint64_t next_cookie;
	uint64_t filter;
} veh = {.lock = PTHREAD_MUTEX_INITIALIZER, .next_cookie = 0x1000};

static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP};

void win_take_signal(int sig)
{
	struct xeno_sigaction act = {.handler = DISPATCH_MARK,
				     .flags = XENO_SA_SIGINFO | XENO_SA_NODEFER | XENO_SA_RESTART};
	sigemptyset(&act.mask);
	xeno_sig_set_action(sig, &act);
}

void win_exceptions_init(void)
{
	for (size_t i = 0; i < sizeof fault_signals / sizeof fault_signals[0]; i++)
		win_take_signal(fault_signals[i]);
}

static uint64_t add_handler(struct handler *list, unsigned *n, unsigned first, uint64_t fn)
{
	if (!fn)
		return 0;
	pthread_mutex_lock(&veh.lock);
	uint64_t cookie = 0;
	if (*n < MAX_HANDLERS) {
		cookie = veh.next_cookie += 0x10;
		if (first) {
			memmove(list + 1, list, *n * sizeof *list);
			list[0] = (struct handler){fn, cookie};
		} else {
			list[*n] = (struct handler){fn, cookie};
		}
		(*n)++;
	}
	pthread_mutex_unlock(&veh.lock);
	return cookie ? cookie : (uint64_t)win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
}

static long remove_handler(struct handler *list, unsigned *n, uint64_t cookie)
{
	long found = 0;
	pthread_mutex_lock(&veh.lock);
	for (unsigned i = 0; i < *n; i++)
		if (list[i].cookie == cookie) {
			memmove(list + i, list + i + 1, (*n - i - 1) * sizeof *list);
			(*n)--;
			found = 1;
			break;
		}
	pthread_mutex_unlock(&veh.lock);
	return found;
}

long windows_kernel32_AddVectoredExceptionHandler(struct xeno_thread *t, unsigned int first,
						  uint64_t handler)
{
	(void)t;
	return (long)add_handler(veh.exception, &veh.nexception, first, handler);
}

long windows_kernel32_AddVectoredContinueHandler(struct xeno_thread *t, unsigned int first,
						 uint64_t handler)
{
	(void)t;
	return (long)add_handler(veh.cont, &veh.ncont, first, handler);
}

long windows_kernel32_RemoveVectoredExceptionHandler(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	return remove_handler(veh.exception, &veh.nexception, h);
}

long windows_kernel32_RemoveVectoredContinueHandler(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	return remove_handler(veh.cont, &veh.ncont, h);
}

long windows_kernel32_SetUnhandledExceptionFilter(struct xeno_thread *t, uint64_t filter)
{
	(void)t;
	return (long)__atomic_exchange_n(&veh.filter, filter, __ATOMIC_ACQ_REL);
}

/* The exception code of a fault, and the parameters of an access
 * violation (Wine's signal_x86_64.c: segv_handler, fpe_handler,
 * trap_handler). */
static uint32_t exception_code(int sig, const siginfo_t *si, const ucontext_t *uc,
			       struct win_exception_record *r)
{
	switch (sig) {
	case SIGSEGV:
	case SIGBUS: {
		uint64_t err = (uint64_t)uc->uc_mcontext.gregs[REG_ERR];
		r->number_parameters = 2;
		r->information[0] = err & 0x10 ? WIN_ACCESS_EXECUTE
				    : err & 2  ? WIN_ACCESS_WRITE
					       : WIN_ACCESS_READ;
		r->information[1] = (uint64_t)si->si_addr;
		return sig == SIGBUS && si->si_code == BUS_ADRERR ? WIN_STATUS_IN_PAGE_ERROR
								  : WIN_STATUS_ACCESS_VIOLATION;
	}
	case SIGILL:
		return si->si_code == ILL_PRVOPC ? WIN_STATUS_PRIVILEGED_INSTRUCTION
						 : WIN_STATUS_ILLEGAL_INSTRUCTION;
	case SIGFPE:
		switch (si->si_code) {
		case FPE_INTDIV:
			return WIN_STATUS_INTEGER_DIVIDE_BY_ZERO;
		case FPE_INTOVF:
			return WIN_STATUS_INTEGER_OVERFLOW;
		case FPE_FLTDIV:
			return WIN_STATUS_FLOAT_DIVIDE_BY_ZERO;
		case FPE_FLTOVF:
			return WIN_STATUS_FLOAT_OVERFLOW;
		case FPE_FLTUND:
			return WIN_STATUS_FLOAT_UNDERFLOW;
		case FPE_FLTRES:
			return WIN_STATUS_FLOAT_INEXACT_RESULT;
		default:
			return WIN_STATUS_FLOAT_INVALID_OPERATION;
		}
	default: /* SIGTRAP */
		return si->si_code == TRAP_TRACE ? WIN_STATUS_SINGLE_STEP : WIN_STATUS_BREAKPOINT;
	}
}

/* The CONTEXT of the interrupted guest: every register, the FPU state. */
static void context_from_uc(struct win_context *c, const ucontext_t *uc)
{
	memset(c, 0, sizeof *c);
	c->context_flags = WIN_CONTEXT_CONTROL | WIN_CONTEXT_INTEGER | WIN_CONTEXT_SEGMENTS |
			   WIN_CONTEXT_FLOATING_POINT;
	win_context_from_regs(c, uc->uc_mcontext.gregs, c->context_flags);
	c->seg_ds = c->seg_es = c->seg_ss;
	if (uc->uc_mcontext.fpregs) {
		memcpy(c->flt_save, uc->uc_mcontext.fpregs, sizeof c->flt_save);
		memcpy(&c->mx_csr, c->flt_save + 24, sizeof c->mx_csr); /* FXSAVE's MXCSR */
	}
}

static void context_to_uc(const struct win_context *c, ucontext_t *uc)
{
	win_context_to_regs(c, uc->uc_mcontext.gregs, c->context_flags);
	if ((c->context_flags & WIN_CONTEXT_FLOATING_POINT) == WIN_CONTEXT_FLOATING_POINT)
		xeno_fp_restore(uc->uc_mcontext.fpregs, c->flt_save, NULL, 0);
}

/* Runs the handlers of one list on the exception at ptrs: whether one
 * answered EXCEPTION_CONTINUE_EXECUTION. */
static bool run_list(const struct handler *list, unsigned n, uint64_t ptrs, uint64_t stack)
{
	for (unsigned i = 0; i < n; i++) {
		struct xeno_guest_call gc = {.fn = list[i].fn, .args = {ptrs}};
		if ((int32_t)xeno_guest_call_ms_on(&gc, stack) == WIN_EXCEPTION_CONTINUE_EXECUTION)
			return true;
	}
	return false;
}

/* The frame the handlers see, below the interrupted stack pointer. */
struct exception_frame {
	struct win_context context;
	struct win_exception_record record;
	struct win_exception_pointers pointers;
} __attribute__((aligned(16)));

static bool dispatch(ucontext_t *uc, int sig, const siginfo_t *si)
{
	struct exception_frame f;
	memset(&f.record, 0, sizeof f.record);
	context_from_uc(&f.context, uc);
	f.record.code = exception_code(sig, si, uc, &f.record);
	if (f.record.code == WIN_STATUS_BREAKPOINT && si->si_code == SI_KERNEL)
		f.context.rip--; /* Windows reports the int3 itself, not after it */
	f.record.address = f.context.rip;
	uint64_t at = ((uint64_t)uc->uc_mcontext.gregs[REG_RSP] - 128 - sizeof f) & ~63ULL;
	f.pointers.record = at + offsetof(struct exception_frame, record);
	f.pointers.context = at + offsetof(struct exception_frame, context);
	if (xeno_copy_out(at, &f, sizeof f) < 0)
		return false;
	uint64_t ptrs = at + offsetof(struct exception_frame, pointers);
	/* a snapshot: a handler may add or remove handlers */
	pthread_mutex_lock(&veh.lock);
	struct handler exc[MAX_HANDLERS], cont[MAX_HANDLERS];
	unsigned nexc = veh.nexception, ncont = veh.ncont;
	memcpy(exc, veh.exception, sizeof exc);
	memcpy(cont, veh.cont, sizeof cont);
	pthread_mutex_unlock(&veh.lock);
	bool resume = run_list(exc, nexc, ptrs, at) || run_list(cont, ncont, ptrs, at);
	uint64_t filter = __atomic_load_n(&veh.filter, __ATOMIC_ACQUIRE);
	if (!resume && filter) {
		struct handler one = {filter, 0};
		resume = run_list(&one, 1, ptrs, at);
	}
	if (!resume || xeno_copy_in(&f.context, f.pointers.context, sizeof f.context) < 0)
		return false;
	context_to_uc(&f.context, uc);
	return true;
}

void windows_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	(void)act, (void)old_mask;
	if (win_console_signal(t, sig))
		return;
	if (si->si_code <= 0 || !dispatch(uc, sig, si))
		xeno_sig_die(sig, si);
}
