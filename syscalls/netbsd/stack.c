/*
 * The initial stack of a NetBSD/amd64 process: the BSDs' layout
 * (syscalls/bsd/stack.c) with the auxiliary vector of elf_copyargs
 * (sys/kern/exec_elf.c), the program's path for AT_SUN_EXECNAME just above
 * it, and the registers setregs (sys/arch/amd64/amd64/machdep.c) sets:
 * RSP at argc, RBX at struct ps_strings, everything else zero.
 */
#include <string.h>
#include <unistd.h>

#include "abi/netbsd/exec.h"
#include "core/personality.h"
#include "core/process.h"
#include "loader/image.h"
#include "syscalls/bsd/stack.h"
#include "syscalls/netbsd/netbsd.h"

#include <errno.h>

static int fill_auxv(struct bsd_auxv *a, struct xeno_stack *st, const struct xeno_image *img,
		     size_t argc, size_t envc, uint64_t ps_strings, void *ctx)
{
	(void)argc, (void)envc, (void)ps_strings, (void)ctx;
	uint64_t execname = xeno_stack_push_string(st, xeno_proc.exe_path);
	if (!execname)
		return -E2BIG;
	bsd_aux(a, NETBSD_AT_PHDR, img->phdr_vaddr ? img->phdr_vaddr + img->bias : 0);
	bsd_aux(a, NETBSD_AT_PHENT, img->phentsize);
	bsd_aux(a, NETBSD_AT_PHNUM, img->phnum);
	bsd_aux(a, NETBSD_AT_PAGESZ, 4096);
	bsd_aux(a, NETBSD_AT_BASE, 0); /* no interpreter */
	bsd_aux(a, NETBSD_AT_FLAGS, 0);
	bsd_aux(a, NETBSD_AT_ENTRY, img->entry + img->bias);
	bsd_aux(a, NETBSD_AT_EUID, geteuid());
	bsd_aux(a, NETBSD_AT_RUID, getuid());
	bsd_aux(a, NETBSD_AT_EGID, getegid());
	bsd_aux(a, NETBSD_AT_RGID, getgid());
	bsd_aux(a, NETBSD_AT_STACKBASE, st->top);
	bsd_aux(a, NETBSD_AT_SUN_EXECNAME, execname);
	bsd_aux(a, NETBSD_AT_NULL, 0);
	return 0;
}

static const struct bsd_stack_os netbsd_stack = {
    .argc_mod16 = 0,
    .push_top = NULL,
    .fill_auxv = fill_auxv,
};

int netbsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		       struct xeno_entry *e)
{
	struct bsd_initial_stack is;
	int err = bsd_build_stack(img, argv, envp, &netbsd_stack, NULL, &is);
	if (err)
		return err;
	memset(e, 0, sizeof *e);
	e->rip = img->entry + img->bias;
	e->rsp = is.argc_at;
	e->rbx = is.ps_strings;
	return 0;
}
