/*
 * FreeBSD userland synchronisation: _umtx_op operations and struct
 * _umtx_time (sys/sys/umtx.h, sys/sys/_umtx.h).
 */
#ifndef XENO_ABI_FREEBSD_UMTX_H
#define XENO_ABI_FREEBSD_UMTX_H

#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

enum {
	FREEBSD_UMTX_OP_WAIT = 2,
	FREEBSD_UMTX_OP_WAKE = 3,
	FREEBSD_UMTX_OP_MUTEX_TRYLOCK = 4,
	FREEBSD_UMTX_OP_MUTEX_LOCK = 5,
	FREEBSD_UMTX_OP_MUTEX_UNLOCK = 6,
	FREEBSD_UMTX_OP_SET_CEILING = 7,
	FREEBSD_UMTX_OP_CV_WAIT = 8,
	FREEBSD_UMTX_OP_CV_SIGNAL = 9,
	FREEBSD_UMTX_OP_CV_BROADCAST = 10,
	FREEBSD_UMTX_OP_WAIT_UINT = 11,
	FREEBSD_UMTX_OP_RW_RDLOCK = 12,
	FREEBSD_UMTX_OP_RW_WRLOCK = 13,
	FREEBSD_UMTX_OP_RW_UNLOCK = 14,
	FREEBSD_UMTX_OP_WAIT_UINT_PRIVATE = 15,
	FREEBSD_UMTX_OP_WAKE_PRIVATE = 16,
	FREEBSD_UMTX_OP_MUTEX_WAIT = 17,
	FREEBSD_UMTX_OP_MUTEX_WAKE = 18,
	FREEBSD_UMTX_OP_SEM_WAIT = 19,
	FREEBSD_UMTX_OP_SEM_WAKE = 20,
	FREEBSD_UMTX_OP_NWAKE_PRIVATE = 21,
	FREEBSD_UMTX_OP_MUTEX_WAKE2 = 22,
	FREEBSD_UMTX_OP_SEM2_WAIT = 23,
	FREEBSD_UMTX_OP_SEM2_WAKE = 24,
	FREEBSD_UMTX_OP_SHM = 25,
	FREEBSD_UMTX_OP_ROBUST_LISTS = 26,
};

#define FREEBSD_UMTX_ABSTIME 0x01

struct freebsd_umtx_time {
	int64_t tv_sec, tv_nsec; /* struct timespec _timeout */
	uint32_t flags;		 /* UMTX_ABSTIME */
	uint32_t clockid;
};
_Static_assert(sizeof(struct freebsd_umtx_time) == 24, "struct _umtx_time layout");
_Static_assert(offsetof(struct freebsd_umtx_time, flags) == 16, "struct _umtx_time layout");

/* The operations by name, for the tracer: flag set "umtxop". */
extern const struct xeno_flagset freebsd_umtx_ops;

#endif
