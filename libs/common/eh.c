/*
 * The Itanium C++ ABI's level 1 on the guest's frames (libs/common/eh.h),
 * behaving as LLVM's libunwind does (FreeBSD's libgcc_s is built from it:
 * contrib/llvm-project/libunwind/src/UnwindLevel1.c): phase 1 remembers the
 * handler's frame by its stack pointer in the exception's private_2, a
 * forced unwind keeps its stop function and argument in private_1 and
 * private_2.  The exception object's layout, the reason codes and the
 * actions: LLVM's unwind.h and unwind_itanium.h (Debian's libunwind-14-dev,
 * the same files as FreeBSD's), x86-64.
 */
#include "libs/common/eh.h"

#include <libunwind/unwind.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/libcall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/common/unwind.h"

_Static_assert(sizeof(struct _Unwind_Exception) == 32, "x86-64 _Unwind_Exception");
_Static_assert(offsetof(struct _Unwind_Exception, private_1) == 16, "x86-64 _Unwind_Exception");
_Static_assert(offsetof(struct _Unwind_Exception, private_2) == 24, "x86-64 _Unwind_Exception");

/* The guest's exception object, as read at the start. */
struct exception {
	uint64_t at;
	uint64_t class;
	uint64_t cleanup;
	uint64_t private_1, private_2;
};

static bool read_exception(uint64_t at, struct exception *e)
{
	struct _Unwind_Exception x;
	if (!at || xeno_copy_in(&x, at, sizeof x) < 0)
		return false;
	*e = (struct exception){at, x.exception_class, (uint64_t)x.exception_cleanup, x.private_1,
				x.private_2};
	return true;
}

static bool write_private(const struct exception *e)
{
	uint64_t p[2] = {e->private_1, e->private_2};
	return xeno_copy_out(e->at + offsetof(struct _Unwind_Exception, private_1), p, sizeof p) ==
	       0;
}

/* The frame's personality routine (guest code), asked about e. */
static int personality(uint64_t fn, int actions, const struct exception *e, struct xeno_unwind *u)
{
	return (int)xeno_guest_call(
	    &(struct xeno_guest_call){fn, {1, (uint64_t)actions, e->class, e->at, (uint64_t)u}});
}

/* A forced unwind's stop function (guest code), told of the frame at u. */
static int stop(int actions, const struct exception *e, struct xeno_unwind *u)
{
	return (int)xeno_guest_call(&(struct xeno_guest_call){
	    e->private_1, {1, (uint64_t)actions, e->class, e->at, (uint64_t)u, e->private_2}});
}

/* Phase 1: the frame whose personality routine will handle e, outwards
 * from regs' frame; its stack pointer in *sp. */
static int search(const uint64_t *regs, const struct exception *e, uint64_t *sp)
{
	struct xeno_unwind u;
	if (xeno_unwind_start(&u, regs) < 0)
		return _URC_FATAL_PHASE1_ERROR;
	for (;;) {
		unw_proc_info_t info;
		if (!xeno_unwind_proc(&u, &info))
			return _URC_FATAL_PHASE1_ERROR;
		if (info.handler) {
			int r = personality(info.handler, _UA_SEARCH_PHASE, e, &u);
			if (r == _URC_HANDLER_FOUND) {
				*sp = xeno_unwind_sp(&u);
				return _URC_NO_REASON;
			}
			if (r != _URC_CONTINUE_UNWIND)
				return _URC_FATAL_PHASE1_ERROR;
		}
		int s = xeno_unwind_step(&u);
		if (s <= 0)
			return s == 0 ? _URC_END_OF_STACK : _URC_FATAL_PHASE1_ERROR;
	}
}

/* Phase 2, outwards from regs' frame: each frame's personality routine
 * runs its cleanups until one installs a landing pad, which the guest goes
 * on at when the direct call ends; forced: stop is told of each frame
 * first, and of the end of the stack. */
static int cleanup(struct xeno_thread *t, const uint64_t *regs, const struct exception *e,
		   bool forced)
{
	struct xeno_unwind u;
	if (xeno_unwind_start(&u, regs) < 0)
		return _URC_FATAL_PHASE2_ERROR;
	for (;;) {
		unw_proc_info_t info;
		if (!xeno_unwind_proc(&u, &info))
			return _URC_FATAL_PHASE2_ERROR;
		int actions = _UA_CLEANUP_PHASE;
		if (forced) {
			actions |= _UA_FORCE_UNWIND;
			if (stop(actions, e, &u) != _URC_NO_REASON)
				return _URC_FATAL_PHASE2_ERROR;
		} else if (xeno_unwind_sp(&u) == e->private_2) {
			actions |= _UA_HANDLER_FRAME;
		}
		if (info.handler) {
			int r = personality(info.handler, actions, e, &u);
			if (r == _URC_INSTALL_CONTEXT) {
				struct xeno_guest_jump to;
				xeno_unwind_jump(&u, &to);
				xeno_lib_resume(t, &to);
				return _URC_INSTALL_CONTEXT;
			}
			/* the handler's frame must install its handler */
			if (r != _URC_CONTINUE_UNWIND || (actions & _UA_HANDLER_FRAME))
				return _URC_FATAL_PHASE2_ERROR;
		}
		int s = xeno_unwind_step(&u);
		if (s < 0)
			return _URC_FATAL_PHASE2_ERROR;
		if (s == 0) {
			if (!forced)
				return _URC_END_OF_STACK;
			stop(actions | _UA_END_OF_STACK, e, &u);
			return _URC_FATAL_PHASE2_ERROR;
		}
	}
}

long xeno_eh_raise(struct xeno_thread *t, uint64_t exc)
{
	const uint64_t *regs = t->lib_regs; /* nested calls replace it */
	struct exception e;
	if (!read_exception(exc, &e))
		return _URC_FATAL_PHASE1_ERROR;
	uint64_t sp = 0;
	int r = search(regs, &e, &sp);
	if (r != _URC_NO_REASON)
		return r;
	e.private_1 = 0;
	e.private_2 = sp;
	if (!write_private(&e))
		return _URC_FATAL_PHASE2_ERROR;
	return cleanup(t, regs, &e, false);
}

long xeno_eh_resume(struct xeno_thread *t, uint64_t exc)
{
	const uint64_t *regs = t->lib_regs;
	struct exception e;
	if (!read_exception(exc, &e))
		return _URC_FATAL_PHASE2_ERROR;
	return cleanup(t, regs, &e, e.private_1 != 0);
}

long xeno_eh_forced(struct xeno_thread *t, uint64_t exc, uint64_t stop_fn, uint64_t stop_arg)
{
	const uint64_t *regs = t->lib_regs;
	struct exception e;
	if (!read_exception(exc, &e) || !stop_fn)
		return _URC_FATAL_PHASE2_ERROR;
	e.private_1 = stop_fn;
	e.private_2 = stop_arg;
	if (!write_private(&e))
		return _URC_FATAL_PHASE2_ERROR;
	return cleanup(t, regs, &e, true);
}

long xeno_eh_resume_or_rethrow(struct xeno_thread *t, uint64_t exc)
{
	struct exception e;
	if (!read_exception(exc, &e))
		return _URC_FATAL_PHASE1_ERROR;
	return e.private_1 ? xeno_eh_resume(t, exc) : xeno_eh_raise(t, exc);
}

void xeno_eh_delete(struct xeno_thread *t, uint64_t exc)
{
	(void)t;
	struct exception e;
	if (read_exception(exc, &e) && e.cleanup)
		xeno_guest_call(
		    &(struct xeno_guest_call){e.cleanup, {_URC_FOREIGN_EXCEPTION_CAUGHT, exc}});
}
