/*
 * The host's vDSO, for answers given without a system call: the clock
 * reads of patched sites (core/sitecall.h) and of the clock handlers.
 * Found through the auxiliary vector (AT_SYSINFO_EHDR), read with libelf.
 */
#ifndef XENO_CORE_VDSO_H
#define XENO_CORE_VDSO_H

#include <time.h>

#include "core/host.h"

/* The vDSO's clock_gettime (host clock ids): 0 or -errno, the kernel's
 * convention; NULL until xeno_vdso_init found it.  It uses no FP/vector
 * register (the kernel builds the vDSO without them). */
extern int (*xeno_vdso_clock_gettime)(clockid_t clock, struct timespec *ts);

/* Looks the vDSO's functions up (once; uses glibc's thread state): done
 * as the program is prepared (core/launch.c), before any guest code. */
void xeno_vdso_init(void);

/* A host clock read: through the vDSO where it was found, else the system
 * call.  0 or -errno.  Touches no glibc state (NOTLS handlers call it). */
static inline long xeno_clock_gettime(clockid_t clock, struct timespec *ts)
{
	if (xeno_vdso_clock_gettime)
		return xeno_vdso_clock_gettime(clock, ts);
	return host_syscall2(SYS_clock_gettime, clock, ts);
}

#endif
