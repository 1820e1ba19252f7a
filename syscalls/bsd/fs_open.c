/*
 * open(2) and openat(2), shared by the BSD personalities.  The open flags
 * translate through the per-OS table; the BSD flags Linux lacks arrive as
 * pseudo bits (abi/bsd/abi.h) and are done here: O_SHLOCK/O_EXLOCK take a
 * flock(2) lock once the file is open, O_EXEC opens for execute (or search)
 * only, O_RESOLVE_BENEATH resolves with openat2, O_EMPTY_PATH reopens the
 * directory descriptor.  Where Linux fails differently (a symbolic link
 * under O_NOFOLLOW, a socket), the BSD error is restored.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "core/blocking.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/syscall.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

long bsd_sys_open(struct xeno_thread *t, uint64_t path, int flags, unsigned int mode)
{
	return bsd_sys_openat(t, bsd_abi_of(t)->at_fdcwd, path, flags, mode);
}

/* O_EXEC: nothing but execute (search) access, checked before the open,
 * and a descriptor good for fexecve, fchdir and *at() alone (O_PATH). */
static long exec_only(int dirfd, const char *path, uint64_t *how)
{
	if ((*how & O_ACCMODE) != O_RDONLY)
		return -EINVAL;
	unsigned at = AT_EACCESS | (*how & O_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
	long ret = host_syscall4(SYS_faccessat2, dirfd, path, X_OK, at);
	if (ret < 0)
		return ret;
	*how = (*how & (O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW | BSD_PSEUDO_MASK)) | O_PATH;
	return 0;
}

/* Opening a FIFO waits for its other end, a terminal may wait for carrier:
 * interruptible, and restarted under SA_RESTART as FreeBSD's fifo_open
 * (sys/fs/fifofs/fifo_vnops.c) sleeps with PCATCH. */
static long open_host(int dirfd, const char *path, uint64_t how, unsigned int mode)
{
	unsigned flags = (unsigned)(how & ~BSD_PSEUDO_MASK);
	mode &= 07777;
	if (!(how & BSD_O_BENEATH))
		return xeno_restartable(
		    host_blocking_syscall(SYS_openat, dirfd, path, flags, mode, 0, 0));
	struct open_how oh = {
	    .flags = flags,
	    .mode = flags & O_CREAT ? mode : 0, /* openat2 wants 0 otherwise */
	    .resolve = RESOLVE_BENEATH,
	};
	return xeno_restartable(
	    host_blocking_syscall(SYS_openat2, dirfd, path, &oh, sizeof oh, 0, 0));
}

/* Linux says ELOOP for a final symbolic link under O_NOFOLLOW (the BSD
 * error is per-OS) and ENXIO for a socket, which FreeBSD's vn_open_vnode
 * (sys/kern/vfs_vnops.c) refuses with EOPNOTSUPP. */
static long bsd_open_error(const struct bsd_abi *abi, int dirfd, const char *path, uint64_t how,
			   long err)
{
	struct statx stx;
	if (err != -ELOOP && err != -ENXIO)
		return err;
	if (bsd_statx(dirfd, path, AT_SYMLINK_NOFOLLOW, &stx) < 0)
		return err;
	if (err == -ELOOP && (how & O_NOFOLLOW) && S_ISLNK(stx.stx_mode))
		return -abi->nofollow_symlink_errno;
	if (err == -ENXIO && S_ISSOCK(stx.stx_mode))
		return -EOPNOTSUPP;
	return err;
}

/* O_SHLOCK/O_EXLOCK: a whole-file flock, waiting unless O_NONBLOCK; the
 * file is closed again if the lock cannot be had. */
static long lock_after_open(long fd, uint64_t how)
{
	int op = how & BSD_O_EXLOCK ? LOCK_EX : LOCK_SH;
	if (how & O_NONBLOCK)
		op |= LOCK_NB;
	long ret = host_blocking_syscall(SYS_flock, fd, op, 0, 0, 0, 0); /* it may wait */
	if (ret < 0) {
		host_syscall1(SYS_close, fd);
		return xeno_restartable(ret);
	}
	return fd;
}

/* How open uses its path (host open flags how): the compat root's view. */
static int open_lookup(uint64_t how)
{
	return (how & O_CREAT ? XENO_ROOT_CREATE : 0) | (how & O_NOFOLLOW ? XENO_ROOT_NOFOLLOW : 0);
}

long bsd_sys_openat(struct xeno_thread *t, int fd, uint64_t path, int flags, unsigned int mode)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	char p[BSD_PATH_BUF];
	uint64_t how;
	int dirfd;
	if (xeno_flags_to_host(abi->open_flags, (uint32_t)flags, &how) < 0)
		return -EINVAL;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, open_lookup(how));
	if (ret < 0)
		return ret;
	if ((how & BSD_O_EMPTY_PATH) && p[0] == '\0') {
		/* reopen what the descriptor names, as Linux's /proc allows */
		if (dirfd != AT_FDCWD)
			xeno_fd_proc_path(p, sizeof p, dirfd);
		else
			memcpy(p, ".", 2);
		dirfd = AT_FDCWD;
	}
	if ((how & BSD_O_EXEC) && (ret = exec_only(dirfd, p, &how)) < 0)
		return ret;
	ret = open_host(dirfd, p, how, mode);
	if (ret < 0)
		return bsd_open_error(abi, dirfd, p, how, ret);
	ret = xeno_fd_guest_new(ret);
	if (ret >= 0 && (how & (BSD_O_SHLOCK | BSD_O_EXLOCK)))
		ret = lock_after_open(ret, how);
	return ret;
}
