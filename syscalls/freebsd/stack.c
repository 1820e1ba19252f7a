/*
 * The initial stack of a FreeBSD/amd64 process, laid out as the kernel's
 * exec_copyout_strings (sys/kern/kern_exec.c) does, and the registers
 * exec_setregs (sys/amd64/amd64/exec_machdep.c) sets: RDI points at argc,
 * RSP = ((argc address - 8) & ~15) + 8, everything else zero.
 */
#include <errno.h>
#include <string.h>
#include <sys/platform/x86.h>
#include <sys/random.h>
#include <unistd.h>

#include "abi/freebsd/exec.h"
#include "core/personality.h"
#include "core/process.h"
#include "loader/image.h"
#include "loader/stack.h"
#include "syscalls/bsd/stack.h"
#include "syscalls/freebsd/freebsd.h"

/* CPUID leaf 1: EDX and ECX, the feature words FreeBSD hands out as
 * AT_HWCAP and AT_HWCAP2 on x86 (sys/x86/x86/identcpu.c: cpu_feature and
 * cpu_feature2).  glibc asked the CPU at start and keeps the answer
 * (<sys/platform/x86.h>): a cpuid of our own is a VM exit, several
 * microseconds on a virtual machine. */
static void cpu_features(uint64_t *edx, uint64_t *ecx)
{
	const struct cpuid_feature *leaf1 = __x86_get_cpuid_feature_leaf(CPUID_INDEX_1);
	*edx = leaf1->cpuid_array[cpuid_register_index_edx];
	*ecx = leaf1->cpuid_array[cpuid_register_index_ecx];
}

/* What exec_copyout_strings puts at the top of the stack, below ps_strings
 * and above the strings; and the auxv slots of AT_ARGV and AT_ENVV, filled
 * once the vectors are placed. */
struct top_area {
	uint64_t execpath, canary, pagesizes;
	unsigned argv_slot, envv_slot;
};

static const uint64_t pagesizes[] = {4096, 2 << 20, 1 << 30};

static int push_top_area(struct xeno_stack *st, void *ctx)
{
	struct top_area *top = ctx;
	top->execpath = xeno_stack_push_string(st, xeno_proc.exe_path);
	unsigned char canary[FREEBSD_CANARY_LEN];
	if (getrandom(canary, sizeof canary, 0) != (ssize_t)sizeof canary)
		memset(canary, 0x5a, sizeof canary);
	top->canary = xeno_stack_push(st, canary, sizeof canary, 8);
	top->pagesizes = xeno_stack_push(st, pagesizes, sizeof pagesizes, 8);
	return top->execpath && top->canary && top->pagesizes ? 0 : -E2BIG;
}

static int fill_auxv(struct bsd_auxv *a, struct xeno_stack *st, const struct xeno_image *img,
		     size_t argc, size_t envc, uint64_t ps_strings, void *ctx)
{
	struct top_area *top = ctx;
	uint64_t hwcap, hwcap2;
	cpu_features(&hwcap, &hwcap2);
	bsd_aux(a, FREEBSD_AT_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	bsd_aux(a, FREEBSD_AT_PHENT, img->phentsize);
	bsd_aux(a, FREEBSD_AT_PHNUM, img->phnum);
	bsd_aux(a, FREEBSD_AT_PAGESZ, 4096);
	bsd_aux(a, FREEBSD_AT_BASE, 0); /* no interpreter */
	bsd_aux(a, FREEBSD_AT_FLAGS, 0);
	bsd_aux(a, FREEBSD_AT_ENTRY, img->entry + img->bias);
	bsd_aux(a, FREEBSD_AT_EXECPATH, top->execpath);
	bsd_aux(a, FREEBSD_AT_CANARY, top->canary);
	bsd_aux(a, FREEBSD_AT_CANARYLEN, FREEBSD_CANARY_LEN);
	bsd_aux(a, FREEBSD_AT_OSRELDATE, FREEBSD_OSRELDATE);
	bsd_aux(a, FREEBSD_AT_NCPUS, (uint64_t)xeno_proc.ncpus);
	bsd_aux(a, FREEBSD_AT_PAGESIZES, top->pagesizes);
	bsd_aux(a, FREEBSD_AT_PAGESIZESLEN, sizeof pagesizes);
	bsd_aux(a, FREEBSD_AT_STACKPROT, img->exec_stack ? 7 : 3);
	bsd_aux(a, FREEBSD_AT_EHDRFLAGS, img->e_flags);
	bsd_aux(a, FREEBSD_AT_HWCAP, hwcap);
	bsd_aux(a, FREEBSD_AT_HWCAP2, hwcap2);
	bsd_aux(a, FREEBSD_AT_BSDFLAGS, 0);
	bsd_aux(a, FREEBSD_AT_PS_STRINGS, ps_strings);
	bsd_aux(a, FREEBSD_AT_USRSTACKBASE, st->top);
	bsd_aux(a, FREEBSD_AT_USRSTACKLIM, st->top - st->base);
	bsd_aux(a, FREEBSD_AT_ARGC, argc);
	top->argv_slot = a->n + 1;
	bsd_aux(a, FREEBSD_AT_ARGV, 0);
	bsd_aux(a, FREEBSD_AT_ENVC, envc);
	top->envv_slot = a->n + 1;
	bsd_aux(a, FREEBSD_AT_ENVV, 0);
	bsd_aux(a, FREEBSD_AT_NULL, 0);
	return 0;
}

static const struct bsd_stack_os freebsd_stack = {
    .argc_mod16 = 8,
    .push_top = push_top_area,
    .fill_auxv = fill_auxv,
};

/* RDI points at argc, RSP = ((argc address - 8) & ~15) + 8 = argc's
 * address, everything else zero. */
int freebsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *e)
{
	struct top_area top;
	struct bsd_initial_stack is;
	int err = bsd_build_stack(img, argv, envp, &freebsd_stack, &top, &is);
	if (err)
		return err;
	/* the auxv entries that point into the vectors, now that they exist */
	uint64_t *auxv = (uint64_t *)is.auxv_at;
	auxv[top.argv_slot] = is.argv_at;
	auxv[top.envv_slot] = is.envp_at;

	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rdi = is.argc_at;
	e->rsp = ((is.argc_at - 8) & ~15ULL) + 8;
	return 0;
}
