/*
 * Resource limits and usage as the BSDs share them on amd64: RLIMIT_CPU ..
 * RLIMIT_NOFILE numbered 0..8 and RLIMIT_SBSIZE 9, RLIM_INFINITY 2^63 - 1
 * (where Linux uses ~0), struct rlimit of two 64-bit limits and struct
 * rusage of two timevals and fourteen longs (FreeBSD and NetBSD
 * sys/sys/resource.h; NetBSD's timeval has an int tv_usec and padding,
 * which a 64-bit value below 2^31 fills alike).
 */
#ifndef XENO_ABI_BSD_RESOURCE_H
#define XENO_ABI_BSD_RESOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/sockopt.h"

#define BSD_RLIM_INFINITY ((uint64_t)((1ULL << 63) - 1))

/* The limits every BSD numbers alike; each adds its own above them. */
#define BSD_RLIMIT(name, v, host) XENO_ENUM(#name, v, host)
#define BSD_RLIMIT_RESOURCES_SHARED                                                                \
	BSD_RLIMIT(RLIMIT_CPU, 0, RLIMIT_CPU), BSD_RLIMIT(RLIMIT_FSIZE, 1, RLIMIT_FSIZE),          \
	    BSD_RLIMIT(RLIMIT_DATA, 2, RLIMIT_DATA), BSD_RLIMIT(RLIMIT_STACK, 3, RLIMIT_STACK),    \
	    BSD_RLIMIT(RLIMIT_CORE, 4, RLIMIT_CORE), BSD_RLIMIT(RLIMIT_RSS, 5, RLIMIT_RSS),        \
	    BSD_RLIMIT(RLIMIT_MEMLOCK, 6, RLIMIT_MEMLOCK),                                         \
	    BSD_RLIMIT(RLIMIT_NPROC, 7, RLIMIT_NPROC),                                             \
	    BSD_RLIMIT(RLIMIT_NOFILE, 8, RLIMIT_NOFILE), XENO_ENUM_FOREIGN("RLIMIT_SBSIZE", 9)
#define BSD_RLIMIT_NOFILE 8

struct bsd_rusage {
	struct bsd_timeval ru_utime;
	struct bsd_timeval ru_stime;
	int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	int64_t ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct bsd_rusage) == 144, "rusage layout");
_Static_assert(offsetof(struct bsd_rusage, ru_maxrss) == 32, "rusage layout");

struct rusage;

/* RLIMIT_* through the OS's "rlimit" set -> host RLIMIT_*: 0; 1 when Linux
 * has no such limit (xeno emulates it); -EINVAL if unknown. */
int bsd_rlimit_resource_to_host(const struct xeno_flagset *resources, int resource,
				int *host_resource);
/* Limits -> host: RLIM_INFINITY and negative values (the BSDs read rlim_t
 * as signed and take a negative limit for infinity) become host infinity. */
void bsd_rlimit_to_host(const struct bsd_rlimit *foreign, struct bsd_rlimit *host);
/* Host limits -> BSD: host infinity, and anything beyond the BSDs' range,
 * become RLIM_INFINITY. */
void bsd_rlimit_from_host(const struct bsd_rlimit *host, struct bsd_rlimit *foreign);
/* struct rusage: the same fields; ru is a struct bsd_rusage. */
void bsd_rusage_from_host(const struct rusage *host, void *ru);

#endif
