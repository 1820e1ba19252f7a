/*
 * The host's vDSO, for answers given without a system call (the clock
 * reads of patched sites: core/sitecall.h).  Found through the auxiliary
 * vector (AT_SYSINFO_EHDR) and read with libelf.
 */
#ifndef XENO_CORE_VDSO_H
#define XENO_CORE_VDSO_H

#include <time.h>

/* The vDSO's clock_gettime (host clock ids): 0 or -errno, the kernel's
 * convention; NULL until xeno_vdso_init found it.  It uses no FP/vector
 * register (the kernel builds the vDSO without them). */
extern int (*xeno_vdso_clock_gettime)(clockid_t clock, struct timespec *ts);

/* Looks the vDSO's functions up (once; uses glibc's thread state). */
void xeno_vdso_init(void);

#endif
