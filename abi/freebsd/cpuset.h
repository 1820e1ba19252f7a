/*
 * FreeBSD CPU sets (sys/sys/cpuset.h and sys/sys/_cpuset.h, FreeBSD 14):
 * levels, "which" selectors, reserved set ids and the size of cpuset_t, and
 * the size rules of cpuset_getaffinity (sys/kern/kern_cpuset.c).
 */
#ifndef XENO_ABI_FREEBSD_CPUSET_H
#define XENO_ABI_FREEBSD_CPUSET_H

#include <stddef.h>

#include "core/xlat.h"

/* cpulevel_t */
#define FREEBSD_CPU_LEVEL_ROOT	 1 /* all system CPUs */
#define FREEBSD_CPU_LEVEL_CPUSET 2 /* available CPUs for which */
#define FREEBSD_CPU_LEVEL_WHICH	 3 /* actual mask/id for which */
/* cpuwhich_t */
#define FREEBSD_CPU_WHICH_TID	      1
#define FREEBSD_CPU_WHICH_PID	      2
#define FREEBSD_CPU_WHICH_CPUSET      3
#define FREEBSD_CPU_WHICH_IRQ	      4
#define FREEBSD_CPU_WHICH_JAIL	      5
#define FREEBSD_CPU_WHICH_DOMAIN      6
#define FREEBSD_CPU_WHICH_INTRHANDLER 7
#define FREEBSD_CPU_WHICH_ITHREAD     8
#define FREEBSD_CPU_WHICH_TIDPID      9 /* a thread or a process id */
/* Reserved set ids; every process starts in set 1 (kern_cpuset.c). */
#define FREEBSD_CPUSET_INVALID (-1)
#define FREEBSD_CPUSET_DEFAULT 0
#define FREEBSD_CPUSET_PROCESS 1

/* sys/sys/_cpuset.h: userland's cpuset_t has CPU_SETSIZE = CPU_MAXSIZE bits;
 * the kernel's has MAXCPU (1024 on amd64): 128 bytes either way. */
#define FREEBSD_CPU_MAXSIZE  1024
#define FREEBSD_CPU_SETSIZE  FREEBSD_CPU_MAXSIZE
#define FREEBSD_CPUSET_BYTES (FREEBSD_CPU_SETSIZE / 8)

extern const struct xeno_flagset freebsd_cpu_levels;  /* "cpulevel" */
extern const struct xeno_flagset freebsd_cpu_whiches; /* "cpuwhich" */

/*
 * cpuset_getaffinity's size rules since FreeBSD 14 (user_cpuset_getaffinity):
 * a set smaller than the CPUs present need (min_bytes: one bit per CPU up to
 * the highest id) is ERANGE; otherwise the kernel copies out what it has
 * (at most sizeof(cpuset_t)) and zeroes the rest of the caller's set.
 * Returns 0 and the number of bytes to copy, or -ERANGE.
 */
int freebsd_cpuset_copy_size(size_t cpusetsize, size_t min_bytes, size_t *copy);

#endif
