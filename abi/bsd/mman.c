/* The BSDs' memory-management words through their tables (abi/bsd/mman.h). */
#include "abi/bsd/mman.h"

#include <errno.h>
#include <sys/mman.h>

#include "abi/bsd/abi.h"

#define PAGE	  4096ULL
#define PAGE_MASK (PAGE - 1)

static const struct xeno_flag prot_flags[] = {BSD_PROT_FLAGS_SHARED};
const struct xeno_flagset bsd_prot_flags = XENO_FLAGSET("prot", prot_flags, 0);

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

int bsd_mmap_plan_range(uint64_t addr, uint64_t len, int64_t pos, int fixed, uint64_t user_end,
			struct bsd_mmap_plan *p)
{
	p->pageoff = (uint64_t)pos & PAGE_MASK;
	p->off = pos - (int64_t)p->pageoff;
	uint64_t size = (len + p->pageoff + PAGE_MASK) & ~PAGE_MASK;
	if (size < len || size == 0)
		return -EINVAL;
	p->len = size;
	if (fixed) {
		addr -= p->pageoff;
		if ((addr & PAGE_MASK) || addr + size < addr || addr + size > user_end)
			return -EINVAL;
	}
	p->addr = addr;
	return 0;
}
