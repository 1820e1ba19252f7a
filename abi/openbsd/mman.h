/*
 * OpenBSD memory management facts (sys/sys/mman.h rev 1.34) and the rules
 * of sys_mmap (sys/uvm/uvm_mmap.c) as a pure function.
 */
#ifndef XENO_ABI_OPENBSD_MMAN_H
#define XENO_ABI_OPENBSD_MMAN_H

#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

#define OPENBSD_PROT_ALL      0x07
#define OPENBSD_MAP_SHARED    0x0001
#define OPENBSD_MAP_PRIVATE   0x0002
#define OPENBSD_MAP_FIXED     0x0010
#define OPENBSD_MAP_NOREPLACE 0x0800 /* __MAP_NOREPLACE */
#define OPENBSD_MAP_ANON      0x1000
#define OPENBSD_MAP_NOFAULT   0x2000 /* __MAP_NOFAULT */
#define OPENBSD_MAP_STACK     0x4000
#define OPENBSD_MAP_CONCEAL   0x8000
#define OPENBSD_MAP_FLAGMASK  0xfff7

#define OPENBSD_MS_ASYNC      0x01
#define OPENBSD_MS_SYNC	      0x02
#define OPENBSD_MS_INVALIDATE 0x04

enum {
	OPENBSD_MADV_SPACEAVAIL = 5,
	OPENBSD_MADV_FREE = 6,
	OPENBSD_MAP_INHERIT_ZERO = 3,
};

/* sys/arch/amd64/include/vmparam.h VM_MAXUSER_ADDRESS is below Linux's
 * end of user space; addresses are checked against Linux's (as for
 * NetBSD, abi/netbsd/mman.h), where the host places mappings. */
#define OPENBSD_USER_END 0x0000800000000000ULL

extern const struct xeno_flagset openbsd_mmap_flags;	 /* "mmap" */
extern const struct xeno_flagset openbsd_madv_advice;	 /* "madv" */
extern const struct xeno_flagset openbsd_msync_flags;	 /* "msync" */
extern const struct xeno_flagset openbsd_minherit_kinds; /* "minherit" */

int openbsd_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *plan);
int openbsd_prot_to_host(int prot, int *host_prot);
int openbsd_msync_to_host(int flags, int *host_flags);

#endif
