/*
 * Raising an exception through the guest's frames: the Itanium C++ ABI's
 * level 1 (_Unwind_RaiseException and friends), for the shim libraries'
 * unwinders (FreeBSD's libgcc_s).  The frames are walked by LLVM's
 * libunwind (libs/common/unwind.h); the guest's personality routines and
 * stop functions are guest code, called back on the guest's stack, and call
 * the shim's _Unwind_Get and _Unwind_Set functions on the walk they are
 * handed.  A landing pad is entered as the direct call ends
 * (xeno_lib_resume): the entry's frame is left behind like every frame
 * unwound.  Each function starts from the frame that called the current
 * direct call (t->lib_regs) and runs with glibc's thread state.
 */
#ifndef XENO_LIBS_COMMON_EH_H
#define XENO_LIBS_COMMON_EH_H

#include <stdint.h>

struct xeno_thread;

/* Each returns an _Unwind_Reason_Code: the failure, or
 * _URC_INSTALL_CONTEXT once a landing pad is to be entered. */

/* Phase 1 (search) then phase 2 (cleanup) for the exception at exc. */
long xeno_eh_raise(struct xeno_thread *t, uint64_t exc);

/* Phase 2 again from a landing pad that did not catch: the forced unwind
 * the exception is in, or the one phase 1 found a handler for. */
long xeno_eh_resume(struct xeno_thread *t, uint64_t exc);

/* A forced unwind: phase 2 with stop called at every frame. */
long xeno_eh_forced(struct xeno_thread *t, uint64_t exc, uint64_t stop, uint64_t stop_arg);

/* A rethrow: raised anew unless a forced unwind is being resumed. */
long xeno_eh_resume_or_rethrow(struct xeno_thread *t, uint64_t exc);

/* The exception's own cleanup, if it has one. */
void xeno_eh_delete(struct xeno_thread *t, uint64_t exc);

#endif
