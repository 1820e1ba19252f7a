/*
 * open(2), fcntl(2) and *at() facts the 4.4BSD family shares: the low open
 * flags, the *at() flags, access(2) modes, lseek whence, FD_CLOEXEC, the
 * lock types, posix_fadvise advice and struct flock (FreeBSD
 * sys/sys/fcntl.h and sys/sys/unistd.h, where FreeBSD's struct flock adds
 * l_sysid; NetBSD sys/sys/fcntl.h rev 1.46 and sys/sys/unistd.h; OpenBSD
 * sys/sys/fcntl.h, whose struct flock is NetBSD's).  Each BSD
 * builds its open, *at() and whence tables from the shared entries and adds
 * its own.
 */
#ifndef XENO_ABI_BSD_FCNTL_H
#define XENO_ABI_BSD_FCNTL_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

struct flock;
struct timespec;

#define BSD_AT_FDCWD		(-100)
#define BSD_AT_SYMLINK_NOFOLLOW 0x0200

/* The open flags every BSD has, in the order a table lists them. */
#define BSD_OPEN_FLAGS_SHARED                                                                      \
	XENO_FIELD("O_RDONLY", 0x0003, 0x0000, O_ACCMODE, O_RDONLY),                               \
	    XENO_FIELD("O_WRONLY", 0x0003, 0x0001, O_ACCMODE, O_WRONLY),                           \
	    XENO_FIELD("O_RDWR", 0x0003, 0x0002, O_ACCMODE, O_RDWR),                               \
	    XENO_FLAG("O_NONBLOCK", 0x0004, O_NONBLOCK), XENO_FLAG("O_APPEND", 0x0008, O_APPEND),  \
	    XENO_FLAG("O_SHLOCK", 0x0010, BSD_O_SHLOCK),                                           \
	    XENO_FLAG("O_EXLOCK", 0x0020, BSD_O_EXLOCK), XENO_FLAG("O_ASYNC", 0x0040, O_ASYNC),    \
	    XENO_FLAG("O_SYNC", 0x0080, O_SYNC), XENO_FLAG("O_NOFOLLOW", 0x0100, O_NOFOLLOW),      \
	    XENO_FLAG("O_CREAT", 0x0200, O_CREAT), XENO_FLAG("O_TRUNC", 0x0400, O_TRUNC),          \
	    XENO_FLAG("O_EXCL", 0x0800, O_EXCL), XENO_FLAG("O_NOCTTY", 0x8000, O_NOCTTY)
/* The *at() flags every BSD has.  Linux's AT_REMOVEDIR is AT_EACCESS's bit:
 * the pseudo bit keeps them apart until unlinkat knows which it means. */
#define BSD_AT_FLAGS_SHARED                                                                        \
	XENO_FLAG("AT_EACCESS", 0x0100, AT_EACCESS),                                               \
	    XENO_FLAG("AT_SYMLINK_NOFOLLOW", 0x0200, AT_SYMLINK_NOFOLLOW),                         \
	    XENO_FLAG("AT_SYMLINK_FOLLOW", 0x0400, AT_SYMLINK_FOLLOW),                             \
	    XENO_FLAG("AT_REMOVEDIR", 0x0800, BSD_AT_REMOVEDIR)
/* lseek's whence values every BSD has */
#define BSD_WHENCE_SHARED                                                                          \
	XENO_ENUM("SEEK_SET", 0, SEEK_SET), XENO_ENUM("SEEK_CUR", 1, SEEK_CUR),                    \
	    XENO_ENUM("SEEK_END", 2, SEEK_END)
/* The fcntl commands every BSD numbers alike, F_DUPFD 0 to F_SETOWN 6 */
#define BSD_FCNTL_CMDS_SHARED                                                                      \
	XENO_ENUM("F_DUPFD", 0, F_DUPFD), XENO_ENUM("F_GETFD", 1, F_GETFD),                        \
	    XENO_ENUM("F_SETFD", 2, F_SETFD), XENO_ENUM("F_GETFL", 3, F_GETFL),                    \
	    XENO_ENUM("F_SETFL", 4, F_SETFL), XENO_ENUM("F_GETOWN", 5, F_GETOWN),                  \
	    XENO_ENUM("F_SETOWN", 6, F_SETOWN)
/* 4.4BSD's record-lock commands, which NetBSD and OpenBSD keep (FreeBSD's
 * F_OGETLK, F_OSETLK and F_OSETLKW, with an older struct flock) */
#define BSD_FCNTL_LOCK_CMDS_44BSD                                                                  \
	XENO_ENUM("F_GETLK", 7, F_GETLK), XENO_ENUM("F_SETLK", 8, F_SETLK),                        \
	    XENO_ENUM("F_SETLKW", 9, F_SETLKW)

extern const struct xeno_flagset bsd_access_flagset;   /* "access": F_OK, R_OK, W_OK, X_OK */
extern const struct xeno_flagset bsd_fdflags_flagset;  /* "fdflags": FD_CLOEXEC */
extern const struct xeno_flagset bsd_locktype_flagset; /* "locktype": F_RDLCK, F_UNLCK, F_WRLCK */
extern const struct xeno_flagset bsd_fadvise_flagset;  /* "fadvise": POSIX_FADV_* */
/* "whence": the shared values alone, NetBSD's and OpenBSD's whole set */
extern const struct xeno_flagset bsd_whence_flagset;

/* struct flock (NetBSD's; FreeBSD's __oflock, and the start of its flock) */
struct bsd_flock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;
};
_Static_assert(sizeof(struct bsd_flock) == 24, "struct flock");
_Static_assert(offsetof(struct bsd_flock, l_type) == 20, "flock l_type");

/* struct flock, both ways: 0 or -EINVAL for a lock type or whence the other
 * side does not have (whence: the OS's "whence" set). */
int bsd_flock_to_host(const struct xeno_flagset *whence, const struct bsd_flock *f,
		      struct flock *host);
int bsd_flock_from_host(const struct xeno_flagset *whence, const struct flock *host,
			struct bsd_flock *f);
/* The same with bsd_whence_flagset, in the form a personality's record
 * takes (NetBSD's and OpenBSD's struct flock). */
int bsd_flock_shared_whence_to_host(const void *foreign, struct flock *host);
int bsd_flock_shared_whence_from_host(const struct flock *host, void *foreign);
/* A lock's type and whence through an OS's sets (types: its "locktype"),
 * both ways: 0, or -EINVAL for a value the other side does not have.  The
 * part of a struct flock every layout shares; the rest is the layout's. */
int bsd_lock_kind_to_host(const struct xeno_flagset *types, const struct xeno_flagset *whence,
			  int16_t type, int16_t wh, short *host_type, short *host_whence);
int bsd_lock_kind_from_host(const struct xeno_flagset *types, const struct xeno_flagset *whence,
			    const struct flock *host, int16_t *type, int16_t *wh);

/* The two times of utimensat/futimens (in[0], in[1]: struct timespec as
 * the BSDs and Linux lay it out) with the OS's UTIME_NOW and UTIME_OMIT
 * values made Linux's: 0, or -EINVAL for a tv_nsec out of range that is
 * neither. */
int bsd_utimens_to_host(int64_t utime_now, int64_t utime_omit, const void *in,
			struct timespec *out);
int bsd_utimens_from_host(int64_t utime_now, int64_t utime_omit, const struct timespec *in,
			  void *out);

#endif
