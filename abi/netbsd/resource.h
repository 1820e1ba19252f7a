/*
 * NetBSD resource limits (sys/sys/resource.h rev 1.36): the shared
 * RLIMIT_CPU..RLIMIT_SBSIZE (abi/bsd/resource.h), then RLIMIT_AS 10 and
 * RLIMIT_NTHR 11.
 */
#ifndef XENO_ABI_NETBSD_RESOURCE_H
#define XENO_ABI_NETBSD_RESOURCE_H

#include "abi/bsd/resource.h"
#include "core/xlat.h"

enum {
	NETBSD_RLIMIT_NOFILE = BSD_RLIMIT_NOFILE,
	NETBSD_RLIMIT_AS = 10,
	NETBSD_RLIMIT_NTHR = 11,
	NETBSD_RLIM_NLIMITS = 12,
};

extern const struct xeno_flagset netbsd_rlimit_resources; /* "rlimit" */

#endif
