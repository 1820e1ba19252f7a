/* FreeBSD <-> Linux open, *at(), fcntl and lock values (abi/freebsd/fcntl.h). */
#include "abi/freebsd/fcntl.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <unistd.h>

#include "abi/bsd/abi.h"

/* Order matters where host masks overlap: O_SYNC (which contains Linux's
 * O_DSYNC bit) comes before O_DSYNC so that a host O_SYNC reads back as one
 * flag. */
static const struct xeno_flag open_flags[] = {
    XENO_FIELD("O_RDONLY", FREEBSD_O_ACCMODE, FREEBSD_O_RDONLY, O_ACCMODE, O_RDONLY),
    XENO_FIELD("O_WRONLY", FREEBSD_O_ACCMODE, FREEBSD_O_WRONLY, O_ACCMODE, O_WRONLY),
    XENO_FIELD("O_RDWR", FREEBSD_O_ACCMODE, FREEBSD_O_RDWR, O_ACCMODE, O_RDWR),
    XENO_FLAG("O_NONBLOCK", FREEBSD_O_NONBLOCK, O_NONBLOCK),
    XENO_FLAG("O_APPEND", FREEBSD_O_APPEND, O_APPEND),
    XENO_FLAG("O_SHLOCK", FREEBSD_O_SHLOCK, BSD_O_SHLOCK),
    XENO_FLAG("O_EXLOCK", FREEBSD_O_EXLOCK, BSD_O_EXLOCK),
    XENO_FLAG("O_ASYNC", FREEBSD_O_ASYNC, O_ASYNC),
    XENO_FLAG("O_SYNC", FREEBSD_O_SYNC, O_SYNC),
    XENO_FLAG("O_NOFOLLOW", FREEBSD_O_NOFOLLOW, O_NOFOLLOW),
    XENO_FLAG("O_CREAT", FREEBSD_O_CREAT, O_CREAT),
    XENO_FLAG("O_TRUNC", FREEBSD_O_TRUNC, O_TRUNC),
    XENO_FLAG("O_EXCL", FREEBSD_O_EXCL, O_EXCL),
    XENO_FLAG("O_NOCTTY", FREEBSD_O_NOCTTY, O_NOCTTY),
    XENO_FLAG("O_DIRECT", FREEBSD_O_DIRECT, O_DIRECT),
    XENO_FLAG("O_DIRECTORY", FREEBSD_O_DIRECTORY, O_DIRECTORY),
    XENO_FLAG("O_EXEC", FREEBSD_O_EXEC, BSD_O_EXEC),
    /* "reserved for future use" by FreeBSD; a Linux tty is set up anyway */
    XENO_FLAG_FOREIGN("O_TTY_INIT", FREEBSD_O_TTY_INIT),
    XENO_FLAG("O_CLOEXEC", FREEBSD_O_CLOEXEC, O_CLOEXEC),
    /* asks mac_veriexec to check the file; without it, a no-op */
    XENO_FLAG_FOREIGN("O_VERIFY", FREEBSD_O_VERIFY),
    XENO_FLAG("O_PATH", FREEBSD_O_PATH, O_PATH),
    XENO_FLAG("O_RESOLVE_BENEATH", FREEBSD_O_RESOLVE_BENEATH, BSD_O_BENEATH),
    XENO_FLAG("O_DSYNC", FREEBSD_O_DSYNC, O_DSYNC),
    XENO_FLAG("O_EMPTY_PATH", FREEBSD_O_EMPTY_PATH, BSD_O_EMPTY_PATH),
};
const struct xeno_flagset freebsd_open_flagset = XENO_FLAGSET("open", open_flags, 0);

/* Linux's AT_REMOVEDIR is AT_EACCESS's bit: the pseudo bit keeps them apart
 * until unlinkat knows which it means. */
static const struct xeno_flag at_flags[] = {
    XENO_FLAG("AT_EACCESS", FREEBSD_AT_EACCESS, AT_EACCESS),
    XENO_FLAG("AT_SYMLINK_NOFOLLOW", FREEBSD_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW),
    XENO_FLAG("AT_SYMLINK_FOLLOW", FREEBSD_AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW),
    XENO_FLAG("AT_REMOVEDIR", FREEBSD_AT_REMOVEDIR, BSD_AT_REMOVEDIR),
    XENO_FLAG("AT_RESOLVE_BENEATH", FREEBSD_AT_RESOLVE_BENEATH, BSD_AT_BENEATH),
    XENO_FLAG("AT_EMPTY_PATH", FREEBSD_AT_EMPTY_PATH, AT_EMPTY_PATH),
};
const struct xeno_flagset freebsd_at_flagset = XENO_FLAGSET("at", at_flags, 0);

static const struct xeno_flag access_flags[] = {
    XENO_FIELD("F_OK", FREEBSD_X_OK | FREEBSD_W_OK | FREEBSD_R_OK, FREEBSD_F_OK, X_OK | W_OK | R_OK,
	       F_OK),
    XENO_FLAG("R_OK", FREEBSD_R_OK, R_OK),
    XENO_FLAG("W_OK", FREEBSD_W_OK, W_OK),
    XENO_FLAG("X_OK", FREEBSD_X_OK, X_OK),
};
const struct xeno_flagset freebsd_access_flagset = XENO_FLAGSET("access", access_flags, 0);

static const struct xeno_flag whence_values[] = {
    XENO_ENUM("SEEK_SET", FREEBSD_SEEK_SET, SEEK_SET),
    XENO_ENUM("SEEK_CUR", FREEBSD_SEEK_CUR, SEEK_CUR),
    XENO_ENUM("SEEK_END", FREEBSD_SEEK_END, SEEK_END),
    XENO_ENUM("SEEK_DATA", FREEBSD_SEEK_DATA, SEEK_DATA),
    XENO_ENUM("SEEK_HOLE", FREEBSD_SEEK_HOLE, SEEK_HOLE),
};
const struct xeno_flagset freebsd_whence_flagset = XENO_FLAGSET("whence", whence_values, 1);

static const struct xeno_flag fcntl_cmds[] = {
    XENO_ENUM("F_DUPFD", FREEBSD_F_DUPFD, F_DUPFD),
    XENO_ENUM("F_GETFD", FREEBSD_F_GETFD, F_GETFD),
    XENO_ENUM("F_SETFD", FREEBSD_F_SETFD, F_SETFD),
    XENO_ENUM("F_GETFL", FREEBSD_F_GETFL, F_GETFL),
    XENO_ENUM("F_SETFL", FREEBSD_F_SETFL, F_SETFL),
    XENO_ENUM("F_GETOWN", FREEBSD_F_GETOWN, F_GETOWN),
    XENO_ENUM("F_SETOWN", FREEBSD_F_SETOWN, F_SETOWN),
    XENO_ENUM("F_OGETLK", FREEBSD_F_OGETLK, BSD_F_OGETLK),
    XENO_ENUM("F_OSETLK", FREEBSD_F_OSETLK, BSD_F_OSETLK),
    XENO_ENUM("F_OSETLKW", FREEBSD_F_OSETLKW, BSD_F_OSETLKW),
    XENO_ENUM("F_DUP2FD", FREEBSD_F_DUP2FD, BSD_F_DUP2FD),
    XENO_ENUM("F_GETLK", FREEBSD_F_GETLK, F_GETLK),
    XENO_ENUM("F_SETLK", FREEBSD_F_SETLK, F_SETLK),
    XENO_ENUM("F_SETLKW", FREEBSD_F_SETLKW, F_SETLKW),
    XENO_ENUM("F_SETLK_REMOTE", FREEBSD_F_SETLK_REMOTE, BSD_F_SETLK_REMOTE),
    XENO_ENUM("F_READAHEAD", FREEBSD_F_READAHEAD, BSD_F_READAHEAD),
    XENO_ENUM("F_RDAHEAD", FREEBSD_F_RDAHEAD, BSD_F_RDAHEAD),
    XENO_ENUM("F_DUPFD_CLOEXEC", FREEBSD_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC),
    XENO_ENUM("F_DUP2FD_CLOEXEC", FREEBSD_F_DUP2FD_CLOEXEC, BSD_F_DUP2FD_CLOEXEC),
    XENO_ENUM("F_ADD_SEALS", FREEBSD_F_ADD_SEALS, F_ADD_SEALS),
    XENO_ENUM("F_GET_SEALS", FREEBSD_F_GET_SEALS, F_GET_SEALS),
    XENO_ENUM("F_ISUNIONSTACK", FREEBSD_F_ISUNIONSTACK, BSD_F_ISUNIONSTACK),
    XENO_ENUM("F_KINFO", FREEBSD_F_KINFO, BSD_F_KINFO),
};
const struct xeno_flagset freebsd_fcntlcmd_flagset = XENO_FLAGSET("fcntlcmd", fcntl_cmds, 1);

static const struct xeno_flag fd_flags[] = {
    XENO_FLAG("FD_CLOEXEC", FREEBSD_FD_CLOEXEC, FD_CLOEXEC),
};
const struct xeno_flagset freebsd_fdflags_flagset = XENO_FLAGSET("fdflags", fd_flags, 0);

static const struct xeno_flag seal_flags[] = {
    XENO_FLAG("F_SEAL_SEAL", FREEBSD_F_SEAL_SEAL, F_SEAL_SEAL),
    XENO_FLAG("F_SEAL_SHRINK", FREEBSD_F_SEAL_SHRINK, F_SEAL_SHRINK),
    XENO_FLAG("F_SEAL_GROW", FREEBSD_F_SEAL_GROW, F_SEAL_GROW),
    XENO_FLAG("F_SEAL_WRITE", FREEBSD_F_SEAL_WRITE, F_SEAL_WRITE),
};
const struct xeno_flagset freebsd_seals_flagset = XENO_FLAGSET("seals", seal_flags, 0);

/* F_UNLCKSYS and F_CANCEL belong to the NFS lock daemon: not listed, so
 * they are EINVAL as for any unprivileged FreeBSD caller. */
static const struct xeno_flag lock_types[] = {
    XENO_ENUM("F_RDLCK", FREEBSD_F_RDLCK, F_RDLCK),
    XENO_ENUM("F_UNLCK", FREEBSD_F_UNLCK, F_UNLCK),
    XENO_ENUM("F_WRLCK", FREEBSD_F_WRLCK, F_WRLCK),
};
const struct xeno_flagset freebsd_locktype_flagset = XENO_FLAGSET("locktype", lock_types, 1);

static const struct xeno_flag fadvise_values[] = {
    XENO_ENUM("POSIX_FADV_NORMAL", FREEBSD_POSIX_FADV_NORMAL, POSIX_FADV_NORMAL),
    XENO_ENUM("POSIX_FADV_RANDOM", FREEBSD_POSIX_FADV_RANDOM, POSIX_FADV_RANDOM),
    XENO_ENUM("POSIX_FADV_SEQUENTIAL", FREEBSD_POSIX_FADV_SEQUENTIAL, POSIX_FADV_SEQUENTIAL),
    XENO_ENUM("POSIX_FADV_WILLNEED", FREEBSD_POSIX_FADV_WILLNEED, POSIX_FADV_WILLNEED),
    XENO_ENUM("POSIX_FADV_DONTNEED", FREEBSD_POSIX_FADV_DONTNEED, POSIX_FADV_DONTNEED),
    XENO_ENUM("POSIX_FADV_NOREUSE", FREEBSD_POSIX_FADV_NOREUSE, POSIX_FADV_NOREUSE),
};
const struct xeno_flagset freebsd_fadvise_flagset = XENO_FLAGSET("fadvise", fadvise_values, 1);

static const struct xeno_flag close_range_flags[] = {
    XENO_FLAG("CLOSE_RANGE_CLOEXEC", FREEBSD_CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_CLOEXEC),
};
const struct xeno_flagset freebsd_closerange_flagset =
    XENO_FLAGSET("closerange", close_range_flags, 0);

int freebsd_flock_to_host(const void *foreign, struct flock *host)
{
	const struct freebsd_flock *f = foreign;
	uint64_t type, whence;
	if (xeno_flags_to_host(&freebsd_locktype_flagset, (uint16_t)f->l_type, &type) < 0 ||
	    xeno_flags_to_host(&freebsd_whence_flagset, (uint16_t)f->l_whence, &whence) < 0)
		return -EINVAL;
	*host = (struct flock){
	    .l_type = (short)type,
	    .l_whence = (short)whence,
	    .l_start = f->l_start,
	    .l_len = f->l_len,
	    .l_pid = f->l_pid,
	};
	return 0;
}

int freebsd_flock_from_host(const struct flock *host, void *foreign)
{
	struct freebsd_flock *f = foreign;
	uint64_t type, whence;
	if (xeno_flags_from_host(&freebsd_locktype_flagset, (uint16_t)host->l_type, &type) < 0 ||
	    xeno_flags_from_host(&freebsd_whence_flagset, (uint16_t)host->l_whence, &whence) < 0)
		return -EINVAL;
	*f = (struct freebsd_flock){
	    .l_start = host->l_start,
	    .l_len = host->l_len,
	    .l_pid = host->l_pid,
	    .l_type = (int16_t)type,
	    .l_whence = (int16_t)whence,
	    .l_sysid = 0, /* a local lock */
	};
	return 0;
}
