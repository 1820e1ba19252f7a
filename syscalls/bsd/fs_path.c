/*
 * Calls that look a file up and inspect or change its attributes, shared by
 * the BSD personalities: access, readlink, the working directory, umask,
 * chmod and utimensat.  Each *at() call accepts exactly the flags the BSD
 * kernel does (FreeBSD sys/kern/vfs_syscalls.c) and EINVAL for the rest.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "abi/bsd/fcntl.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

/* at: host flags, already checked */
static long access_at(struct xeno_thread *t, int fd, uint64_t path, int amode, uint64_t at)
{
	char p[BSD_PATH_BUF];
	uint64_t mode;
	struct bsd_target tg;
	int dirfd;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, XENO_ROOT_FOLLOW);
	if (ret < 0)
		return ret;
	if (xeno_flags_to_host(bsd_abi_of(t)->access_mode, (uint32_t)amode, &mode) < 0)
		return -EINVAL;
	if ((ret = bsd_target_resolve(&tg, dirfd, p, &at)) < 0)
		return ret;
	ret = host_syscall4(SYS_faccessat2, tg.dirfd, tg.path, mode, at);
	bsd_target_done(&tg);
	return ret;
}

long bsd_sys_access(struct xeno_thread *t, uint64_t path, int amode)
{
	return access_at(t, bsd_abi_of(t)->at_fdcwd, path, amode, 0);
}

long bsd_sys_eaccess(struct xeno_thread *t, uint64_t path, int amode)
{
	return access_at(t, bsd_abi_of(t)->at_fdcwd, path, amode, AT_EACCESS);
}

long bsd_sys_faccessat(struct xeno_thread *t, int fd, uint64_t path, int amode, int flag)
{
	uint64_t at;
	if (bsd_at_flags(t, flag, AT_EACCESS | BSD_AT_BENEATH | AT_EMPTY_PATH, &at) < 0)
		return -EINVAL;
	return access_at(t, fd, path, amode, at);
}

long bsd_sys_readlinkat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, size_t bufsize)
{
	char p[BSD_PATH_BUF];
	int dirfd;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, XENO_ROOT_NOFOLLOW);
	if (ret < 0)
		return ret;
	if (bufsize > SSIZE_MAX)
		return -EINVAL;
	if (bufsize == 0) {
		/* Linux refuses an empty buffer; a BSD reads nothing from a link */
		struct statx stx;
		ret = bsd_statx(dirfd, p, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &stx);
		return ret < 0 ? ret : S_ISLNK(stx.stx_mode) ? 0 : -EINVAL;
	}
	return host_syscall4(SYS_readlinkat, dirfd, p, buf, bufsize);
}

long bsd_sys_readlink(struct xeno_thread *t, uint64_t path, uint64_t buf, size_t count)
{
	return bsd_sys_readlinkat(t, bsd_abi_of(t)->at_fdcwd, path, buf, count);
}

/* __getcwd as the OS's facts say (abi/bsd/abi.h).  A directory inside the
 * compat root shows as the guest reaches it, without the root's prefix. */
long bsd_sys___getcwd(struct xeno_thread *t, uint64_t buf, size_t buflen)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	char cwd[4096];
	if (buflen < 2)
		return -abi->getcwd_small_errno;
	if (buflen > abi->getcwd_max)
		buflen = abi->getcwd_max;
	long len = host_syscall2(SYS_getcwd, cwd, sizeof cwd);
	if (len == -ERANGE)
		return -abi->getcwd_short_errno;
	if (len < 0)
		return len;
	len = (long)xeno_root_guest_cwd(cwd, (size_t)len - 1) + 1; /* len counts the NUL */
	if ((size_t)len > buflen)
		return -abi->getcwd_short_errno;
	long r = xeno_copy_out(buf, cwd, (size_t)len);
	return r < 0 || !abi->getcwd_returns_length ? r : len;
}

long bsd_sys_chdir(struct xeno_thread *t, uint64_t path)
{
	char p[BSD_PATH_BUF];
	long ret = bsd_path_in(t, path, p, XENO_ROOT_FOLLOW);
	return ret < 0 ? ret : host_syscall1(SYS_chdir, p);
}

/* Linux asks CAP_SYS_CHROOT where FreeBSD asks PRIV_VFS_CHROOT: both EPERM
 * for an ordinary user.  The root changes for xeno as well: one process. */
long bsd_sys_chroot(struct xeno_thread *t, uint64_t path)
{
	char p[BSD_PATH_BUF];
	long ret = bsd_path_in(t, path, p, XENO_ROOT_FOLLOW);
	return ret < 0 ? ret : host_syscall1(SYS_chroot, p);
}

long bsd_sys_fchdir(struct xeno_thread *t, int fd)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall1(SYS_fchdir, fd);
}

long bsd_sys_umask(struct xeno_thread *t, unsigned int newmask)
{
	(void)t;
	return host_syscall1(SYS_umask, newmask & 0777);
}

long bsd_sys_fchmodat(struct xeno_thread *t, int fd, uint64_t path, unsigned int mode, int flag)
{
	char p[BSD_PATH_BUF];
	uint64_t at;
	struct bsd_target tg;
	long ret = bsd_target_at(t, fd, path, flag, p, &tg, &at);
	if (ret < 0)
		return ret;
	mode &= 07777;
	/* fchmodat2 (Linux 6.6) takes the flags; plain fchmodat has none */
	if (at != 0)
		ret = host_syscall4(SYS_fchmodat2, tg.dirfd, tg.path, mode, at);
	else
		ret = host_syscall3(SYS_fchmodat, tg.dirfd, tg.path, mode);
	bsd_target_done(&tg);
	return ret;
}

long bsd_sys_chmod(struct xeno_thread *t, uint64_t path, unsigned int mode)
{
	return bsd_sys_fchmodat(t, bsd_abi_of(t)->at_fdcwd, path, mode, 0);
}

long bsd_sys_fchmod(struct xeno_thread *t, int fd, unsigned int mode)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall2(SYS_fchmod, fd, mode & 07777);
}

/* The two times, or NULL for "now". */
static long utimens_in(struct xeno_thread *t, uint64_t times, struct timespec *ts,
		       struct timespec **tsp)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	int64_t raw[4]; /* two struct timespec */
	*tsp = NULL;
	if (times == 0)
		return 0;
	long ret = xeno_copy_in(raw, times, sizeof raw);
	if (ret < 0)
		return ret;
	if (bsd_utimens_to_host(abi->utime_now, abi->utime_omit, raw, ts) < 0)
		return -EINVAL;
	*tsp = ts;
	return 0;
}

long bsd_sys_utimensat(struct xeno_thread *t, int fd, uint64_t path, uint64_t times, int flag)
{
	char p[BSD_PATH_BUF];
	uint64_t at;
	struct timespec ts[2], *tsp;
	struct bsd_target tg;
	/* FreeBSD's kern_utimensat reads the times before it looks the path up */
	if (bsd_at_flags(t, flag, AT_SYMLINK_NOFOLLOW | BSD_AT_BENEATH | AT_EMPTY_PATH, &at) < 0)
		return -EINVAL;
	long ret = utimens_in(t, times, ts, &tsp);
	if (ret < 0 || (ret = bsd_target_at(t, fd, path, flag, p, &tg, &at)) < 0)
		return ret;
	if (tsp && tsp[0].tv_nsec == UTIME_OMIT && tsp[1].tv_nsec == UTIME_OMIT) {
		/* Linux skips the lookup; a BSD still fails on a bad path */
		struct statx stx;
		ret = bsd_statx(tg.dirfd, tg.path, (unsigned)at, &stx);
	} else {
		ret = host_syscall4(SYS_utimensat, tg.dirfd, tg.path, tsp, at);
	}
	bsd_target_done(&tg);
	return ret;
}

long bsd_sys_futimens(struct xeno_thread *t, int fd, uint64_t times)
{
	struct timespec ts[2], *tsp;
	long ret = fd < 0 ? -EBADF : bsd_fd(fd); /* Linux reads AT_FDCWD */
	if (ret < 0)
		return ret;
	if ((ret = utimens_in(t, times, ts, &tsp)) < 0)
		return ret;
	return host_syscall4(SYS_utimensat, fd, NULL, tsp, 0);
}
