/* OpenBSD <-> Linux open, *at(), fcntl and lock values (abi/openbsd/fcntl.h).
 * struct flock is the 4.4BSD one (sys/sys/fcntl.h: l_start, l_len, l_pid,
 * l_type, l_whence). */
#include "abi/openbsd/fcntl.h"

#include <fcntl.h>

#include "abi/bsd/abi.h"

static const struct xeno_flag open_flags[] = {
    BSD_OPEN_FLAGS_SHARED,
    XENO_FLAG("O_CLOEXEC", OPENBSD_O_CLOEXEC, O_CLOEXEC),
    XENO_FLAG("O_DIRECTORY", OPENBSD_O_DIRECTORY, O_DIRECTORY),
};
const struct xeno_flagset openbsd_open_flagset = XENO_FLAGSET("open", open_flags, 0);

static const struct xeno_flag at_flags[] = {
    XENO_FLAG("AT_EACCESS", OPENBSD_AT_EACCESS, AT_EACCESS),
    XENO_FLAG("AT_SYMLINK_NOFOLLOW", OPENBSD_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW),
    XENO_FLAG("AT_SYMLINK_FOLLOW", OPENBSD_AT_SYMLINK_FOLLOW, AT_SYMLINK_FOLLOW),
    XENO_FLAG("AT_REMOVEDIR", OPENBSD_AT_REMOVEDIR, BSD_AT_REMOVEDIR),
};
const struct xeno_flagset openbsd_at_flagset = XENO_FLAGSET("at", at_flags, 0);

/* F_ISATTY (libc's isatty asks the kernel) is not answered: ENOSYS-free
 * EINVAL, as an unknown command. */
static const struct xeno_flag fcntl_cmds[] = {
    BSD_FCNTL_CMDS_SHARED,
    BSD_FCNTL_LOCK_CMDS_44BSD,
    XENO_ENUM("F_DUPFD_CLOEXEC", OPENBSD_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC),
};
const struct xeno_flagset openbsd_fcntlcmd_flagset = XENO_FLAGSET("fcntlcmd", fcntl_cmds, 1);
