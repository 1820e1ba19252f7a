/*
 * What the BSDs' struct stat forms share, whatever their layouts: the file
 * flags Linux keeps as statx attributes (UF_NODUMP 0x1, SF_IMMUTABLE
 * 0x20000, SF_APPEND 0x40000 in FreeBSD's and NetBSD's sys/sys/stat.h) and
 * times as struct timespec.
 */
#ifndef XENO_ABI_BSD_STAT_H
#define XENO_ABI_BSD_STAT_H

#include <stdint.h>

#include "abi/bsd/socket.h"

struct statx;
struct statx_timestamp;

#define BSD_UF_NODUMP	 0x00000001
#define BSD_SF_IMMUTABLE 0x00020000
#define BSD_SF_APPEND	 0x00040000

uint32_t bsd_stat_file_flags(const struct statx *stx);

/* Fills the fields every BSD's struct stat names alike (FreeBSD 12's and
 * NetBSD's: a macro, as the layouts differ) from statx stx: dev encodes a
 * dev_t from major and minor; a birth time the file system does not keep
 * reads no_birth_sec seconds (FreeBSD -1, NetBSD 0).  st_blksize and
 * st_gen are the OS's to set. */
#define BSD_STAT_FILL(st, stx, dev, no_birth_sec)                                                  \
	do {                                                                                       \
		(st)->st_dev = dev((stx)->stx_dev_major, (stx)->stx_dev_minor);                    \
		(st)->st_ino = (stx)->stx_ino;                                                     \
		(st)->st_nlink = (stx)->stx_nlink;                                                 \
		(st)->st_mode = (stx)->stx_mode;                                                   \
		(st)->st_uid = (stx)->stx_uid;                                                     \
		(st)->st_gid = (stx)->stx_gid;                                                     \
		(st)->st_rdev = dev((stx)->stx_rdev_major, (stx)->stx_rdev_minor);                 \
		(st)->st_atim = bsd_stat_time(&(stx)->stx_atime);                                  \
		(st)->st_mtim = bsd_stat_time(&(stx)->stx_mtime);                                  \
		(st)->st_ctim = bsd_stat_time(&(stx)->stx_ctime);                                  \
		(st)->st_birthtim = ((stx)->stx_mask & STATX_BTIME)                                \
					? bsd_stat_time(&(stx)->stx_btime)                         \
					: (struct bsd_timespec){(no_birth_sec), 0};                \
		(st)->st_size = (int64_t)(stx)->stx_size;                                          \
		(st)->st_blocks = (int64_t)(stx)->stx_blocks;                                      \
		(st)->st_flags = bsd_stat_file_flags(stx);                                         \
	} while (0)
struct bsd_timespec bsd_stat_time(const struct statx_timestamp *ts);

#endif
