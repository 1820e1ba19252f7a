/* The BSDs' resource limits and usage onto Linux's (abi/bsd/resource.h). */
#include "abi/bsd/resource.h"

#include <errno.h>
#include <sys/resource.h>

int bsd_rlimit_resource_to_host(const struct xeno_flagset *resources, int resource,
				int *host_resource)
{
	const struct xeno_flag *e = xeno_enum_find(resources, (unsigned)resource);
	if (!e)
		return -EINVAL;
	if (!e->hmask)
		return 1;
	*host_resource = (int)e->hval;
	return 0;
}

static uint64_t limit_to_host(uint64_t v)
{
	return (int64_t)v < 0 || v == BSD_RLIM_INFINITY ? (uint64_t)RLIM_INFINITY : v;
}

static uint64_t limit_from_host(uint64_t v)
{
	return v == (uint64_t)RLIM_INFINITY || v > BSD_RLIM_INFINITY ? BSD_RLIM_INFINITY : v;
}

void bsd_rlimit_to_host(const struct bsd_rlimit *foreign, struct bsd_rlimit *host)
{
	host->cur = limit_to_host(foreign->cur);
	host->max = limit_to_host(foreign->max);
}

void bsd_rlimit_from_host(const struct bsd_rlimit *host, struct bsd_rlimit *foreign)
{
	foreign->cur = limit_from_host(host->cur);
	foreign->max = limit_from_host(host->max);
}

void bsd_rusage_from_host(const struct rusage *h, void *out)
{
	struct bsd_rusage *ru = out;
	ru->ru_utime = (struct bsd_timeval){h->ru_utime.tv_sec, h->ru_utime.tv_usec};
	ru->ru_stime = (struct bsd_timeval){h->ru_stime.tv_sec, h->ru_stime.tv_usec};
	ru->ru_maxrss = h->ru_maxrss; /* kilobytes on both */
	ru->ru_ixrss = h->ru_ixrss;
	ru->ru_idrss = h->ru_idrss;
	ru->ru_isrss = h->ru_isrss;
	ru->ru_minflt = h->ru_minflt;
	ru->ru_majflt = h->ru_majflt;
	ru->ru_nswap = h->ru_nswap;
	ru->ru_inblock = h->ru_inblock;
	ru->ru_oublock = h->ru_oublock;
	ru->ru_msgsnd = h->ru_msgsnd;
	ru->ru_msgrcv = h->ru_msgrcv;
	ru->ru_nsignals = h->ru_nsignals;
	ru->ru_nvcsw = h->ru_nvcsw;
	ru->ru_nivcsw = h->ru_nivcsw;
}
