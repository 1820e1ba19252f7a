/*
 * Descriptors and files: read, write, pread, lseek, open (xnu
 * bsd/sys/fcntl.h flags), close.  The rest of the file calls come with
 * abi/darwin's stat and dirent layouts.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

long darwin_libSystem_read(struct xeno_thread *t, int fd, uint64_t buf, size_t n)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	return host_blocking_syscall(SYS_read, fd, buf, n, 0, 0, 0);
}

long darwin_libSystem_write(struct xeno_thread *t, int fd, uint64_t buf, size_t n)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	return host_blocking_syscall(SYS_write, fd, buf, n, 0, 0, 0);
}

long darwin_libSystem_pread(struct xeno_thread *t, int fd, uint64_t buf, size_t n, int64_t off)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	return host_blocking_syscall(SYS_pread64, fd, buf, n, off, 0, 0);
}

long darwin_libSystem_lseek(struct xeno_thread *t, int fd, int64_t off, int whence)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	if (whence < 0 || whence > 4) /* SEEK_SET..SEEK_END, SEEK_HOLE 3, SEEK_DATA 4 */
		return -EINVAL;
	static const int host[] = {SEEK_SET, SEEK_CUR, SEEK_END, SEEK_HOLE, SEEK_DATA};
	return host_syscall3(SYS_lseek, fd, off, host[whence]);
}

/* O_NONBLOCK 0x4, O_APPEND 0x8, O_SHLOCK 0x10, O_EXLOCK 0x20, O_SYNC
 * 0x80, O_NOFOLLOW 0x100, O_CREAT 0x200, O_TRUNC 0x400, O_EXCL 0x800,
 * O_NOCTTY 0x20000, O_DIRECTORY 0x100000, O_DSYNC 0x400000, O_CLOEXEC
 * 0x1000000; the access mode in the low two bits as Linux's. */
static const struct {
	uint32_t darwin;
	int host;
} open_flags[] = {
    {0x4, O_NONBLOCK},	     {0x8, O_APPEND},	  {0x80, O_SYNC},	  {0x100, O_NOFOLLOW},
    {0x200, O_CREAT},	     {0x400, O_TRUNC},	  {0x800, O_EXCL},	  {0x20000, O_NOCTTY},
    {0x100000, O_DIRECTORY}, {0x400000, O_DSYNC}, {0x1000000, O_CLOEXEC},
};

long darwin_libSystem_open(struct xeno_thread *t, uint64_t upath, uint64_t oflag, unsigned mode)
{
	(void)t;
	char path[1024]; /* PATH_MAX */
	long e = xeno_strncpy_in(path, upath, sizeof path);
	if (e < 0)
		return e;
	int h = (int)(oflag & 3);
	uint64_t rest = oflag & ~3ULL;
	for (size_t i = 0; i < sizeof open_flags / sizeof open_flags[0]; i++)
		if (rest & open_flags[i].darwin) {
			h |= open_flags[i].host;
			rest &= ~(uint64_t)open_flags[i].darwin;
		}
	if (rest || (oflag & 3) == 3)
		return -EINVAL;
	return host_blocking_syscall(SYS_openat, AT_FDCWD, path, h, mode & 07777, 0, 0);
}

/* close drops the descriptor's knotes from every kqueue, as macOS does */
long darwin_libSystem_close(struct xeno_thread *t, int fd)
{
	return bsd_sys_close(t, fd);
}

static uint64_t open_flags_from_host(int h)
{
	uint64_t d = (uint64_t)(h & 3);
	for (size_t i = 0; i < sizeof open_flags / sizeof open_flags[0]; i++)
		if ((h & open_flags[i].host) == open_flags[i].host)
			d |= open_flags[i].darwin;
	return d;
}

long darwin_libSystem_dup(struct xeno_thread *t, int fd)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	return host_syscall1(SYS_dup, fd);
}

long darwin_libSystem_dup2(struct xeno_thread *t, int from, int to)
{
	(void)t;
	if (bsd_fd(from) < 0 || bsd_fd(to) < 0)
		return -EBADF;
	if (from == to) /* dup2 of a descriptor onto itself checks it only */
		return host_syscall2(SYS_fcntl, from, F_GETFD) < 0 ? -EBADF : to;
	return host_syscall3(SYS_dup3, from, to, 0);
}

/* F_DUPFD 0, F_GETFD 1, F_SETFD 2, F_GETFL 3, F_SETFL 4, F_GETPATH 50,
 * F_FULLFSYNC 51, F_DUPFD_CLOEXEC 67; FD_CLOEXEC 1 as Linux's. */
long darwin_libSystem_fcntl(struct xeno_thread *t, int fd, int cmd, long arg)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	switch (cmd) {
	case 0:
		return host_syscall3(SYS_fcntl, fd, F_DUPFD, arg);
	case 67:
		return host_syscall3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, arg);
	case 1:
		return host_syscall2(SYS_fcntl, fd, F_GETFD);
	case 2:
		return host_syscall3(SYS_fcntl, fd, F_SETFD, arg & FD_CLOEXEC);
	case 3: {
		long r = host_syscall2(SYS_fcntl, fd, F_GETFL);
		return r < 0 ? r : (long)open_flags_from_host((int)r & ~O_LARGEFILE);
	}
	case 4: {
		int h = (arg & 0x4 ? O_NONBLOCK : 0) | (arg & 0x8 ? O_APPEND : 0);
		return host_syscall3(SYS_fcntl, fd, F_SETFL, h);
	}
	case 51:
		return host_syscall1(SYS_fsync, fd);
	default:
		return -EINVAL;
	}
}

/* ioctl: what esbuild's terminal check asks (golang.org/x/sys/unix on
 * macOS, zerrors_darwin_amd64.go): TIOCGETA 0x40487413 (struct termios,
 * 72 bytes: four 64-bit flag words, cc[20], two 64-bit speeds; answered
 * only as "this is a terminal", its words zero), TIOCGWINSZ 0x40087468
 * (struct winsize as Linux's), FIOCLEX 0x20006601, FIONCLEX 0x20006602,
 * FIONBIO 0x8004667e. */
long darwin_libSystem_ioctl(struct xeno_thread *t, int fd, uint64_t request, uint64_t arg)
{
	(void)t;
	if (bsd_fd(fd) < 0) /* one of xeno's own */
		return -EBADF;
	switch ((uint32_t)request) {
	case 0x40487413: {
		struct termios tio;
		long r = host_syscall3(SYS_ioctl, fd, TCGETS, &tio);
		if (r < 0)
			return r;
		uint8_t d[72] = {0};
		return xeno_copy_out(arg, d, sizeof d) < 0 ? -EFAULT : 0;
	}
	case 0x40087468: {
		struct winsize ws;
		long r = host_syscall3(SYS_ioctl, fd, TIOCGWINSZ, &ws);
		if (r < 0)
			return r;
		return xeno_copy_out(arg, &ws, sizeof ws) < 0 ? -EFAULT : 0;
	}
	case 0x20006601:
		return host_syscall3(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	case 0x20006602:
		return host_syscall3(SYS_fcntl, fd, F_SETFD, 0);
	case 0x8004667e: {
		int on;
		if (xeno_copy_in(&on, arg, sizeof on) < 0)
			return -EFAULT;
		return host_syscall3(SYS_ioctl, fd, FIONBIO, &on);
	}
	default:
		return -ENOTTY;
	}
}
