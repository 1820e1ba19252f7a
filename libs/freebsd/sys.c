/*
 * FreeBSD's libc functions that are a system call or two with a little
 * around them (lib/libc/sys, lib/libc/gen): on the system calls' own
 * handlers, never a second implementation.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/ioctl.h"
#include "abi/freebsd/sysctl.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"

long freebsd_libc_pipe(struct xeno_thread *t, uint64_t fildes)
{
	return bsd_sys_pipe2(t, fildes, 0);
}

long freebsd_libc_stat(struct xeno_thread *t, uint64_t path, uint64_t sb)
{
	return freebsd_sys_fstatat(t, FREEBSD_AT_FDCWD, path, sb, 0);
}

long freebsd_libc_lstat(struct xeno_thread *t, uint64_t path, uint64_t sb)
{
	return freebsd_sys_fstatat(t, FREEBSD_AT_FDCWD, path, sb, FREEBSD_AT_SYMLINK_NOFOLLOW);
}

/* lib/libthr/thread/thr_fork.c: the pthread_atfork handlers around it. */
long freebsd_libc_fork(struct xeno_thread *t)
{
	freebsd_atfork_prepare(t);
	long pid = bsd_sys_fork(t);
	bool child = pid >= 0 && t->rval2;
	t->have_rval2 = 0;
	if (pid >= 0)
		freebsd_atfork_after(t, child);
	return child ? 0 : pid;
}

long freebsd_libc_waitpid(struct xeno_thread *t, int pid, uint64_t status, int options)
{
	return bsd_sys_wait4(t, pid, status, options, 0);
}

long freebsd_libc_usleep(struct xeno_thread *t, unsigned int useconds)
{
	struct timespec ts = {useconds / 1000000, (long)(useconds % 1000000) * 1000};
	return bsd_sys_nanosleep(t, (uint64_t)&ts, 0);
}

/* gen/sleep.c: what is left of the time, rounded up, if a signal ended it. */
long freebsd_libc_sleep(struct xeno_thread *t, unsigned int seconds)
{
	struct timespec ts = {seconds, 0}, left = {0, 0};
	if (bsd_sys_nanosleep(t, (uint64_t)&ts, (uint64_t)&left) != -EINTR)
		return 0;
	return left.tv_sec + (left.tv_nsec > 0);
}

/* gen/getcwd.c: a buffer of its own when the caller gives none. */
long freebsd_libc_getcwd(struct xeno_thread *t, uint64_t buf, size_t size)
{
	char *own = NULL;
	if (!buf) {
		size = size ? size : 1024; /* PATH_MAX (sys/sys/syslimits.h) */
		if (!(own = xeno_heap_alloc(size)))
			return -ENOMEM;
		buf = (uint64_t)own;
	} else if (!size) {
		return -EINVAL;
	}
	long r = bsd_sys___getcwd(t, buf, size);
	if (r < 0) {
		xeno_heap_free(own);
		return r;
	}
	return (long)buf;
}

/* gen/isatty.c: whether tcgetattr works; 0 and errno when not. */
long freebsd_libc_isatty(struct xeno_thread *t, int fd)
{
	struct bsd_termios tio;
	long r = bsd_sys_ioctl(t, fd, BSD_TIOCGETA, (uint64_t)&tio);
	if (r < 0) {
		t->lib_errno = t->os->errno_from_host((int)-r);
		return 0;
	}
	return 1;
}

/* gen/errlst.c: FreeBSD's messages, which are the host's for the errors
 * the two share; "Unknown error: N" (string/strerror.c) for the others,
 * FreeBSD's own errors among them for now. */
long freebsd_libc_strerror(struct xeno_thread *t, int errnum)
{
	(void)t;
	static char unknown[32] = "Unknown error: ";
	if (errnum == 0)
		return (long)"No error: 0";
	int host = freebsd_errno_to_host(errnum);
	const char *text = freebsd_errno_from_host(host) == errnum ? strerrordesc_np(host) : NULL;
	if (text)
		return (long)text;
	/* no snprintf: it may use glibc's locale, and this runs on the guest's FS base */
	char digits[12], *d = digits + sizeof digits;
	unsigned long v = errnum < 0 ? -(unsigned long)errnum : (unsigned long)errnum;
	*--d = '\0';
	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (errnum < 0)
		*--d = '-';
	strcpy(unknown + 15, d);
	return (long)unknown;
}

/* string/strerror.c strerror_r: the message, cut to fit (ERANGE then);
 * EINVAL for a number with no message, whose "Unknown error: N" is still
 * given. */
long freebsd_libc_strerror_r(struct xeno_thread *t, int errnum, uint64_t strerrbuf, size_t buflen)
{
	const char *text = (const char *)freebsd_libc_strerror(t, errnum);
	size_t len = strlen(text);
	bool known = strncmp(text, "Unknown error: ", 15) != 0;
	if (buflen > 0) {
		size_t n = len < buflen - 1 ? len : buflen - 1;
		if (xeno_copy_out(strerrbuf, text, n) < 0 ||
		    xeno_copy_out(strerrbuf + n, "", 1) < 0)
			return -EFAULT;
	}
	if (len >= buflen)
		return -ERANGE;
	return known ? 0 : -EINVAL;
}

/* stdlib/realpath.c: a buffer of PATH_MAX bytes when the caller gives none;
 * the kernel's __realpathat resolves the path (FreeBSD 13 on). */
long freebsd_libc_realpath(struct xeno_thread *t, uint64_t path, uint64_t resolved)
{
	size_t max = FREEBSD_MAXPATHLEN; /* PATH_MAX, sys/sys/syslimits.h */
	if (!path)
		return -EINVAL;
	char first;
	if (xeno_copy_in(&first, path, 1) < 0)
		return -EFAULT;
	if (first == '\0')
		return -ENOENT;
	char *own = NULL;
	if (!resolved && !(own = xeno_heap_alloc(max)))
		return -ENOMEM;
	uint64_t buf = own ? (uint64_t)own : resolved;
	long r = freebsd_sys___realpathat(t, FREEBSD_AT_FDCWD, path, buf, max, 0);
	if (r < 0) {
		xeno_heap_free(own);
		return r;
	}
	return (long)buf;
}
