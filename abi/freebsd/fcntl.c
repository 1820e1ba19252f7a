/* FreeBSD <-> Linux open, *at(), fcntl and lock values (abi/freebsd/fcntl.h). */
#include "abi/freebsd/fcntl.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/fcntl.h"

/* Order matters where host masks overlap: O_SYNC (which contains Linux's
 * O_DSYNC bit, and is among the shared flags) comes before O_DSYNC so that
 * a host O_SYNC reads back as one flag. */
static const struct xeno_flag open_flags[] = {
    BSD_OPEN_FLAGS_SHARED,
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

static const struct xeno_flag at_flags[] = {
    BSD_AT_FLAGS_SHARED,
    XENO_FLAG("AT_RESOLVE_BENEATH", FREEBSD_AT_RESOLVE_BENEATH, BSD_AT_BENEATH),
    XENO_FLAG("AT_EMPTY_PATH", FREEBSD_AT_EMPTY_PATH, AT_EMPTY_PATH),
};
const struct xeno_flagset freebsd_at_flagset = XENO_FLAGSET("at", at_flags, 0);

static const struct xeno_flag whence_values[] = {
    BSD_WHENCE_SHARED,
    XENO_ENUM("SEEK_DATA", FREEBSD_SEEK_DATA, SEEK_DATA),
    XENO_ENUM("SEEK_HOLE", FREEBSD_SEEK_HOLE, SEEK_HOLE),
};
const struct xeno_flagset freebsd_whence_flagset = XENO_FLAGSET("whence", whence_values, 1);

_Static_assert(FREEBSD_F_DUPFD == 0 && FREEBSD_F_SETOWN == 6, "the shared fcntl commands");
static const struct xeno_flag fcntl_cmds[] = {
    BSD_FCNTL_CMDS_SHARED,
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

static const struct xeno_flag seal_flags[] = {
    XENO_FLAG("F_SEAL_SEAL", FREEBSD_F_SEAL_SEAL, F_SEAL_SEAL),
    XENO_FLAG("F_SEAL_SHRINK", FREEBSD_F_SEAL_SHRINK, F_SEAL_SHRINK),
    XENO_FLAG("F_SEAL_GROW", FREEBSD_F_SEAL_GROW, F_SEAL_GROW),
    XENO_FLAG("F_SEAL_WRITE", FREEBSD_F_SEAL_WRITE, F_SEAL_WRITE),
};
const struct xeno_flagset freebsd_seals_flagset = XENO_FLAGSET("seals", seal_flags, 0);

static const struct xeno_flag close_range_flags[] = {
    XENO_FLAG("CLOSE_RANGE_CLOEXEC", FREEBSD_CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_CLOEXEC),
};
const struct xeno_flagset freebsd_closerange_flagset =
    XENO_FLAGSET("closerange", close_range_flags, 0);

/* FreeBSD's struct flock is the shared one with l_sysid after it. */
int freebsd_flock_to_host(const void *foreign, struct flock *host)
{
	return bsd_flock_to_host(&freebsd_whence_flagset, foreign, host);
}

int freebsd_flock_from_host(const struct flock *host, void *foreign)
{
	struct freebsd_flock *f = foreign;
	f->l_sysid = 0; /* a local lock */
	f->pad_ = 0;
	return bsd_flock_from_host(&freebsd_whence_flagset, host, foreign);
}
