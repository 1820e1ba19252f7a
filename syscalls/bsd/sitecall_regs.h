/*
 * What a BSD system call reads from and writes to the guest's registers,
 * shared by the trapped path (syscalls/bsd/trap.c) and the fast paths at
 * patched sites (syscalls/bsd/nofpu_sitecall.c, time_sitecall.c).  Built
 * general-regs-only: the fast paths run before the guest's FP state is
 * saved.
 */
#ifndef XENO_SYSCALLS_BSD_SITECALL_REGS_H
#define XENO_SYSCALLS_BSD_SITECALL_REGS_H

#include <sys/ucontext.h>

#include "core/nofpu.h"
#include "core/syscall.h"
#include "core/thread.h"

#define PSL_C 0x1 /* carry flag: FreeBSD sys/x86/include/psl.h */

/* The call's number and six arguments into its record, from the registers
 * of the BSD convention (amd64: rdi, rsi, rdx, r10, r8, r9). */
XENO_NOFPU static inline void bsd_sitecall_take_args(struct xeno_callrec *rec, const greg_t *g)
{
	rec->nr = (uint64_t)g[REG_RAX];
	rec->args[0] = (uint64_t)g[REG_RDI];
	rec->args[1] = (uint64_t)g[REG_RSI];
	rec->args[2] = (uint64_t)g[REG_RDX];
	rec->args[3] = (uint64_t)g[REG_R10];
	rec->args[4] = (uint64_t)g[REG_R8];
	rec->args[5] = (uint64_t)g[REG_R9];
}

/* A call's result, value or error (FreeBSD cpu_set_syscall_retval: an
 * error in RAX with the carry flag set).
 * FreeBSD keeps RDX unless a call sets a second result (td_retval[1]
 * starts as the frame's RDX, cpu_fetch_syscall_args); NetBSD clears it
 * (sy_invoke sets rval[1] = 0, syscall() copies it to RDX). */
XENO_NOFPU static inline void bsd_put_result(struct xeno_thread *t, greg_t *g, long ret,
					     bool rdx_zeroed)
{
	if (ret < 0 && ret >= -4095) {
		g[REG_RAX] = t->os->errno_from_host((int)-ret);
		g[REG_EFL] |= PSL_C;
		return;
	}
	g[REG_RAX] = ret;
	if (t->have_rval2)
		g[REG_RDX] = (greg_t)t->rval2;
	else if (rdx_zeroed)
		g[REG_RDX] = 0;
	g[REG_EFL] &= ~(greg_t)PSL_C;
}

#endif
