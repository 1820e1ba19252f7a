/*
 * The initial stack of a BSD/amd64 process, which FreeBSD's
 * exec_copyout_strings (sys/kern/kern_exec.c) and NetBSD's copyargs and
 * elf_copyargs (sys/kern/kern_exec.c, exec_elf.c) lay out alike: at the top
 * what the OS keeps there (struct ps_strings first), below it the argument
 * and environment strings, and lowest the words argc, argv[], NULL,
 * envp[], NULL and the auxiliary vector.  The OS says what goes at the
 * top and into the auxiliary vector, where argc is aligned, and which
 * registers the program starts with.
 */
#ifndef XENO_SYSCALLS_BSD_STACK_H
#define XENO_SYSCALLS_BSD_STACK_H

#include <stddef.h>
#include <stdint.h>

#include "loader/stack.h"

struct xeno_image;

#define BSD_MAX_AUXV 40

struct bsd_auxv {
	uint64_t v[BSD_MAX_AUXV * 2];
	unsigned n;
};

/* Appends one entry. */
static inline void bsd_aux(struct bsd_auxv *a, uint64_t type, uint64_t val)
{
	a->v[a->n++] = type;
	a->v[a->n++] = val;
}

/* Where the pieces went. */
struct bsd_initial_stack {
	uint64_t ps_strings; /* struct bsd_ps_strings, filled */
	uint64_t argc_at;    /* argc; argv[] follows */
	uint64_t argv_at, envp_at, auxv_at;
};

struct bsd_stack_os {
	/* argc's address modulo 16: 0 (NetBSD: RSP is argc's address and
	 * 16-aligned, sys/arch/amd64/include/param.h STACK_ALIGNBYTES) or 8
	 * (FreeBSD: RSP = ((argc - 8) & ~15) + 8 lands on argc). */
	unsigned argc_mod16;
	/* Pushes what the OS keeps above the strings after ps_strings (FreeBSD:
	 * the program's path, the canary, the page sizes): 0 or -E2BIG. */
	int (*push_top)(struct xeno_stack *st, void *ctx);
	/* Pushes what goes just above the words (NetBSD: the program's path
	 * for AT_SUN_EXECNAME), then fills the auxiliary vector (ps_strings:
	 * where struct ps_strings is): 0 or -E2BIG. */
	int (*fill_auxv)(struct bsd_auxv *a, struct xeno_stack *st, const struct xeno_image *img,
			 size_t argc, size_t envc, uint64_t ps_strings, void *ctx);
};

/* Where the initial stack's struct ps_strings is (FreeBSD's
 * kern.ps_strings; what NetBSD's kern.proc_args reads). */
extern uint64_t bsd_ps_strings;

/* Maps the stack (xeno_proc.stack_base/top are set) and lays it out: 0 or
 * -errno (nothing left mapped). */
int bsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		    const struct bsd_stack_os *os, void *ctx, struct bsd_initial_stack *out);

#endif
