/* The BSDs' clocks onto Linux's (abi/bsd/time.h). */
#include "abi/bsd/time.h"

#include <errno.h>
#include <time.h>

int bsd_clock_to_host(const struct xeno_flagset *ids, const struct bsd_clock_ids *special,
		      int clock_id, struct bsd_clock *c)
{
	const struct xeno_flag *e = xeno_enum_find(ids, (unsigned)clock_id);
	if (!e)
		return -EINVAL;
	*c = (struct bsd_clock){.kind = BSD_CLOCK_HOST, .host_id = (int)e->hval};
	if (clock_id == special->virtual_)
		*c = (struct bsd_clock){BSD_CLOCK_VIRTUAL, CLOCK_PROCESS_CPUTIME_ID, ENOTSUP};
	else if (clock_id == special->prof)
		*c = (struct bsd_clock){BSD_CLOCK_PROF, CLOCK_PROCESS_CPUTIME_ID, ENOTSUP};
	else if (clock_id == special->second) /* time_second: whole seconds */
		*c = (struct bsd_clock){BSD_CLOCK_SECOND, CLOCK_REALTIME_COARSE, 0};
	else if (clock_id == special->process_cputime)
		c->sleep_errno = ENOTSUP;
	else if (clock_id == special->thread_cputime)
		c->sleep_errno = EINVAL;
	return 0;
}
