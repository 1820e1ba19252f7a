/* The BSDs' getrandom flags onto Linux's (abi/bsd/random.h). */
#include "abi/bsd/random.h"

#include <sys/random.h>

static const struct xeno_flag getrandom_flags[] = {
    XENO_FLAG("GRND_NONBLOCK", 0x0001, GRND_NONBLOCK),
    XENO_FLAG_FOREIGN("GRND_RANDOM", 0x0002),
    XENO_FLAG("GRND_INSECURE", 0x0004, 0x0004 /* GRND_INSECURE, Linux 5.6 */),
};
const struct xeno_flagset bsd_getrandom_flags = XENO_FLAGSET("getrandom", getrandom_flags, 0);
