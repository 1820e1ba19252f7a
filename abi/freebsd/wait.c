/* FreeBSD wait options and id types (sys/sys/wait.h) as Linux's. */
#include "abi/freebsd/wait.h"

#include <sys/wait.h>

#include "abi/bsd/wait.h"

static const struct xeno_flag options[] = {
    BSD_WAIT_OPTIONS_SHARED,
    XENO_FLAG("WCONTINUED", 0x4, WCONTINUED),
    XENO_FLAG("WNOWAIT", 0x8, WNOWAIT),
    XENO_FLAG("WEXITED", 0x10, WEXITED),
    XENO_FLAG_FOREIGN("WTRAPPED", 0x20), /* no tracing here: never reported */
    XENO_FLAG("WLINUXCLONE", 0x80000000u, __WCLONE),
};
const struct xeno_flagset freebsd_wait_options = XENO_FLAGSET("waitopt", options, 0);

static const struct xeno_flag idtypes[] = {
    XENO_ENUM("P_PID", 0, P_PID),
    XENO_ENUM("P_PGID", 2, P_PGID),
    XENO_ENUM("P_ALL", 7, P_ALL),
};
const struct xeno_flagset freebsd_idtypes = XENO_FLAGSET("idtype", idtypes, 1);
