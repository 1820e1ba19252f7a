/*
 * illumos file calls that are more than a shared handler with illumos's
 * facts: the stat family (struct stat, abi/illumos/stat.h), getdents
 * (struct dirent), getcwd (a pointer result; ERANGE for a short buffer),
 * pipe, close (an event port's state goes with its descriptor), ioctl
 * (the few requests Go programs make) and sendfile.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>

#include "abi/illumos/fcntl.h"
#include "abi/illumos/stat.h"
#include "core/blocking.h"
#include "core/call.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "illumos_libc_proto.h"
#include "illumos_libsendfile_proto.h"
#include "libs/illumos/illumos.h"
#include "syscalls/bsd/fs_util.h"

static long stat_out(long r, const struct statx *stx, uint64_t buf)
{
	if (r < 0)
		return r;
	struct illumos_stat st;
	illumos_stat_from_host(stx, &st);
	return xeno_copy_out(buf, &st, sizeof st);
}

long illumos_libc_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, int flag)
{
	struct statx stx;
	return stat_out(bsd_stat_at(t, fd, path, flag, &stx), &stx, buf);
}

long illumos_libc_stat(struct xeno_thread *t, uint64_t path, uint64_t buf)
{
	return illumos_libc_fstatat(t, ILLUMOS_AT_FDCWD, path, buf, 0);
}

long illumos_libc_lstat(struct xeno_thread *t, uint64_t path, uint64_t buf)
{
	return illumos_libc_fstatat(t, ILLUMOS_AT_FDCWD, path, buf, ILLUMOS_AT_SYMLINK_NOFOLLOW);
}

long illumos_libc_fstat(struct xeno_thread *t, int fd, uint64_t buf)
{
	struct statx stx;
	if (bsd_fd(fd) < 0)
		return -EBADF;
	return stat_out(bsd_stat_at(t, fd, 0, 0, &stx), &stx, buf);
}

long illumos_libc_getdents(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte)
{
	(void)t;
	int64_t base;
	return bsd_getdirentries(fd, buf, nbyte, illumos_dirent_from_host, &base);
}

/* getcwd returns buf; a buffer too small for the path is ERANGE. */
long illumos_libc_getcwd(struct xeno_thread *t, uint64_t buf, size_t size)
{
	if (size == 0)
		return -EINVAL;
	if (!buf)
		return -EINVAL; /* libc would allocate one: no program of ours asks */
	long r = bsd_sys___getcwd(t, buf, size); /* ERANGE as illumos_bsd_abi says */
	return r < 0 ? r : (long)buf;
}

long illumos_libc_pipe(struct xeno_thread *t, uint64_t fds)
{
	return bsd_sys_pipe2(t, fds, 0);
}

long illumos_libc_close(struct xeno_thread *t, int fd)
{
	illumos_port_closed(fd);
	return bsd_sys_close(t, fd);
}

/* ioctl requests (usr/src/uts/common/sys/filio.h, termios.h): FIONBIO,
 * FIONREAD, TIOCGWINSZ (a struct winsize as on Linux), and a terminal's
 * settings — struct termios (TCGETS, TCSETS*) and the older struct termio
 * (TCGETA) — whose flag words are System V's, as Linux's are; only the
 * places of the control characters differ.  Others are named once and fail
 * with ENOSYS. */
#define ILLUMOS_FIONBIO	   0x8004667eU
#define ILLUMOS_FIONREAD   0x4004667fU
#define ILLUMOS_TIOCGWINSZ 0x5468U
#define ILLUMOS_TCGETA	   0x5401U
#define ILLUMOS_TCGETS	   0x540dU
#define ILLUMOS_TCSETS	   0x540eU
#define ILLUMOS_TCSETSW	   0x540fU
#define ILLUMOS_TCSETSF	   0x5410U
#define ILLUMOS_NCCS	   19
#define ILLUMOS_NCC	   8

struct illumos_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_cc[ILLUMOS_NCCS];
	uint8_t pad_;
};
_Static_assert(sizeof(struct illumos_termios) == 36, "struct termios");
struct illumos_termio {
	uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
	char c_line;
	uint8_t c_cc[ILLUMOS_NCC];
	uint8_t pad_;
};
_Static_assert(sizeof(struct illumos_termio) == 18, "struct termio");

/* illumos's c_cc index of each Linux one (sys/termios.h V*): VEOF and VEOL
 * share their places with VMIN and VTIME, which of the two by ICANON. */
static int cc_place(int linux_index, bool canonical)
{
	switch (linux_index) {
	case VEOF:
		return canonical ? 4 : -1;
	case VEOL:
		return canonical ? 5 : -1;
	case VMIN:
		return canonical ? -1 : 4;
	case VTIME:
		return canonical ? -1 : 5;
	case VEOL2:
		return 6;
	}
	return linux_index <= VLNEXT ? linux_index : -1;
}

static void termios_from_host(const struct termios *h, struct illumos_termios *t)
{
	memset(t, 0, sizeof *t);
	t->c_iflag = h->c_iflag, t->c_oflag = h->c_oflag;
	t->c_cflag = h->c_cflag, t->c_lflag = h->c_lflag;
	for (int i = 0; i < NCCS; i++) {
		int at = cc_place(i, h->c_lflag & ICANON);
		if (at >= 0)
			t->c_cc[at] = h->c_cc[i];
	}
}

static void termios_to_host(const struct illumos_termios *t, struct termios *h)
{
	h->c_iflag = t->c_iflag, h->c_oflag = t->c_oflag;
	h->c_cflag = t->c_cflag, h->c_lflag = t->c_lflag;
	for (int i = 0; i < NCCS; i++) {
		int at = cc_place(i, t->c_lflag & ICANON);
		if (at >= 0)
			h->c_cc[i] = t->c_cc[at];
	}
}

static long terminal(int fd, unsigned request, uint64_t arg)
{
	struct termios h;
	struct illumos_termios it;
	long r = host_syscall3(SYS_ioctl, fd, TCGETS, &h);
	if (r < 0)
		return r;
	if (request == ILLUMOS_TCGETS) {
		termios_from_host(&h, &it);
		return xeno_copy_out(arg, &it, sizeof it);
	}
	if (request == ILLUMOS_TCGETA) {
		struct illumos_termio tio = {(uint16_t)h.c_iflag,
					     (uint16_t)h.c_oflag,
					     (uint16_t)h.c_cflag,
					     (uint16_t)h.c_lflag,
					     (char)h.c_line,
					     {0},
					     0};
		termios_from_host(&h, &it);
		memcpy(tio.c_cc, it.c_cc, ILLUMOS_NCC);
		return xeno_copy_out(arg, &tio, sizeof tio);
	}
	if (xeno_copy_in(&it, arg, sizeof it) < 0)
		return -EFAULT;
	termios_to_host(&it, &h);
	unsigned long set = request == ILLUMOS_TCSETS	 ? TCSETS
			    : request == ILLUMOS_TCSETSW ? TCSETSW
							 : TCSETSF;
	return xeno_restartable(host_blocking_syscall(SYS_ioctl, fd, set, &h, 0, 0, 0));
}

long illumos_libc_ioctl(struct xeno_thread *t, int fd, uint64_t request, uint64_t arg)
{
	if (bsd_fd(fd) < 0)
		return -EBADF;
	switch ((uint32_t)request) {
	case ILLUMOS_FIONBIO:
		return host_syscall3(SYS_ioctl, fd, FIONBIO, arg);
	case ILLUMOS_FIONREAD:
		return host_syscall3(SYS_ioctl, fd, FIONREAD, arg);
	case ILLUMOS_TIOCGWINSZ:
		return host_syscall3(SYS_ioctl, fd, TIOCGWINSZ, arg);
	case ILLUMOS_TCGETS:
	case ILLUMOS_TCGETA:
	case ILLUMOS_TCSETS:
	case ILLUMOS_TCSETSW:
	case ILLUMOS_TCSETSF:
		return terminal(fd, (uint32_t)request, arg);
	}
	return xeno_unimplemented_op(t, "ioctl", (long)request);
}

/* libsendfile's sendfile(out, in, &off, len): Linux's, which also takes a
 * regular file in and any descriptor out, and moves *off along. */
long illumos_libsendfile_sendfile(struct xeno_thread *t, int out, int in, uint64_t off, size_t len)
{
	(void)t;
	if (bsd_fd(out) < 0 || bsd_fd(in) < 0)
		return -EBADF;
	return xeno_restartable(host_blocking_syscall(SYS_sendfile, out, in, off, len, 0, 0));
}

/* chown, lchown, fchown: -1 leaves an id as it is, on both systems. */
static long chown_at(struct xeno_thread *t, uint64_t path, int owner, int group, int how)
{
	char p[BSD_PATH_BUF];
	long r = bsd_path_in(t, path, p, how);
	if (r < 0)
		return r;
	return host_syscall5(SYS_fchownat, AT_FDCWD, p, owner, group,
			     how == XENO_ROOT_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
}

long illumos_libc_chown(struct xeno_thread *t, uint64_t path, int owner, int group)
{
	return chown_at(t, path, owner, group, XENO_ROOT_FOLLOW);
}

long illumos_libc_lchown(struct xeno_thread *t, uint64_t path, int owner, int group)
{
	return chown_at(t, path, owner, group, XENO_ROOT_NOFOLLOW);
}

long illumos_libc_fchown(struct xeno_thread *t, int fd, int owner, int group)
{
	(void)t;
	return bsd_fd(fd) < 0 ? -EBADF : host_syscall3(SYS_fchown, fd, owner, group);
}
