/*
 * OpenBSD struct stat (sys/sys/stat.h since OpenBSD 5.5: mode first, a
 * 32-bit dev_t, 128 bytes; Go's syscall/ztypes_openbsd_amd64.go Stat_t
 * agrees) and struct dirent of getdents (sys/sys/dirent.h: d_off, 8-bit
 * d_namlen, MAXNAMLEN 255).
 */
#ifndef XENO_ABI_OPENBSD_STAT_H
#define XENO_ABI_OPENBSD_STAT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"

struct statx;

struct openbsd_stat {
	uint32_t st_mode;
	int32_t st_dev;
	uint64_t st_ino;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t st_rdev;
	struct bsd_timespec st_atim;
	struct bsd_timespec st_mtim;
	struct bsd_timespec st_ctim;
	int64_t st_size;
	int64_t st_blocks;
	int32_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	uint32_t pad_;
	struct bsd_timespec st_birthtim; /* __st_birthtim */
};
_Static_assert(sizeof(struct openbsd_stat) == 128, "struct stat");
_Static_assert(offsetof(struct openbsd_stat, st_ino) == 8, "stat st_ino");
_Static_assert(offsetof(struct openbsd_stat, st_rdev) == 28, "stat st_rdev");
_Static_assert(offsetof(struct openbsd_stat, st_atim) == 32, "stat st_atim");
_Static_assert(offsetof(struct openbsd_stat, st_size) == 80, "stat st_size");
_Static_assert(offsetof(struct openbsd_stat, st_blksize) == 96, "stat st_blksize");
_Static_assert(offsetof(struct openbsd_stat, st_birthtim) == 112, "stat __st_birthtim");

#define OPENBSD_MAXNAMLEN 255

struct openbsd_dirent {
	uint64_t d_fileno;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_namlen;
	uint8_t pad_[4];
	char d_name[];
};
_Static_assert(offsetof(struct openbsd_dirent, d_reclen) == 16, "dirent d_reclen");
_Static_assert(offsetof(struct openbsd_dirent, d_namlen) == 19, "dirent d_namlen");
_Static_assert(offsetof(struct openbsd_dirent, d_name) == 24, "dirent d_name");

int32_t openbsd_dev_from_host(uint32_t major, uint32_t minor);
void openbsd_stat_from_host(const struct statx *stx, void *out);
long openbsd_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room);

#endif
