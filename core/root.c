/*
 * The compat root (see core/root.h).  Lookups under DIR are the kernel's:
 * openat2(2) with RESOLVE_IN_ROOT on a descriptor of DIR treats DIR as "/"
 * for "..", for absolute symbolic links and for the path itself; the object
 * found is then named by its host path (/proc/self/fd/N), which the
 * handler's own host call looks up again.  That second lookup meets no
 * symbolic link that was not already resolved the same way, except a last
 * component the call does not follow, which it must not follow anyway.
 */
#include "core/root.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fd.h"
#include "core/host.h"
#include "core/process.h"

static char root_dir[PATH_MAX];
static size_t root_len;
static int root_fd = -1;
static char root_option[PATH_MAX + 8];

int xeno_root_init(const char *dir)
{
	char abs[PATH_MAX];
	struct stat st;
	if (!realpath(dir, abs) || stat(abs, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (strcmp(abs, "/") == 0)
		return 0; /* the host's own root: every lookup is already there */
	int fd = open(abs, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if ((fd = xeno_fd_move_high(fd)) < 0)
		return fd;
	if (root_fd >= 0)
		close(root_fd);
	root_fd = fd;
	root_len = strlen(abs);
	memcpy(root_dir, abs, root_len + 1);
	/* Programs the guest runs through xeno (core/exec.c) get the same root,
	 * whatever their working directory. */
	snprintf(root_option, sizeof root_option, "--root=%s", root_dir);
	if (xeno_proc.options)
		xeno_proc.options[xeno_proc.noptions++] = root_option;
	return 0;
}

const char *xeno_root_dir(void)
{
	return root_fd >= 0 ? root_dir : NULL;
}

/* The host path of what path names under the root: its length, or -errno
 * (-ENOENT: not there). */
static long lookup_in_root(const char *path, int open_flags, char *out, size_t size)
{
	struct open_how how = {
	    .flags = O_PATH | O_CLOEXEC | (unsigned)open_flags,
	    .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	long fd = host_syscall4(SYS_openat2, root_fd, path, &how, sizeof how);
	if (fd < 0)
		return fd;
	char proc[40];
	xeno_fd_proc_path(proc, sizeof proc, fd);
	long n = host_syscall3(SYS_readlink, proc, out, size);
	host_syscall1(SYS_close, fd);
	if (n < 0)
		return n;
	if ((size_t)n >= size)
		return -ENAMETOOLONG;
	out[n] = '\0';
	/* Not reachable from this process's root: no name to give the host. */
	return out[0] == '/' ? n : -ENOENT;
}

/* For a call that creates the last component: the host path under the root
 * if the parent directory is there.  Its length or -errno. */
static long parent_in_root(const char *path, char *out, size_t size)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--; /* the last component keeps its trailing slashes */
	size_t last = n;
	while (last > 0 && path[last - 1] != '/')
		last--;
	const char *name = path + last;
	if (last == 0 || name[0] == '\0' || strncmp(name, "./", 2) == 0 ||
	    strncmp(name, "../", 3) == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return -ENOENT; /* "/", "." or "..": nothing to create */
	char parent[PATH_MAX];
	if (last >= sizeof parent)
		return -ENAMETOOLONG;
	memcpy(parent, path, last);
	parent[last] = '\0';
	long len = lookup_in_root(parent, O_DIRECTORY, out, size);
	if (len < 0)
		return len;
	bool slash = out[len - 1] == '/';
	size_t need = (size_t)len + !slash + strlen(name) + 1;
	if (need > size)
		return -ENAMETOOLONG;
	if (!slash)
		out[len++] = '/';
	strcpy(out + len, name);
	return (long)need - 1;
}

long xeno_root_path(char *buf, size_t size, int how)
{
	if (root_fd < 0 || buf[0] != '/' || (how & XENO_ROOT_VERBATIM))
		return 0;
	char host[PATH_MAX];
	size_t room = size < sizeof host ? size : sizeof host;
	long n = lookup_in_root(buf, how & XENO_ROOT_NOFOLLOW ? O_NOFOLLOW : 0, host, room);
	if (n < 0 && (how & XENO_ROOT_CREATE))
		n = parent_in_root(buf, host, room);
	if (n == -ENAMETOOLONG)
		return n;
	if (n < 0)
		return 0; /* not under the root: the host's own path */
	memcpy(buf, host, (size_t)n + 1);
	return 0;
}

size_t xeno_root_guest_cwd(char *path, size_t len)
{
	if (root_fd < 0 || strncmp(path, root_dir, root_len) != 0)
		return len;
	if (path[root_len] == '\0') {
		strcpy(path, "/");
		return 1;
	}
	if (path[root_len] != '/')
		return len; /* DIR2 next to DIR */
	memmove(path, path + root_len, len - root_len + 1);
	return len - root_len;
}
