/* FreeBSD clock ids onto Linux clocks (sys/sys/_clock_id.h). */
#include "abi/freebsd/time.h"

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

int freebsd_clock_to_host(int clock_id, struct bsd_clock *c)
{
	const struct xeno_flag *e = xeno_enum_find(&freebsd_clock_ids, (unsigned)clock_id);
	if (!e)
		return -EINVAL;
	*c = (struct bsd_clock){.kind = BSD_CLOCK_HOST, .host_id = (int)e->hval};
	switch (clock_id) {
	case FREEBSD_CLOCK_VIRTUAL:
		*c = (struct bsd_clock){BSD_CLOCK_VIRTUAL, CLOCK_PROCESS_CPUTIME_ID, ENOTSUP};
		return 0;
	case FREEBSD_CLOCK_PROF:
		*c = (struct bsd_clock){BSD_CLOCK_PROF, CLOCK_PROCESS_CPUTIME_ID, ENOTSUP};
		return 0;
	case FREEBSD_CLOCK_SECOND:
		/* time_second: the realtime clock's whole seconds. */
		*c = (struct bsd_clock){BSD_CLOCK_SECOND, CLOCK_REALTIME_COARSE, 0};
		break;
	case FREEBSD_CLOCK_PROCESS_CPUTIME_ID:
		c->sleep_errno = ENOTSUP;
		return 0;
	case FREEBSD_CLOCK_THREAD_CPUTIME_ID:
		c->sleep_errno = EINVAL;
		return 0;
	}
	return 0;
}
