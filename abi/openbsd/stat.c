/* Linux statx -> OpenBSD struct stat and dev_t; host directory entries ->
 * OpenBSD dirent records (abi/openbsd/stat.h). */
#include "abi/openbsd/stat.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "abi/bsd/dirent.h"
#include "abi/bsd/stat.h"

#undef d_fileno

/* sys/sys/types.h makedev: minor's low byte, major's byte above it, the
 * rest of minor above that */
int32_t openbsd_dev_from_host(uint32_t major, uint32_t minor)
{
	return (int32_t)(((major & 0xff) << 8) | (minor & 0xff) | ((minor & 0xffff00) << 8));
}

void openbsd_stat_from_host(const struct statx *stx, void *out)
{
	struct openbsd_stat *st = out;
	memset(st, 0, sizeof *st);
	BSD_STAT_FILL(st, stx, openbsd_dev_from_host, 0);
	st->st_blksize = (int32_t)stx->stx_blksize;
	st->st_gen = 0; /* shown to the superuser only (sys/kern/vfs_vnops.c) */
}

/* sys/sys/dirent.h DIRENT_RECSIZE: the name and its NUL rounded up to 8 */
long openbsd_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room)
{
	if (e->namlen > OPENBSD_MAXNAMLEN)
		return -EINVAL;
	size_t reclen =
	    offsetof(struct openbsd_dirent, d_name) + ((e->namlen + 1 + 7) & ~(size_t)7);
	if (reclen > room)
		return 0;
	struct openbsd_dirent *d = dst;
	memset(d, 0, offsetof(struct openbsd_dirent, d_name));
	d->d_fileno = e->ino;
	d->d_off = e->off;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = bsd_dtype(e->type, 0);
	d->d_namlen = (uint8_t)e->namlen;
	bsd_dirent_put_name(d->d_name, e, reclen - offsetof(struct openbsd_dirent, d_name));
	return (long)reclen;
}
