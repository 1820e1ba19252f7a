/* Descriptor table calls shared by the BSD personalities: close, dup, dup2,
 * pipe2, close_range, closefrom.  None may reach xeno's own descriptors, and
 * none may hand the guest one at or above its limit (core/fd.h). */
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>

#include "core/fd.h"
#include "core/fdkind.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/kqueue.h"
#include "syscalls/bsd/fs_util.h"

long bsd_sys_close(struct xeno_thread *t, int fd)
{
	long err = bsd_fd(fd);
	if (err < 0)
		return err;
	if (xeno_kqueue_fd_watched(fd)) { /* FreeBSD drops the descriptor's knotes */
		xeno_host_tls(t);	  /* (close is NOTLS: the engine takes locks) */
		xeno_kqueue_fd_closed(fd);
	}
	xeno_fd_forget(fd);
	return host_syscall1(SYS_close, fd);
}

long bsd_sys_dup(struct xeno_thread *t, unsigned int fd)
{
	(void)t;
	long err = bsd_fd((int)fd);
	return err < 0 ? err : xeno_fd_guest_new(host_syscall1(SYS_dup, fd));
}

long bsd_dup_fixed(int from, int to, int cloexec)
{
	if (from < 0 || bsd_fd(from) < 0 || to < 0 || (unsigned long)to >= xeno_fd_guest_limit() ||
	    xeno_fd_is_reserved(to))
		return -EBADF;
	if (from == to) {
		/* dup3 refuses this case; FreeBSD checks from and sets the flag */
		long ret = host_syscall2(SYS_fcntl, from, F_GETFD);
		if (ret >= 0 && cloexec)
			ret = host_syscall3(SYS_fcntl, from, F_SETFD, ret | FD_CLOEXEC);
		return ret < 0 ? ret : to;
	}
	xeno_kqueue_fd_closed(to); /* whatever was open at to is closed */
	xeno_fd_forget(to);
	return host_syscall3(SYS_dup3, from, to, cloexec ? O_CLOEXEC : 0);
}

long bsd_sys_dup2(struct xeno_thread *t, unsigned int from, unsigned int to)
{
	(void)t;
	return bsd_dup_fixed((int)from, (int)to, 0);
}

long bsd_sys_pipe2(struct xeno_thread *t, uint64_t fildes, int flags)
{
	uint64_t how;
	int fds[2];
	if (xeno_flags_to_host(bsd_abi_of(t)->open_flags, (uint32_t)flags, &how) < 0 ||
	    (how & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK)) != 0)
		return -EINVAL;
	long ret = host_syscall2(SYS_pipe2, fds, how);
	if (ret < 0)
		return ret;
	if (xeno_fd_guest_new(fds[1]) < 0) {
		host_syscall1(SYS_close, fds[0]);
		return -EMFILE;
	}
	if (xeno_fd_guest_new(fds[0]) < 0) {
		host_syscall1(SYS_close, fds[1]);
		return -EMFILE;
	}
	ret = xeno_copy_out(fildes, fds, sizeof fds);
	if (ret < 0) {
		host_syscall1(SYS_close, fds[0]);
		host_syscall1(SYS_close, fds[1]);
	}
	return ret;
}

struct close_run {
	unsigned flags;
};

static int close_run(unsigned lo, unsigned hi, void *arg)
{
	const struct close_run *c = arg;
	if (!(c->flags & CLOSE_RANGE_CLOEXEC)) {
		xeno_kqueue_fds_closed(lo, hi < xeno_fd_guest_limit() ? hi : xeno_fd_guest_limit());
		xeno_fd_forget_range(lo, hi);
	}
	long ret = host_syscall3(SYS_close_range, lo, hi, c->flags);
	return ret < 0 ? (int)ret : 0;
}

long bsd_sys_close_range(struct xeno_thread *t, unsigned int lowfd, unsigned int highfd, int flags)
{
	uint64_t how;
	if (xeno_flags_to_host(bsd_abi_of(t)->close_range, (uint32_t)flags, &how) < 0 ||
	    highfd < lowfd)
		return -EINVAL;
	struct close_run c = {(unsigned)how};
	return xeno_fd_for_each_guest_run(lowfd, highfd, close_run, &c);
}

long bsd_sys_closefrom(struct xeno_thread *t, int lowfd)
{
	(void)t;
	/* negative means 0, as FreeBSD's freebsd12_closefrom has it */
	struct close_run c = {0};
	return xeno_fd_for_each_guest_run(lowfd < 0 ? 0 : (unsigned)lowfd, ~0U, close_run, &c);
}
