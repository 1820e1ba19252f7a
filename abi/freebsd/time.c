/* FreeBSD clock ids onto Linux clocks (sys/sys/_clock_id.h). */
#include "abi/freebsd/time.h"

#include "abi/bsd/time.h"

#include <errno.h>
#include <time.h>

#define C(name, host)	XENO_ENUM(#name, FREEBSD_##name, host)
#define C_FOREIGN(name) XENO_ENUM_FOREIGN(#name, FREEBSD_##name)

/* Host twins for the tracer and the plain cases; the foreign-only ones are
 * computed by the handlers (see freebsd_clock_to_host). */
static const struct xeno_flag clock_ids[] = {
    C(CLOCK_REALTIME, CLOCK_REALTIME),
    C_FOREIGN(CLOCK_VIRTUAL),
    C_FOREIGN(CLOCK_PROF),
    C(CLOCK_MONOTONIC, CLOCK_MONOTONIC),
    C(CLOCK_UPTIME, CLOCK_MONOTONIC),
    C(CLOCK_UPTIME_PRECISE, CLOCK_MONOTONIC),
    C(CLOCK_UPTIME_FAST, CLOCK_MONOTONIC_COARSE),
    C(CLOCK_REALTIME_PRECISE, CLOCK_REALTIME),
    C(CLOCK_REALTIME_FAST, CLOCK_REALTIME_COARSE),
    C(CLOCK_MONOTONIC_PRECISE, CLOCK_MONOTONIC),
    C(CLOCK_MONOTONIC_FAST, CLOCK_MONOTONIC_COARSE),
    C_FOREIGN(CLOCK_SECOND),
    C(CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID),
    C(CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID),
};
const struct xeno_flagset freebsd_clock_ids = XENO_FLAGSET("clockid", clock_ids, 1);

static const struct bsd_clock_ids special = {
    FREEBSD_CLOCK_VIRTUAL,
    FREEBSD_CLOCK_PROF,
    FREEBSD_CLOCK_SECOND,
    FREEBSD_CLOCK_PROCESS_CPUTIME_ID,
    FREEBSD_CLOCK_THREAD_CPUTIME_ID,
};

int freebsd_clock_to_host(int clock_id, struct bsd_clock *c)
{
	return bsd_clock_to_host(&freebsd_clock_ids, &special, clock_id, c);
}
