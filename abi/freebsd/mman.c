/* FreeBSD <-> Linux memory management words (sys/sys/mman.h), and
 * kern_mmap()'s argument rules (sys/vm/vm_mmap.c) as a pure function. */
#include "abi/freebsd/mman.h"

#include "abi/bsd/mman.h"

#include <errno.h>
#include <sys/mman.h>

/* Linux 5.4 (uapi asm-generic/mman-common.h); older headers lack them. */
#ifndef MADV_COLD
#define MADV_COLD 20
#endif
#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* ---- protections ---- */

_Static_assert(FREEBSD_PROT_ALL == BSD_PROT_ALL, "_PROT_ALL: the shared protections' mask");

static const struct xeno_flag prot_flags[] = {
    BSD_PROT_FLAGS_SHARED,
    /* The maximum protection: checked, then dropped (Linux has no such
     * ceiling on later mprotect calls). */
    XENO_FLAG_FOREIGN("PROT_MAX(PROT_READ)", FREEBSD_PROT_MAX(FREEBSD_PROT_READ)),
    XENO_FLAG_FOREIGN("PROT_MAX(PROT_WRITE)", FREEBSD_PROT_MAX(FREEBSD_PROT_WRITE)),
    XENO_FLAG_FOREIGN("PROT_MAX(PROT_EXEC)", FREEBSD_PROT_MAX(FREEBSD_PROT_EXEC)),
};
const struct xeno_flagset freebsd_prot_flags = XENO_FLAGSET("prot", prot_flags, 0);

int freebsd_prot_to_host(int prot, int *host_prot)
{
	unsigned p = (unsigned)prot;
	if (p & ~(unsigned)(FREEBSD_PROT_ALL | FREEBSD_PROT_MAX(FREEBSD_PROT_ALL)))
		return -EINVAL;
	unsigned max = FREEBSD_PROT_MAX_EXTRACT(p), cur = FREEBSD_PROT_EXTRACT(p);
	if (max != 0 && (max & cur) != cur)
		return -EINVAL;
	return bsd_flags_to_host_int(&freebsd_prot_flags, prot, host_prot);
}

int freebsd_prot_from_host(int host_prot, int *prot)
{
	uint64_t f;
	int err = xeno_flags_from_host(&freebsd_prot_flags, (unsigned)host_prot, &f);
	if (err == 0)
		*prot = (int)f;
	return err;
}

/* ---- mmap flags ---- */

#define ALIGNED(n)                                                                                 \
	XENO_FIELD("MAP_ALIGNED(" #n ")", FREEBSD_MAP_ALIGNMENT_MASK, FREEBSD_MAP_ALIGNED(n##U),   \
		   0, 0)

/* Parts with no host twin are carried out by freebsd_mmap_plan itself. */
static const struct xeno_flag mmap_flags[] = {
    XENO_FLAG("MAP_SHARED", FREEBSD_MAP_SHARED, MAP_SHARED),
    XENO_FLAG("MAP_PRIVATE", FREEBSD_MAP_PRIVATE, MAP_PRIVATE),
    XENO_FLAG("MAP_FIXED", FREEBSD_MAP_FIXED, MAP_FIXED),
    XENO_FLAG_FOREIGN("MAP_RESERVED0020", FREEBSD_MAP_RESERVED0020),
    XENO_FLAG_FOREIGN("MAP_RESERVED0040", FREEBSD_MAP_RESERVED0040),
    XENO_FLAG_FOREIGN("MAP_HASSEMAPHORE", FREEBSD_MAP_HASSEMAPHORE),
    XENO_FLAG("MAP_STACK", FREEBSD_MAP_STACK, MAP_STACK),
    XENO_FLAG_FOREIGN("MAP_NOSYNC", FREEBSD_MAP_NOSYNC),
    XENO_FLAG("MAP_ANON", FREEBSD_MAP_ANON, MAP_ANONYMOUS),
    XENO_FLAG_FOREIGN("MAP_GUARD", FREEBSD_MAP_GUARD),
    XENO_FLAG_FOREIGN("MAP_EXCL", FREEBSD_MAP_EXCL),
    XENO_FLAG_FOREIGN("MAP_NOCORE", FREEBSD_MAP_NOCORE),
    XENO_FLAG("MAP_PREFAULT_READ", FREEBSD_MAP_PREFAULT_READ, MAP_POPULATE),
    XENO_FLAG("MAP_32BIT", FREEBSD_MAP_32BIT, MAP_32BIT),
    XENO_FIELD("MAP_ALIGNED_SUPER", FREEBSD_MAP_ALIGNMENT_MASK, FREEBSD_MAP_ALIGNED_SUPER, 0, 0),
    /* MAP_ALIGNED(n) for every n kern_mmap accepts: PAGE_SHIFT..63. */
    ALIGNED(12),
    ALIGNED(13),
    ALIGNED(14),
    ALIGNED(15),
    ALIGNED(16),
    ALIGNED(17),
    ALIGNED(18),
    ALIGNED(19),
    ALIGNED(20),
    ALIGNED(21),
    ALIGNED(22),
    ALIGNED(23),
    ALIGNED(24),
    ALIGNED(25),
    ALIGNED(26),
    ALIGNED(27),
    ALIGNED(28),
    ALIGNED(29),
    ALIGNED(30),
    ALIGNED(31),
    ALIGNED(32),
    ALIGNED(33),
    ALIGNED(34),
    ALIGNED(35),
    ALIGNED(36),
    ALIGNED(37),
    ALIGNED(38),
    ALIGNED(39),
    ALIGNED(40),
    ALIGNED(41),
    ALIGNED(42),
    ALIGNED(43),
    ALIGNED(44),
    ALIGNED(45),
    ALIGNED(46),
    ALIGNED(47),
    ALIGNED(48),
    ALIGNED(49),
    ALIGNED(50),
    ALIGNED(51),
    ALIGNED(52),
    ALIGNED(53),
    ALIGNED(54),
    ALIGNED(55),
    ALIGNED(56),
    ALIGNED(57),
    ALIGNED(58),
    ALIGNED(59),
    ALIGNED(60),
    ALIGNED(61),
    ALIGNED(62),
    ALIGNED(63),
};
const struct xeno_flagset freebsd_mmap_flags = XENO_FLAGSET("mmap", mmap_flags, 0);

/* The flags kern_mmap knows; MAP_RESERVED0080 and 0100 are not among them. */
#define KNOWN_MAP_FLAGS                                                                            \
	(FREEBSD_MAP_SHARED | FREEBSD_MAP_PRIVATE | FREEBSD_MAP_FIXED | FREEBSD_MAP_HASSEMAPHORE | \
	 FREEBSD_MAP_STACK | FREEBSD_MAP_NOSYNC | FREEBSD_MAP_ANON | FREEBSD_MAP_EXCL |            \
	 FREEBSD_MAP_NOCORE | FREEBSD_MAP_PREFAULT_READ | FREEBSD_MAP_GUARD | FREEBSD_MAP_32BIT |  \
	 FREEBSD_MAP_ALIGNMENT_MASK)
/* What MAP_GUARD may come with. */
#define GUARD_MAP_FLAGS                                                                            \
	(FREEBSD_MAP_FIXED | FREEBSD_MAP_GUARD | FREEBSD_MAP_EXCL | FREEBSD_MAP_32BIT |            \
	 FREEBSD_MAP_ALIGNMENT_MASK)

#define PAGE_MASK (FREEBSD_PAGE_SIZE - 1)
#define SUPERPAGE (2ULL << 20) /* amd64 NBPDR: the superpage MAP_ALIGNED_SUPER aims at */

/* kern_mmap's checks of flags against fd, pos and prot, in its order. */
static int check_flags(unsigned *flags, unsigned prot, int fd, int64_t *pos, uint64_t len)
{
	unsigned f = *flags & ~(unsigned)(FREEBSD_MAP_RESERVED0020 | FREEBSD_MAP_RESERVED0040);
	if (len == 0 || ((f & FREEBSD_MAP_ANON) && (fd != -1 || *pos != 0)))
		return -EINVAL;
	if (f & FREEBSD_MAP_STACK) {
		unsigned rw = FREEBSD_PROT_READ | FREEBSD_PROT_WRITE;
		if (fd != -1 || (prot & rw) != rw)
			return -EINVAL;
		f |= FREEBSD_MAP_ANON;
		*pos = 0;
	}
	if (f & ~(unsigned)KNOWN_MAP_FLAGS)
		return -EINVAL;
	if ((f & (FREEBSD_MAP_EXCL | FREEBSD_MAP_FIXED)) == FREEBSD_MAP_EXCL)
		return -EINVAL;
	if ((f & (FREEBSD_MAP_SHARED | FREEBSD_MAP_PRIVATE)) ==
	    (FREEBSD_MAP_SHARED | FREEBSD_MAP_PRIVATE))
		return -EINVAL;
	if ((f & FREEBSD_MAP_GUARD) && (prot != FREEBSD_PROT_NONE || fd != -1 || *pos != 0 ||
					(f & ~(unsigned)GUARD_MAP_FLAGS)))
		return -EINVAL;
	*flags = f;
	return 0;
}

/* The alignment field: 0 (none), or the byte alignment; -EINVAL when the
 * shift is below a page or beyond a pointer. */
static int alignment_of(unsigned flags, uint64_t size, uint64_t *align, uint8_t *hint)
{
	unsigned field = flags & FREEBSD_MAP_ALIGNMENT_MASK;
	unsigned shift = field >> FREEBSD_MAP_ALIGNMENT_SHIFT;
	*align = 0;
	*hint = 0;
	if (field == 0)
		return 0;
	if (field == FREEBSD_MAP_ALIGNED_SUPER) {
		/* A preference, and only worth it for a superpage or more. */
		*align = size >= SUPERPAGE ? SUPERPAGE : 0;
		*hint = 1;
		return 0;
	}
	if (shift >= 64 || shift < 12)
		return -EINVAL;
	*align = shift > 12 ? 1ULL << shift : 0; /* every mapping is page-aligned */
	return 0;
}

/* The address checks: MAP_FIXED must fit the process's map, page 0 not
 * included (kern_mmap: vm_map_range_valid), and the low 2 GiB with
 * MAP_32BIT; a hint too high for MAP_32BIT is dropped. */
static int check_address(unsigned flags, uint64_t *addr, uint64_t size, uint64_t pageoff)
{
	if (flags & FREEBSD_MAP_FIXED) {
		uint64_t a = *addr - pageoff;
		if ((a & PAGE_MASK) || a < FREEBSD_VM_MIN_ADDRESS || a + size < a ||
		    a + size > FREEBSD_VM_MAXUSER_ADDRESS)
			return -EINVAL;
		if ((flags & FREEBSD_MAP_32BIT) && a + size > FREEBSD_MAP_32BIT_MAX_ADDR)
			return -EINVAL;
		*addr = a;
	} else if ((flags & FREEBSD_MAP_32BIT) && *addr + size > FREEBSD_MAP_32BIT_MAX_ADDR) {
		*addr = 0;
	}
	return 0;
}

/* The host flags for checked FreeBSD flags. */
static int host_flags_of(unsigned f, struct bsd_mmap_plan *p)
{
	uint64_t h;
	int err =
	    xeno_flags_to_host(&freebsd_mmap_flags, f & ~(unsigned)FREEBSD_MAP_ALIGNMENT_MASK, &h);
	if (err)
		return err;
	if (f & FREEBSD_MAP_GUARD) {
		/* An inaccessible reservation that never takes memory. */
		h = (h & (MAP_FIXED | MAP_32BIT)) | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
		p->prot = PROT_NONE;
	}
	if (!(h & (MAP_SHARED | MAP_PRIVATE))) {
		if (h & MAP_ANONYMOUS)
			h |= MAP_PRIVATE; /* FreeBSD gives anonymous memory copy-on-write */
		else
			p->file_untyped = 1;
	}
	if (f & FREEBSD_MAP_EXCL)
		h = (h & ~(uint64_t)MAP_FIXED) | MAP_FIXED_NOREPLACE;
	p->flags = (int)h;
	p->nocore = (f & FREEBSD_MAP_NOCORE) != 0;
	return 0;
}

int freebsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *p)
{
	*p = (struct bsd_mmap_plan){.fd = fd};
	int err = freebsd_prot_to_host(prot, &p->prot);
	if (err)
		return err;
	unsigned f = (unsigned)flags;
	if ((err = check_flags(&f, FREEBSD_PROT_EXTRACT((unsigned)prot), fd, &pos, len)))
		return err;
	p->pageoff = (uint64_t)pos & PAGE_MASK;
	p->off = pos - (int64_t)p->pageoff;
	uint64_t size = (len + p->pageoff + PAGE_MASK) & ~PAGE_MASK;
	if (size < len) /* rounding wrapped */
		return -ENOMEM;
	p->len = size;
	if ((err = alignment_of(f, size, &p->align, &p->align_hint)))
		return err;
	if ((err = check_address(f, &addr, size, p->pageoff)))
		return err;
	p->addr = addr;
	if (f & FREEBSD_MAP_FIXED)
		p->align = 0; /* a fixed mapping is where it is asked to be */
	return host_flags_of(f, p);
}

/* ---- msync ---- */

/* MS_SYNC is the absence of MS_ASYNC: a one-bit field with two values. */
static const struct xeno_flag msync_flags[] = {
    XENO_FIELD("MS_SYNC", FREEBSD_MS_ASYNC, FREEBSD_MS_SYNC, MS_SYNC | MS_ASYNC, MS_SYNC),
    XENO_FIELD("MS_ASYNC", FREEBSD_MS_ASYNC, FREEBSD_MS_ASYNC, MS_SYNC | MS_ASYNC, MS_ASYNC),
    XENO_FLAG("MS_INVALIDATE", FREEBSD_MS_INVALIDATE, MS_INVALIDATE),
};
const struct xeno_flagset freebsd_msync_flags = XENO_FLAGSET("msync", msync_flags, 0);

int freebsd_msync_to_host(int flags, int *host_flags)
{
	/* sys/vm/vm_mmap.c kern_msync: asynchronous invalidation is refused. */
	if ((flags & (FREEBSD_MS_ASYNC | FREEBSD_MS_INVALIDATE)) ==
	    (FREEBSD_MS_ASYNC | FREEBSD_MS_INVALIDATE))
		return -EINVAL;
	return bsd_flags_to_host_int(&freebsd_msync_flags, flags, host_flags);
}

int freebsd_msync_from_host(int host_flags, int *flags)
{
	uint64_t f;
	int err = xeno_flags_from_host(&freebsd_msync_flags, (unsigned)host_flags, &f);
	if (err == 0)
		*flags = (int)f;
	return err;
}

/* ---- madvise, minherit ---- */

static const struct xeno_flag madv_advice[] = {
    BSD_MADV_ADVICE_SHARED,
    XENO_ENUM("MADV_FREE", FREEBSD_MADV_FREE, MADV_FREE),
    XENO_ENUM_FOREIGN("MADV_NOSYNC", FREEBSD_MADV_NOSYNC),
    XENO_ENUM_FOREIGN("MADV_AUTOSYNC", FREEBSD_MADV_AUTOSYNC),
    XENO_ENUM("MADV_NOCORE", FREEBSD_MADV_NOCORE, MADV_DONTDUMP),
    XENO_ENUM("MADV_CORE", FREEBSD_MADV_CORE, MADV_DODUMP),
    XENO_ENUM_FOREIGN("MADV_PROTECT", FREEBSD_MADV_PROTECT),
};
const struct xeno_flagset freebsd_madv_advice = XENO_FLAGSET("madv", madv_advice, 1);

static const struct xeno_flag minherit_kinds[] = {
    BSD_MINHERIT_KINDS_SHARED(""),
    XENO_ENUM("INHERIT_ZERO", FREEBSD_INHERIT_ZERO, MADV_WIPEONFORK),
};
const struct xeno_flagset freebsd_minherit_kinds = XENO_FLAGSET("minherit", minherit_kinds, 1);
