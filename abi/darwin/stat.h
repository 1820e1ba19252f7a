/*
 * macOS's struct stat in its 64-bit-inode form, the one stat64, fstat64,
 * lstat64 and fstatat64 fill (xnu bsd/sys/stat.h __DARWIN_STRUCT_STAT64;
 * Go's syscall/ztypes_darwin_amd64.go Stat_t agrees): mode bits as Linux's.
 * AT_FDCWD -2, AT_SYMLINK_NOFOLLOW 0x20 (bsd/sys/fcntl.h).
 */
#ifndef XENO_ABI_DARWIN_STAT_H
#define XENO_ABI_DARWIN_STAT_H

#include <stddef.h>
#include <stdint.h>

struct stat;

#define DARWIN_AT_FDCWD		   (-2)
#define DARWIN_AT_EACCESS	   0x10
#define DARWIN_AT_SYMLINK_NOFOLLOW 0x20
#define DARWIN_AT_SYMLINK_FOLLOW   0x40
#define DARWIN_AT_REMOVEDIR	   0x80

struct darwin_timespec {
	int64_t sec, nsec;
};

struct darwin_stat {
	int32_t dev;
	uint16_t mode, nlink;
	uint64_t ino;
	uint32_t uid, gid;
	int32_t rdev, pad0;
	struct darwin_timespec atime, mtime, ctime, birthtime;
	int64_t size, blocks;
	int32_t blksize;
	uint32_t flags, gen;
	int32_t lspare;
	int64_t qspare[2];
};
_Static_assert(sizeof(struct darwin_stat) == 144 && offsetof(struct darwin_stat, ino) == 8 &&
		   offsetof(struct darwin_stat, atime) == 32 &&
		   offsetof(struct darwin_stat, size) == 96 &&
		   offsetof(struct darwin_stat, blksize) == 112,
	       "struct stat64 (bsd/sys/stat.h)");

void darwin_stat_from_host(const struct stat *st, struct darwin_stat *out);

/* A descriptor argument of the *at calls as the host's. */
int darwin_atfd_to_host(int fd);

#endif
