/* NetBSD <-> Linux memory management words (sys/sys/mman.h), and
 * sys_mmap's argument rules (sys/uvm/uvm_mmap.c) as a pure function. */
#include "abi/netbsd/mman.h"

#include <errno.h>
#include <sys/mman.h>

#include "abi/bsd/mman.h"

_Static_assert(NETBSD_PROT_ALL == BSD_PROT_ALL, "VM_PROT_ALL: the shared protections' mask");

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif

/* sys_mmap keeps only VM_PROT_ALL of prot: the PaX maximum protection
 * (PROT_MPROTECT, the bits above) and anything else are let be. */
int netbsd_prot_to_host(int prot, int *host_prot)
{
	return bsd_flags_to_host_int(&bsd_prot_flags, prot & NETBSD_PROT_ALL, host_prot);
}

/* What the tracer names; sys_mmap checks no flag bits.  Parts with no
 * host twin are carried out by netbsd_mmap_plan itself, or are hints. */
static const struct xeno_flag mmap_flags[] = {
    XENO_FLAG("MAP_SHARED", NETBSD_MAP_SHARED, MAP_SHARED),
    XENO_FLAG("MAP_PRIVATE", NETBSD_MAP_PRIVATE, MAP_PRIVATE),
    XENO_FLAG_FOREIGN("MAP_COPY", NETBSD_MAP_COPY),
    XENO_FLAG("MAP_FIXED", NETBSD_MAP_FIXED, MAP_FIXED),
    XENO_FLAG_FOREIGN("MAP_RENAME", NETBSD_MAP_RENAME),
    XENO_FLAG("MAP_NORESERVE", NETBSD_MAP_NORESERVE, MAP_NORESERVE),
    XENO_FLAG_FOREIGN("MAP_INHERIT", NETBSD_MAP_INHERIT),
    XENO_FLAG_FOREIGN("MAP_HASSEMAPHORE", NETBSD_MAP_HASSEMAPHORE),
    XENO_FLAG_FOREIGN("MAP_TRYFIXED", NETBSD_MAP_TRYFIXED),
    XENO_FLAG("MAP_WIRED", NETBSD_MAP_WIRED, MAP_LOCKED),
    XENO_FLAG("MAP_ANON", NETBSD_MAP_ANON, MAP_ANONYMOUS),
    XENO_FLAG("MAP_STACK", NETBSD_MAP_STACK, MAP_STACK),
};
const struct xeno_flagset netbsd_mmap_flags = XENO_FLAGSET("mmap", mmap_flags, 0);

static int host_flags_of(unsigned f, struct bsd_mmap_plan *p)
{
	p->flags = 0;
	if (f & NETBSD_MAP_SHARED)
		p->flags |= MAP_SHARED;
	else
		p->flags |= MAP_PRIVATE; /* neither: uvm_mmap copies on write */
	if (f & NETBSD_MAP_FIXED)
		p->flags |= MAP_FIXED;
	if (f & NETBSD_MAP_ANON)
		p->flags |= MAP_ANONYMOUS;
	if (f & NETBSD_MAP_NORESERVE)
		p->flags |= MAP_NORESERVE;
	if (f & NETBSD_MAP_WIRED)
		p->flags |= MAP_LOCKED;
	if (f & NETBSD_MAP_STACK)
		p->flags |= MAP_STACK;
	return 0;
}

int netbsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		     struct bsd_mmap_plan *p)
{
	unsigned f = (unsigned)flags;
	*p = (struct bsd_mmap_plan){.fd = -1};
	if (f & NETBSD_MAP_COPY)
		f = (f & ~NETBSD_MAP_COPY) | NETBSD_MAP_PRIVATE;
	if ((f & (NETBSD_MAP_SHARED | NETBSD_MAP_PRIVATE)) ==
	    (NETBSD_MAP_SHARED | NETBSD_MAP_PRIVATE))
		return -EINVAL;
	int err = netbsd_prot_to_host(prot, &p->prot);
	if (err)
		return err;
	if ((err = bsd_mmap_plan_range(addr, len, pos, f & NETBSD_MAP_FIXED, NETBSD_USER_END, p)))
		return err;
	if (f & NETBSD_MAP_ANON) {
		if (fd != -1)
			return -EINVAL;
		p->off = 0;
	} else {
		p->fd = fd;
	}
	unsigned shift = (f & NETBSD_MAP_ALIGNMENT_MASK) >> NETBSD_MAP_ALIGNMENT_SHIFT;
	if (shift && !(f & NETBSD_MAP_FIXED)) {
		if (shift < 12 || shift > 47)
			return -EINVAL; /* uvm_mmap: below a page or beyond the map */
		p->align = 1ULL << shift;
	}
	return host_flags_of(f, p);
}

/* MS_SYNC and MS_ASYNC are distinct bits; both, or neither with nothing
 * else, is EINVAL (sys/uvm/uvm_mmap.c sys___msync13). */
static const struct xeno_flag msync_flags[] = {
    XENO_FLAG("MS_ASYNC", NETBSD_MS_ASYNC, MS_ASYNC),
    XENO_FLAG("MS_INVALIDATE", NETBSD_MS_INVALIDATE, MS_INVALIDATE),
    XENO_FLAG("MS_SYNC", NETBSD_MS_SYNC, MS_SYNC),
};
const struct xeno_flagset netbsd_msync_flags = XENO_FLAGSET("msync", msync_flags, 0);

int netbsd_msync_to_host(int flags, int *host_flags)
{
	if ((flags & (NETBSD_MS_ASYNC | NETBSD_MS_SYNC)) == (NETBSD_MS_ASYNC | NETBSD_MS_SYNC) ||
	    flags == 0)
		return -EINVAL;
	return bsd_flags_to_host_int(&netbsd_msync_flags, flags, host_flags);
}

/* MADV_DONTNEED keeps the contents on NetBSD too (uvm_map_advice: a hint
 * to deactivate the pages); MADV_SPACEAVAIL reserves nothing here. */
static const struct xeno_flag madv_advice[] = {
    BSD_MADV_ADVICE_SHARED,
    XENO_ENUM_FOREIGN("MADV_SPACEAVAIL", NETBSD_MADV_SPACEAVAIL),
    XENO_ENUM("MADV_FREE", NETBSD_MADV_FREE, MADV_FREE),
};
const struct xeno_flagset netbsd_madv_advice = XENO_FLAGSET("madv", madv_advice, 1);

static const struct xeno_flag minherit_kinds[] = {
    BSD_MINHERIT_KINDS_SHARED("MAP_"),
    /* a copy whose pages the parent gives up: a copy here */
    XENO_ENUM("MAP_INHERIT_DONATE_COPY", NETBSD_MAP_INHERIT_DONATE_COPY, MADV_DOFORK),
    XENO_ENUM("MAP_INHERIT_ZERO", NETBSD_MAP_INHERIT_ZERO, MADV_WIPEONFORK),
};
const struct xeno_flagset netbsd_minherit_kinds = XENO_FLAGSET("minherit", minherit_kinds, 1);
