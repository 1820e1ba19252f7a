/*
 * FreeBSD's own forms of the file status and directory calls: struct stat
 * and struct dirent as FreeBSD 12 changed them (64-bit inode numbers) and
 * the freebsd11 forms old binaries call.  The lookups are shared BSD code
 * (syscalls/bsd/fs_util.c); the layouts are abi/freebsd/stat.h, dirent.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include "abi/freebsd/dirent.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/stat.h"
#include "core/host.h"
#include "core/root.h"
#include "core/uaccess.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/freebsd/freebsd.h"

static const struct bsd_stat_form stat12 = {sizeof(struct freebsd12_stat),
					    freebsd12_stat_from_host};
static const struct bsd_stat_form stat11 = {sizeof(struct freebsd11_stat),
					    freebsd11_stat_from_host};

long freebsd_sys_fstat(struct xeno_thread *t, int fd, uint64_t sb)
{
	return bsd_stat_fd(t, &stat12, fd, sb);
}

long freebsd_sys_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, int flag)
{
	return bsd_stat_path(t, &stat12, fd, path, flag, buf);
}

long freebsd_sys_freebsd11_stat(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	return bsd_stat_path(t, &stat11, FREEBSD_AT_FDCWD, path, 0, ub);
}

long freebsd_sys_freebsd11_lstat(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	return bsd_stat_path(t, &stat11, FREEBSD_AT_FDCWD, path, FREEBSD_AT_SYMLINK_NOFOLLOW, ub);
}

long freebsd_sys_freebsd11_fstat(struct xeno_thread *t, int fd, uint64_t sb)
{
	return bsd_stat_fd(t, &stat11, fd, sb);
}

long freebsd_sys_freebsd11_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf,
				   int flag)
{
	return bsd_stat_path(t, &stat11, fd, path, flag, buf);
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

/* __realpathat (sys/kern/vfs_cache.c kern___realpathat): the path looked up
 * following links (it must exist), then the name the kernel holds for what
 * it found — the host's /proc/self/fd link, shown without the compat
 * root's prefix as __getcwd shows it — copied out if size holds it
 * (vn_fullpath_hardlink: ENAMETOOLONG otherwise; at most MAXPATHLEN). */
long freebsd_sys___realpathat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf,
			      size_t size, int flags)
{
	char p[BSD_PATH_BUF], link[32], full[BSD_PATH_BUF];
	int dirfd;
	if (flags != 0)
		return -EINVAL;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, XENO_ROOT_FOLLOW);
	if (ret < 0)
		return ret;
	long o = host_syscall4(SYS_openat, dirfd, p, O_PATH | O_CLOEXEC, 0);
	if (o < 0)
		return o;
	snprintf(link, sizeof link, "/proc/self/fd/%d", (int)o);
	long len = host_syscall3(SYS_readlink, link, full, sizeof full - 1);
	host_syscall1(SYS_close, o);
	if (len < 0)
		return len;
	if (len >= (long)sizeof full - 1 || full[0] != '/')
		return -ENAMETOOLONG; /* not a name the guest could use */
	len = (long)xeno_root_guest_cwd(full, (size_t)len);
	full[len] = '\0';
	if (size > bsd_abi_of(t)->path_max)
		size = bsd_abi_of(t)->path_max;
	if ((size_t)len + 1 > size)
		return -ENAMETOOLONG;
	return xeno_copy_out(buf, full, (size_t)len + 1);
}
