/*
 * FreeBSD resource limits and usage (sys/sys/resource.h, FreeBSD 14): the
 * RLIMIT_* numbers, RLIM_INFINITY (2^63 - 1, where Linux uses ~0), and the
 * layouts of struct rlimit and struct rusage on amd64.
 */
#ifndef XENO_ABI_FREEBSD_RESOURCE_H
#define XENO_ABI_FREEBSD_RESOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/resource.h"
#include "abi/freebsd/time.h"
#include "core/xlat.h"

/* sys/sys/resource.h */
enum {
	FREEBSD_RLIMIT_CPU = 0,
	FREEBSD_RLIMIT_FSIZE = 1,
	FREEBSD_RLIMIT_DATA = 2,
	FREEBSD_RLIMIT_STACK = 3,
	FREEBSD_RLIMIT_CORE = 4,
	FREEBSD_RLIMIT_RSS = 5,
	FREEBSD_RLIMIT_MEMLOCK = 6,
	FREEBSD_RLIMIT_NPROC = 7,
	FREEBSD_RLIMIT_NOFILE = 8,
	FREEBSD_RLIMIT_SBSIZE = 9,
	FREEBSD_RLIMIT_VMEM = 10, /* RLIMIT_AS */
	FREEBSD_RLIMIT_NPTS = 11,
	FREEBSD_RLIMIT_SWAP = 12,
	FREEBSD_RLIMIT_KQUEUES = 13,
	FREEBSD_RLIMIT_UMTXP = 14,
	FREEBSD_RLIM_NLIMITS = 15,
};

/* sys/sys/resource.h: RUSAGE_* and PRIO_* (the same numbers as Linux). */
#define FREEBSD_RUSAGE_SELF	0
#define FREEBSD_RUSAGE_CHILDREN (-1)
#define FREEBSD_RUSAGE_THREAD	1
#define FREEBSD_PRIO_PROCESS	0
#define FREEBSD_PRIO_PGRP	1
#define FREEBSD_PRIO_USER	2

/* sys/sys/resource.h: rlim_t is __int64_t (sys/sys/_types.h). */
struct freebsd_rlimit {
	int64_t rlim_cur;
	int64_t rlim_max;
};
_Static_assert(sizeof(struct freebsd_rlimit) == 16, "rlimit layout");
_Static_assert(offsetof(struct freebsd_rlimit, rlim_max) == 8, "rlimit layout");

struct rusage;

extern const struct xeno_flagset freebsd_rlimit_resources; /* "rlimit" */

/* RLIMIT_* -> host RLIMIT_*: 0; 1 when Linux has no such limit (SBSIZE,
 * NPTS, SWAP, KQUEUES, UMTXP: xeno emulates them); -EINVAL if unknown. */
int freebsd_rlimit_resource_to_host(int resource, int *host_resource);
#endif
