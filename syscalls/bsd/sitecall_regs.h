/*
 * What the BSD fast paths at patched sites (syscalls/bsd/nofpu_sitecall.c,
 * syscalls/bsd/time_sitecall.c) read from and write to the guest's
 * registers, the way syscalls/bsd/trap.c does for a trapped call.  Built
 * general-regs-only: it runs before the guest's FP state is saved.
 */
#ifndef XENO_SYSCALLS_BSD_SITECALL_REGS_H
#define XENO_SYSCALLS_BSD_SITECALL_REGS_H

#include <sys/ucontext.h>

#include "core/nofpu.h"
#include "core/syscall.h"

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

#endif
