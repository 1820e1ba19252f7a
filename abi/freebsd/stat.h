/*
 * FreeBSD file status: struct stat (FreeBSD 12 and later, syscalls 551/552)
 * and struct freebsd11_stat (the 32-bit-inode form of syscalls 188-190 and
 * 493), both from sys/sys/stat.h, amd64 layout; the dev_t encoding of
 * sys/sys/types.h (makedev); UTIME_NOW/UTIME_OMIT and the file flags of
 * sys/sys/stat.h.  Filled from a Linux struct statx.
 */
#ifndef XENO_ABI_FREEBSD_STAT_H
#define XENO_ABI_FREEBSD_STAT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/freebsd/timespec.h"

struct statx;
struct timespec;

/* sys/sys/stat.h: struct stat (amd64; no __STAT_TIME_T_EXT padding) */
struct freebsd12_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint16_t st_mode;
	int16_t st_padding0;
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t st_padding1;
	uint64_t st_rdev;
	struct bsd_timespec st_atim;
	struct bsd_timespec st_mtim;
	struct bsd_timespec st_ctim;
	struct bsd_timespec st_birthtim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint64_t st_gen;
	uint64_t st_spare[10];
};
_Static_assert(sizeof(struct freebsd12_stat) == 224, "struct stat");
_Static_assert(offsetof(struct freebsd12_stat, st_nlink) == 16, "stat st_nlink");
_Static_assert(offsetof(struct freebsd12_stat, st_mode) == 24, "stat st_mode");
_Static_assert(offsetof(struct freebsd12_stat, st_uid) == 28, "stat st_uid");
_Static_assert(offsetof(struct freebsd12_stat, st_rdev) == 40, "stat st_rdev");
_Static_assert(offsetof(struct freebsd12_stat, st_atim) == 48, "stat st_atim");
_Static_assert(offsetof(struct freebsd12_stat, st_birthtim) == 96, "stat st_birthtim");
_Static_assert(offsetof(struct freebsd12_stat, st_size) == 112, "stat st_size");
_Static_assert(offsetof(struct freebsd12_stat, st_blksize) == 128, "stat st_blksize");
_Static_assert(offsetof(struct freebsd12_stat, st_gen) == 136, "stat st_gen");

/* sys/sys/stat.h: struct freebsd11_stat (amd64: the birth time padding of
 * 16 - sizeof(struct timespec) is empty) */
struct freebsd11_stat {
	uint32_t st_dev;
	uint32_t st_ino;
	uint16_t st_mode;
	uint16_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_rdev;
	struct bsd_timespec st_atim;
	struct bsd_timespec st_mtim;
	struct bsd_timespec st_ctim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	int32_t st_lspare;
	struct bsd_timespec st_birthtim;
};
_Static_assert(sizeof(struct freebsd11_stat) == 120, "struct freebsd11_stat");
_Static_assert(offsetof(struct freebsd11_stat, st_mode) == 8, "stat11 st_mode");
_Static_assert(offsetof(struct freebsd11_stat, st_rdev) == 20, "stat11 st_rdev");
_Static_assert(offsetof(struct freebsd11_stat, st_atim) == 24, "stat11 st_atim");
_Static_assert(offsetof(struct freebsd11_stat, st_size) == 72, "stat11 st_size");
_Static_assert(offsetof(struct freebsd11_stat, st_blksize) == 88, "stat11 st_blksize");
_Static_assert(offsetof(struct freebsd11_stat, st_gen) == 96, "stat11 st_gen");
_Static_assert(offsetof(struct freebsd11_stat, st_birthtim) == 104, "stat11 st_birthtim");

/* sys/sys/stat.h: file flags (st_flags) xeno can tell from Linux's */
enum {
	FREEBSD_UF_NODUMP = 0x00000001,
	FREEBSD_SF_IMMUTABLE = 0x00020000,
	FREEBSD_SF_APPEND = 0x00040000,
};

/* sys/sys/stat.h: the special tv_nsec values of utimensat/futimens */
#define FREEBSD_UTIME_NOW  (-1L)
#define FREEBSD_UTIME_OMIT (-2L)

/* sys/sys/types.h makedev(): the major number's low byte sits in bits 8-15
 * and its upper bytes in 40-63; the minor number keeps bits 0-7 and 16-31
 * in place and moves bits 8-15 to 32-39. */
uint64_t freebsd_dev_from_host(uint32_t major, uint32_t minor);
void freebsd_dev_to_host(uint64_t dev, uint32_t *major, uint32_t *minor);

/* struct stat from a host statx (STATX_BASIC_STATS, STATX_BTIME if the file
 * system keeps it: otherwise the birth time is -1 s as FreeBSD reports it). */
void freebsd12_stat_from_host(const struct statx *stx, void *out);
/* struct freebsd11_stat: the same, with device, inode and link numbers cut
 * to their narrow fields as FreeBSD's freebsd11_cvtstat does by default
 * (vfs.ino64_trunc_error=0). */
void freebsd11_stat_from_host(const struct statx *stx, void *out);

/* The two times (in[0], in[1]) of utimensat/futimens, both ways (UTIME_NOW and UTIME_OMIT
 * differ): 0, or -EINVAL for a tv_nsec out of range that is neither.  The
 * foreign side of to_host is two struct bsd_timespec. */
int freebsd_utimens_to_host(const void *in, struct timespec *out);
int freebsd_utimens_from_host(const struct timespec *in, struct bsd_timespec *out);

#endif
