/* OpenBSD <-> Linux memory management words (sys/sys/mman.h), and
 * sys_mmap's argument rules (sys/uvm/uvm_mmap.c) as a pure function. */
#include "abi/openbsd/mman.h"

#include <errno.h>
#include <sys/mman.h>

#include "abi/bsd/mman.h"

_Static_assert(OPENBSD_PROT_ALL == BSD_PROT_ALL, "PROT_MASK: the shared protections' mask");

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif

/* sys_mmap: prot beyond PROT_MASK is EINVAL */
int openbsd_prot_to_host(int prot, int *host_prot)
{
	return bsd_flags_to_host_int(&bsd_prot_flags, prot, host_prot);
}

/* MAP_CONCEAL keeps the pages out of core dumps; __MAP_NOFAULT (no fault
 * beyond a file's end) is not needed by any program of ours: refused. */
static const struct xeno_flag mmap_flags[] = {
    XENO_FLAG("MAP_SHARED", OPENBSD_MAP_SHARED, MAP_SHARED),
    XENO_FLAG("MAP_PRIVATE", OPENBSD_MAP_PRIVATE, MAP_PRIVATE),
    XENO_FLAG("MAP_FIXED", OPENBSD_MAP_FIXED, MAP_FIXED),
    XENO_FLAG("__MAP_NOREPLACE", OPENBSD_MAP_NOREPLACE, MAP_FIXED_NOREPLACE),
    XENO_FLAG("MAP_ANON", OPENBSD_MAP_ANON, MAP_ANONYMOUS),
    XENO_FLAG("MAP_STACK", OPENBSD_MAP_STACK, MAP_STACK),
    XENO_FLAG_FOREIGN("MAP_CONCEAL", OPENBSD_MAP_CONCEAL),
};
const struct xeno_flagset openbsd_mmap_flags = XENO_FLAGSET("mmap", mmap_flags, 0);

int openbsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *p)
{
	unsigned f = (unsigned)flags;
	*p = (struct bsd_mmap_plan){.fd = -1};
	/* uvm_mmap.c sys_mmap: unknown bits, both or neither of SHARED and
	 * PRIVATE, and __MAP_NOFAULT are EINVAL */
	if ((f & ~(unsigned)OPENBSD_MAP_FLAGMASK) || (f & OPENBSD_MAP_NOFAULT))
		return -EINVAL;
	unsigned share = f & (OPENBSD_MAP_SHARED | OPENBSD_MAP_PRIVATE);
	if (share == 0 || share == (OPENBSD_MAP_SHARED | OPENBSD_MAP_PRIVATE))
		return -EINVAL;
	if ((f & (OPENBSD_MAP_FIXED | OPENBSD_MAP_NOREPLACE)) == OPENBSD_MAP_NOREPLACE)
		return -EINVAL; /* __MAP_NOREPLACE needs MAP_FIXED */
	int err = openbsd_prot_to_host(prot, &p->prot);
	if (err)
		return err;
	if ((err = bsd_mmap_plan_range(addr, len, pos, f & OPENBSD_MAP_FIXED, OPENBSD_USER_END, p)))
		return err;
	if (f & OPENBSD_MAP_ANON) {
		if (fd != -1 && fd != 0)
			return -EINVAL; /* sys_mmap: an anonymous map takes fd -1 */
		p->off = 0;
	} else {
		p->fd = fd;
	}
	p->flags = share == OPENBSD_MAP_SHARED ? MAP_SHARED : MAP_PRIVATE;
	if (f & OPENBSD_MAP_FIXED)
		p->flags |= (f & OPENBSD_MAP_NOREPLACE) ? MAP_FIXED_NOREPLACE : MAP_FIXED;
	if (f & OPENBSD_MAP_ANON)
		p->flags |= MAP_ANONYMOUS;
	if (f & OPENBSD_MAP_STACK)
		p->flags |= MAP_STACK;
	p->nocore = (f & OPENBSD_MAP_CONCEAL) != 0;
	return 0;
}

/* MS_ASYNC with MS_SYNC is EINVAL (sys_msync) */
static const struct xeno_flag msync_flags[] = {
    XENO_FLAG("MS_ASYNC", OPENBSD_MS_ASYNC, MS_ASYNC),
    XENO_FLAG("MS_SYNC", OPENBSD_MS_SYNC, MS_SYNC),
    XENO_FLAG("MS_INVALIDATE", OPENBSD_MS_INVALIDATE, MS_INVALIDATE),
};
const struct xeno_flagset openbsd_msync_flags = XENO_FLAGSET("msync", msync_flags, 0);

int openbsd_msync_to_host(int flags, int *host_flags)
{
	if ((flags & (OPENBSD_MS_ASYNC | OPENBSD_MS_SYNC)) == (OPENBSD_MS_ASYNC | OPENBSD_MS_SYNC))
		return -EINVAL;
	return bsd_flags_to_host_int(&openbsd_msync_flags, flags, host_flags);
}

/* MADV_SPACEAVAIL reserves nothing here */
static const struct xeno_flag madv_advice[] = {
    BSD_MADV_ADVICE_SHARED,
    XENO_ENUM_FOREIGN("MADV_SPACEAVAIL", OPENBSD_MADV_SPACEAVAIL),
    XENO_ENUM("MADV_FREE", OPENBSD_MADV_FREE, MADV_FREE),
};
const struct xeno_flagset openbsd_madv_advice = XENO_FLAGSET("madv", madv_advice, 1);

static const struct xeno_flag minherit_kinds[] = {
    BSD_MINHERIT_KINDS_SHARED("MAP_"),
    XENO_ENUM("MAP_INHERIT_ZERO", OPENBSD_MAP_INHERIT_ZERO, MADV_WIPEONFORK),
};
const struct xeno_flagset openbsd_minherit_kinds = XENO_FLAGSET("minherit", minherit_kinds, 1);
