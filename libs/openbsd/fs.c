/*
 * OpenBSD file calls that are more than a shared handler with OpenBSD's
 * facts: the stat family (struct stat, abi/openbsd/stat.h), getdents
 * (struct dirent, lib/libc/sys/getdents.2: the bytes read), getcwd (a
 * pointer result) and dup3 (sys/kern/kern_descrip.c sys_dup3: the same
 * descriptor twice is EINVAL, flags only O_CLOEXEC).
 */
#include <errno.h>
#include <fcntl.h>

#include "abi/openbsd/fcntl.h"
#include "abi/openbsd/stat.h"
#include "core/thread.h"
#include "libs/openbsd/openbsd.h"
#include "openbsd_libc_proto.h"
#include "syscalls/bsd/fs_util.h"

static const struct bsd_stat_form stat_form = {sizeof(struct openbsd_stat), openbsd_stat_from_host};

long openbsd_libc_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t sb, int flag)
{
	return bsd_stat_path(t, &stat_form, fd, path, flag, sb);
}

long openbsd_libc_stat(struct xeno_thread *t, uint64_t path, uint64_t sb)
{
	return bsd_stat_path(t, &stat_form, BSD_AT_FDCWD, path, 0, sb);
}

long openbsd_libc_lstat(struct xeno_thread *t, uint64_t path, uint64_t sb)
{
	return bsd_stat_path(t, &stat_form, BSD_AT_FDCWD, path, OPENBSD_AT_SYMLINK_NOFOLLOW, sb);
}

long openbsd_libc_fstat(struct xeno_thread *t, int fd, uint64_t sb)
{
	return bsd_stat_fd(t, &stat_form, fd, sb);
}

long openbsd_libc_getdents(struct xeno_thread *t, int fd, uint64_t buf, size_t nbytes)
{
	(void)t;
	int64_t base;
	return bsd_getdirentries(fd, buf, nbytes, openbsd_dirent_from_host, &base);
}

/* getcwd returns buf (lib/libc/gen/getcwd.c on __getcwd). */
long openbsd_libc_getcwd(struct xeno_thread *t, uint64_t buf, size_t size)
{
	if (!buf)
		return -EINVAL; /* libc would allocate one: no program of ours asks */
	long r = bsd_sys___getcwd(t, buf, size);
	return r < 0 ? r : (long)buf;
}

long openbsd_libc_dup3(struct xeno_thread *t, unsigned int from, unsigned int to, int flags)
{
	(void)t;
	if (from == to || (flags & ~OPENBSD_O_CLOEXEC))
		return -EINVAL;
	return bsd_dup_fixed((int)from, (int)to, (flags & OPENBSD_O_CLOEXEC) != 0);
}
