/* illumos <-> Linux resource limits, usage and clocks (abi/illumos/resource.h). */
#include "abi/illumos/resource.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const struct xeno_flag rlimit_resources[] = {
    XENO_ENUM("RLIMIT_CPU", ILLUMOS_RLIMIT_CPU, RLIMIT_CPU),
    XENO_ENUM("RLIMIT_FSIZE", ILLUMOS_RLIMIT_FSIZE, RLIMIT_FSIZE),
    XENO_ENUM("RLIMIT_DATA", ILLUMOS_RLIMIT_DATA, RLIMIT_DATA),
    XENO_ENUM("RLIMIT_STACK", ILLUMOS_RLIMIT_STACK, RLIMIT_STACK),
    XENO_ENUM("RLIMIT_CORE", ILLUMOS_RLIMIT_CORE, RLIMIT_CORE),
    XENO_ENUM("RLIMIT_NOFILE", ILLUMOS_RLIMIT_NOFILE, RLIMIT_NOFILE),
    XENO_ENUM("RLIMIT_VMEM", ILLUMOS_RLIMIT_VMEM, RLIMIT_AS),
};
const struct xeno_flagset illumos_rlimit_resources = XENO_FLAGSET("rlimit", rlimit_resources, 1);

static const struct xeno_flag clock_ids[] = {
    XENO_ENUM("__CLOCK_REALTIME0", ILLUMOS_CLOCK_REALTIME0, CLOCK_REALTIME),
    XENO_ENUM_FOREIGN("CLOCK_VIRTUAL", ILLUMOS_CLOCK_VIRTUAL),
    XENO_ENUM("CLOCK_THREAD_CPUTIME_ID", ILLUMOS_CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID),
    XENO_ENUM("CLOCK_REALTIME", ILLUMOS_CLOCK_REALTIME, CLOCK_REALTIME),
    XENO_ENUM("CLOCK_MONOTONIC", ILLUMOS_CLOCK_MONOTONIC, CLOCK_MONOTONIC),
    XENO_ENUM("CLOCK_PROCESS_CPUTIME_ID", ILLUMOS_CLOCK_PROCESS_CPUTIME_ID,
	      CLOCK_PROCESS_CPUTIME_ID),
};
const struct xeno_flagset illumos_clock_ids = XENO_FLAGSET("clockid", clock_ids, 1);

/* clock_nanosleep sleeps on the realtime and monotonic clocks; the CPU-time
 * clocks it refuses with ENOTSUP, as POSIX allows. */
int illumos_clock_to_host(int clock_id, struct bsd_clock *c)
{
	const struct xeno_flag *e = xeno_enum_find(&illumos_clock_ids, (unsigned)clock_id);
	if (!e)
		return -EINVAL;
	*c = (struct bsd_clock){.kind = BSD_CLOCK_HOST, .host_id = (int)e->hval};
	switch (clock_id) {
	case ILLUMOS_CLOCK_VIRTUAL: /* the user CPU time, process-wide here */
		*c = (struct bsd_clock){BSD_CLOCK_VIRTUAL, CLOCK_PROCESS_CPUTIME_ID, ENOTSUP};
		break;
	case ILLUMOS_CLOCK_THREAD_CPUTIME_ID:
	case ILLUMOS_CLOCK_PROCESS_CPUTIME_ID:
		c->sleep_errno = ENOTSUP;
		break;
	}
	return 0;
}

static const struct xeno_flag sysconf_names[] = {
    XENO_ENUM_FOREIGN("_SC_ARG_MAX", ILLUMOS_SC_ARG_MAX),
    XENO_ENUM_FOREIGN("_SC_CHILD_MAX", ILLUMOS_SC_CHILD_MAX),
    XENO_ENUM_FOREIGN("_SC_CLK_TCK", ILLUMOS_SC_CLK_TCK),
    XENO_ENUM_FOREIGN("_SC_NGROUPS_MAX", ILLUMOS_SC_NGROUPS_MAX),
    XENO_ENUM_FOREIGN("_SC_OPEN_MAX", ILLUMOS_SC_OPEN_MAX),
    XENO_ENUM_FOREIGN("_SC_PAGESIZE", ILLUMOS_SC_PAGESIZE),
    XENO_ENUM_FOREIGN("_SC_NPROCESSORS_CONF", ILLUMOS_SC_NPROCESSORS_CONF),
    XENO_ENUM_FOREIGN("_SC_NPROCESSORS_ONLN", ILLUMOS_SC_NPROCESSORS_ONLN),
    XENO_ENUM_FOREIGN("_SC_PHYS_PAGES", ILLUMOS_SC_PHYS_PAGES),
    XENO_ENUM_FOREIGN("_SC_NPROCESSORS_MAX", ILLUMOS_SC_NPROCESSORS_MAX),
};
const struct xeno_flagset illumos_sysconf_names = XENO_FLAGSET("sysconf", sysconf_names, 1);
