/*
 * libgcc_s.so.1's unwinder (FreeBSD's is LLVM's libunwind: lib/libgcc_s,
 * contrib/llvm-project/libunwind/src/UnwindLevel1-gcc-ext.c), on the
 * guest's frames through libs/common/unwind.h.  The guest's
 * `struct _Unwind_Context *` is a struct xeno_unwind on the handler's stack
 * (the guest's), valid while the walk that made it runs.
 */
#include "core/libcall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "freebsd_libgcc_s_proto.h"
#include "libs/common/eh.h"
#include "libs/common/unwind.h"
#include "libs/freebsd/freebsd.h"

/* unwind.h _Unwind_Reason_Code */
#define URC_NO_REASON	       0
#define URC_FATAL_PHASE1_ERROR 3
#define URC_END_OF_STACK       5
#define URC_INSTALL_CONTEXT    7

/* Each frame from the caller's outwards, given to trace with arg, until
 * trace answers anything but _URC_NO_REASON (returned) or the stack ends. */
long freebsd_libgcc_s__Unwind_Backtrace(struct xeno_thread *t, uint64_t trace, uint64_t arg)
{
	struct xeno_unwind u;
	if (xeno_unwind_start(&u, t->lib_regs) < 0)
		return URC_FATAL_PHASE1_ERROR;
	for (;;) {
		long r =
		    (int)xeno_guest_call(&(struct xeno_guest_call){trace, {(uint64_t)&u, arg}});
		if (r != URC_NO_REASON)
			return r;
		if (xeno_unwind_step(&u) <= 0)
			return URC_END_OF_STACK;
	}
}

long freebsd_libgcc_s__Unwind_GetIP(struct xeno_thread *t, uint64_t context)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	return u ? (long)xeno_unwind_ip(u) : 0;
}

/* *ip_before_insn: whether the IP is the faulting instruction itself (a
 * signal frame) rather than a return address. */
long freebsd_libgcc_s__Unwind_GetIPInfo(struct xeno_thread *t, uint64_t context,
					uint64_t ip_before_insn)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	int before = u && xeno_unwind_signal_frame(u);
	if (ip_before_insn && xeno_copy_out(ip_before_insn, &before, sizeof before) < 0)
		return 0;
	return u ? (long)xeno_unwind_ip(u) : 0;
}

/* The frame's stack pointer, as LLVM's _Unwind_GetCFA answers. */
long freebsd_libgcc_s__Unwind_GetCFA(struct xeno_thread *t, uint64_t context)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	return u ? (long)xeno_unwind_sp(u) : 0;
}

long freebsd_libgcc_s__Unwind_GetGR(struct xeno_thread *t, uint64_t context, int index)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	return u ? (long)xeno_unwind_reg(u, index) : 0;
}

long freebsd_libgcc_s__Unwind_GetLanguageSpecificData(struct xeno_thread *t, uint64_t context)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	unw_proc_info_t info;
	return u && xeno_unwind_proc(u, &info) ? (long)info.lsda : 0;
}

long freebsd_libgcc_s__Unwind_GetRegionStart(struct xeno_thread *t, uint64_t context)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	unw_proc_info_t info;
	return u && xeno_unwind_proc(u, &info) ? (long)info.start_ip : 0;
}

/* The start of the function holding pc, by its FDE; NULL without one. */
long freebsd_libgcc_s__Unwind_FindEnclosingFunction(struct xeno_thread *t, uint64_t pc)
{
	struct xeno_unwind u;
	unw_proc_info_t info;
	if (xeno_unwind_start(&u, t->lib_regs) < 0)
		return 0;
	xeno_unwind_set_ip(&u, pc);
	return xeno_unwind_proc(&u, &info) ? (long)info.start_ip : 0;
}

/* ---- raising (libs/common/eh.h) ---- */

long freebsd_libgcc_s__Unwind_SetGR(struct xeno_thread *t, uint64_t context, int index,
				    uint64_t value)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	if (u)
		xeno_unwind_set_reg(u, index, value);
	return 0;
}

long freebsd_libgcc_s__Unwind_SetIP(struct xeno_thread *t, uint64_t context, uint64_t value)
{
	(void)t;
	struct xeno_unwind *u = xeno_unwind_at(context);
	if (u)
		xeno_unwind_set_ip(u, value);
	return 0;
}

long freebsd_libgcc_s__Unwind_RaiseException(struct xeno_thread *t, uint64_t exception)
{
	return xeno_eh_raise(t, exception);
}

/* Never returns: a resumption that finds no landing pad aborts, as LLVM's
 * does. */
long freebsd_libgcc_s__Unwind_Resume(struct xeno_thread *t, uint64_t exception)
{
	if (xeno_eh_resume(t, exception) == URC_INSTALL_CONTEXT)
		return 0;
	return freebsd_libc_abort(t);
}

long freebsd_libgcc_s__Unwind_ForcedUnwind(struct xeno_thread *t, uint64_t exception, uint64_t stop,
					   uint64_t stop_arg)
{
	return xeno_eh_forced(t, exception, stop, stop_arg);
}

/* A rethrow returns what raising it does; a forced unwind resumed, as
 * _Unwind_Resume, never returns. */
long freebsd_libgcc_s__Unwind_Resume_or_Rethrow(struct xeno_thread *t, uint64_t exception)
{
	long r = xeno_eh_resume_or_rethrow(t, exception);
	if (r == URC_INSTALL_CONTEXT || r == URC_FATAL_PHASE1_ERROR || r == URC_END_OF_STACK)
		return r;
	return freebsd_libc_abort(t);
}

long freebsd_libgcc_s__Unwind_DeleteException(struct xeno_thread *t, uint64_t exception)
{
	xeno_eh_delete(t, exception);
	return 0;
}
