/*
 * FreeBSD memory management facts (sys/sys/mman.h, FreeBSD 14) and the pure
 * translations onto Linux: protections (with PROT_MAX), mmap flags, madvise
 * advice, msync flags and minherit inheritance.  The checks follow
 * kern_mmap() in sys/vm/vm_mmap.c.
 */
#ifndef XENO_ABI_FREEBSD_MMAN_H
#define XENO_ABI_FREEBSD_MMAN_H

#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

/* sys/sys/mman.h: protections, and the maximum protection FreeBSD 13+ libc
 * may pass in the upper bits (PROT_MAX(prot) = prot << _PROT_MAX_SHIFT). */
#define FREEBSD_PROT_NONE	    0x00
#define FREEBSD_PROT_READ	    0x01
#define FREEBSD_PROT_WRITE	    0x02
#define FREEBSD_PROT_EXEC	    0x04
#define FREEBSD_PROT_ALL	    0x07 /* _PROT_ALL */
#define FREEBSD_PROT_MAX_SHIFT	    16	 /* _PROT_MAX_SHIFT */
#define FREEBSD_PROT_MAX(p)	    ((p) << FREEBSD_PROT_MAX_SHIFT)
#define FREEBSD_PROT_EXTRACT(p)	    ((p)&FREEBSD_PROT_ALL)
#define FREEBSD_PROT_MAX_EXTRACT(p) (((p) >> FREEBSD_PROT_MAX_SHIFT) & FREEBSD_PROT_ALL)

/* sys/sys/mman.h: mmap flags. */
#define FREEBSD_MAP_SHARED	    0x0001
#define FREEBSD_MAP_PRIVATE	    0x0002
#define FREEBSD_MAP_FIXED	    0x0010
#define FREEBSD_MAP_RESERVED0020    0x0020 /* once MAP_RENAME: ignored */
#define FREEBSD_MAP_RESERVED0040    0x0040 /* once MAP_NORESERVE: ignored */
#define FREEBSD_MAP_RESERVED0080    0x0080 /* once MAP_INHERIT: rejected */
#define FREEBSD_MAP_RESERVED0100    0x0100 /* once MAP_NOEXTEND: rejected */
#define FREEBSD_MAP_HASSEMAPHORE    0x0200
#define FREEBSD_MAP_STACK	    0x0400
#define FREEBSD_MAP_NOSYNC	    0x0800
#define FREEBSD_MAP_ANON	    0x1000
#define FREEBSD_MAP_GUARD	    0x00002000
#define FREEBSD_MAP_EXCL	    0x00004000
#define FREEBSD_MAP_NOCORE	    0x00020000
#define FREEBSD_MAP_PREFAULT_READ   0x00040000
#define FREEBSD_MAP_32BIT	    0x00080000
#define FREEBSD_MAP_ALIGNMENT_SHIFT 24
#define FREEBSD_MAP_ALIGNED(n)	    ((n) << FREEBSD_MAP_ALIGNMENT_SHIFT)
#define FREEBSD_MAP_ALIGNMENT_MASK  FREEBSD_MAP_ALIGNED(0xffU)
#define FREEBSD_MAP_ALIGNED_SUPER   FREEBSD_MAP_ALIGNED(1)
/* sys/sys/mman.h (kernel part): the top of the MAP_32BIT window. */
#define FREEBSD_MAP_32BIT_MAX_ADDR (1ULL << 31)

/* sys/sys/mman.h: msync flags. */
#define FREEBSD_MS_SYNC	      0x0000
#define FREEBSD_MS_ASYNC      0x0001
#define FREEBSD_MS_INVALIDATE 0x0002

/* sys/sys/mman.h: madvise advice. */
enum {
	FREEBSD_MADV_NORMAL = 0,
	FREEBSD_MADV_RANDOM = 1,
	FREEBSD_MADV_SEQUENTIAL = 2,
	FREEBSD_MADV_WILLNEED = 3,
	FREEBSD_MADV_DONTNEED = 4,
	FREEBSD_MADV_FREE = 5,
	FREEBSD_MADV_NOSYNC = 6,
	FREEBSD_MADV_AUTOSYNC = 7,
	FREEBSD_MADV_NOCORE = 8,
	FREEBSD_MADV_CORE = 9,
	FREEBSD_MADV_PROTECT = 10,
};

/* sys/sys/mman.h: minherit inheritance. */
enum {
	FREEBSD_INHERIT_SHARE = 0,
	FREEBSD_INHERIT_COPY = 1,
	FREEBSD_INHERIT_NONE = 2,
	FREEBSD_INHERIT_ZERO = 3,
};

/* amd64 (sys/amd64/include/param.h PAGE_SIZE; vmparam.h VM_MAXUSER_ADDRESS
 * for 4-level paging). */
#define FREEBSD_PAGE_SIZE	   4096ULL
#define FREEBSD_VM_MAXUSER_ADDRESS 0x800000000000ULL
/* The lowest address of a process's map: page 0 stays out of it unless
 * security.bsd.map_at_zero is set, which it is not by default
 * (sys/kern/kern_exec.c: map_at_zero = 0; exec_new_vmspace makes the map
 * start at MAX(sv_minuser, PAGE_SIZE)). */
#define FREEBSD_VM_MIN_ADDRESS FREEBSD_PAGE_SIZE

extern const struct xeno_flagset freebsd_prot_flags;	 /* "prot" */
extern const struct xeno_flagset freebsd_mmap_flags;	 /* "mmap" */
extern const struct xeno_flagset freebsd_madv_advice;	 /* "madv" */
extern const struct xeno_flagset freebsd_msync_flags;	 /* "msync" */
extern const struct xeno_flagset freebsd_minherit_kinds; /* "minherit" */

/* Protection word (with optional PROT_MAX bits) -> host PROT_*: 0 or -EINVAL
 * (unknown bits, or a protection beyond its own maximum). */
int freebsd_prot_to_host(int prot, int *host_prot);
/* The reverse, for the protection part only (PROT_MAX has no host twin). */
int freebsd_prot_from_host(int host_prot, int *prot);

/* kern_mmap()'s rules applied to the guest's arguments: the host mmap to
 * make, or -EINVAL / -ENOMEM exactly where FreeBSD refuses. */
int freebsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *plan);
/* msync flags -> host MS_*: 0 or -EINVAL. */
int freebsd_msync_to_host(int flags, int *host_flags);
int freebsd_msync_from_host(int host_flags, int *flags);

#endif
