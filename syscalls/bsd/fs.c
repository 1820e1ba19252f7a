/* Reading and writing descriptors, shared by the BSD personalities. */
#include "core/host.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/kqueue.h"

long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	return host_syscall3(SYS_read, fd, buf, nbyte);
}

long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	return host_syscall3(SYS_write, fd, buf, nbyte);
}

long bsd_sys_close(struct xeno_thread *t, int fd)
{
	(void)t;
	xeno_kqueue_fd_closed(fd); /* FreeBSD drops the descriptor's knotes */
	return host_syscall1(SYS_close, fd);
}
