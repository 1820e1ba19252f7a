#include "core/exec.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/brand.h"
#include "core/fd.h"
#include "core/launch.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/thread.h"
#include "core/tracehook.h"
#include "loader/image.h"

/*
 * Whether the loader saw a program for an OS other than Linux: one a brand
 * record claims (an x86-64 ELF file by its EI_OSABI, ABI note or
 * interpreter, a Mach-O or PE file).  The one place that decides what the
 * host must never run.
 */
static bool foreign(const struct xeno_image *img)
{
	return img->brand != NULL;
}

enum route { BY_KERNEL, BY_XENO };

/*
 * Who runs the file at path (already found executable): xeno, for a
 * program it runs; the kernel, for Linux programs, scripts and anything it
 * judges itself; or nobody: -errno for a foreign image xeno cannot run,
 * the refusal `xeno FILE` makes with 126.  FreeBSD's kernel answers ENOEXEC
 * for an image no activator takes or whose ELF brand it does not know
 * (sys/kern/kern_exec.c do_execve, sys/kern/imgact_elf.c "ELF binary type
 * not known").
 */
static long route(const char *path)
{
	struct xeno_image img;
	int err = xeno_image_open(&img, path);
	xeno_image_close(&img);
	if (img.sys_errno == EACCES)
		/* Executable but not readable: xeno cannot look inside, nor run it
		 * (FreeBSD would: exec needs no read permission), and a foreign
		 * program must not reach the host's execve, which would run it
		 * natively with the wrong system calls. */
		return -EACCES;
	if (err == 0)
		err = xeno_image_check_runnable(&img);
	if (err == 0)
		return BY_XENO;
	return foreign(&img) ? -ENOEXEC : BY_KERNEL;
}

static size_t count(char *const v[])
{
	size_t n = 0;
	while (v[n])
		n++;
	return n;
}

/* xeno OPTIONS... --argv0=ARGV0 PATH ARGV[1..] */
static char **xeno_argv(const char *path, char *const argv[])
{
	size_t n = count(argv);
	char **v = calloc((size_t)xeno_proc.noptions + n + 4, sizeof *v);
	char *argv0 = malloc(strlen(argv[0] ? argv[0] : path) + 9);
	if (!v || !argv0) {
		free(v);
		free(argv0);
		return NULL;
	}
	size_t k = 0;
	v[k++] = xeno_proc.self_exe;
	for (int i = 0; i < xeno_proc.noptions; i++)
		v[k++] = xeno_proc.options[i];
	strcpy(argv0, "--argv0=");
	strcat(argv0, argv[0] ? argv[0] : path);
	v[k++] = argv0;
	v[k++] = "--";
	v[k++] = (char *)path;
	for (size_t i = 1; i < n; i++)
		v[k++] = argv[i];
	return v;
}

long xeno_execve(struct xeno_thread *t, const char *path, char *const argv[], char *const envp[])
{
	if (access(path, X_OK) < 0)
		return -errno;
	char **xargv = NULL;
	const char *target = path;
	long how = route(path);
	if (how < 0)
		return how;
	if (how == BY_XENO) {
		xargv = xeno_argv(path, argv);
		if (!xargv)
			return -ENOMEM;
		target = xeno_proc.self_exe;
	}
	xeno_trace_before_exec(t);
	/* The new image starts with the guest's signal mask, not xeno's. */
	sigset_t handler_mask;
	pthread_sigmask(SIG_SETMASK, NULL, &handler_mask);
	sigset_t guest = t->sigmask;
	sigdelset(&guest, SIGSYS);
	pthread_sigmask(SIG_SETMASK, &guest, NULL);
	char **args = xargv ? xargv : (char **)argv;
	xeno_fd_exec_begin();
	long r = host_syscall3(SYS_execve, target, args, envp);
	/* xeno's path gone or out of reach (an upgrade since, a chroot, a
	 * binfmt_misc entry with flag F): its file is still /proc/self/exe,
	 * which is only second because it names the process "exe" */
	if ((r == -ENOENT || r == -EACCES) && xargv)
		r = host_syscall3(SYS_execve, "/proc/self/exe", args, envp);
	xeno_fd_exec_failed();
	pthread_sigmask(SIG_SETMASK, &handler_mask, NULL);
	if (xargv) {
		free(xargv[xeno_proc.noptions + 1]); /* the --argv0= string */
		free(xargv);
	}
	return r;
}
