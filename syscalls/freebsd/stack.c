/*
 * The initial stack of a FreeBSD/amd64 process, laid out as the kernel's
 * exec_copyout_strings (sys/kern/kern_exec.c) does, and the registers
 * exec_setregs (sys/amd64/amd64/exec_machdep.c) sets: RDI points at argc,
 * RSP = ((argc address - 8) & ~15) + 8, everything else zero.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "abi/freebsd/exec.h"
#include "core/personality.h"
#include "core/process.h"
#include "loader/image.h"
#include "loader/stack.h"
#include "syscalls/freebsd/freebsd.h"

#define MAX_AUXV 40

uint64_t freebsd_ps_strings;

struct auxv {
	uint64_t v[MAX_AUXV * 2];
	unsigned n;
};

static void aux(struct auxv *a, uint64_t type, uint64_t val)
{
	a->v[a->n++] = type;
	a->v[a->n++] = val;
}

/* CPUID leaf 1: EDX and ECX, the feature words FreeBSD hands out as
 * AT_HWCAP and AT_HWCAP2 on x86. */
static void cpu_features(uint64_t *edx, uint64_t *ecx)
{
	uint32_t a = 1, b, c = 0, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	*edx = d;
	*ecx = c;
}

/* Copies each string of v onto the stack; their addresses go to addrs. */
static int push_strings(struct xeno_stack *st, char *const v[], size_t n, uint64_t *addrs)
{
	for (size_t i = n; i-- > 0;) {
		addrs[i] = xeno_stack_push_string(st, v[i]);
		if (!addrs[i])
			return -E2BIG;
	}
	return 0;
}

/* What exec_copyout_strings puts at the top of the stack, above the strings. */
struct top_area {
	uint64_t ps_strings, execpath, canary, pagesizes;
};

static const uint64_t pagesizes[] = {4096, 2 << 20, 1 << 30};

static int push_top_area(struct xeno_stack *st, struct top_area *top)
{
	top->ps_strings = xeno_stack_alloc(st, sizeof(struct freebsd_ps_strings), 8);
	top->execpath = xeno_stack_push_string(st, xeno_proc.exe_path);
	unsigned char canary[FREEBSD_CANARY_LEN];
	if (getrandom(canary, sizeof canary, 0) != (ssize_t)sizeof canary)
		memset(canary, 0x5a, sizeof canary);
	top->canary = xeno_stack_push(st, canary, sizeof canary, 8);
	top->pagesizes = xeno_stack_push(st, pagesizes, sizeof pagesizes, 8);
	return top->ps_strings && top->execpath && top->canary && top->pagesizes ? 0 : -E2BIG;
}

/* The auxiliary vector; AT_ARGV and AT_ENVV are filled in once the vectors
 * are placed (their value slots are returned in *argv_slot, *envv_slot). */
static void fill_auxv(struct auxv *a, const struct xeno_image *img, const struct xeno_stack *st,
		      const struct top_area *top, size_t argc, size_t envc, unsigned *argv_slot,
		      unsigned *envv_slot)
{
	uint64_t hwcap, hwcap2;
	cpu_features(&hwcap, &hwcap2);
	a->n = 0;
	aux(a, FREEBSD_AT_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	aux(a, FREEBSD_AT_PHENT, img->phentsize);
	aux(a, FREEBSD_AT_PHNUM, img->phnum);
	aux(a, FREEBSD_AT_PAGESZ, 4096);
	aux(a, FREEBSD_AT_BASE, 0); /* no interpreter */
	aux(a, FREEBSD_AT_FLAGS, 0);
	aux(a, FREEBSD_AT_ENTRY, img->entry + img->bias);
	aux(a, FREEBSD_AT_EXECPATH, top->execpath);
	aux(a, FREEBSD_AT_CANARY, top->canary);
	aux(a, FREEBSD_AT_CANARYLEN, FREEBSD_CANARY_LEN);
	aux(a, FREEBSD_AT_OSRELDATE, FREEBSD_OSRELDATE);
	aux(a, FREEBSD_AT_NCPUS, (uint64_t)xeno_proc.ncpus);
	aux(a, FREEBSD_AT_PAGESIZES, top->pagesizes);
	aux(a, FREEBSD_AT_PAGESIZESLEN, sizeof pagesizes);
	aux(a, FREEBSD_AT_STACKPROT, img->exec_stack ? 7 : 3);
	aux(a, FREEBSD_AT_EHDRFLAGS, img->e_flags);
	aux(a, FREEBSD_AT_HWCAP, hwcap);
	aux(a, FREEBSD_AT_HWCAP2, hwcap2);
	aux(a, FREEBSD_AT_BSDFLAGS, 0);
	aux(a, FREEBSD_AT_PS_STRINGS, top->ps_strings);
	aux(a, FREEBSD_AT_USRSTACKBASE, st->top);
	aux(a, FREEBSD_AT_USRSTACKLIM, st->top - st->base);
	aux(a, FREEBSD_AT_ARGC, argc);
	*argv_slot = a->n + 1;
	aux(a, FREEBSD_AT_ARGV, 0);
	aux(a, FREEBSD_AT_ENVC, envc);
	*envv_slot = a->n + 1;
	aux(a, FREEBSD_AT_ENVV, 0);
	aux(a, FREEBSD_AT_NULL, 0);
}

/* Below the strings: argc, argv[], NULL, envp[], NULL, auxv, with argc's
 * address 8 mod 16 so that RSP is argc's address exactly.  Returns argc's
 * address (0 if the stack is full); *argv_at and *envp_at the vectors'. */
static uint64_t push_words(struct xeno_stack *st, const uint64_t *addr, size_t argc, size_t envc,
			   const struct auxv *a, uint64_t *argv_at, uint64_t *envp_at)
{
	size_t words = 1 + argc + 1 + envc + 1 + a->n;
	uint64_t base = xeno_stack_alloc(st, words * 8 + 8, 16);
	if (!base)
		return 0;
	base += 8;
	uint64_t *w = (uint64_t *)base;
	size_t k = 0;
	w[k++] = argc;
	*argv_at = base + k * 8;
	for (size_t i = 0; i < argc; i++)
		w[k++] = addr[i];
	w[k++] = 0;
	*envp_at = base + k * 8;
	for (size_t i = 0; i < envc; i++)
		w[k++] = addr[argc + i];
	w[k++] = 0;
	memcpy(&w[k], a->v, a->n * 8);
	return base;
}

static int push_vectors(struct xeno_stack *st, const struct xeno_image *img, char *const argv[],
			char *const envp[], struct xeno_entry *e)
{
	size_t argc = xeno_count_strings(argv), envc = xeno_count_strings(envp);
	uint64_t *addr = calloc(argc + envc + 1, sizeof *addr);
	if (!addr)
		return -ENOMEM;
	struct top_area top;
	struct auxv a;
	unsigned argv_slot, envv_slot;
	uint64_t argv_at, envp_at, base = 0;
	int err = push_top_area(st, &top);
	if (!err && !(err = push_strings(st, envp, envc, addr + argc)) &&
	    !(err = push_strings(st, argv, argc, addr))) {
		fill_auxv(&a, img, st, &top, argc, envc, &argv_slot, &envv_slot);
		base = push_words(st, addr, argc, envc, &a, &argv_at, &envp_at);
		err = base ? 0 : -E2BIG;
	}
	free(addr);
	if (err)
		return err;
	/* the auxv entries that point into the vectors, now that they exist */
	uint64_t *auxv_at = (uint64_t *)envp_at + envc + 1;
	auxv_at[argv_slot] = argv_at;
	auxv_at[envv_slot] = envp_at;

	struct freebsd_ps_strings *pss = (struct freebsd_ps_strings *)top.ps_strings;
	pss->ps_argvstr = argv_at;
	pss->ps_nargvstr = (uint32_t)argc;
	pss->ps_envstr = envp_at;
	pss->ps_nenvstr = (uint32_t)envc;
	xeno_proc.stack_top = st->top;
	freebsd_ps_strings = top.ps_strings;

	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rdi = base;
	e->rsp = ((base - 8) & ~15ULL) + 8;
	return 0;
}

int freebsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *e)
{
	struct xeno_stack st;
	int err = xeno_stack_map(&st, img->exec_stack);
	if (err)
		return err;
	err = push_vectors(&st, img, argv, envp, e);
	if (err) {
		munmap((void *)st.base, st.top - st.base);
		return err;
	}
	xeno_proc.stack_base = st.base;
	xeno_proc.stack_top = st.top;
	return 0;
}
