/* FreeBSD calls kept for old binaries that map onto current ones. */
#include "syscalls/freebsd/freebsd.h"

/* FreeBSD 6's mmap had a padding word before the 64-bit offset. */
long freebsd_sys_freebsd6_mmap(struct xeno_thread *t, uint64_t addr, size_t len, int prot,
			       int flags, int fd, int pad, int64_t pos)
{
	(void)pad;
	return bsd_sys_mmap(t, addr, len, prot, flags, fd, pos);
}
