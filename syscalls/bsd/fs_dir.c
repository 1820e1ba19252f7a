/*
 * getdirentries(2) for the BSD personalities, on Linux's getdents64.
 *
 * A foreign record can be larger than the Linux one for the same name
 * (FreeBSD 12's by up to 8 bytes: a 24-byte header against 19), so a
 * buffer's worth of host entries may not fit the guest's buffer once
 * converted.  The host is asked for less (three quarters, which covers the
 * worst ratio of FreeBSD 12 to Linux, 32 to 24 bytes); should an entry
 * still not fit, the directory is rewound to the end of the last entry that
 * did (Linux's d_off), so that nothing is lost or repeated.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/host.h"
#include "core/uaccess.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/iov.h"

#define DIR_CHUNK (64 * 1024) /* most bytes of entries one call returns */

/* Linux struct linux_dirent64 */
struct host_dirent {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

/* The kernel's ENOTDIR is EINVAL on the BSDs (not a directory vnode). */
static long read_host_entries(int fd, char *hbuf, size_t cap)
{
	long n = host_syscall3(SYS_getdents64, fd, hbuf, cap - cap / 4);
	if (n == -EINVAL) /* too little room for the next entry: take it all */
		n = host_syscall3(SYS_getdents64, fd, hbuf, cap);
	return n == -ENOTDIR ? -EINVAL : n;
}

/* Packs the host entries in hbuf[0, n) into out; stops at the first that
 * does not fit and says where the directory must resume (*resume, -1 if
 * every entry went in). */
static long pack_entries(const char *hbuf, long n, char *out, size_t cap, bsd_dirent_packer pack,
			 int64_t base, int64_t *resume)
{
	size_t used = 0;
	int64_t done_off = base;
	*resume = -1;
	for (long pos = 0; pos < n;) {
		const struct host_dirent *h = (const void *)(hbuf + pos);
		size_t room = h->d_reclen - offsetof(struct host_dirent, d_name);
		struct bsd_dirent e = {
		    .ino = h->d_ino,
		    .off = h->d_off,
		    .type = h->d_type,
		    .namlen = (uint16_t)strnlen(h->d_name, room),
		    .name = h->d_name,
		};
		long r = pack(&e, out + used, cap - used);
		if (r == 0) {
			*resume = done_off;
			break;
		}
		if (r > 0) /* an entry the foreign side cannot name is skipped */
			used += (size_t)r;
		done_off = h->d_off;
		pos += h->d_reclen;
	}
	return (long)used;
}

/* kern_getdirentries (FreeBSD sys/kern/vfs_syscalls.c) refuses a count
 * beyond IOSIZE_MAX before it looks at the descriptor; a count of 0 reads
 * nothing (ufs_readdir's loop wants room) and is no error on a directory. */
long bsd_getdirentries(int fd, uint64_t buf, size_t count, bsd_dirent_packer pack, int64_t *base)
{
	if (count > BSD_IOSIZE_MAX)
		return -EINVAL;
	long ret = bsd_fd(fd);
	if (ret < 0)
		return ret;
	size_t cap = count < DIR_CHUNK ? count : DIR_CHUNK;
	*base = host_syscall3(SYS_lseek, fd, 0, SEEK_CUR);
	if (*base < 0)
		return *base == -ESPIPE ? -EINVAL : *base;
	if (count == 0) {
		struct statx stx;
		ret = bsd_statx(fd, "", AT_EMPTY_PATH, &stx);
		return ret < 0 ? ret : S_ISDIR(stx.stx_mode) ? 0 : -EINVAL;
	}
	char *hbuf = malloc(cap ? cap : 1), *out = malloc(cap ? cap : 1);
	if (!hbuf || !out) {
		ret = -ENOMEM;
		goto done;
	}
	long n = read_host_entries(fd, hbuf, cap);
	if (n <= 0) {
		ret = n;
		goto done;
	}
	int64_t resume;
	ret = pack_entries(hbuf, n, out, cap, pack, *base, &resume);
	if (ret == 0) /* not even the first entry fits */
		resume = *base, ret = -EINVAL;
	if (ret > 0) {
		long err = xeno_copy_out(buf, out, (size_t)ret);
		if (err < 0)
			resume = *base, ret = err;
	}
	if (resume >= 0)
		host_syscall3(SYS_lseek, fd, resume, SEEK_SET);
done:
	free(hbuf);
	free(out);
	return ret;
}
