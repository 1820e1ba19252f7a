/*
 * The initial stack of an illumos/amd64 process, as exec lays it out
 * (usr/src/uts/common/exec/elf/elf.c and os/exec.c stk_copyout; the amd64
 * psABI's process start): argc at RSP, 16-aligned, then argv, NULL, envp,
 * NULL and the auxiliary vector, the strings above.  Go reads AT_PAGESZ
 * and AT_SUN_EXECNAME (os.Executable) from it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abi/illumos/exec.h"
#include "core/personality.h"
#include "core/process.h"
#include "libs/illumos/illumos.h"
#include "loader/image.h"
#include "loader/stack.h"

#define MAX_AUXV 24

struct auxv {
	uint64_t v[MAX_AUXV * 2];
	unsigned n;
};

static void aux(struct auxv *a, uint64_t type, uint64_t val)
{
	a->v[a->n++] = type;
	a->v[a->n++] = val;
}

static void fill_auxv(struct auxv *a, const struct xeno_image *img, uint64_t execname,
		      uint64_t platform)
{
	a->n = 0;
	aux(a, ILLUMOS_AT_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	aux(a, ILLUMOS_AT_PHENT, img->phentsize);
	aux(a, ILLUMOS_AT_PHNUM, img->phnum);
	aux(a, ILLUMOS_AT_PAGESZ, 4096);
	aux(a, ILLUMOS_AT_BASE, 0); /* ld.so.1's: xeno links in its place */
	aux(a, ILLUMOS_AT_FLAGS, 0);
	aux(a, ILLUMOS_AT_ENTRY, img->entry + img->bias);
	aux(a, ILLUMOS_AT_SUN_UID, geteuid());
	aux(a, ILLUMOS_AT_SUN_RUID, getuid());
	aux(a, ILLUMOS_AT_SUN_GID, getegid());
	aux(a, ILLUMOS_AT_SUN_RGID, getgid());
	aux(a, ILLUMOS_AT_SUN_PLATFORM, platform);
	aux(a, ILLUMOS_AT_SUN_EXECNAME, execname);
	aux(a, ILLUMOS_AT_SUN_AUXFLAGS, 0);
	aux(a, ILLUMOS_AT_NULL, 0);
}

static int push_vectors(struct xeno_stack *st, const struct xeno_image *img, char *const argv[],
			char *const envp[], struct xeno_entry *e)
{
	size_t argc = xeno_count_strings(argv), envc = xeno_count_strings(envp);
	uint64_t *addr = calloc(argc + envc + 1, sizeof *addr);
	if (!addr)
		return -ENOMEM;
	int err = 0;
	uint64_t execname = xeno_stack_push_string(st, xeno_proc.exe_path);
	uint64_t platform = xeno_stack_push_string(st, ILLUMOS_PLATFORM);
	if (!execname || !platform)
		err = -E2BIG;
	illumos_execname = execname;
	for (size_t i = argc + envc; !err && i-- > 0;) {
		addr[i] = xeno_stack_push_string(st, i < argc ? argv[i] : envp[i - argc]);
		if (!addr[i])
			err = -E2BIG;
	}
	struct auxv a;
	uint64_t base = 0;
	if (!err) {
		fill_auxv(&a, img, execname, platform);
		size_t words = 1 + argc + 1 + envc + 1 + a.n;
		base = xeno_stack_alloc(st, words * 8, 16);
		if (!base)
			err = -E2BIG;
	}
	if (err) {
		free(addr);
		return err;
	}
	uint64_t *w = (uint64_t *)base;
	size_t k = 0;
	w[k++] = argc;
	for (size_t i = 0; i < argc; i++)
		w[k++] = addr[i];
	w[k++] = 0;
	for (size_t i = 0; i < envc; i++)
		w[k++] = addr[argc + i];
	w[k++] = 0;
	memcpy(&w[k], a.v, a.n * 8);
	free(addr);
	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rsp = base;
	return 0;
}

int illumos_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
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
