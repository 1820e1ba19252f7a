/*
 * The initial stack of a FreeBSD/amd64 process, laid out as the kernel's
 * exec_copyout_strings (sys/kern/kern_exec.c) does, and the registers
 * exec_setregs (sys/amd64/amd64/exec_machdep.c) sets: RDI points at argc,
 * RSP = ((argc address - 8) & ~15) + 8, everything else zero.
 */
#include "loader/freebsd_stack.h"

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

#define MAX_AUXV 40

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

static int push_vectors(struct xeno_stack *st, const struct xeno_image *img, char *const argv[],
			char *const envp[], struct xeno_entry *e)
{
	size_t argc = xeno_count_strings(argv), envc = xeno_count_strings(envp);
	uint64_t *addr = calloc(argc + envc + 1, sizeof *addr);
	if (!addr)
		return -ENOMEM;
	int err = -E2BIG;
	uint64_t ps = xeno_stack_alloc(st, sizeof(struct freebsd_ps_strings), 8);
	uint64_t execpath = xeno_stack_push_string(st, xeno_proc.exe_path);
	unsigned char canary[FREEBSD_CANARY_LEN];
	if (getrandom(canary, sizeof canary, 0) != (ssize_t)sizeof canary)
		memset(canary, 0x5a, sizeof canary);
	uint64_t canary_at = xeno_stack_push(st, canary, sizeof canary, 8);
	static const uint64_t pagesizes[] = {4096, 2 << 20, 1 << 30};
	uint64_t pagesizes_at = xeno_stack_push(st, pagesizes, sizeof pagesizes, 8);
	if (!ps || !execpath || !canary_at || !pagesizes_at)
		goto out;
	if ((err = push_strings(st, envp, envc, addr + argc)) ||
	    (err = push_strings(st, argv, argc, addr)))
		goto out;

	uint64_t hwcap, hwcap2;
	cpu_features(&hwcap, &hwcap2);
	struct auxv a = {.n = 0};
	aux(&a, FREEBSD_AT_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	aux(&a, FREEBSD_AT_PHENT, img->phentsize);
	aux(&a, FREEBSD_AT_PHNUM, img->phnum);
	aux(&a, FREEBSD_AT_PAGESZ, 4096);
	aux(&a, FREEBSD_AT_BASE, 0); /* no interpreter */
	aux(&a, FREEBSD_AT_FLAGS, 0);
	aux(&a, FREEBSD_AT_ENTRY, img->entry + img->bias);
	aux(&a, FREEBSD_AT_EXECPATH, execpath);
	aux(&a, FREEBSD_AT_CANARY, canary_at);
	aux(&a, FREEBSD_AT_CANARYLEN, sizeof canary);
	aux(&a, FREEBSD_AT_OSRELDATE, FREEBSD_OSRELDATE);
	aux(&a, FREEBSD_AT_NCPUS, (uint64_t)xeno_proc.ncpus);
	aux(&a, FREEBSD_AT_PAGESIZES, pagesizes_at);
	aux(&a, FREEBSD_AT_PAGESIZESLEN, sizeof pagesizes);
	aux(&a, FREEBSD_AT_STACKPROT, img->exec_stack ? 7 : 3);
	aux(&a, FREEBSD_AT_EHDRFLAGS, img->e_flags);
	aux(&a, FREEBSD_AT_HWCAP, hwcap);
	aux(&a, FREEBSD_AT_HWCAP2, hwcap2);
	aux(&a, FREEBSD_AT_BSDFLAGS, 0);
	aux(&a, FREEBSD_AT_PS_STRINGS, ps);
	aux(&a, FREEBSD_AT_USRSTACKBASE, st->top);
	aux(&a, FREEBSD_AT_USRSTACKLIM, st->top - st->base);
	/* AT_ARGC..AT_ENVV point into the vectors, placed below: filled in then. */
	unsigned argv_slot = a.n + 3, envv_slot = a.n + 7;
	aux(&a, FREEBSD_AT_ARGC, argc);
	aux(&a, FREEBSD_AT_ARGV, 0);
	aux(&a, FREEBSD_AT_ENVC, envc);
	aux(&a, FREEBSD_AT_ENVV, 0);
	aux(&a, FREEBSD_AT_NULL, 0);

	/* Below the strings: argc, argv[], NULL, envp[], NULL, auxv, with argc's
	 * address 8 mod 16 so that RSP is argc's address exactly. */
	size_t words = 1 + argc + 1 + envc + 1 + a.n;
	uint64_t base = xeno_stack_alloc(st, words * 8 + 8, 16);
	if (!base)
		goto out;
	base += 8;
	uint64_t *w = (uint64_t *)base;
	size_t k = 0;
	w[k++] = argc;
	uint64_t argv_at = base + k * 8;
	for (size_t i = 0; i < argc; i++)
		w[k++] = addr[i];
	w[k++] = 0;
	uint64_t envp_at = base + k * 8;
	for (size_t i = 0; i < envc; i++)
		w[k++] = addr[argc + i];
	w[k++] = 0;
	a.v[argv_slot] = argv_at;
	a.v[envv_slot] = envp_at;
	memcpy(&w[k], a.v, a.n * 8);

	struct freebsd_ps_strings *pss = (struct freebsd_ps_strings *)ps;
	pss->ps_argvstr = argv_at;
	pss->ps_nargvstr = (uint32_t)argc;
	pss->ps_envstr = envp_at;
	pss->ps_nenvstr = (uint32_t)envc;
	xeno_proc.ps_strings = ps;

	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rdi = base;
	e->rsp = ((base - 8) & ~15ULL) + 8;
	err = 0;
out:
	free(addr);
	return err;
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
