/*
 * NetBSD's own forms of the file calls: struct stat of __stat50 and its
 * kin, struct dirent of __getdents30 (the layouts: abi/netbsd/stat.h,
 * dirent.h), dup3, pipe's two results, and the calls with a padding slot
 * before a 64-bit offset (posix_fallocate, __posix_fadvise50).  The
 * lookups are the BSDs' (syscalls/bsd/fs_util.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "abi/netbsd/dirent.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/netbsd/netbsd.h"

static const struct bsd_stat_form stat50 = {sizeof(struct netbsd_stat), netbsd_stat_from_host};

long netbsd_sys___stat50(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	return bsd_stat_path(t, &stat50, BSD_AT_FDCWD, path, 0, ub);
}

long netbsd_sys___lstat50(struct xeno_thread *t, uint64_t path, uint64_t ub)
{
	return bsd_stat_path(t, &stat50, BSD_AT_FDCWD, path, BSD_AT_SYMLINK_NOFOLLOW, ub);
}

long netbsd_sys___fstat50(struct xeno_thread *t, int fd, uint64_t sb)
{
	return bsd_stat_fd(t, &stat50, fd, sb);
}

long netbsd_sys_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, int flag)
{
	return bsd_stat_path(t, &stat50, fd, path, flag, buf);
}

/* getdents keeps no base pointer: the offset is the descriptor's. */
long netbsd_sys___getdents30(struct xeno_thread *t, int fd, uint64_t buf, size_t count)
{
	(void)t;
	int64_t base;
	return bsd_getdirentries(fd, buf, count, netbsd_dirent_from_host, &base);
}

/* sys/kern/kern_descrip.c dodup: onto itself is no error (and no change). */
long netbsd_sys_dup3(struct xeno_thread *t, unsigned int from, unsigned int to, int flags)
{
	uint64_t how;
	if (xeno_flags_to_host(bsd_abi_of(t)->open_flags, (uint32_t)flags, &how) < 0 ||
	    (how & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK)) != 0)
		return -EINVAL;
	if (from == to)
		return bsd_dup_fixed((int)from, (int)to, 0);
	long r = bsd_dup_fixed((int)from, (int)to, (how & O_CLOEXEC) != 0);
	if (r >= 0 && (how & O_NONBLOCK)) {
		long fl = host_syscall2(SYS_fcntl, (int)to, F_GETFL);
		if (fl >= 0)
			host_syscall3(SYS_fcntl, (int)to, F_SETFL, fl | O_NONBLOCK);
	}
	return r;
}

/* The old pipe: the two descriptors are the call's two results. */
long netbsd_sys_pipe(struct xeno_thread *t)
{
	int fds[2];
	long ret = host_syscall2(SYS_pipe2, fds, 0);
	if (ret < 0)
		return ret;
	if (xeno_fd_guest_new(fds[0]) < 0 || xeno_fd_guest_new(fds[1]) < 0) {
		host_syscall1(SYS_close, fds[0]);
		host_syscall1(SYS_close, fds[1]);
		return -EMFILE;
	}
	t->have_rval2 = 1;
	t->rval2 = (uint64_t)fds[1];
	return fds[0];
}

long netbsd_sys_posix_fallocate(struct xeno_thread *t, int fd, int pad, int64_t pos, int64_t len)
{
	(void)pad;
	return bsd_sys_posix_fallocate(t, fd, pos, len);
}

long netbsd_sys___posix_fadvise50(struct xeno_thread *t, int fd, int pad, int64_t offset,
				  int64_t len, int advice)
{
	(void)pad;
	return bsd_sys_posix_fadvise(t, fd, offset, len, advice);
}
