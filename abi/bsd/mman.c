/* The BSDs' memory-management words through their tables (abi/bsd/mman.h). */
#include "abi/bsd/mman.h"

#include <errno.h>

#include "abi/bsd/abi.h"

int bsd_flags_to_host_int(const struct xeno_flagset *s, int v, int *host)
{
	uint64_t h;
	int err = xeno_flags_to_host(s, (unsigned)v, &h);
	if (err == 0)
		*host = (int)h;
	return err;
}

int bsd_madvise_to_host(const struct xeno_flagset *s, int behav, int *host_advice)
{
	const struct xeno_flag *e = xeno_enum_find(s, (unsigned)behav);
	if (!e)
		return -EINVAL;
	*host_advice = e->hmask ? (int)e->hval : BSD_MADV_NOOP;
	return 0;
}

int bsd_minherit_to_host(const struct xeno_flagset *s, int inherit, int *host_advice)
{
	const struct xeno_flag *e = xeno_enum_find(s, (unsigned)inherit);
	if (!e)
		return -EINVAL;
	if (!e->hmask)
		return -EOPNOTSUPP;
	*host_advice = (int)e->hval;
	return 0;
}
