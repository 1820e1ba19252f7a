/* NetBSD <-> Linux open, *at(), fcntl and lock values (abi/netbsd/fcntl.h). */
#include "abi/netbsd/fcntl.h"

#include <fcntl.h>

#include "abi/bsd/abi.h"

/* O_RSYNC and O_ALT_IO ask for nothing Linux would do differently here;
 * O_NOSIGPIPE (no SIGPIPE from writes on this descriptor) has no Linux
 * twin: accepted, and SIGPIPE is raised as without it.  O_SEARCH opens for
 * search only, as FreeBSD's O_EXEC. */
static const struct xeno_flag open_flags[] = {
    BSD_OPEN_FLAGS_SHARED,
    XENO_FLAG("O_DSYNC", NETBSD_O_DSYNC, O_DSYNC),
    XENO_FLAG_FOREIGN("O_RSYNC", NETBSD_O_RSYNC),
    XENO_FLAG_FOREIGN("O_ALT_IO", NETBSD_O_ALT_IO),
    XENO_FLAG("O_DIRECT", NETBSD_O_DIRECT, O_DIRECT),
    XENO_FLAG("O_DIRECTORY", NETBSD_O_DIRECTORY, O_DIRECTORY),
    XENO_FLAG("O_CLOEXEC", NETBSD_O_CLOEXEC, O_CLOEXEC),
    XENO_FLAG("O_SEARCH", NETBSD_O_SEARCH, BSD_O_EXEC),
    XENO_FLAG_FOREIGN("O_NOSIGPIPE", NETBSD_O_NOSIGPIPE),
};
const struct xeno_flagset netbsd_open_flagset = XENO_FLAGSET("open", open_flags, 0);

static const struct xeno_flag at_flags[] = {BSD_AT_FLAGS_SHARED};
const struct xeno_flagset netbsd_at_flagset = XENO_FLAGSET("at", at_flags, 0);

/* F_CLOSEM closes every descriptor from the one given (as closefrom). */
static const struct xeno_flag fcntl_cmds[] = {
    BSD_FCNTL_CMDS_SHARED,
    BSD_FCNTL_LOCK_CMDS_44BSD,
    XENO_ENUM("F_CLOSEM", NETBSD_F_CLOSEM, BSD_F_CLOSEM),
    XENO_ENUM("F_DUPFD_CLOEXEC", NETBSD_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC),
};
const struct xeno_flagset netbsd_fcntlcmd_flagset = XENO_FLAGSET("fcntlcmd", fcntl_cmds, 1);
