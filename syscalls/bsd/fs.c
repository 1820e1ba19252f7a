/* Reading, writing, seeking and syncing descriptors, shared by the BSD
 * personalities.  Buffers and iovec arrays have the same layout on the BSDs
 * and Linux (amd64); lengths and vectors are checked as a BSD kernel checks
 * them (syscalls/bsd/iov.h) before they go to the host.
 *
 * Reads and writes of pipes, sockets and terminals can wait for ever: they
 * go through host_blocking_syscall, so that the guest's signals interrupt
 * them, and restart under SA_RESTART as FreeBSD's do (sys/kern/
 * sys_generic.c dofileread and dofilewrite keep ERESTART when nothing was
 * transferred).  A regular file's never wait: they skip that path and its
 * cost (core/fdkind.h).  The positioned forms work on seekable files only,
 * which do not wait for signals: they go to the host directly. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>

#include "core/blocking.h"
#include "core/fdkind.h"
#include "core/host.h"
#include "core/syscall.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/iov.h"
#include "syscalls/bsd/kqueue.h"

/* sys_read and sys_write check the length before the descriptor. */
static long transfer(long nr, int fd, uint64_t buf, size_t nbyte)
{
	long err = bsd_io_len(buf, &nbyte);
	if (err == 0)
		err = bsd_fd(fd);
	if (err < 0)
		return err;
	if (!xeno_fd_may_wait(fd))
		return host_syscall3(nr, fd, buf, nbyte);
	return xeno_restartable(host_blocking_syscall(nr, fd, buf, nbyte, 0, 0, 0));
}

long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	return transfer(SYS_read, fd, buf, nbyte);
}

long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	return transfer(SYS_write, fd, buf, nbyte);
}

long bsd_sys_pread(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset)
{
	(void)t;
	long err = bsd_io_len(buf, &nbyte);
	if (err == 0)
		err = bsd_fd(fd);
	return err < 0 ? err : host_syscall4(SYS_pread64, fd, buf, nbyte, offset);
}

long bsd_sys_pwrite(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset)
{
	(void)t;
	long err = bsd_io_len(buf, &nbyte);
	if (err == 0)
		err = bsd_fd(fd);
	return err < 0 ? err : host_syscall4(SYS_pwrite64, fd, buf, nbyte, offset);
}

/* The vector forms: copyinuio's checks of the vector come before the
 * descriptor's; the host gets the checked copy.  Linux splits the offset
 * of preadv/pwritev into low and high words; on amd64 the low word carries
 * all of it. */
static long vector_io(long nr, int fd, uint64_t iovp, unsigned iovcnt, int64_t offset,
		      bool positioned)
{
	struct iovec iov[BSD_UIO_MAXIOV];
	long err = bsd_iov_in(iovp, iovcnt, iov, NULL);
	if (err == 0)
		err = bsd_fd(fd);
	if (err < 0)
		return err;
	if (positioned || !xeno_fd_may_wait(fd))
		return host_syscall5(nr, fd, iov, iovcnt, offset, 0);
	return xeno_restartable(host_blocking_syscall(nr, fd, iov, iovcnt, 0, 0, 0));
}

long bsd_sys_readv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt)
{
	(void)t;
	return vector_io(SYS_readv, fd, iovp, iovcnt, 0, false);
}

long bsd_sys_writev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt)
{
	(void)t;
	return vector_io(SYS_writev, fd, iovp, iovcnt, 0, false);
}

long bsd_sys_preadv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		    int64_t offset)
{
	(void)t;
	return vector_io(SYS_preadv, fd, iovp, iovcnt, offset, true);
}

long bsd_sys_pwritev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		     int64_t offset)
{
	(void)t;
	return vector_io(SYS_pwritev, fd, iovp, iovcnt, offset, true);
}

long bsd_sys_lseek(struct xeno_thread *t, int fd, int64_t offset, int whence)
{
	uint64_t how;
	long err = bsd_fd(fd);
	if (err < 0)
		return err;
	if (xeno_flags_to_host(bsd_abi_of(t)->whence, (uint32_t)whence, &how) < 0)
		return -EINVAL;
	return host_syscall3(SYS_lseek, fd, offset, how);
}

long bsd_sys_fsync(struct xeno_thread *t, int fd)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall1(SYS_fsync, fd);
}

long bsd_sys_fdatasync(struct xeno_thread *t, int fd)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall1(SYS_fdatasync, fd);
}

long bsd_sys_ftruncate(struct xeno_thread *t, int fd, int64_t length)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall2(SYS_ftruncate, fd, length);
}

long bsd_sys_truncate(struct xeno_thread *t, uint64_t path, int64_t length)
{
	char p[BSD_PATH_BUF];
	long err = bsd_path_in(t, path, p, XENO_ROOT_FOLLOW);
	return err < 0 ? err : host_syscall2(SYS_truncate, p, length);
}

/* The posix_* calls report failure as their result on some BSDs. */
static long posix_result(struct xeno_thread *t, long ret)
{
	if (ret >= 0 || !bsd_abi_of(t)->posix_calls_return_errno)
		return ret;
	return t->os->errno_from_host((int)-ret);
}

long bsd_sys_posix_fallocate(struct xeno_thread *t, int fd, int64_t offset, int64_t len)
{
	long ret = bsd_fd(fd);
	if (ret >= 0)
		ret = host_syscall4(SYS_fallocate, fd, 0, offset, len);
	return posix_result(t, ret);
}

long bsd_sys_posix_fadvise(struct xeno_thread *t, int fd, int64_t offset, int64_t len, int advice)
{
	uint64_t how;
	long ret = bsd_fd(fd);
	if (ret >= 0 && xeno_flags_to_host(bsd_abi_of(t)->fadvise, (uint32_t)advice, &how) < 0)
		ret = -EINVAL;
	else if (ret >= 0)
		ret = host_syscall4(SYS_fadvise64, fd, offset, len, how);
	return posix_result(t, ret);
}
