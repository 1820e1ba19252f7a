/* FreeBSD <-> Linux resource limits and usage (sys/sys/resource.h). */
#include "abi/freebsd/resource.h"

#include "abi/bsd/resource.h"

#include <errno.h>
#include <sys/resource.h>

#define R(name, host)	XENO_ENUM(#name, FREEBSD_##name, host)
#define R_FOREIGN(name) XENO_ENUM_FOREIGN(#name, FREEBSD_##name)

static const struct xeno_flag rlimit_resources[] = {
    BSD_RLIMIT_RESOURCES_SHARED, R(RLIMIT_VMEM, RLIMIT_AS), R_FOREIGN(RLIMIT_NPTS),
    R_FOREIGN(RLIMIT_SWAP),	 R_FOREIGN(RLIMIT_KQUEUES), R_FOREIGN(RLIMIT_UMTXP),
};
const struct xeno_flagset freebsd_rlimit_resources = XENO_FLAGSET("rlimit", rlimit_resources, 1);

int freebsd_rlimit_resource_to_host(int resource, int *host_resource)
{
	return bsd_rlimit_resource_to_host(&freebsd_rlimit_resources, resource, host_resource);
}
