/*
 * The per-OS facts the shared BSD system call handlers (syscalls/bsd/) are
 * parameterised by.  Each BSD personality fills one struct bsd_abi from its
 * abi/<os>/ tables; handlers reach it as t->os->bsd.
 *
 * Flag sets are struct xeno_flagset (core/xlat.h): one table serves both
 * translation directions and the tracer.
 */
#ifndef XENO_ABI_BSD_ABI_H
#define XENO_ABI_BSD_ABI_H

#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct flock;
struct termios2;
struct timespec;

/*
 * Pseudo host values.  A BSD flag Linux has no twin for, but which the shared
 * handlers must act on (take a lock after open, resolve beneath a directory),
 * translates into one of these bits above bit 39 of the 64-bit host word:
 * no Linux flag word reaches that high, so a handler can test for the bit and
 * must strip it (BSD_PSEUDO_MASK) before the word goes to the kernel.  The
 * per-OS tables decide which foreign flag becomes which pseudo bit.
 */
#define BSD_PSEUDO(n)	(1ULL << (40 + (n)))
#define BSD_PSEUDO_MASK (~0ULL << 40)
/* open(2) */
#define BSD_O_SHLOCK	 BSD_PSEUDO(0) /* flock(LOCK_SH) once open */
#define BSD_O_EXLOCK	 BSD_PSEUDO(1) /* flock(LOCK_EX) once open */
#define BSD_O_EXEC	 BSD_PSEUDO(2) /* open for execute (or search) only */
#define BSD_O_BENEATH	 BSD_PSEUDO(3) /* resolve beneath the directory fd */
#define BSD_O_EMPTY_PATH BSD_PSEUDO(4) /* an empty path reopens the fd */
/* the *at() calls */
#define BSD_AT_BENEATH	 BSD_PSEUDO(5) /* resolve beneath the directory fd */
#define BSD_AT_REMOVEDIR BSD_PSEUDO(6) /* Linux's bit doubles as AT_EACCESS */
/* fcntl(2) commands Linux lacks (enum values, far above Linux's) */
#define BSD_F_DUP2FD	     BSD_PSEUDO(0)
#define BSD_F_DUP2FD_CLOEXEC BSD_PSEUDO(1)
#define BSD_F_OGETLK	     BSD_PSEUDO(2) /* lock calls on the old flock */
#define BSD_F_OSETLK	     BSD_PSEUDO(3)
#define BSD_F_OSETLKW	     BSD_PSEUDO(4)
#define BSD_F_READAHEAD	     BSD_PSEUDO(5) /* read-ahead hints: accepted */
#define BSD_F_RDAHEAD	     BSD_PSEUDO(6)
#define BSD_F_ISUNIONSTACK   BSD_PSEUDO(7) /* libc's opendir asks: never */
#define BSD_F_KINFO	     BSD_PSEUDO(8)
#define BSD_F_SETLK_REMOTE   BSD_PSEUDO(9)

/* One directory entry as the host reported it, handed to a per-OS packer
 * (getdirentries); name holds namlen bytes, not necessarily NUL-ended. */
struct bsd_dirent {
	uint64_t ino;
	int64_t off;  /* where the next entry starts */
	uint8_t type; /* host DT_* */
	uint16_t namlen;
	const char *name;
};
/* Writes e as a foreign record at dst: its length, 0 if it does not fit in
 * room bytes, or -EINVAL if it cannot be represented at all. */
typedef long (*bsd_dirent_packer)(const struct bsd_dirent *e, void *dst, size_t room);

struct bsd_abi {
	/* ---- files: fcntl.h, stat.h, dirent.h, ioctl (syscalls/bsd/fs*.c) ---- */
	int at_fdcwd;				/* AT_FDCWD */
	size_t path_max;			/* PATH_MAX, the NUL included */
	const struct xeno_flagset *open_flags;	/* O_*: open(2), F_GETFL/F_SETFL */
	uint32_t setfl_mask;			/* the O_* bits F_SETFL may change */
	const struct xeno_flagset *at_flags;	/* AT_* */
	const struct xeno_flagset *access_mode; /* F_OK, R_OK, W_OK, X_OK */
	const struct xeno_flagset *whence;	/* SEEK_* */
	const struct xeno_flagset *fcntl_cmds;	/* F_* commands, an enum */
	const struct xeno_flagset *fd_flags;	/* FD_CLOEXEC */
	const struct xeno_flagset *seals;	/* F_SEAL_* */
	const struct xeno_flagset *fadvise;	/* POSIX_FADV_*, an enum */
	const struct xeno_flagset *close_range; /* CLOSE_RANGE_* */
	const struct xeno_flagset *ioctl_cmds;	/* ioctl commands, an enum */
	/* open(O_NOFOLLOW) of a symbolic link: the host errno that stands for
	 * the foreign one (FreeBSD EMLINK, where Linux says ELOOP). */
	int nofollow_symlink_errno;
	/* posix_fallocate and posix_fadvise return the (foreign) error number
	 * as their result instead of failing with it. */
	int posix_calls_return_errno;
	/* struct flock, and the older one without l_sysid (F_O*LK) */
	size_t flock_size, oflock_size;
	int (*flock_to_host)(const void *foreign, struct flock *host);
	int (*flock_from_host)(const struct flock *host, void *foreign);
	/* struct termios; to_host merges into *host, which holds the current
	 * host state so that what the foreign side cannot say is kept. */
	size_t termios_size;
	int (*termios_to_host)(const void *foreign, struct termios2 *host);
	int (*termios_from_host)(const struct termios2 *host, void *foreign);
	/* the two timespecs of utimensat/futimens (UTIME_NOW, UTIME_OMIT) */
	size_t utimens_size;
	int (*utimens_to_host)(const void *foreign, struct timespec *host);

	/* ---- memory: mman.h (syscalls/bsd/mm.c) ---- */

	/* ---- processes, resources, time (syscalls/bsd/proc.c, process.c, time.c) ---- */
	const struct xeno_flagset *wait_options; /* wait4's options */
	int wait_continued_status;               /* the status word of a continued child */
};

#endif
