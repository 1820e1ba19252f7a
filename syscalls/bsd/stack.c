/* The initial stack the BSDs share (syscalls/bsd/stack.h). */
#include "syscalls/bsd/stack.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "abi/bsd/exec.h"
#include "core/process.h"
#include "loader/image.h"

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

/* argc, argv[], NULL, envp[], NULL, auxv, argc at mod16 modulo 16. */
static int push_words(struct xeno_stack *st, const uint64_t *addr, size_t argc, size_t envc,
		      const struct bsd_auxv *a, unsigned mod16, struct bsd_initial_stack *out)
{
	size_t words = 1 + argc + 1 + envc + 1 + a->n;
	uint64_t base = xeno_stack_alloc(st, words * 8 + mod16, 16);
	if (!base)
		return -E2BIG;
	base += mod16;
	uint64_t *w = (uint64_t *)base;
	size_t k = 0;
	w[k++] = argc;
	out->argc_at = base;
	out->argv_at = base + k * 8;
	for (size_t i = 0; i < argc; i++)
		w[k++] = addr[i];
	w[k++] = 0;
	out->envp_at = base + k * 8;
	for (size_t i = 0; i < envc; i++)
		w[k++] = addr[argc + i];
	w[k++] = 0;
	out->auxv_at = base + k * 8;
	memcpy(&w[k], a->v, a->n * 8);
	return 0;
}

static int lay_out(struct xeno_stack *st, const struct xeno_image *img, char *const argv[],
		   char *const envp[], const struct bsd_stack_os *os, void *ctx,
		   struct bsd_initial_stack *out)
{
	size_t argc = xeno_count_strings(argv), envc = xeno_count_strings(envp);
	uint64_t *addr = calloc(argc + envc + 1, sizeof *addr);
	if (!addr)
		return -ENOMEM;
	struct bsd_auxv a = {.n = 0};
	out->ps_strings = xeno_stack_alloc(st, sizeof(struct bsd_ps_strings), 8);
	int err = out->ps_strings ? 0 : -E2BIG;
	if (!err && os->push_top)
		err = os->push_top(st, ctx);
	if (!err)
		err = push_strings(st, envp, envc, addr + argc);
	if (!err)
		err = push_strings(st, argv, argc, addr);
	if (!err)
		err = os->fill_auxv(&a, st, img, argc, envc, out->ps_strings, ctx);
	if (!err)
		err = push_words(st, addr, argc, envc, &a, os->argc_mod16, out);
	free(addr);
	if (err)
		return err;
	struct bsd_ps_strings *pss = (struct bsd_ps_strings *)out->ps_strings;
	pss->ps_argvstr = out->argv_at;
	pss->ps_nargvstr = (uint32_t)argc;
	pss->ps_envstr = out->envp_at;
	pss->ps_nenvstr = (uint32_t)envc;
	return 0;
}

uint64_t bsd_ps_strings;

int bsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		    const struct bsd_stack_os *os, void *ctx, struct bsd_initial_stack *out)
{
	struct xeno_stack st;
	int err = xeno_stack_map(&st, img->exec_stack);
	if (err)
		return err;
	xeno_proc.stack_base = st.base;
	xeno_proc.stack_top = st.top;
	err = lay_out(&st, img, argv, envp, os, ctx, out);
	if (err)
		munmap((void *)st.base, st.top - st.base);
	else
		bsd_ps_strings = out->ps_strings;
	return err;
}
