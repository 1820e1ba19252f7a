/* Host statx pieces every BSD struct stat has (abi/bsd/stat.h). */
#include "abi/bsd/stat.h"

#include <sys/stat.h>

struct bsd_timespec bsd_stat_time(const struct statx_timestamp *ts)
{
	return (struct bsd_timespec){ts->tv_sec, ts->tv_nsec};
}

uint32_t bsd_stat_file_flags(const struct statx *stx)
{
	uint64_t attrs = stx->stx_attributes & stx->stx_attributes_mask;
	uint32_t flags = 0;
	if (attrs & STATX_ATTR_NODUMP)
		flags |= BSD_UF_NODUMP;
	if (attrs & STATX_ATTR_IMMUTABLE)
		flags |= BSD_SF_IMMUTABLE;
	if (attrs & STATX_ATTR_APPEND)
		flags |= BSD_SF_APPEND;
	return flags;
}
