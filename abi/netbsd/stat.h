/*
 * NetBSD file status: struct stat of __stat50, __fstat50, __lstat50 and
 * fstatat (sys/sys/stat.h rev 1.68, amd64: dev_t 64 bits, mode_t and
 * nlink_t 32, blksize_t 32), and dev_t's encoding (sys/sys/types.h
 * makedev: major in bits 8-19, minor's low byte in 0-7 and the rest in
 * 20-31).
 */
#ifndef XENO_ABI_NETBSD_STAT_H
#define XENO_ABI_NETBSD_STAT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/socket.h"

struct statx;

struct netbsd_stat {
	uint64_t st_dev;
	uint32_t st_mode;
	uint32_t pad0_;
	uint64_t st_ino;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t pad1_;
	uint64_t st_rdev;
	struct bsd_timespec st_atim;
	struct bsd_timespec st_mtim;
	struct bsd_timespec st_ctim;
	struct bsd_timespec st_birthtim;
	int64_t st_size;
	int64_t st_blocks;
	uint32_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	uint32_t st_spare[2];
	uint32_t pad2_;
};
_Static_assert(sizeof(struct netbsd_stat) == 152, "struct stat");
_Static_assert(offsetof(struct netbsd_stat, st_mode) == 8, "stat st_mode");
_Static_assert(offsetof(struct netbsd_stat, st_ino) == 16, "stat st_ino");
_Static_assert(offsetof(struct netbsd_stat, st_nlink) == 24, "stat st_nlink");
_Static_assert(offsetof(struct netbsd_stat, st_rdev) == 40, "stat st_rdev");
_Static_assert(offsetof(struct netbsd_stat, st_atim) == 48, "stat st_atim");
_Static_assert(offsetof(struct netbsd_stat, st_birthtim) == 96, "stat st_birthtim");
_Static_assert(offsetof(struct netbsd_stat, st_size) == 112, "stat st_size");
_Static_assert(offsetof(struct netbsd_stat, st_blksize) == 128, "stat st_blksize");
_Static_assert(offsetof(struct netbsd_stat, st_gen) == 136, "stat st_gen");

uint64_t netbsd_dev_from_host(uint32_t major, uint32_t minor);

/* struct stat from a host statx; without a birth time (STATX_BTIME) the
 * field reads 0, as NetBSD's file systems that keep none report it. */
void netbsd_stat_from_host(const struct statx *stx, void *out);

#endif
