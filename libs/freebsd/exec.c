/*
 * FreeBSD's PATH search for exec (lib/libc/gen/exec.c execvPe): a name
 * with a slash is a path; otherwise each directory of PATH in turn (the
 * default is _PATH_DEFPATH, include/paths.h), an empty one meaning the
 * working directory.  A file the kernel will not execute as a program
 * (ENOEXEC) is handed to the shell, _PATH_BSHELL, as a script.  Each
 * attempt is the execve system call's own handler.
 */
#include <errno.h>
#include <string.h>

#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"

#define DEFAULT_PATH "/usr/bin:/bin" /* include/paths.h _PATH_DEFPATH */
#define SHELL	     "/bin/sh"	     /* include/paths.h _PATH_BSHELL */
#define PATH_MAX_    1024	     /* sys/sys/syslimits.h PATH_MAX */

/* `sh path args...` for a script: argv with its first element replaced. */
static long exec_script(struct xeno_thread *t, const char *path, uint64_t argv, uint64_t envp)
{
	size_t argc = 0;
	uint64_t a;
	while (argc < 65536 && xeno_copy_in(&a, argv + 8 * argc, sizeof a) == 0 && a)
		argc++;
	uint64_t *v = xeno_heap_alloc((argc + 2) * sizeof *v);
	if (!v)
		return -ENOMEM;
	v[0] = (uint64_t) "sh";
	v[1] = (uint64_t)path;
	for (size_t i = 1; i <= argc; i++) /* the arguments after argv[0], and the NULL */
		xeno_copy_in(&v[i + 1], argv + 8 * i, sizeof v[i + 1]);
	if (argc == 0)
		v[2] = 0;
	long r = bsd_sys_execve(t, (uint64_t)SHELL, (uint64_t)v, envp);
	xeno_heap_free(v);
	return r;
}

static long exec_one(struct xeno_thread *t, const char *path, uint64_t argv, uint64_t envp)
{
	long r = bsd_sys_execve(t, (uint64_t)path, argv, envp);
	return r == -ENOEXEC ? exec_script(t, path, argv, envp) : r;
}

long freebsd_exec_search(struct xeno_thread *t, const char *file, uint64_t argv, uint64_t envp)
{
	if (!*file)
		return -ENOENT;
	if (strchr(file, '/'))
		return exec_one(t, file, argv, envp);
	const char *path = (const char *)freebsd_libc_getenv(t, (uint64_t) "PATH");
	if (!path)
		path = DEFAULT_PATH;
	size_t flen = strlen(file);
	bool eacces = false;
	for (const char *dir = path;; dir++) {
		const char *end = strchr(dir, ':');
		size_t dlen = end ? (size_t)(end - dir) : strlen(dir);
		char buf[PATH_MAX_];
		if (dlen == 0) /* the working directory */
			dir = ".", dlen = 1;
		if (dlen + 1 + flen < sizeof buf) {
			memcpy(buf, dir, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			long r = exec_one(t, buf, argv, envp);
			if (r == -EACCES)
				eacces = true;
			else if (r != -ENOENT && r != -ENOTDIR && r != -ELOOP && r != -ENAMETOOLONG)
				return r;
		}
		if (!end)
			break;
		dir = end;
	}
	return eacces ? -EACCES : -ENOENT;
}

long freebsd_libc_execvp(struct xeno_thread *t, uint64_t file, uint64_t argv)
{
	uint64_t envp = *(const uint64_t *)freebsd_environ_at;
	return freebsd_exec_search(t, (const char *)file, argv, envp);
}
