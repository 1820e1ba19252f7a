/* Linux statx -> FreeBSD struct stat, dev_t and utimens times
 * (abi/freebsd/stat.h). */
#include "abi/freebsd/stat.h"

#include "abi/bsd/fcntl.h"
#include "abi/bsd/stat.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

uint64_t freebsd_dev_from_host(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xffffff00) << 32) | ((uint64_t)(major & 0xff) << 8) |
	       ((uint64_t)(minor & 0xff00) << 24) | (minor & 0xffff00ff);
}

void freebsd_dev_to_host(uint64_t dev, uint32_t *major, uint32_t *minor)
{
	*major = (uint32_t)(((dev >> 32) & 0xffffff00) | ((dev >> 8) & 0xff));
	*minor = (uint32_t)(((dev >> 24) & 0xff00) | (dev & 0xffff00ff));
}

/* FreeBSD's vn_stat reports at least a page as the I/O block size. */
#define FREEBSD_MIN_BLKSIZE 4096

void freebsd12_stat_from_host(const struct statx *stx, void *out)
{
	struct freebsd12_stat *st = out;
	memset(st, 0, sizeof *st);
	BSD_STAT_FILL(st, stx, freebsd_dev_from_host, -1);
	st->st_blksize = stx->stx_blksize > FREEBSD_MIN_BLKSIZE ? (int32_t)stx->stx_blksize
								: FREEBSD_MIN_BLKSIZE;
	st->st_gen = 0; /* FreeBSD shows it to privileged callers only */
}

void freebsd11_stat_from_host(const struct statx *stx, void *out)
{
	struct freebsd11_stat *st = out;
	struct freebsd12_stat wide;
	freebsd12_stat_from_host(stx, &wide);
	memset(st, 0, sizeof *st);
	st->st_dev = (uint32_t)wide.st_dev;
	st->st_ino = (uint32_t)wide.st_ino;
	st->st_mode = wide.st_mode;
	st->st_nlink = (uint16_t)wide.st_nlink;
	st->st_uid = wide.st_uid;
	st->st_gid = wide.st_gid;
	st->st_rdev = (uint32_t)wide.st_rdev;
	st->st_atim = wide.st_atim;
	st->st_mtim = wide.st_mtim;
	st->st_ctim = wide.st_ctim;
	st->st_size = wide.st_size;
	st->st_blocks = wide.st_blocks;
	st->st_blksize = wide.st_blksize;
	st->st_flags = wide.st_flags;
	st->st_gen = (uint32_t)wide.st_gen;
	st->st_lspare = 0;
	st->st_birthtim = wide.st_birthtim;
}

int freebsd_utimens_to_host(const void *foreign, struct timespec *out)
{
	return bsd_utimens_to_host(FREEBSD_UTIME_NOW, FREEBSD_UTIME_OMIT, foreign, out);
}

int freebsd_utimens_from_host(const struct timespec *in, struct bsd_timespec *out)
{
	return bsd_utimens_from_host(FREEBSD_UTIME_NOW, FREEBSD_UTIME_OMIT, in, out);
}
