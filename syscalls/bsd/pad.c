/*
 * The calls whose 64-bit offset follows a padding slot (4.4BSD's PAD
 * arguments, kept by NetBSD's mmap, lseek, pread, pwrite, preadv,
 * pwritev, truncate and ftruncate and by FreeBSD 6's): the slot is not
 * looked at, the rest is the shared call.
 */
#include "syscalls/bsd/bsd.h"

long bsd_sys_mmap_pad(struct xeno_thread *t, uint64_t addr, size_t len, int prot, int flags, int fd,
		      long pad, int64_t pos)
{
	(void)pad;
	return bsd_sys_mmap(t, addr, len, prot, flags, fd, pos);
}

long bsd_sys_lseek_pad(struct xeno_thread *t, int fd, int pad, int64_t offset, int whence)
{
	(void)pad;
	return bsd_sys_lseek(t, fd, offset, whence);
}

long bsd_sys_pread_pad(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int pad,
		       int64_t offset)
{
	(void)pad;
	return bsd_sys_pread(t, fd, buf, nbyte, offset);
}

long bsd_sys_pwrite_pad(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int pad,
			int64_t offset)
{
	(void)pad;
	return bsd_sys_pwrite(t, fd, buf, nbyte, offset);
}

long bsd_sys_preadv_pad(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt, int pad,
			int64_t offset)
{
	(void)pad;
	return bsd_sys_preadv(t, fd, iovp, iovcnt, offset);
}

long bsd_sys_pwritev_pad(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt, int pad,
			 int64_t offset)
{
	(void)pad;
	return bsd_sys_pwritev(t, fd, iovp, iovcnt, offset);
}

long bsd_sys_truncate_pad(struct xeno_thread *t, uint64_t path, int pad, int64_t length)
{
	(void)pad;
	return bsd_sys_truncate(t, path, length);
}

long bsd_sys_ftruncate_pad(struct xeno_thread *t, int fd, int pad, int64_t length)
{
	(void)pad;
	return bsd_sys_ftruncate(t, fd, length);
}
