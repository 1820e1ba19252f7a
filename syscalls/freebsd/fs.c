/*
 * FreeBSD's own forms of the file status and directory calls: struct stat
 * and struct dirent as FreeBSD 12 changed them (64-bit inode numbers) and
 * the freebsd11 forms old binaries call.  The lookups are shared BSD code
 * (syscalls/bsd/fs_util.c); the layouts are abi/freebsd/stat.h, dirent.h.
 */
#include <errno.h>
#include <sys/stat.h>

#include "abi/freebsd/dirent.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/stat.h"
#include "core/uaccess.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/freebsd/freebsd.h"

static long stat12_out(long ret, const struct statx *stx, uint64_t sb)
{
	struct freebsd12_stat st;
	if (ret < 0)
		return ret;
	freebsd12_stat_from_host(stx, &st);
	return xeno_copy_out(sb, &st, sizeof st);
}

static long stat11_out(long ret, const struct statx *stx, uint64_t sb)
{
	struct freebsd11_stat st;
	if (ret < 0)
		return ret;
	freebsd11_stat_from_host(stx, &st);
	return xeno_copy_out(sb, &st, sizeof st);
}

long freebsd_sys_fstat(struct xeno_thread *t, int fd, uint64_t sb)
{
	struct statx stx;
	return stat12_out(bsd_stat_at(t, fd, 0, 0, &stx), &stx, sb);
}

long freebsd_sys_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, int flag)
{
	struct statx stx;
	if (!path)
		return -EFAULT;
	return stat12_out(bsd_stat_at(t, fd, path, flag, &stx), &stx, buf);
}

long freebsd_sys_freebsd11_stat(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	struct statx stx;
	if (!path)
		return -EFAULT;
	return stat11_out(bsd_stat_at(t, FREEBSD_AT_FDCWD, path, 0, &stx), &stx, ub);
}

long freebsd_sys_freebsd11_lstat(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	struct statx stx;
	if (!path)
		return -EFAULT;
	return stat11_out(bsd_stat_at(t, FREEBSD_AT_FDCWD, path, FREEBSD_AT_SYMLINK_NOFOLLOW, &stx),
			  &stx, ub);
}

long freebsd_sys_freebsd11_fstat(struct xeno_thread *t, int fd, uint64_t sb)
{
	struct statx stx;
	return stat11_out(bsd_stat_at(t, fd, 0, 0, &stx), &stx, sb);
}

long freebsd_sys_freebsd11_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf,
				   int flag)
{
	struct statx stx;
	if (!path)
		return -EFAULT;
	return stat11_out(bsd_stat_at(t, fd, path, flag, &stx), &stx, buf);
}

/* *basep is an off_t in the FreeBSD 12 call, a long in the old one: both
 * eight bytes on amd64. */
static long dirents(int fd, uint64_t buf, size_t count, uint64_t basep, bsd_dirent_packer pack)
{
	int64_t base;
	long ret = bsd_getdirentries(fd, buf, count, pack, &base);
	if (ret >= 0 && basep) {
		long err = xeno_copy_out(basep, &base, sizeof base);
		if (err < 0)
			return err;
	}
	return ret;
}

long freebsd_sys_getdirentries(struct xeno_thread *t, int fd, uint64_t buf, size_t count,
			       uint64_t basep)
{
	(void)t;
	return dirents(fd, buf, count, basep, freebsd12_dirent_from_host);
}

long freebsd_sys_freebsd11_getdirentries(struct xeno_thread *t, int fd, uint64_t buf,
					 unsigned int count, uint64_t basep)
{
	(void)t;
	return dirents(fd, buf, count, basep, freebsd11_dirent_from_host);
}
