/* The BSD amd64 system call convention (FreeBSD sys/amd64/amd64/trap.c
 * cpu_fetch_syscall_args and cpu_set_syscall_retval; NetBSD
 * sys/arch/x86/x86/syscall.c syscall() and sys/kern/sys_syscall.c). */
#include <errno.h>

#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/sitecall_regs.h"

#define BSD_SYS_syscall	  0
#define BSD_SYS___syscall 198

/* The number of arguments the table gives call nr (0 if it has none). */
static unsigned nargs_of(const struct xeno_call *trap)
{
	const struct xeno_calltable *tab = trap->table;
	return tab && trap->nr < tab->n ? tab->sysent[trap->nr].nargs : 0;
}

void bsd_decode_trap_masked(const greg_t *g, struct xeno_call *trap, uint64_t nr_mask)
{
	uint64_t regs[6] = {g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10], g[REG_R8], g[REG_R9]};
	unsigned first = 0;
	trap->nr = (uint64_t)g[REG_RAX] & nr_mask;
	if (trap->nr == BSD_SYS_syscall || trap->nr == BSD_SYS___syscall) {
		trap->nr = trap->nr == BSD_SYS_syscall ? (uint32_t)regs[0] : regs[0];
		trap->nr &= nr_mask;
		first = 1;
	}
	unsigned n = 0;
	for (unsigned i = first; i < 6; i++)
		trap->args[n++] = regs[i];
	/* Arguments beyond the registers are on the guest stack, above the
	 * return address of the libc stub (FreeBSD cpu_fetch_syscall_args;
	 * NetBSD syscall(): copyin from tf_rsp + 8): an indirect call shifts
	 * its last ones there, and a call of more than six arguments (mmap
	 * with its padding) has its seventh there. */
	uint64_t stack[2] = {0, 0};
	if (first || nargs_of(trap) > 6)
		xeno_copy_in(stack, (uint64_t)g[REG_RSP] + 8, sizeof stack);
	for (unsigned i = 0; n < 8; i++)
		trap->args[n++] = stack[i];
}

void bsd_decode_trap(const greg_t *g, struct xeno_call *trap)
{
	bsd_decode_trap_masked(g, trap, ~0ULL);
}

/* A restart or a handler that set the registers itself, else the result
 * (syscalls/bsd/sitecall_regs.h). */
static inline void set_result(struct xeno_thread *t, greg_t *g, long ret, bool rdx_zeroed)
{
	if (ret == -XENO_EJUSTRETURN)
		return;
	if (ret == -XENO_ERESTART) {
		g[REG_RIP] -= 2; /* back onto the syscall instruction */
		return;
	}
	bsd_put_result(t, g, ret, rdx_zeroed);
}

void bsd_set_result(struct xeno_thread *t, greg_t *g, long ret)
{
	set_result(t, g, ret, false);
}

void bsd_set_result_rdx_zeroed(struct xeno_thread *t, greg_t *g, long ret)
{
	set_result(t, g, ret, true);
}

long bsd_return_value(struct xeno_thread *t, long value)
{
	if (value >= 0)
		return value;
	greg_t *g = t->uc->uc_mcontext.gregs;
	g[REG_RAX] = value;
	g[REG_EFL] &= ~PSL_C;
	return -XENO_EJUSTRETURN;
}
