/* Linux statx and getdents64 -> illumos struct stat and dirent (abi/illumos/stat.h). */
#include "abi/illumos/stat.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

uint64_t illumos_dev_from_host(uint32_t major, uint32_t minor)
{
	return (uint64_t)major << 32 | minor; /* makedevice() on LP64 */
}

static struct illumos_timespec timestamp(const struct statx_timestamp *ts)
{
	return (struct illumos_timespec){ts->tv_sec, ts->tv_nsec};
}

/* st_fstype names the file system type (ufs, zfs, tmpfs...); xeno leaves
 * it empty rather than pay a statfs for every stat. */
void illumos_stat_from_host(const struct statx *stx, struct illumos_stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_dev = illumos_dev_from_host(stx->stx_dev_major, stx->stx_dev_minor);
	st->st_ino = stx->stx_ino;
	st->st_mode = stx->stx_mode; /* S_IF* and permission bits as on Linux */
	st->st_nlink = stx->stx_nlink;
	st->st_uid = stx->stx_uid;
	st->st_gid = stx->stx_gid;
	st->st_rdev = illumos_dev_from_host(stx->stx_rdev_major, stx->stx_rdev_minor);
	st->st_size = (int64_t)stx->stx_size;
	st->st_atim = timestamp(&stx->stx_atime);
	st->st_mtim = timestamp(&stx->stx_mtime);
	st->st_ctim = timestamp(&stx->stx_ctime);
	st->st_blksize = (int32_t)stx->stx_blksize;
	st->st_blocks = (int64_t)stx->stx_blocks;
}

long illumos_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room)
{
	if (e->namlen >= ILLUMOS_MAXNAMELEN)
		return -EINVAL;
	size_t reclen = illumos_dirent_reclen(e->namlen);
	if (reclen > room)
		return 0;
	struct illumos_dirent *d = dst;
	memset(d, 0, reclen);
	d->d_ino = e->ino;
	d->d_off = e->off;
	d->d_reclen = (uint16_t)reclen;
	memcpy(d->d_name, e->name, e->namlen);
	return (long)reclen;
}
