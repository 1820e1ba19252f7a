/* NetBSD wait options (sys/sys/wait.h rev 1.36) as Linux's. */
#include "abi/netbsd/wait.h"

#include <sys/wait.h>

#include "abi/bsd/wait.h"

/* WALTSIG is Linux's __WCLONE (NetBSD says so); WALLSIG __WALL. */
static const struct xeno_flag options[] = {
    BSD_WAIT_OPTIONS_SHARED,
    XENO_FLAG("WALTSIG", 0x4, __WCLONE),
    XENO_FLAG("WALLSIG", 0x8, __WALL),
    XENO_FLAG("WCONTINUED", 0x10, WCONTINUED),
    XENO_FLAG("WEXITED", 0x20, WEXITED),
    XENO_FLAG_FOREIGN("WTRAPPED", 0x40), /* no tracing here: never reported */
    XENO_FLAG("WNOWAIT", 0x10000, WNOWAIT),
    XENO_FLAG_FOREIGN("WNOZOMBIE", 0x20000),
};
const struct xeno_flagset netbsd_wait_options = XENO_FLAGSET("waitopt", options, 0);
