/* FreeBSD <-> Linux resource limits and usage (sys/sys/resource.h). */
#include "abi/freebsd/resource.h"

#include <errno.h>
#include <sys/resource.h>

#define R(name, host)	XENO_ENUM(#name, FREEBSD_##name, host)
#define R_FOREIGN(name) XENO_ENUM_FOREIGN(#name, FREEBSD_##name)

static const struct xeno_flag rlimit_resources[] = {
    R(RLIMIT_CPU, RLIMIT_CPU),
    R(RLIMIT_FSIZE, RLIMIT_FSIZE),
    R(RLIMIT_DATA, RLIMIT_DATA),
    R(RLIMIT_STACK, RLIMIT_STACK),
    R(RLIMIT_CORE, RLIMIT_CORE),
    R(RLIMIT_RSS, RLIMIT_RSS),
    R(RLIMIT_MEMLOCK, RLIMIT_MEMLOCK),
    R(RLIMIT_NPROC, RLIMIT_NPROC),
    R(RLIMIT_NOFILE, RLIMIT_NOFILE),
    R_FOREIGN(RLIMIT_SBSIZE),
    R(RLIMIT_VMEM, RLIMIT_AS),
    R_FOREIGN(RLIMIT_NPTS),
    R_FOREIGN(RLIMIT_SWAP),
    R_FOREIGN(RLIMIT_KQUEUES),
    R_FOREIGN(RLIMIT_UMTXP),
};
const struct xeno_flagset freebsd_rlimit_resources = XENO_FLAGSET("rlimit", rlimit_resources, 1);

int freebsd_rlimit_resource_to_host(int resource, int *host_resource)
{
	const struct xeno_flag *e = xeno_enum_find(&freebsd_rlimit_resources, (unsigned)resource);
	if (!e)
		return -EINVAL;
	if (!e->hmask)
		return 1;
	*host_resource = (int)e->hval;
	return 0;
}

static uint64_t limit_to_host(uint64_t v)
{
	return (int64_t)v < 0 || v == FREEBSD_RLIM_INFINITY ? (uint64_t)RLIM_INFINITY : v;
}

static uint64_t limit_from_host(uint64_t v)
{
	return v == (uint64_t)RLIM_INFINITY || v > FREEBSD_RLIM_INFINITY ? FREEBSD_RLIM_INFINITY
									 : v;
}

void freebsd_rlimit_to_host(const struct bsd_rlimit *foreign, struct bsd_rlimit *host)
{
	host->cur = limit_to_host(foreign->cur);
	host->max = limit_to_host(foreign->max);
}

void freebsd_rlimit_from_host(const struct bsd_rlimit *host, struct bsd_rlimit *foreign)
{
	foreign->cur = limit_from_host(host->cur);
	foreign->max = limit_from_host(host->max);
}

void freebsd_rusage_from_host(const struct rusage *h, void *out)
{
	struct freebsd_rusage *ru = out;
	ru->ru_utime = (struct freebsd_timeval){h->ru_utime.tv_sec, h->ru_utime.tv_usec};
	ru->ru_stime = (struct freebsd_timeval){h->ru_stime.tv_sec, h->ru_stime.tv_usec};
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
