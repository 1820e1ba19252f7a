/* Reading, writing, seeking and syncing descriptors, shared by the BSD
 * personalities.  Buffers and iovec arrays have the same layout on the BSDs
 * and Linux (amd64): they go to the host as they are. */
#include <errno.h>
#include <fcntl.h>

#include "core/host.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/kqueue.h"

long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall3(SYS_read, fd, buf, nbyte);
}

long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall3(SYS_write, fd, buf, nbyte);
}

long bsd_sys_pread(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall4(SYS_pread64, fd, buf, nbyte, offset);
}

long bsd_sys_pwrite(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall4(SYS_pwrite64, fd, buf, nbyte, offset);
}

long bsd_sys_readv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall3(SYS_readv, fd, iovp, iovcnt);
}

long bsd_sys_writev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall3(SYS_writev, fd, iovp, iovcnt);
}

/* Linux splits the offset into low and high words; on amd64 the low word
 * carries all of it. */
long bsd_sys_preadv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		    int64_t offset)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall5(SYS_preadv, fd, iovp, iovcnt, offset, 0);
}

long bsd_sys_pwritev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		     int64_t offset)
{
	(void)t;
	long err = bsd_fd(fd);
	return err < 0 ? err : host_syscall5(SYS_pwritev, fd, iovp, iovcnt, offset, 0);
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
