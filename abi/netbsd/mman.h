/*
 * NetBSD memory management facts (sys/sys/mman.h rev 1.48) and the rules
 * of sys_mmap (sys/uvm/uvm_mmap.c) as a pure function.
 */
#ifndef XENO_ABI_NETBSD_MMAN_H
#define XENO_ABI_NETBSD_MMAN_H

#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

#define NETBSD_PROT_ALL		   0x07
#define NETBSD_MAP_SHARED	   0x0001
#define NETBSD_MAP_PRIVATE	   0x0002
#define NETBSD_MAP_COPY		   0x0004 /* "copy" at mmap time: now MAP_PRIVATE */
#define NETBSD_MAP_FIXED	   0x0010
#define NETBSD_MAP_RENAME	   0x0020
#define NETBSD_MAP_NORESERVE	   0x0040
#define NETBSD_MAP_INHERIT	   0x0080
#define NETBSD_MAP_HASSEMAPHORE	   0x0200
#define NETBSD_MAP_TRYFIXED	   0x0400
#define NETBSD_MAP_WIRED	   0x0800
#define NETBSD_MAP_ANON		   0x1000
#define NETBSD_MAP_STACK	   0x2000
#define NETBSD_MAP_ALIGNMENT_SHIFT 24
#define NETBSD_MAP_ALIGNMENT_MASK  (0xffU << NETBSD_MAP_ALIGNMENT_SHIFT)

#define NETBSD_MS_ASYNC	     0x01
#define NETBSD_MS_INVALIDATE 0x02
#define NETBSD_MS_SYNC	     0x04

enum {
	/* beyond the shared ones (abi/bsd/mman.h) */
	NETBSD_MADV_SPACEAVAIL = 5,
	NETBSD_MADV_FREE = 6,
	NETBSD_MAP_INHERIT_DONATE_COPY = 3,
	NETBSD_MAP_INHERIT_ZERO = 4,
};

/* amd64: sys/arch/amd64/include/vmparam.h VM_MAXUSER_ADDRESS.  A guest
 * under xeno lives in Linux's user space, which goes 512 GiB further
 * (0x800000000000) and where Linux places mappings, so the checks against
 * the end of user space use that end (NETBSD_USER_END): refusing the
 * addresses the host hands out would refuse the program its own memory. */
#define NETBSD_VM_MAXUSER_ADDRESS 0x00007f8000000000ULL
#define NETBSD_USER_END		  0x0000800000000000ULL

extern const struct xeno_flagset netbsd_mmap_flags;	/* "mmap" */
extern const struct xeno_flagset netbsd_madv_advice;	/* "madv" */
extern const struct xeno_flagset netbsd_msync_flags;	/* "msync" */
extern const struct xeno_flagset netbsd_minherit_kinds; /* "minherit" */

/* sys_mmap's rules applied to the guest's arguments: the host mmap to make,
 * or -EINVAL where NetBSD refuses. */
int netbsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		     struct bsd_mmap_plan *plan);
int netbsd_prot_to_host(int prot, int *host_prot);
int netbsd_msync_to_host(int flags, int *host_flags);

#endif
