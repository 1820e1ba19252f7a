/*
 * illumos memory management words (usr/src/uts/common/sys/mman.h):
 * protections, mmap flags (MAP_TYPE 0xf holds SHARED or PRIVATE; MAP_ANON
 * is 0x100; MAP_ALIGN takes the alignment in addr) and madvise advice.
 */
#ifndef XENO_ABI_ILLUMOS_MMAN_H
#define XENO_ABI_ILLUMOS_MMAN_H

#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

#define ILLUMOS_PROT_READ  0x1
#define ILLUMOS_PROT_WRITE 0x2
#define ILLUMOS_PROT_EXEC  0x4
#define ILLUMOS_PROT_ALL   0x7

#define ILLUMOS_MAP_SHARED    0x1
#define ILLUMOS_MAP_PRIVATE   0x2
#define ILLUMOS_MAP_TYPE      0xf
#define ILLUMOS_MAP_FIXED     0x10
#define ILLUMOS_MAP_RENAME    0x20
#define ILLUMOS_MAP_NORESERVE 0x40
#define ILLUMOS_MAP_32BIT     0x80
#define ILLUMOS_MAP_ANON      0x100
#define ILLUMOS_MAP_ALIGN     0x200
#define ILLUMOS_MAP_TEXT      0x400
#define ILLUMOS_MAP_INITDATA  0x800

#define ILLUMOS_MADV_NORMAL	    0
#define ILLUMOS_MADV_RANDOM	    1
#define ILLUMOS_MADV_SEQUENTIAL	    2
#define ILLUMOS_MADV_WILLNEED	    3
#define ILLUMOS_MADV_DONTNEED	    4
#define ILLUMOS_MADV_FREE	    5
#define ILLUMOS_MADV_ACCESS_DEFAULT 6
#define ILLUMOS_MADV_ACCESS_LWP	    7
#define ILLUMOS_MADV_ACCESS_MANY    8
#define ILLUMOS_MADV_PURGE	    9

extern const struct xeno_flagset illumos_prot_flags, illumos_mmap_flags, illumos_madv_advice;

int illumos_prot_to_host(int prot, int *host_prot);
int illumos_mmap_plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		      struct bsd_mmap_plan *plan);
int illumos_msync_to_host(int flags, int *host_flags);

#endif
