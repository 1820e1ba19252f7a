/* Linux statx -> NetBSD struct stat and dev_t (abi/netbsd/stat.h). */
#include "abi/netbsd/stat.h"

#include <string.h>
#include <sys/stat.h>

#include "abi/bsd/stat.h"

uint64_t netbsd_dev_from_host(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major << 8) & 0x000fff00) | ((uint64_t)(minor << 12) & 0xfff00000) |
	       (minor & 0xff);
}

void netbsd_stat_from_host(const struct statx *stx, struct netbsd_stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_dev = netbsd_dev_from_host(stx->stx_dev_major, stx->stx_dev_minor);
	st->st_mode = stx->stx_mode;
	st->st_ino = stx->stx_ino;
	st->st_nlink = stx->stx_nlink;
	st->st_uid = stx->stx_uid;
	st->st_gid = stx->stx_gid;
	st->st_rdev = netbsd_dev_from_host(stx->stx_rdev_major, stx->stx_rdev_minor);
	st->st_atim = bsd_stat_time(&stx->stx_atime);
	st->st_mtim = bsd_stat_time(&stx->stx_mtime);
	st->st_ctim = bsd_stat_time(&stx->stx_ctime);
	if (stx->stx_mask & STATX_BTIME)
		st->st_birthtim = bsd_stat_time(&stx->stx_btime);
	st->st_size = (int64_t)stx->stx_size;
	st->st_blocks = (int64_t)stx->stx_blocks;
	st->st_blksize = stx->stx_blksize;
	st->st_flags = bsd_stat_file_flags(stx);
	st->st_gen = 0; /* NetBSD shows it to privileged callers only */
}
