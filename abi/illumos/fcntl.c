/* illumos <-> Linux open, *at(), fcntl and lock values (abi/illumos/fcntl.h). */
#include "abi/illumos/fcntl.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "abi/bsd/abi.h"

/* O_NDELAY is the old spelling of non-blocking I/O: listed after
 * O_NONBLOCK so that the way back names that.  O_LARGEFILE means nothing
 * on LP64; O_RSYNC is O_SYNC's reading side, which Linux folds into it. */
static const struct xeno_flag open_flags[] = {
    XENO_FIELD("O_RDONLY", 3, ILLUMOS_O_RDONLY, O_ACCMODE, O_RDONLY),
    XENO_FIELD("O_WRONLY", 3, ILLUMOS_O_WRONLY, O_ACCMODE, O_WRONLY),
    XENO_FIELD("O_RDWR", 3, ILLUMOS_O_RDWR, O_ACCMODE, O_RDWR),
    XENO_FLAG("O_NONBLOCK", ILLUMOS_O_NONBLOCK, O_NONBLOCK),
    XENO_FLAG("O_NDELAY", ILLUMOS_O_NDELAY, O_NONBLOCK),
    XENO_FLAG("O_APPEND", ILLUMOS_O_APPEND, O_APPEND),
    XENO_FLAG("O_SYNC", ILLUMOS_O_SYNC, O_SYNC),
    XENO_FLAG("O_DSYNC", ILLUMOS_O_DSYNC, O_DSYNC),
    XENO_FLAG("O_CREAT", ILLUMOS_O_CREAT, O_CREAT),
    XENO_FLAG("O_TRUNC", ILLUMOS_O_TRUNC, O_TRUNC),
    XENO_FLAG("O_EXCL", ILLUMOS_O_EXCL, O_EXCL),
    XENO_FLAG("O_NOCTTY", ILLUMOS_O_NOCTTY, O_NOCTTY),
    XENO_FLAG_FOREIGN("O_LARGEFILE", ILLUMOS_O_LARGEFILE),
    XENO_FLAG_FOREIGN("O_RSYNC", ILLUMOS_O_RSYNC),
    XENO_FLAG("O_NOFOLLOW", ILLUMOS_O_NOFOLLOW, O_NOFOLLOW),
    XENO_FLAG("O_SEARCH", ILLUMOS_O_SEARCH, BSD_O_EXEC),
    XENO_FLAG("O_EXEC", ILLUMOS_O_EXEC, BSD_O_EXEC),
    XENO_FLAG("O_CLOEXEC", ILLUMOS_O_CLOEXEC, O_CLOEXEC),
    XENO_FLAG("O_DIRECTORY", ILLUMOS_O_DIRECTORY, O_DIRECTORY),
    XENO_FLAG("O_DIRECT", ILLUMOS_O_DIRECT, O_DIRECT),
};
const struct xeno_flagset illumos_open_flagset = XENO_FLAGSET("open", open_flags, 0);

/* Linux's AT_REMOVEDIR is AT_EACCESS's bit: the pseudo bit keeps them apart
 * until unlinkat knows which it means. */
static const struct xeno_flag at_flags[] = {
    XENO_FLAG("AT_REMOVEDIR", ILLUMOS_AT_REMOVEDIR, BSD_AT_REMOVEDIR),
    XENO_FLAG("AT_EACCESS", ILLUMOS_AT_EACCESS, AT_EACCESS),
    XENO_FLAG("AT_SYMLINK_NOFOLLOW", ILLUMOS_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW),
    XENO_FLAG("AT_SYMLINK_FOLLOW", ILLUMOS_AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW),
};
const struct xeno_flagset illumos_at_flagset = XENO_FLAGSET("at", at_flags, 0);

_Static_assert(ILLUMOS_FD_CLOEXEC == 1, "FD_CLOEXEC: bsd_fdflags_flagset's");

static const struct xeno_flag whence_values[] = {
    BSD_WHENCE_SHARED,
    XENO_ENUM("SEEK_DATA", 3, SEEK_DATA),
    XENO_ENUM("SEEK_HOLE", 4, SEEK_HOLE),
};
const struct xeno_flagset illumos_whence_flagset = XENO_FLAGSET("whence", whence_values, 1);

static const struct xeno_flag fcntl_cmds[] = {
    XENO_ENUM("F_DUPFD", ILLUMOS_F_DUPFD, F_DUPFD),
    XENO_ENUM("F_GETFD", ILLUMOS_F_GETFD, F_GETFD),
    XENO_ENUM("F_SETFD", ILLUMOS_F_SETFD, F_SETFD),
    XENO_ENUM("F_GETFL", ILLUMOS_F_GETFL, F_GETFL),
    XENO_ENUM("F_SETFL", ILLUMOS_F_SETFL, F_SETFL),
    XENO_ENUM("F_SETLK", ILLUMOS_F_SETLK, F_SETLK),
    XENO_ENUM("F_SETLKW", ILLUMOS_F_SETLKW, F_SETLKW),
    XENO_ENUM("F_DUP2FD", ILLUMOS_F_DUP2FD, BSD_F_DUP2FD),
    XENO_ENUM("F_GETLK", ILLUMOS_F_GETLK, F_GETLK),
    XENO_ENUM("F_GETOWN", ILLUMOS_F_GETOWN, F_GETOWN),
    XENO_ENUM("F_SETOWN", ILLUMOS_F_SETOWN, F_SETOWN),
    XENO_ENUM("F_DUP2FD_CLOEXEC", ILLUMOS_F_DUP2FD_CLOEXEC, BSD_F_DUP2FD_CLOEXEC),
    XENO_ENUM("F_DUPFD_CLOEXEC", ILLUMOS_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC),
};
const struct xeno_flagset illumos_fcntlcmd_flagset = XENO_FLAGSET("fcntlcmd", fcntl_cmds, 1);

static const struct xeno_flag lock_types[] = {
    XENO_ENUM("F_RDLCK", ILLUMOS_F_RDLCK, F_RDLCK),
    XENO_ENUM("F_WRLCK", ILLUMOS_F_WRLCK, F_WRLCK),
    XENO_ENUM("F_UNLCK", ILLUMOS_F_UNLCK, F_UNLCK),
};
const struct xeno_flagset illumos_locktype_flagset = XENO_FLAGSET("locktype", lock_types, 1);

int illumos_flock_to_host(const void *foreign, struct flock *host)
{
	const struct illumos_flock *f = foreign;
	short type, whence;
	if (bsd_lock_kind_to_host(&illumos_locktype_flagset, &illumos_whence_flagset, f->l_type,
				  f->l_whence, &type, &whence) < 0)
		return -EINVAL;
	*host = (struct flock){
	    .l_type = type,
	    .l_whence = whence,
	    .l_start = f->l_start,
	    .l_len = f->l_len,
	    .l_pid = f->l_pid,
	};
	return 0;
}

int illumos_flock_from_host(const struct flock *host, void *foreign)
{
	struct illumos_flock *f = foreign;
	int16_t type, whence;
	if (bsd_lock_kind_from_host(&illumos_locktype_flagset, &illumos_whence_flagset, host, &type,
				    &whence) < 0)
		return -EINVAL;
	*f = (struct illumos_flock){
	    .l_type = type,
	    .l_whence = whence,
	    .l_start = host->l_start,
	    .l_len = host->l_len,
	    .l_pid = host->l_pid,
	};
	return 0;
}
