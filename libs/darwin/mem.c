/*
 * mmap, munmap, madvise (xnu bsd/sys/mman.h): PROT_* as Linux's;
 * MAP_SHARED 1, MAP_PRIVATE 2, MAP_FIXED 0x10, MAP_NORESERVE 0x40,
 * MAP_JIT 0x800, MAP_ANON 0x1000.  madvise's advice numbers collide with
 * Linux's: macOS's MADV_FREE_REUSE (8) is Linux's MADV_FREE, which would
 * throw away pages Go has just taken back into use.
 */
#include <errno.h>
#include <sys/mman.h>

#include "core/host.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

#define D_MAP_SHARED	0x1
#define D_MAP_PRIVATE	0x2
#define D_MAP_FIXED	0x10
#define D_MAP_RENAME	0x20
#define D_MAP_NORESERVE 0x40
#define D_MAP_NOCACHE	0x400
#define D_MAP_JIT	0x800
#define D_MAP_ANON	0x1000

long darwin_libSystem_mmap(struct xeno_thread *t, uint64_t addr, size_t len, int prot,
			   uint64_t flags, int fd, int64_t off)
{
	(void)t;
	const uint64_t known = D_MAP_SHARED | D_MAP_PRIVATE | D_MAP_FIXED | D_MAP_RENAME |
			       D_MAP_NORESERVE | D_MAP_NOCACHE | D_MAP_JIT | D_MAP_ANON;
	if ((flags & ~known) || (prot & ~7))
		return -EINVAL;
	int h = flags & D_MAP_SHARED ? MAP_SHARED : MAP_PRIVATE;
	if (flags & D_MAP_FIXED)
		h |= MAP_FIXED;
	if (flags & D_MAP_NORESERVE)
		h |= MAP_NORESERVE;
	if (flags & D_MAP_ANON) {
		h |= MAP_ANONYMOUS;
		fd = -1; /* macOS reads a VM tag from an anonymous mapping's fd */
		off = 0;
	}
	return host_syscall6(SYS_mmap, addr, len, prot, h, fd, off);
}

long darwin_libSystem_munmap(struct xeno_thread *t, uint64_t addr, size_t len)
{
	(void)t;
	return host_syscall2(SYS_munmap, addr, len);
}

long darwin_libSystem_madvise(struct xeno_thread *t, uint64_t addr, size_t len, int advice)
{
	(void)t;
	int h;
	switch (advice) {
	case 0:
		h = MADV_NORMAL;
		break;
	case 1:
		h = MADV_RANDOM;
		break;
	case 2:
		h = MADV_SEQUENTIAL;
		break;
	case 3:
		h = MADV_WILLNEED;
		break;
	case 5: /* MADV_FREE */
	case 7:
		h = MADV_FREE;
		break; /* MADV_FREE_REUSABLE */
	case 4:	       /* MADV_DONTNEED: a hint on macOS, the contents stay */
	case 6:	       /* MADV_ZERO_WIRED_PAGES */
	case 8:	       /* MADV_FREE_REUSE */
	case 9:
		return 0; /* MADV_CAN_REUSE */
	default:
		return -EINVAL;
	}
	return host_syscall3(SYS_madvise, addr, len, h);
}
