/* FreeBSD getrandom flags onto Linux's (sys/sys/random.h). */
#include "abi/freebsd/random.h"

#include <sys/random.h>

static const struct xeno_flag getrandom_flags[] = {
    XENO_FLAG("GRND_NONBLOCK", FREEBSD_GRND_NONBLOCK, GRND_NONBLOCK),
    XENO_FLAG_FOREIGN("GRND_RANDOM", FREEBSD_GRND_RANDOM),
    XENO_FLAG("GRND_INSECURE", FREEBSD_GRND_INSECURE, 0x0004 /* GRND_INSECURE, Linux 5.6 */),
};
const struct xeno_flagset freebsd_getrandom_flags = XENO_FLAGSET("getrandom", getrandom_flags, 0);
