/*
 * File calls that take a path or fill a struct stat: stat64, lstat64,
 * fstat64, fstatat64 (the 64-bit-inode struct stat, abi/darwin/stat.h),
 * getcwd, readlink, mkdir, rmdir, unlink, chmod.  macOS's PATH_MAX is
 * 1024 (bsd/sys/syslimits.h): a longer path is ENAMETOOLONG.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "abi/darwin/stat.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

#define DARWIN_PATH_MAX 1024

static long path_in(char *buf, uint64_t path)
{
	long n = xeno_strncpy_in(buf, path, DARWIN_PATH_MAX);
	return n < 0 ? n : 0;
}

static long stat_out(long r, const struct stat *st, uint64_t buf)
{
	if (r < 0)
		return r;
	struct darwin_stat ds;
	darwin_stat_from_host(st, &ds);
	return xeno_copy_out(buf, &ds, sizeof ds) < 0 ? -EFAULT : 0;
}

static long stat_at(int fd, uint64_t path, uint64_t buf, int hflags)
{
	char p[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	if (e < 0)
		return e;
	struct stat st;
	return stat_out(host_syscall4(SYS_newfstatat, fd, p, &st, hflags), &st, buf);
}

long darwin_libSystem_stat64(struct xeno_thread *t, uint64_t path, uint64_t buf)
{
	(void)t;
	return stat_at(AT_FDCWD, path, buf, 0);
}

long darwin_libSystem_lstat64(struct xeno_thread *t, uint64_t path, uint64_t buf)
{
	(void)t;
	return stat_at(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

long darwin_libSystem_fstat64(struct xeno_thread *t, int fd, uint64_t buf)
{
	(void)t;
	if (bsd_fd(fd) < 0)
		return -EBADF;
	struct stat st;
	return stat_out(host_syscall2(SYS_fstat, fd, &st), &st, buf);
}

long darwin_libSystem_fstatat64(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf,
				int flag)
{
	(void)t;
	if (flag & ~DARWIN_AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	return stat_at(darwin_atfd_to_host(fd), path, buf,
		       flag & DARWIN_AT_SYMLINK_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
}

/* getcwd(buf, size): a NULL buf is not asked for by Go, and refused */
long darwin_libSystem_getcwd(struct xeno_thread *t, uint64_t buf, size_t size)
{
	(void)t;
	char p[4096];
	if (!buf)
		return -EINVAL;
	if (size == 0)
		return -EINVAL;
	long n = host_syscall2(SYS_getcwd, p, sizeof p);
	if (n < 0)
		return n;
	if ((size_t)n > size)
		return -ERANGE;
	return xeno_copy_out(buf, p, (size_t)n) < 0 ? -EFAULT : (long)buf;
}

long darwin_libSystem_readlink(struct xeno_thread *t, uint64_t path, uint64_t buf, size_t size)
{
	(void)t;
	char p[DARWIN_PATH_MAX], out[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	if (e < 0)
		return e;
	long n = host_syscall3(SYS_readlink, p, out, size < sizeof out ? size : sizeof out);
	if (n < 0)
		return n;
	return xeno_copy_out(buf, out, (size_t)n) < 0 ? -EFAULT : n;
}

long darwin_libSystem_mkdir(struct xeno_thread *t, uint64_t path, unsigned int mode)
{
	(void)t;
	char p[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	return e < 0 ? e : host_syscall2(SYS_mkdir, p, mode & 07777);
}

long darwin_libSystem_rmdir(struct xeno_thread *t, uint64_t path)
{
	(void)t;
	char p[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	return e < 0 ? e : host_syscall1(SYS_rmdir, p);
}

long darwin_libSystem_unlink(struct xeno_thread *t, uint64_t path)
{
	(void)t;
	char p[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	return e < 0 ? e : host_syscall1(SYS_unlink, p);
}

long darwin_libSystem_chmod(struct xeno_thread *t, uint64_t path, unsigned int mode)
{
	(void)t;
	char p[DARWIN_PATH_MAX];
	long e = path_in(p, path);
	return e < 0 ? e : host_syscall2(SYS_chmod, p, mode & 07777);
}
