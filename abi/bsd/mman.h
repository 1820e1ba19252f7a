/*
 * The shapes of the BSDs' memory-management words, read through each OS's
 * tables (abi/<os>/mman.c): protections, msync flags, madvise advice and
 * minherit kinds.  The values and mmap's rules are each OS's.
 */
#ifndef XENO_ABI_BSD_MMAN_H
#define XENO_ABI_BSD_MMAN_H

#include "core/xlat.h"

/* The protections, which every BSD numbers alike under one 0x07 mask
 * (FreeBSD sys/sys/mman.h _PROT_ALL, NetBSD sys/uvm/uvm_prot.h VM_PROT_ALL,
 * OpenBSD sys/sys/mman.h PROT_MASK): each OS's table starts with them, and
 * each OS's header asserts its mask is this one.  What lies above the mask
 * is each OS's rule (FreeBSD's PROT_MAX, NetBSD ignores it, OpenBSD
 * refuses it). */
#define BSD_PROT_ALL 0x07
#define BSD_PROT_FLAGS_SHARED                                                                      \
	XENO_FIELD("PROT_NONE", BSD_PROT_ALL, 0x00, PROT_READ | PROT_WRITE | PROT_EXEC,            \
		   PROT_NONE),                                                                     \
	    XENO_FLAG("PROT_READ", 0x01, PROT_READ), XENO_FLAG("PROT_WRITE", 0x02, PROT_WRITE),    \
	    XENO_FLAG("PROT_EXEC", 0x04, PROT_EXEC)

/* madvise advice 0..4 and minherit kinds 0..2, which the BSDs number
 * alike (FreeBSD and NetBSD sys/sys/mman.h), each OS's table starting with
 * them.  MADV_DONTNEED keeps the contents on both (a hint to page out
 * first; Linux's would zero anonymous memory): MADV_COLD is the hint.
 * Sharing a private mapping with a child has no Linux twin. */
#define BSD_MADV_ADVICE_SHARED                                                                     \
	XENO_ENUM("MADV_NORMAL", 0, MADV_NORMAL), XENO_ENUM("MADV_RANDOM", 1, MADV_RANDOM),        \
	    XENO_ENUM("MADV_SEQUENTIAL", 2, MADV_SEQUENTIAL),                                      \
	    XENO_ENUM("MADV_WILLNEED", 3, MADV_WILLNEED),                                          \
	    XENO_ENUM("MADV_DONTNEED", 4, 20 /* MADV_COLD */)
#define BSD_MINHERIT_KINDS_SHARED(prefix)                                                          \
	XENO_ENUM_FOREIGN(prefix "INHERIT_SHARE", 0),                                              \
	    XENO_ENUM(prefix "INHERIT_COPY", 1, MADV_DOFORK),                                      \
	    XENO_ENUM(prefix "INHERIT_NONE", 2, MADV_DONTFORK)

struct bsd_mmap_plan;

/* "prot": the shared protections alone (NetBSD's and OpenBSD's table). */
extern const struct xeno_flagset bsd_prot_flags;

/* A flag word through set s into an int: 0 or -EINVAL. */
int bsd_flags_to_host_int(const struct xeno_flagset *s, int v, int *host);
/* madvise advice through the enum set s: the host advice, BSD_MADV_NOOP
 * for advice with no host call to make, or -EINVAL. */
int bsd_madvise_to_host(const struct xeno_flagset *s, int behav, int *host_advice);
/* minherit's kind through the enum set s: the host madvise advice, or
 * -EOPNOTSUPP for sharing (Linux cannot share a private mapping with a
 * child), -EINVAL for an unknown kind. */
int bsd_minherit_to_host(const struct xeno_flagset *s, int inherit, int *host_advice);

/* The page-rounded length, file offset and place of a mapping, as NetBSD's
 * and OpenBSD's sys_mmap (sys/uvm/uvm_mmap.c) work them out: the offset's
 * part below a page widens the mapping; a size that rounds to nothing or
 * wraps is -EINVAL, and so is a fixed place (fixed: MAP_FIXED) that is not
 * page-aligned once that part is taken off or ends beyond user_end.  Sets
 * p's pageoff, off, len and addr. */
int bsd_mmap_plan_range(uint64_t addr, uint64_t len, int64_t pos, int fixed, uint64_t user_end,
			struct bsd_mmap_plan *p);

#endif
