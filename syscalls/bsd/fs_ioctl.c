/*
 * ioctl(2), shared by the BSD personalities.  Each known foreign command
 * maps to the Linux command that does its work (the per-OS "ioctl" table);
 * terminal settings translate through the shared termios codec with the per-OS control flags, the
 * other commands' arguments (int, struct winsize) have the same layout on
 * both sides.  An unknown command is ENOTTY, as for a BSD file that does
 * not implement it; so is TIOCGETA on a descriptor that is not a terminal,
 * which is how isatty(3) answers.
 */
#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <errno.h>

#include "abi/bsd/ioctl.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/syscall.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

static long get_termios(const struct bsd_abi *abi, int fd, uint64_t data)
{
	struct termios2 host;
	struct bsd_termios foreign;
	long ret = host_syscall3(SYS_ioctl, fd, TCGETS2, &host);
	if (ret < 0)
		return ret;
	if (bsd_termios_from_host(abi->termios_cflags, &host, &foreign) < 0)
		return -EINVAL;
	return xeno_copy_out(data, &foreign, sizeof foreign);
}

/* The foreign settings merge into the terminal's current ones, which keep
 * what the foreign side cannot express. */
static long set_termios(const struct bsd_abi *abi, int fd, unsigned long cmd, uint64_t data)
{
	struct termios2 host;
	struct bsd_termios foreign;
	long ret = xeno_copy_in(&foreign, data, sizeof foreign);
	if (ret < 0)
		return ret;
	ret = host_syscall3(SYS_ioctl, fd, TCGETS2, &host);
	if (ret < 0)
		return ret;
	if (bsd_termios_to_host(abi->termios_cflags, &foreign, &host) < 0)
		return -EINVAL;
	if (cmd == TCSETS2)
		return host_syscall3(SYS_ioctl, fd, cmd, &host);
	/* the others wait for the output to drain: interruptible */
	return xeno_restartable(host_blocking_syscall(SYS_ioctl, fd, cmd, &host, 0, 0, 0));
}

long bsd_sys_ioctl(struct xeno_thread *t, int fd, uint64_t com, uint64_t data)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	uint64_t cmd;
	long ret = bsd_fd(fd);
	if (ret < 0)
		return ret;
	/* BSD kernels read the command as 32 bits (FreeBSD sys_ioctl) */
	if (xeno_flags_to_host(abi->ioctl_cmds, (uint32_t)com, &cmd) < 0)
		return -ENOTTY;
	switch (cmd) {
	case TCGETS2:
		return get_termios(abi, fd, data);
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		return set_termios(abi, fd, cmd, data);
	case FIOCLEX:
	case FIONCLEX:
	case TIOCNOTTY:
		return host_syscall2(SYS_ioctl, fd, cmd);
	case TIOCSCTTY:
		return host_syscall3(SYS_ioctl, fd, cmd, 0); /* never steal it */
	default:
		/* int or struct winsize, in or out: the same bytes */
		return host_syscall3(SYS_ioctl, fd, cmd, data);
	}
}
