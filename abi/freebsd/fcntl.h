/*
 * FreeBSD open(2), fcntl(2) and *at() facts: sys/sys/fcntl.h (FreeBSD 14),
 * F_OK..R_OK and SEEK_* from sys/sys/unistd.h, struct flock from
 * sys/sys/fcntl.h.  Flag words translate through the flag sets below; flags
 * Linux lacks become the pseudo host bits of abi/bsd/abi.h.
 */
#ifndef XENO_ABI_FREEBSD_FCNTL_H
#define XENO_ABI_FREEBSD_FCNTL_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/fcntl.h"
#include "core/xlat.h"

struct flock;

/* sys/sys/fcntl.h: open-only and file status flags */
enum {
	FREEBSD_O_RDONLY = 0x0000,
	FREEBSD_O_WRONLY = 0x0001,
	FREEBSD_O_RDWR = 0x0002,
	FREEBSD_O_ACCMODE = 0x0003,
	FREEBSD_O_NONBLOCK = 0x0004,
	FREEBSD_O_APPEND = 0x0008,
	FREEBSD_O_SHLOCK = 0x0010,
	FREEBSD_O_EXLOCK = 0x0020,
	FREEBSD_O_ASYNC = 0x0040,
	FREEBSD_O_FSYNC = 0x0080, /* O_SYNC is the same bit */
	FREEBSD_O_SYNC = 0x0080,
	FREEBSD_O_NOFOLLOW = 0x0100,
	FREEBSD_O_CREAT = 0x0200,
	FREEBSD_O_TRUNC = 0x0400,
	FREEBSD_O_EXCL = 0x0800,
	FREEBSD_O_NOCTTY = 0x8000,
	FREEBSD_O_DIRECT = 0x00010000,
	FREEBSD_O_DIRECTORY = 0x00020000,
	FREEBSD_O_EXEC = 0x00040000, /* O_SEARCH is the same bit */
	FREEBSD_O_SEARCH = 0x00040000,
	FREEBSD_O_TTY_INIT = 0x00080000,
	FREEBSD_O_CLOEXEC = 0x00100000,
	FREEBSD_O_VERIFY = 0x00200000,
	FREEBSD_O_PATH = 0x00400000,
	FREEBSD_O_RESOLVE_BENEATH = 0x00800000,
	FREEBSD_O_DSYNC = 0x01000000,
	FREEBSD_O_EMPTY_PATH = 0x02000000,
	/* F_SETFL reuses the O_CREAT bit for read-ahead (FRDAHEAD) */
	FREEBSD_FRDAHEAD = 0x0200,
};

/* sys/sys/fcntl.h: the bits fcntl(F_SETFL) changes (FCNTLFLAGS) less
 * FRDAHEAD, a read-ahead hint xeno accepts and ignores. */
#define FREEBSD_FCNTLFLAGS                                                                         \
	(FREEBSD_O_APPEND | FREEBSD_O_ASYNC | FREEBSD_O_FSYNC | FREEBSD_O_DSYNC |                  \
	 FREEBSD_O_NONBLOCK | FREEBSD_O_DIRECT)

/* sys/sys/fcntl.h: AT_FDCWD and the *at() flags */
enum {
	FREEBSD_AT_FDCWD = -100,
	FREEBSD_AT_EACCESS = 0x0100,
	FREEBSD_AT_SYMLINK_NOFOLLOW = 0x0200,
	FREEBSD_AT_SYMLINK_FOLLOW = 0x0400,
	FREEBSD_AT_REMOVEDIR = 0x0800,
	FREEBSD_AT_RESOLVE_BENEATH = 0x2000,
	FREEBSD_AT_EMPTY_PATH = 0x4000,
};

/* sys/sys/fcntl.h: fcntl commands */
enum {
	FREEBSD_F_DUPFD = 0,
	FREEBSD_F_GETFD = 1,
	FREEBSD_F_SETFD = 2,
	FREEBSD_F_GETFL = 3,
	FREEBSD_F_SETFL = 4,
	FREEBSD_F_GETOWN = 5,
	FREEBSD_F_SETOWN = 6,
	FREEBSD_F_OGETLK = 7,
	FREEBSD_F_OSETLK = 8,
	FREEBSD_F_OSETLKW = 9,
	FREEBSD_F_DUP2FD = 10,
	FREEBSD_F_GETLK = 11,
	FREEBSD_F_SETLK = 12,
	FREEBSD_F_SETLKW = 13,
	FREEBSD_F_SETLK_REMOTE = 14,
	FREEBSD_F_READAHEAD = 15,
	FREEBSD_F_RDAHEAD = 16,
	FREEBSD_F_DUPFD_CLOEXEC = 17,
	FREEBSD_F_DUP2FD_CLOEXEC = 18,
	FREEBSD_F_ADD_SEALS = 19,
	FREEBSD_F_GET_SEALS = 20,
	FREEBSD_F_ISUNIONSTACK = 21,
	FREEBSD_F_KINFO = 22,
};

/* sys/sys/fcntl.h: descriptor flags, seals, lock types, advice */
enum {
	FREEBSD_FD_CLOEXEC = 1,
	FREEBSD_F_SEAL_SEAL = 0x0001,
	FREEBSD_F_SEAL_SHRINK = 0x0002,
	FREEBSD_F_SEAL_GROW = 0x0004,
	FREEBSD_F_SEAL_WRITE = 0x0008,
	FREEBSD_F_RDLCK = 1,
	FREEBSD_F_UNLCK = 2,
	FREEBSD_F_WRLCK = 3,
	FREEBSD_F_UNLCKSYS = 4, /* remote (NFS lock daemon) only */
	FREEBSD_F_CANCEL = 5,
	FREEBSD_POSIX_FADV_NORMAL = 0,
	FREEBSD_POSIX_FADV_RANDOM = 1,
	FREEBSD_POSIX_FADV_SEQUENTIAL = 2,
	FREEBSD_POSIX_FADV_WILLNEED = 3,
	FREEBSD_POSIX_FADV_DONTNEED = 4,
	FREEBSD_POSIX_FADV_NOREUSE = 5,
};

/* sys/sys/unistd.h: access(2) modes, lseek(2) whence, close_range(2) */
enum {
	FREEBSD_F_OK = 0,
	FREEBSD_X_OK = 0x01,
	FREEBSD_W_OK = 0x02,
	FREEBSD_R_OK = 0x04,
	FREEBSD_SEEK_SET = 0,
	FREEBSD_SEEK_CUR = 1,
	FREEBSD_SEEK_END = 2,
	FREEBSD_SEEK_DATA = 3,
	FREEBSD_SEEK_HOLE = 4,
	FREEBSD_CLOSE_RANGE_CLOEXEC = 1 << 2,
};

/* sys/sys/fcntl.h: struct flock (amd64 layout) */
struct freebsd_flock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;
	int32_t l_sysid;
	int32_t pad_;
};
_Static_assert(sizeof(struct freebsd_flock) == 32, "struct flock");
_Static_assert(offsetof(struct freebsd_flock, l_pid) == 16, "flock l_pid");
_Static_assert(offsetof(struct freebsd_flock, l_type) == 20, "flock l_type");
_Static_assert(offsetof(struct freebsd_flock, l_whence) == 22, "flock l_whence");
_Static_assert(offsetof(struct freebsd_flock, l_sysid) == 24, "flock l_sysid");

/* sys/sys/fcntl.h: struct __oflock, the flock of F_OGETLK/F_OSETLK(W), is
 * the same fields without l_sysid: struct bsd_flock. */

extern const struct xeno_flagset freebsd_open_flagset;	     /* "open" */
extern const struct xeno_flagset freebsd_at_flagset;	     /* "at" */
extern const struct xeno_flagset freebsd_whence_flagset;     /* "whence" */
extern const struct xeno_flagset freebsd_fcntlcmd_flagset;   /* "fcntlcmd" */
extern const struct xeno_flagset freebsd_seals_flagset;	     /* "seals" */
extern const struct xeno_flagset freebsd_closerange_flagset; /* "closerange" */

/* struct flock, both ways: 0 or -EINVAL for a lock type or whence the other
 * side does not have.  The foreign pointer is a struct freebsd_flock. */
int freebsd_flock_to_host(const void *foreign, struct flock *host);
int freebsd_flock_from_host(const struct flock *host, void *foreign);

#endif
