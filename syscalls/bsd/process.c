/*
 * Processes, shared by the BSD personalities: fork and vfork (the child sees
 * RAX 0 and RDX 1, the parent the child's pid and RDX 0, as 4.4BSD's
 * fork1 returns), execve, and waiting with the status word in the
 * guest's signal numbers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "core/blocking.h"
#include "core/exec.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/tracehook.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/kqueue.h"
#include "syscalls/bsd/net.h"

long bsd_sys_fork(struct xeno_thread *t)
{
	pid_t pid = xeno_fork(t);
	if (pid < 0)
		return pid;
	t->have_rval2 = 1;
	t->rval2 = pid == 0;
	return pid;
}

/* vfork's sharing is an optimisation a program may not observe beyond
 * exec or _exit: a fork does. */
long bsd_sys_vfork(struct xeno_thread *t)
{
	return bsd_sys_fork(t);
}

#define MAX_STRING (256 * 1024)	     /* one argument or variable */
#define MAX_TOTAL  (4 * 1024 * 1024) /* all of them (FreeBSD's kern.argmax is lower) */

/* One guest string, however long (up to MAX_STRING): its length or -errno. */
static long copy_string(uint64_t p, char **out)
{
	for (size_t size = 4096; size <= MAX_STRING; size *= 2) {
		char *s = malloc(size);
		if (!s)
			return -ENOMEM;
		long len = xeno_strncpy_in(s, p, size);
		if (len >= 0) {
			*out = s;
			return len;
		}
		free(s);
		if (len != -ENAMETOOLONG)
			return len;
	}
	return -E2BIG;
}

void bsd_free_vector(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* Copies a NULL-terminated guest vector of strings (NULL: an empty one). */
static long copy_vector(uint64_t uv, char ***out, size_t *total)
{
	size_t n = 0, cap = 16;
	char **v = calloc(cap, sizeof *v);
	if (!v)
		return -ENOMEM;
	long err = 0;
	while (uv) {
		uint64_t p;
		if (xeno_copy_in(&p, uv + n * 8, sizeof p) < 0) {
			err = -EFAULT;
			break;
		}
		if (!p)
			break;
		if (n + 2 > cap) {
			char **w = realloc(v, cap * 2 * sizeof *v);
			if (!w) {
				err = -ENOMEM;
				break;
			}
			memset(w + cap, 0, cap * sizeof *w);
			v = w;
			cap *= 2;
		}
		long len = copy_string(p, &v[n]);
		if (len < 0) {
			err = len;
			break;
		}
		n++;
		*total += (size_t)len + 1 + sizeof(char *);
		if (*total > MAX_TOTAL) {
			err = -E2BIG;
			break;
		}
	}
	if (err) {
		bsd_free_vector(v);
		return err;
	}
	*out = v;
	return 0;
}

/* exec_copyin_args (FreeBSD sys/kern/kern_exec.c): a NULL argv is EFAULT,
 * before anything else is looked at; a NULL envv is an empty one. */
long bsd_sys_execve(struct xeno_thread *t, uint64_t fname, uint64_t argv, uint64_t envv)
{
	char path[BSD_PATH_BUF];
	if (!argv)
		return -EFAULT;
	long r = bsd_path_in(t, fname, path, XENO_ROOT_FOLLOW);
	if (r < 0)
		return r;
	char **av = NULL, **ev = NULL;
	size_t total = 0;
	if ((r = copy_vector(argv, &av, &total)) < 0)
		return r;
	if ((r = copy_vector(envv, &ev, &total)) < 0) {
		bsd_free_vector(av);
		return r;
	}
	r = xeno_execve(t, path, av, ev);
	bsd_free_vector(av);
	bsd_free_vector(ev);
	return r;
}

int bsd_wait_status_from_host(const struct xeno_thread *t, int st)
{
	if (WIFCONTINUED(st))
		return bsd_abi_of(t)->wait_continued_status;
	if (WIFSTOPPED(st))
		return (t->os->signal_from_host(WSTOPSIG(st)) << 8) | 0177;
	if (WIFSIGNALED(st))
		return t->os->signal_from_host(WTERMSIG(st)) | (WCOREDUMP(st) ? 0200 : 0);
	return st;
}

long bsd_sys_wait4(struct xeno_thread *t, int pid, uint64_t status, int options, uint64_t rusage)
{
	uint64_t hopt;
	if (xeno_flags_to_host(bsd_abi_of(t)->wait_options, (uint32_t)options, &hopt) < 0 ||
	    (hopt & ~(uint64_t)(WNOHANG | WUNTRACED | WCONTINUED | __WCLONE | __WALL)))
		return -EINVAL;
	int st = 0;
	struct rusage ru;
	long r = host_blocking_syscall(SYS_wait4, pid, &st, hopt, rusage ? &ru : NULL, 0, 0);
	if (r <= 0)
		return xeno_restartable(r);
	int gst = bsd_wait_status_from_host(t, st);
	if (status && xeno_copy_out(status, &gst, sizeof gst) < 0)
		return -EFAULT;
	if (rusage && xeno_copy_out(rusage, &ru, sizeof ru) < 0)
		return -EFAULT;
	return r;
}
