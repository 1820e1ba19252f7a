/*
 * The main thread of a macOS program as the kernel and dyld leave it
 * (xnu bsd/kern/kern_exec.c exec_copyout_strings; dyld's KernelArgs and,
 * for an LC_UNIXTHREAD program, gotoAppStart dropping the mach_header
 * word): RSP at argc, then argv, NULL, envp, NULL and the apple[] strings,
 * NULL; apple[0] is "executable_path=" and the program's path, which Go's
 * runtime (os_darwin.go sysargs) takes for os.Executable.  GS is the
 * thread's TSD block before the first instruction: Go stores g at
 * %gs:0x30 at once.  An LC_MAIN program is entered the same way here,
 * main(argc, argv, envp, apple) being called by xeno's start in dyld's
 * place (its return value the exit status).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/libcall.h"
#include "core/personality.h"
#include "core/process.h"
#include "libs/darwin/darwin.h"
#include "loader/image.h"
#include "loader/macho.h"
#include "loader/stack.h"

static int push_vectors(struct xeno_stack *st, char *const argv[], char *const envp[], uint64_t *sp,
			uint64_t *av, uint64_t *ev, uint64_t *ap)
{
	size_t argc = xeno_count_strings(argv), envc = xeno_count_strings(envp);
	uint64_t *addr = calloc(argc + envc + 1, sizeof *addr);
	if (!addr)
		return -ENOMEM;
	char apple0[sizeof xeno_proc.exe_path + 32];
	snprintf(apple0, sizeof apple0, "executable_path=%s", xeno_proc.exe_path);
	int err = 0;
	uint64_t apple = xeno_stack_push_string(st, apple0);
	if (!apple)
		err = -E2BIG;
	for (size_t i = argc + envc; !err && i-- > 0;) {
		addr[i] = xeno_stack_push_string(st, i < argc ? argv[i] : envp[i - argc]);
		if (!addr[i])
			err = -E2BIG;
	}
	size_t words = 1 + argc + 1 + envc + 1 + 2;
	uint64_t base = err ? 0 : xeno_stack_alloc(st, words * 8, 16);
	if (!err && !base)
		err = -E2BIG;
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
	w[k++] = apple;
	w[k++] = 0;
	free(addr);
	*sp = base;
	*av = base + 8;
	*ev = base + 8 * (2 + argc);
	*ap = base + 8 * (3 + argc + envc);
	return 0;
}

int darwin_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		       struct xeno_entry *e)
{
	const struct macho_image *m = img->format_data;
	struct xeno_stack st;
	int err = xeno_stack_map(&st, 0);
	if (err)
		return err;
	uint64_t sp, av, ev, ap, tsd = darwin_tsd_new();
	err = tsd ? push_vectors(&st, argv, envp, &sp, &av, &ev, &ap) : -ENOMEM;
	if (err) {
		munmap((void *)st.base, st.top - st.base);
		return err;
	}
	darwin_thread_register(tsd, getpid());
	xeno_proc.stack_base = st.base;
	xeno_proc.stack_top = st.top;
	*e = (struct xeno_entry){.rip = img->entry + img->bias, .rsp = sp, .gs = tsd};
	if (m && m->entry.kind == MACHO_ENTRY_MAIN) {
		/* main's return value goes to exit (libSystem's), as dyld's start does */
		extern const struct xeno_library darwin_libSystem_library;
		uint64_t exit_fn = 0;
		const struct xeno_library *l = &darwin_libSystem_library;
		for (unsigned i = 0; i < l->nexports; i++)
			if (strcmp(xeno_export_name(&l->exports[i]), "exit") == 0)
				exit_fn = (uint64_t)xeno_export_addr(&l->exports[i]);
		e->rsp = (sp - 8) & ~15ULL;
		e->rip = (uint64_t)xeno_guest_start_thread;
		e->rbx = img->entry + img->bias;
		e->rdi = *(uint64_t *)sp;
		e->rsi = av;
		e->rdx = ev;
		e->rcx = ap;
		e->r12 = exit_fn;
	}
	return 0;
}
