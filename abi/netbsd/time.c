/* NetBSD clock ids onto Linux clocks (sys/sys/time.h). */
#include "abi/netbsd/time.h"

#include <time.h>

#include "abi/bsd/time.h"

#define C(name, host)	XENO_ENUM(#name, NETBSD_##name, host)
#define C_FOREIGN(name) XENO_ENUM_FOREIGN(#name, NETBSD_##name)

static const struct xeno_flag clock_ids[] = {
    C(CLOCK_REALTIME, CLOCK_REALTIME),
    C_FOREIGN(CLOCK_VIRTUAL),
    C_FOREIGN(CLOCK_PROF),
    C(CLOCK_MONOTONIC, CLOCK_MONOTONIC),
    C(CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID),
    C(CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID),
};
const struct xeno_flagset netbsd_clock_ids = XENO_FLAGSET("clockid", clock_ids, 1);

static const struct bsd_clock_ids special = {
    NETBSD_CLOCK_VIRTUAL,	    NETBSD_CLOCK_PROF, -1, NETBSD_CLOCK_PROCESS_CPUTIME_ID,
    NETBSD_CLOCK_THREAD_CPUTIME_ID,
};

int netbsd_clock_to_host(int clock_id, struct bsd_clock *c)
{
	return bsd_clock_to_host(&netbsd_clock_ids, &special, clock_id, c);
}
