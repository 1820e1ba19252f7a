/* Getting a foreign program ready to run (see core/launch.h). */
#include "core/launch.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/brand.h"
#include "core/libcall.h"
#include "core/log.h"
#include "core/process.h"
#include "core/vdso.h"
#include "loader/formats.h"
#include "loader/link.h"

__attribute__((format(printf, 2, 3))) static int reason(struct xeno_image *img, const char *fmt,
							...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(img->reason, sizeof img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

int xeno_image_check_runnable(struct xeno_image *img)
{
	if (img->host_program)
		return reason(img, "a Linux program: run it directly, without xeno");
	if (!img->brand)
		return reason(img, "not marked for any OS xeno knows (no ELF OS/ABI, ABI note or "
				   "interpreter says which); Linux programs run without xeno");
	if (!img->brand->personality)
		return reason(img, "a %s program; xeno does not run %s programs yet",
			      img->brand->title, img->brand->title);
	if (img->interp[0] && !img->brand->personality->libraries)
		return reason(img,
			      "dynamically linked (interpreter %s); xeno runs statically linked "
			      "%s programs only for now",
			      img->interp, img->brand->title);
	return 0;
}

static int count_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* What the personality's stack and system calls read about the program. */
static void record_process(const struct xeno_launch *l, const char *path)
{
	xeno_proc.os = l->os;
	xeno_proc.ncpus = count_cpus();
	xeno_proc.image_base = l->img.bias;
	if (!realpath(path, xeno_proc.exe_path))
		snprintf(xeno_proc.exe_path, sizeof xeno_proc.exe_path, "%s", path);
	ssize_t n = readlink("/proc/self/exe", xeno_proc.self_exe, sizeof xeno_proc.self_exe - 1);
	xeno_proc.self_exe[n > 0 ? n : 0] = '\0';
	xeno_vdso_init(); /* the clock handlers read the vDSO from the start */
}

/* A dynamically linked program starts at xeno_guest_start_program, which
 * runs the IRELATIVE resolvers and the initialisers as guest code, then
 * enters the program as its personality's interpreter would. */
static int start_dynamic(struct xeno_launch *l, struct xeno_link_start *ls)
{
	struct xeno_entry e = l->entry;
	uint64_t argc = 0, argv = 0, envp = 0;
	l->os->dynamic_entry(&e, ls->fini, &argc, &argv, &envp);
	xeno_link_set_args(ls, argc, argv, envp);
	if (!ls->inits)
		return reason(&l->img, "out of memory for the initialisers' list");
	l->entry = (struct xeno_entry){.rip = (uint64_t)xeno_guest_start_program,
				       .rsp = e.rsp,
				       .rbx = (uint64_t)ls->inits,
				       .r12 = e.rip,
				       .r13 = e.rsp,
				       .r14 = e.rdi,
				       .r15 = e.rsi,
				       .fs = ls->tp};
	return 0;
}

int xeno_launch_finish(struct xeno_launch *l, char **argv, char **envp)
{
	struct xeno_image *img = &l->img;
	struct xeno_link_start ls = {0};
	int err;
	l->dynamic = img->interp[0] != '\0' || img->format != XENO_FORMAT_ELF;
	if (l->dynamic &&
	    (err = img->format == XENO_FORMAT_ELF ? xeno_link_program(img, l->os, &ls)
						  : xeno_link_foreign(img, l->os, &ls)))
		return err;
	if ((err = l->os->build_stack(img, argv, envp, &l->entry)) < 0)
		return reason(img, "cannot build the initial stack: %s", strerror(-err));
	/* A program of another format than ELF starts where its personality's
	 * build_stack said: it knows what runs before the entry. */
	return l->dynamic && img->format == XENO_FORMAT_ELF ? start_dynamic(l, &ls) : 0;
}

int xeno_launch_prepare(struct xeno_launch *l, const char *path, char **argv, char **envp)
{
	struct xeno_image *img = &l->img;
	int err = xeno_image_open(img, path);
	if (!err)
		err = xeno_image_check_runnable(img);
	if (!err)
		err = xeno_image_map(img, img->brand->personality->pie_base);
	if (!err) {
		l->os = img->brand->personality;
		record_process(l, path);
		err = xeno_launch_finish(l, argv, envp);
	}
	if (err) {
		xeno_reason_printable(img->reason);
		xeno_msg("%s: %s", path, img->reason);
	}
	xeno_image_close(img);
	return err;
}
