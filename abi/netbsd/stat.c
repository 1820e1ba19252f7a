/* Linux statx -> NetBSD struct stat and dev_t (abi/netbsd/stat.h). */
#include "abi/netbsd/stat.h"

#include <string.h>
#include <sys/stat.h>

#include "abi/bsd/stat.h"

uint64_t netbsd_dev_from_host(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major << 8) & 0x000fff00) | ((uint64_t)(minor << 12) & 0xfff00000) |
	       (minor & 0xff);
}

void netbsd_stat_from_host(const struct statx *stx, void *out)
{
	struct netbsd_stat *st = out;
	memset(st, 0, sizeof *st);
	BSD_STAT_FILL(st, stx, netbsd_dev_from_host, 0);
	st->st_blksize = stx->stx_blksize;
	st->st_gen = 0; /* NetBSD shows it to privileged callers only */
}
