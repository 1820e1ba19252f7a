/* FreeBSD CPU set names for the tracer, and the set size rules. */
#include "abi/freebsd/cpuset.h"

#include <errno.h>

static const struct xeno_flag cpu_levels[] = {
    XENO_ENUM_FOREIGN("CPU_LEVEL_ROOT", FREEBSD_CPU_LEVEL_ROOT),
    XENO_ENUM_FOREIGN("CPU_LEVEL_CPUSET", FREEBSD_CPU_LEVEL_CPUSET),
    XENO_ENUM_FOREIGN("CPU_LEVEL_WHICH", FREEBSD_CPU_LEVEL_WHICH),
};
const struct xeno_flagset freebsd_cpu_levels = XENO_FLAGSET("cpulevel", cpu_levels, 1);

static const struct xeno_flag cpu_whiches[] = {
    XENO_ENUM_FOREIGN("CPU_WHICH_TID", FREEBSD_CPU_WHICH_TID),
    XENO_ENUM_FOREIGN("CPU_WHICH_PID", FREEBSD_CPU_WHICH_PID),
    XENO_ENUM_FOREIGN("CPU_WHICH_CPUSET", FREEBSD_CPU_WHICH_CPUSET),
    XENO_ENUM_FOREIGN("CPU_WHICH_IRQ", FREEBSD_CPU_WHICH_IRQ),
    XENO_ENUM_FOREIGN("CPU_WHICH_JAIL", FREEBSD_CPU_WHICH_JAIL),
    XENO_ENUM_FOREIGN("CPU_WHICH_DOMAIN", FREEBSD_CPU_WHICH_DOMAIN),
    XENO_ENUM_FOREIGN("CPU_WHICH_INTRHANDLER", FREEBSD_CPU_WHICH_INTRHANDLER),
    XENO_ENUM_FOREIGN("CPU_WHICH_ITHREAD", FREEBSD_CPU_WHICH_ITHREAD),
    XENO_ENUM_FOREIGN("CPU_WHICH_TIDPID", FREEBSD_CPU_WHICH_TIDPID),
};
const struct xeno_flagset freebsd_cpu_whiches = XENO_FLAGSET("cpuwhich", cpu_whiches, 1);

int freebsd_cpuset_copy_size(size_t cpusetsize, size_t min_bytes, size_t *copy)
{
	if (cpusetsize == 0 || cpusetsize < min_bytes)
		return -ERANGE;
	*copy = cpusetsize < FREEBSD_CPUSET_BYTES ? cpusetsize : FREEBSD_CPUSET_BYTES;
	return 0;
}
