/* NetBSD's resource limits onto Linux's (abi/netbsd/resource.h). */
#include "abi/netbsd/resource.h"

#include <sys/resource.h>

/* RLIMIT_NTHR has no Linux twin (threads count against RLIMIT_NPROC
 * there): kept, not enforced. */
static const struct xeno_flag rlimit_resources[] = {
    BSD_RLIMIT_RESOURCES_SHARED,
    XENO_ENUM("RLIMIT_AS", NETBSD_RLIMIT_AS, RLIMIT_AS),
    XENO_ENUM_FOREIGN("RLIMIT_NTHR", NETBSD_RLIMIT_NTHR),
};
const struct xeno_flagset netbsd_rlimit_resources = XENO_FLAGSET("rlimit", rlimit_resources, 1);
