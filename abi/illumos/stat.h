/*
 * illumos file status and directory entries (LP64): struct stat
 * (usr/src/uts/common/sys/stat.h, _ST_FSTYPSZ 16; on LP64 stat and stat64
 * are one), dev_t (usr/src/uts/common/sys/mkdev.h: on LP64 the major in
 * the high 32 bits, NBITSMINOR64 32) and struct dirent
 * (usr/src/uts/common/sys/dirent.h: no d_type, no d_namlen; records
 * 8-aligned, DIRENT64_RECLEN).
 */
#ifndef XENO_ABI_ILLUMOS_STAT_H
#define XENO_ABI_ILLUMOS_STAT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"

struct statx;

struct illumos_timespec {
	int64_t tv_sec, tv_nsec;
};

#define ILLUMOS_ST_FSTYPSZ 16

struct illumos_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	int64_t st_size;
	struct illumos_timespec st_atim;
	struct illumos_timespec st_mtim;
	struct illumos_timespec st_ctim;
	int32_t st_blksize;
	int32_t pad_;
	int64_t st_blocks;
	char st_fstype[ILLUMOS_ST_FSTYPSZ];
};
_Static_assert(sizeof(struct illumos_stat) == 128, "struct stat");
_Static_assert(offsetof(struct illumos_stat, st_mode) == 16, "st_mode");
_Static_assert(offsetof(struct illumos_stat, st_rdev) == 32, "st_rdev");
_Static_assert(offsetof(struct illumos_stat, st_atim) == 48, "st_atim");
_Static_assert(offsetof(struct illumos_stat, st_blksize) == 96, "st_blksize");
_Static_assert(offsetof(struct illumos_stat, st_blocks) == 104, "st_blocks");
_Static_assert(offsetof(struct illumos_stat, st_fstype) == 112, "st_fstype");

struct illumos_dirent {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	char d_name[]; /* NUL-terminated */
};
#define ILLUMOS_DIRENT_NAME 18 /* offsetof(dirent_t, d_name) */
#define ILLUMOS_MAXNAMELEN  256
_Static_assert(offsetof(struct illumos_dirent, d_name) == ILLUMOS_DIRENT_NAME, "d_name");

/* DIRENT64_RECLEN: the name, its NUL, rounded up to 8. */
static inline size_t illumos_dirent_reclen(size_t namlen)
{
	return (ILLUMOS_DIRENT_NAME + 1 + namlen + 7) & ~(size_t)7;
}

uint64_t illumos_dev_from_host(uint32_t major, uint32_t minor);
void illumos_stat_from_host(const struct statx *stx, struct illumos_stat *st);
/* A bsd_dirent_packer (abi/bsd/abi.h) writing illumos records. */
long illumos_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room);

#endif
