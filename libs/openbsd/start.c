/*
 * An OpenBSD process's start and end as the kernel, ld.so and libc give
 * them: the initial stack (sys/kern/kern_exec.c copyargs: argc at RSP, then
 * argv, NULL, envp, NULL and the AuxInfo vector, sys/sys/exec_elf.h), the
 * thread's TIB (include/tib.h, TLS variant II: __tib_self first, the
 * executable's TLS below; ld.so's _dl_allocate_first_tib sets it before the
 * entry point runs), errno (lib/libc/gen/errno.c __errno: the calling
 * thread's) and exit.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "core/libcall.h"
#include "core/process.h"
#include "core/thread.h"
#include "libs/openbsd/openbsd.h"
#include "loader/image.h"
#include "loader/link.h"
#include "openbsd_libc_proto.h"
#include "syscalls/bsd/proc.h"
#include "syscalls/bsd/stack.h"

/* sys/sys/exec_elf.h enum AuxID */
enum {
	AUX_NULL = 0,
	AUX_PHDR = 3,
	AUX_PHENT = 4,
	AUX_PHNUM = 5,
	AUX_PAGESZ = 6,
	AUX_BASE = 7,
	AUX_FLAGS = 8,
	AUX_ENTRY = 9,
};

static int fill_auxv(struct bsd_auxv *a, struct xeno_stack *st, const struct xeno_image *img,
		     size_t argc, size_t envc, uint64_t ps_strings, void *ctx)
{
	(void)st, (void)argc, (void)envc, (void)ps_strings, (void)ctx;
	bsd_aux(a, AUX_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	bsd_aux(a, AUX_PHENT, img->phentsize);
	bsd_aux(a, AUX_PHNUM, img->phnum);
	bsd_aux(a, AUX_PAGESZ, 4096);
	bsd_aux(a, AUX_BASE, 0); /* ld.so's: xeno links in its place */
	bsd_aux(a, AUX_FLAGS, 0);
	bsd_aux(a, AUX_ENTRY, img->entry + img->bias);
	bsd_aux(a, AUX_NULL, 0);
	return 0;
}

/* sys/arch/amd64/include/param.h: RSP is argc's address, 16-aligned */
static const struct bsd_stack_os openbsd_stack = {
    .argc_mod16 = 0,
    .push_top = NULL,
    .fill_auxv = fill_auxv,
};

int openbsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *e)
{
	struct bsd_initial_stack is;
	int err = bsd_build_stack(img, argv, envp, &openbsd_stack, NULL, &is);
	if (err)
		return err;
	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rsp = is.argc_at;
	return 0;
}

void openbsd_init_tcb(uint64_t tp, uint64_t dtv)
{
	uint64_t *tib = (uint64_t *)tp;
	tib[0] = tp;  /* __tib_self */
	tib[1] = dtv; /* tib_dtv */
}

/* argc at RSP; crt0's __start would also find ld.so's cleanup in RDX:
 * exit() runs the finalisers itself instead. */
void openbsd_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp)
{
	(void)fini;
	*argc = *(const uint64_t *)e->rsp;
	*argv = e->rsp + 8;
	*envp = *argv + 8 * (*argc + 1);
}

long openbsd_libc___errno(struct xeno_thread *t)
{
	return (long)&t->lib_errno;
}

/* exit: the linked set's finalisers, then _exit. */
long openbsd_libc_exit(struct xeno_thread *t, int status)
{
	for (uint64_t f; (f = xeno_link_next_fini()) != 0;) {
		struct xeno_guest_call gc = {.fn = f};
		xeno_guest_call(&gc);
	}
	xeno_host_tls(t);
	return bsd_sys_exit(t, status);
}
