/*
 * NetBSD open(2), fcntl(2) and *at() facts (sys/sys/fcntl.h rev 1.46):
 * NetBSD's own open flags and fcntl commands; the rest is the 4.4BSD
 * family's (abi/bsd/fcntl.h).
 */
#ifndef XENO_ABI_NETBSD_FCNTL_H
#define XENO_ABI_NETBSD_FCNTL_H

#include "abi/bsd/fcntl.h"
#include "core/xlat.h"

enum {
	NETBSD_O_DSYNC = 0x00010000,
	NETBSD_O_RSYNC = 0x00020000,
	NETBSD_O_ALT_IO = 0x00040000,
	NETBSD_O_DIRECT = 0x00080000,
	NETBSD_O_DIRECTORY = 0x00200000,
	NETBSD_O_CLOEXEC = 0x00400000,
	NETBSD_O_SEARCH = 0x00800000,
	NETBSD_O_NOSIGPIPE = 0x01000000,
};

/* sys/sys/fcntl.h FCNTLFLAGS: what F_SETFL may change (FAPPEND, FASYNC,
 * FFSYNC, FNONBLOCK, FDSYNC, FRSYNC, FALTIO, FDIRECT, FNOSIGPIPE) */
#define NETBSD_FCNTLFLAGS                                                                          \
	(0x0008 | 0x0040 | 0x0080 | 0x0004 | NETBSD_O_DSYNC | NETBSD_O_RSYNC | NETBSD_O_ALT_IO |   \
	 NETBSD_O_DIRECT | NETBSD_O_NOSIGPIPE)

/* sys/sys/fcntl.h: fcntl commands */
enum {
	NETBSD_F_CLOSEM = 10,
	NETBSD_F_DUPFD_CLOEXEC = 12,
};

/* sys/sys/stat.h: the special tv_nsec values of utimensat/futimens, which
 * are Linux's too */
#define NETBSD_UTIME_NOW  ((1L << 30) - 1)
#define NETBSD_UTIME_OMIT ((1L << 30) - 2)

extern const struct xeno_flagset netbsd_open_flagset;	  /* "open" */
extern const struct xeno_flagset netbsd_at_flagset;	  /* "at" */
extern const struct xeno_flagset netbsd_fcntlcmd_flagset; /* "fcntlcmd" */

#endif
