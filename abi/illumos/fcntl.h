/*
 * illumos open, *at(), fcntl and lock values (usr/src/uts/common/sys/
 * fcntl.h, sys/fcntl.h's AT_*, usr/src/uts/common/sys/unistd.h's access
 * modes and SEEK_*), and struct flock (LP64: l_type, l_whence, l_start,
 * l_len, l_sysid, l_pid, l_pad[4]).
 */
#ifndef XENO_ABI_ILLUMOS_FCNTL_H
#define XENO_ABI_ILLUMOS_FCNTL_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/fcntl.h"
#include "core/xlat.h"

struct flock;

#define ILLUMOS_O_RDONLY    0x0
#define ILLUMOS_O_WRONLY    0x1
#define ILLUMOS_O_RDWR	    0x2
#define ILLUMOS_O_NDELAY    0x4
#define ILLUMOS_O_APPEND    0x8
#define ILLUMOS_O_SYNC	    0x10
#define ILLUMOS_O_DSYNC	    0x40
#define ILLUMOS_O_NONBLOCK  0x80
#define ILLUMOS_O_CREAT	    0x100
#define ILLUMOS_O_TRUNC	    0x200
#define ILLUMOS_O_EXCL	    0x400
#define ILLUMOS_O_NOCTTY    0x800
#define ILLUMOS_O_LARGEFILE 0x2000
#define ILLUMOS_O_RSYNC	    0x8000
#define ILLUMOS_O_NOFOLLOW  0x20000
#define ILLUMOS_O_SEARCH    0x200000
#define ILLUMOS_O_EXEC	    0x400000
#define ILLUMOS_O_CLOEXEC   0x800000
#define ILLUMOS_O_DIRECTORY 0x1000000
#define ILLUMOS_O_DIRECT    0x2000000
#define ILLUMOS_O_ACCMODE   0x600003 /* O_RDONLY..O_RDWR, O_SEARCH, O_EXEC */

/* AT_FDCWD is 0xffd19553 as an int */
#define ILLUMOS_AT_FDCWD	    ((int)0xffd19553)
#define ILLUMOS_AT_REMOVEDIR	    0x1
#define ILLUMOS_AT_EACCESS	    0x4
#define ILLUMOS_AT_SYMLINK_NOFOLLOW 0x1000
#define ILLUMOS_AT_SYMLINK_FOLLOW   0x2000

#define ILLUMOS_F_DUPFD		 0
#define ILLUMOS_F_GETFD		 1
#define ILLUMOS_F_SETFD		 2
#define ILLUMOS_F_GETFL		 3
#define ILLUMOS_F_SETFL		 4
#define ILLUMOS_F_SETLK		 6
#define ILLUMOS_F_SETLKW	 7
#define ILLUMOS_F_DUP2FD	 9
#define ILLUMOS_F_GETLK		 14
#define ILLUMOS_F_GETOWN	 23
#define ILLUMOS_F_SETOWN	 24
#define ILLUMOS_F_DUP2FD_CLOEXEC 36
#define ILLUMOS_F_DUPFD_CLOEXEC	 37
#define ILLUMOS_FD_CLOEXEC	 1

#define ILLUMOS_F_RDLCK 1
#define ILLUMOS_F_WRLCK 2
#define ILLUMOS_F_UNLCK 3

struct illumos_flock {
	int16_t l_type;
	int16_t l_whence;
	uint32_t pad_;
	int64_t l_start;
	int64_t l_len;
	int32_t l_sysid;
	int32_t l_pid;
	int64_t l_pad[4];
};
_Static_assert(sizeof(struct illumos_flock) == 64, "struct flock");
_Static_assert(offsetof(struct illumos_flock, l_sysid) == 24, "flock l_sysid");

/* access(2)'s modes and FD_CLOEXEC are the BSDs' (bsd_access_flagset,
 * bsd_fdflags_flagset). */
extern const struct xeno_flagset illumos_open_flagset, illumos_at_flagset, illumos_whence_flagset,
    illumos_fcntlcmd_flagset, illumos_locktype_flagset;

int illumos_flock_to_host(const void *foreign, struct flock *host);
int illumos_flock_from_host(const struct flock *host, void *foreign);

#endif
