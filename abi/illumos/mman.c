/* illumos <-> Linux memory management words (abi/illumos/mman.h), and the
 * argument rules of smmap_common (usr/src/uts/common/os/grow.c) as a pure
 * function. */
#include "abi/illumos/mman.h"

#include <errno.h>
#include <sys/mman.h>

#ifndef MADV_COLD
#define MADV_COLD 20
#endif

#define PAGE_MASK 4095ULL

static const struct xeno_flag prot_flags[] = {
    XENO_FIELD("PROT_NONE", ILLUMOS_PROT_ALL, 0, PROT_READ | PROT_WRITE | PROT_EXEC, PROT_NONE),
    XENO_FLAG("PROT_READ", ILLUMOS_PROT_READ, PROT_READ),
    XENO_FLAG("PROT_WRITE", ILLUMOS_PROT_WRITE, PROT_WRITE),
    XENO_FLAG("PROT_EXEC", ILLUMOS_PROT_EXEC, PROT_EXEC),
};
const struct xeno_flagset illumos_prot_flags = XENO_FLAGSET("prot", prot_flags, 0);

int illumos_prot_to_host(int prot, int *host_prot)
{
	uint64_t host;
	int err = xeno_flags_to_host(&illumos_prot_flags, (unsigned)prot, &host);
	if (err == 0)
		*host_prot = (int)host;
	return err;
}

/* MAP_TEXT and MAP_INITDATA only say what the mapping is for (a hint to
 * the large-page code); MAP_ALIGN is carried out by the plan. */
static const struct xeno_flag mmap_flags[] = {
    XENO_FIELD("MAP_SHARED", ILLUMOS_MAP_TYPE, ILLUMOS_MAP_SHARED, MAP_TYPE, MAP_SHARED),
    XENO_FIELD("MAP_PRIVATE", ILLUMOS_MAP_TYPE, ILLUMOS_MAP_PRIVATE, MAP_TYPE, MAP_PRIVATE),
    XENO_FLAG("MAP_FIXED", ILLUMOS_MAP_FIXED, MAP_FIXED),
    XENO_FLAG("MAP_NORESERVE", ILLUMOS_MAP_NORESERVE, MAP_NORESERVE),
    XENO_FLAG("MAP_32BIT", ILLUMOS_MAP_32BIT, MAP_32BIT),
    XENO_FLAG("MAP_ANON", ILLUMOS_MAP_ANON, MAP_ANONYMOUS),
    XENO_FLAG_FOREIGN("MAP_ALIGN", ILLUMOS_MAP_ALIGN),
    XENO_FLAG_FOREIGN("MAP_TEXT", ILLUMOS_MAP_TEXT),
    XENO_FLAG_FOREIGN("MAP_INITDATA", ILLUMOS_MAP_INITDATA),
};
const struct xeno_flagset illumos_mmap_flags = XENO_FLAGSET("mmap", mmap_flags, 0);

/*
 * smmap_common: the type must be SHARED or PRIVATE; MAP_ALIGN and
 * MAP_FIXED exclude each other, and with MAP_ALIGN addr is the alignment
 * (0: the system's choice), a power of two of at least a page; the offset
 * and a fixed address are page-aligned; a length of 0 is EINVAL.
 */
int illumos_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *p)
{
	*p = (struct bsd_mmap_plan){.fd = fd};
	unsigned f = (unsigned)flags;
	int err = illumos_prot_to_host(prot, &p->prot);
	if (err)
		return err;
	unsigned type = f & ILLUMOS_MAP_TYPE;
	if ((type != ILLUMOS_MAP_SHARED && type != ILLUMOS_MAP_PRIVATE) || len == 0 ||
	    ((uint64_t)pos & PAGE_MASK) || pos < 0)
		return -EINVAL;
	if ((f & ILLUMOS_MAP_ALIGN) && (f & ILLUMOS_MAP_FIXED))
		return -EINVAL;
	uint64_t h;
	if (xeno_flags_to_host(&illumos_mmap_flags, f, &h) < 0)
		return -EINVAL;
	p->len = (len + PAGE_MASK) & ~PAGE_MASK;
	if (p->len < len)
		return -ENOMEM;
	p->off = pos;
	if (f & ILLUMOS_MAP_ALIGN) {
		if (addr & (addr - 1))
			return -EINVAL;
		p->align = addr > PAGE_MASK + 1 ? addr : 0;
		addr = 0;
	} else if ((f & ILLUMOS_MAP_FIXED) && (addr & PAGE_MASK)) {
		return -EINVAL;
	}
	p->addr = addr;
	if (h & MAP_ANONYMOUS)
		p->fd = -1; /* illumos ignores the descriptor of anonymous memory */
	p->flags = (int)h;
	return 0;
}

/* illumos's MADV_DONTNEED keeps the contents (the pages may be paged out
 * first): Linux's MADV_COLD is that hint; its MADV_DONTNEED would zero
 * anonymous memory.  The ACCESS_* advice is about NUMA placement. */
static const struct xeno_flag madv_advice[] = {
    XENO_ENUM("MADV_NORMAL", ILLUMOS_MADV_NORMAL, MADV_NORMAL),
    XENO_ENUM("MADV_RANDOM", ILLUMOS_MADV_RANDOM, MADV_RANDOM),
    XENO_ENUM("MADV_SEQUENTIAL", ILLUMOS_MADV_SEQUENTIAL, MADV_SEQUENTIAL),
    XENO_ENUM("MADV_WILLNEED", ILLUMOS_MADV_WILLNEED, MADV_WILLNEED),
    XENO_ENUM("MADV_DONTNEED", ILLUMOS_MADV_DONTNEED, MADV_COLD),
    XENO_ENUM("MADV_FREE", ILLUMOS_MADV_FREE, MADV_FREE),
    XENO_ENUM_FOREIGN("MADV_ACCESS_DEFAULT", ILLUMOS_MADV_ACCESS_DEFAULT),
    XENO_ENUM_FOREIGN("MADV_ACCESS_LWP", ILLUMOS_MADV_ACCESS_LWP),
    XENO_ENUM_FOREIGN("MADV_ACCESS_MANY", ILLUMOS_MADV_ACCESS_MANY),
    XENO_ENUM("MADV_PURGE", ILLUMOS_MADV_PURGE, MADV_DONTNEED),
};
const struct xeno_flagset illumos_madv_advice = XENO_FLAGSET("madv", madv_advice, 1);

/* MS_ASYNC 0x1, MS_INVALIDATE 0x2, MS_SYNC 0x4 (sys/mman.h) */
int illumos_msync_to_host(int flags, int *host_flags)
{
	if (flags & ~0x7)
		return -EINVAL;
	*host_flags = (flags & 1 ? MS_ASYNC : 0) | (flags & 2 ? MS_INVALIDATE : 0) |
		      (flags & 4 ? MS_SYNC : 0);
	return 0;
}
