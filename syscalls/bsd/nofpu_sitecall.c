/*
 * NOFPU calls at patched sites (core/syscall.h XENO_SYF_NOFPU): the calls
 * whose handlers touch no FP or vector register are run before the guest's
 * FP state is saved, which on a machine with AVX-512 costs more than the
 * host call itself (xsaveopt and xrstor: about 75 ns of a patched getpid's
 * 190, against 60 ns for a native getpid).  The BSD convention as
 * syscalls/bsd/trap.c has it, for the direct numbers only: an indirect call
 * (syscall(2), __syscall(2)) and every result that is not a plain value or
 * error take the ordinary way.  Everything here is general-regs-only.
 */
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/sitecall_regs.h"

/* The NOFPU thunk of call nr in the guest's table, or NULL. */
XENO_NOFPU static xeno_thunk nofpu_thunk(const struct xeno_calltable *tab, uint64_t nr)
{
	if (!tab || nr >= tab->n || !(tab->calls[nr].flags & XENO_SYF_NOFPU))
		return NULL;
	const int64_t *at = &tab->calls[nr].call_at;
	return *at ? (xeno_thunk)(uintptr_t)((const char *)at + *at) : NULL;
}

XENO_NOFPU bool bsd_sitecall_nofpu(struct xeno_thread *t, greg_t *g, struct xeno_callrec *rec,
				   bool rdx_zeroed)
{
	uint64_t nr = (uint64_t)g[REG_RAX];
	xeno_thunk call = nofpu_thunk(t->os->syscalls, nr);
	if (!call)
		return false;
	bsd_sitecall_take_args(rec, g);
	uint64_t args[8] = {rec->args[0],
			    rec->args[1],
			    rec->args[2],
			    rec->args[3],
			    rec->args[4],
			    rec->args[5],
			    0,
			    0};
	t->have_rval2 = 0;
	long ret = call(t, args);
	rec->ret = ret;
	bsd_put_result(t, g, ret, rdx_zeroed);
	return true;
}
