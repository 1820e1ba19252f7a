/*
 * Calls that change the name space, shared by the BSD personalities:
 * mkdir, rmdir, unlink, rename, link and symlink with their *at() forms.
 * Two BSD habits differ from Linux and are kept: link(2) follows a symbolic
 * link given as the source, and unlink(2) of a directory is EPERM (FreeBSD
 * sys/kern/vfs_syscalls.c kern_linkat, kern_funlinkat: "POSIX").
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>

#include "core/host.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

long bsd_sys_mkdirat(struct xeno_thread *t, int fd, uint64_t path, unsigned int mode)
{
	char p[BSD_PATH_BUF];
	int dirfd;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW);
	return ret < 0 ? ret : host_syscall3(SYS_mkdirat, dirfd, p, mode & 07777);
}

long bsd_sys_mkdir(struct xeno_thread *t, uint64_t path, unsigned int mode)
{
	return bsd_sys_mkdirat(t, bsd_abi_of(t)->at_fdcwd, path, mode);
}

/* Under AT_RESOLVE_BENEATH: the parent directory, opened beneath dirfd, and
 * the last component, which must then be a plain name. */
static long parent_beneath(int dirfd, char *p, const char **last)
{
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	char *slash = strrchr(p, '/');
	const char *dir = ".";
	*last = p;
	if (slash) {
		*slash = '\0';
		dir = slash == p ? "/" : p;
		*last = slash + 1;
	}
	if (strcmp(*last, "..") == 0)
		return -EXDEV; /* it would leave the parent */
	struct open_how how = {
	    .flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
	    .resolve = RESOLVE_BENEATH,
	};
	return host_syscall4(SYS_openat2, dirfd, dir, &how, sizeof how);
}

static long unlink_at(int dirfd, const char *path, uint64_t at)
{
	unsigned flags = at & BSD_AT_REMOVEDIR ? AT_REMOVEDIR : 0;
	long ret = host_syscall3(SYS_unlinkat, dirfd, path, flags);
	return ret == -EISDIR && !flags ? -EPERM : ret;
}

long bsd_sys_unlinkat(struct xeno_thread *t, int fd, uint64_t path, int flag)
{
	char p[BSD_PATH_BUF];
	uint64_t at;
	const char *last;
	int dirfd;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, XENO_ROOT_NOFOLLOW);
	if (ret < 0)
		return ret;
	if (bsd_at_flags(t, flag, BSD_AT_REMOVEDIR | BSD_AT_BENEATH, &at) < 0)
		return -EINVAL;
	if (!(at & BSD_AT_BENEATH))
		return unlink_at(dirfd, p, at);
	long parent = parent_beneath(dirfd, p, &last);
	if (parent < 0)
		return parent;
	ret = unlink_at((int)parent, last, at);
	host_syscall1(SYS_close, parent);
	return ret;
}

long bsd_sys_unlink(struct xeno_thread *t, uint64_t path)
{
	return bsd_sys_unlinkat(t, bsd_abi_of(t)->at_fdcwd, path, 0);
}

long bsd_sys_rmdir(struct xeno_thread *t, uint64_t path)
{
	char p[BSD_PATH_BUF];
	long ret = bsd_path_in(t, path, p, XENO_ROOT_NOFOLLOW);
	return ret < 0 ? ret : host_syscall3(SYS_unlinkat, AT_FDCWD, p, AT_REMOVEDIR);
}

long bsd_sys_renameat(struct xeno_thread *t, int oldfd, uint64_t old, int newfd, uint64_t new)
{
	char from[BSD_PATH_BUF], to[BSD_PATH_BUF];
	int fromfd, tofd;
	long ret = bsd_at_path(t, oldfd, old, &fromfd, from, XENO_ROOT_NOFOLLOW);
	if (ret < 0 || (ret = bsd_at_path(t, newfd, new, &tofd, to,
					  XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW)) < 0)
		return ret;
	return host_syscall5(SYS_renameat2, fromfd, from, tofd, to, 0);
}

long bsd_sys_rename(struct xeno_thread *t, uint64_t from, uint64_t to)
{
	int cwd = bsd_abi_of(t)->at_fdcwd;
	return bsd_sys_renameat(t, cwd, from, cwd, to);
}

/* The source resolved beneath its directory is an O_PATH descriptor; Linux
 * links one by its /proc name without the privilege AT_EMPTY_PATH needs. */
static long link_resolved(const struct bsd_target *src, int tofd, const char *to, uint64_t at)
{
	char proc[64];
	if (src->opened < 0)
		return host_syscall5(SYS_linkat, src->dirfd, src->path, tofd, to, at);
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", src->opened);
	return host_syscall5(SYS_linkat, AT_FDCWD, proc, tofd, to, AT_SYMLINK_FOLLOW);
}

long bsd_sys_linkat(struct xeno_thread *t, int fd1, uint64_t path1, int fd2, uint64_t path2,
		    int flag)
{
	char from[BSD_PATH_BUF], to[BSD_PATH_BUF];
	uint64_t at;
	struct bsd_target src;
	int fromfd, tofd;
	if (bsd_at_flags(t, flag, AT_SYMLINK_FOLLOW | BSD_AT_BENEATH | AT_EMPTY_PATH, &at) < 0)
		return -EINVAL;
	int from_how = at & AT_SYMLINK_FOLLOW ? XENO_ROOT_FOLLOW : XENO_ROOT_NOFOLLOW;
	long ret = bsd_at_path(t, fd1, path1, &fromfd, from, from_how);
	if (ret < 0 || (ret = bsd_at_path(t, fd2, path2, &tofd, to,
					  XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW)) < 0)
		return ret;
	/* without AT_SYMLINK_FOLLOW the source link itself is linked */
	if ((at & BSD_AT_BENEATH) && !(at & AT_SYMLINK_FOLLOW))
		at |= AT_SYMLINK_NOFOLLOW;
	if ((ret = bsd_target_resolve(&src, fromfd, from, &at)) < 0)
		return ret;
	ret = link_resolved(&src, tofd, to, at);
	bsd_target_done(&src);
	return ret;
}

long bsd_sys_link(struct xeno_thread *t, uint64_t path, uint64_t link)
{
	char from[BSD_PATH_BUF], to[BSD_PATH_BUF];
	long ret = bsd_path_in(t, path, from, XENO_ROOT_FOLLOW);
	if (ret < 0 || (ret = bsd_path_in(t, link, to, XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW)) < 0)
		return ret;
	return host_syscall5(SYS_linkat, AT_FDCWD, from, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}

long bsd_sys_symlinkat(struct xeno_thread *t, uint64_t path1, int fd, uint64_t path2)
{
	char target[BSD_PATH_BUF], p[BSD_PATH_BUF];
	int dirfd;
	/* the target is stored as it is, to be looked up when followed */
	long ret = bsd_path_in(t, path1, target, XENO_ROOT_VERBATIM);
	if (ret < 0 ||
	    (ret = bsd_at_path(t, fd, path2, &dirfd, p, XENO_ROOT_CREATE | XENO_ROOT_NOFOLLOW)) < 0)
		return ret;
	return host_syscall3(SYS_symlinkat, target, dirfd, p);
}

long bsd_sys_symlink(struct xeno_thread *t, uint64_t path, uint64_t link)
{
	return bsd_sys_symlinkat(t, path, bsd_abi_of(t)->at_fdcwd, link);
}
