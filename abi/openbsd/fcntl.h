/*
 * OpenBSD open(2), fcntl(2) and *at() facts (sys/sys/fcntl.h, as OpenBSD
 * 7 has it; Go's syscall/zerrors_openbsd_amd64.go lists the same values):
 * the low open flags are the 4.4BSD family's (abi/bsd/fcntl.h); O_CLOEXEC,
 * O_DIRECTORY, the *at() flags and F_DUPFD_CLOEXEC are OpenBSD's own.
 */
#ifndef XENO_ABI_OPENBSD_FCNTL_H
#define XENO_ABI_OPENBSD_FCNTL_H

#include "abi/bsd/fcntl.h"
#include "core/xlat.h"

enum {
	OPENBSD_O_CLOEXEC = 0x10000,
	OPENBSD_O_DIRECTORY = 0x20000,
};

/* FCNTLFLAGS: FAPPEND, FASYNC, FFSYNC, FNONBLOCK */
#define OPENBSD_FCNTLFLAGS (0x0008 | 0x0040 | 0x0080 | 0x0004)

enum {
	OPENBSD_AT_EACCESS = 0x01,
	OPENBSD_AT_SYMLINK_NOFOLLOW = 0x02,
	OPENBSD_AT_SYMLINK_FOLLOW = 0x04,
	OPENBSD_AT_REMOVEDIR = 0x08,
};

enum {
	OPENBSD_F_DUPFD_CLOEXEC = 10,
	OPENBSD_F_ISATTY = 11,
};

/* sys/sys/stat.h: utimensat's special tv_nsec values, the other way round
 * from Linux's */
#define OPENBSD_UTIME_NOW  (-2L)
#define OPENBSD_UTIME_OMIT (-1L)

extern const struct xeno_flagset openbsd_open_flagset;	   /* "open" */
extern const struct xeno_flagset openbsd_at_flagset;	   /* "at" */
extern const struct xeno_flagset openbsd_fcntlcmd_flagset; /* "fcntlcmd" */

#endif
