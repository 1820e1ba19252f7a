/*
 * Memory handlers shared by the BSD personalities.  Which arguments are
 * acceptable and what they mean is the OS's business (bsd_abi_of(t), pure
 * functions in abi/<os>/); this file carries the result out on the host.
 *
 * The BSDs round an unaligned address down to its page and extend the length
 * to match, where Linux refuses an unaligned start: page_range() does that
 * first, everywhere.
 *
 * Memory xeno itself lives in (core/hostmem.h) is not the guest's: a range
 * that touches it is refused with EINVAL, the answer FreeBSD gives for a
 * range outside the process's map (sys/vm/vm_mmap.c: kern_mmap for
 * MAP_FIXED, kern_munmap and kern_madvise check vm_map_range_valid).
 * mprotect and minherit take the same answer rather than silently doing
 * nothing there.  msync, mlock and mincore cannot harm it and are let be.
 * The address of a mapping without MAP_FIXED is only a hint (kern_mmap
 * moves one that falls in the room of the data segment elsewhere, and
 * vm_map_find searches on past an occupied one): one that falls in xeno's
 * memory, the room its heap grows into included, is dropped.
 *
 * Fresh anonymous memory over the guest's own private anonymous memory is
 * made in place where it is small (syscalls/bsd/mm_anon.h): every change of
 * the guest's mappings here keeps that file's set of such ranges up to date,
 * under its lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/mman.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/hostmem.h"
#include "core/patch.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/mm_anon.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#endif
#ifndef MADV_KEEPONFORK
#define MADV_KEEPONFORK 19
#endif

#define PAGE	  4096ULL
#define PAGE_MASK (PAGE - 1)

/* Rounds [*addr, *addr + *len) out to whole pages; -EINVAL when the range
 * wraps or leaves user space. */
static int page_range(uint64_t *addr, uint64_t *len)
{
	uint64_t off = *addr & PAGE_MASK;
	uint64_t start = *addr - off, size = (*len + off + PAGE_MASK) & ~PAGE_MASK;
	if (size < *len || start + size < start || start + size > XENO_USER_END)
		return -EINVAL;
	*addr = start;
	*len = size;
	return 0;
}

/* EINVAL if any of [a, a + n) is xeno's own memory. */
static int guest_owned(uint64_t a, uint64_t n)
{
	return xeno_hostmem_overlaps(a, n) ? -EINVAL : 0;
}

static long host_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t off)
{
	return host_syscall6(SYS_mmap, addr, len, prot, flags, fd, off);
}

/*
 * A mapping that must start on p->align: reserve len + align - 1 pages of
 * inaccessible address space, put the real mapping at the first aligned
 * address inside with MAP_FIXED, and give back the slack on both sides.
 */
static long map_aligned(const struct bsd_mmap_plan *p)
{
	uint64_t total = p->len + p->align - PAGE;
	if (total < p->len)
		return -ENOMEM;
	int reserve_flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (p->flags & MAP_32BIT);
	long res = host_mmap(p->addr, total, PROT_NONE, reserve_flags, -1, 0);
	if (res < 0)
		return p->align_hint ? host_mmap(p->addr, p->len, p->prot, p->flags, p->fd, p->off)
				     : res;
	uint64_t start = ((uint64_t)res + p->align - 1) & ~(p->align - 1);
	int flags = (p->flags & ~(MAP_FIXED_NOREPLACE | MAP_32BIT)) | MAP_FIXED;
	long r = host_mmap(start, p->len, p->prot, flags, p->fd, p->off);
	if (r < 0) {
		host_syscall2(SYS_munmap, res, total);
		return r;
	}
	if (start > (uint64_t)res)
		host_syscall2(SYS_munmap, res, start - (uint64_t)res);
	uint64_t end = start + p->len, res_end = (uint64_t)res + total;
	if (res_end > end)
		host_syscall2(SYS_munmap, end, res_end - end);
	return r;
}

/* Private anonymous memory with nothing a fresh mapping of it lacks. */
static bool plain_anon(const struct bsd_mmap_plan *p)
{
	return (p->flags & MAP_ANONYMOUS) && (p->flags & MAP_TYPE) == MAP_PRIVATE && p->fd < 0 &&
	       !p->nocore;
}

/* Under bsd_anon_lock: maps p (in place where mm_anon.h allows), keeps the
 * set of private anonymous ranges up to date; the mapping or -errno. */
static long map_locked(const struct bsd_mmap_plan *p, const struct bsd_abi *abi)
{
	bool fixed = p->flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	/* what it replaces loses its patched sites (core/patch.h) */
	bool patches = (p->flags & MAP_FIXED) && xeno_patch_mem_begin(p->addr, p->len);
	long r;
	if ((p->flags & MAP_FIXED) && plain_anon(p) && !p->align &&
	    p->prot == (PROT_READ | PROT_WRITE) && bsd_anon_remap(&bsd_anon, p->addr, p->len)) {
		r = (long)p->addr;
	} else {
		if (p->flags & MAP_FIXED) /* a MAP_FIXED that fails may have unmapped it */
			bsd_anon_remove(&bsd_anon, p->addr, p->addr + p->len);
		r = p->align ? map_aligned(p)
			     : host_mmap(p->addr, p->len, p->prot, p->flags, p->fd, p->off);
	}
	xeno_patch_mem_end(patches);
	if (p->flags & MAP_FIXED_NOREPLACE) {
		if (r == -EEXIST)
			return -abi->mmap_occupied_errno;
		if (r >= 0 && (uint64_t)r != p->addr) { /* a kernel before 4.17 moved it */
			host_syscall2(SYS_munmap, r, p->len);
			return -abi->mmap_occupied_errno;
		}
	}
	if (r < 0)
		return r;
	if (!fixed && xeno_hostmem_overlaps((uint64_t)r, p->len)) {
		/* the host found room only in what xeno keeps for itself */
		host_syscall2(SYS_munmap, r, p->len);
		return -ENOMEM;
	}
	if (p->nocore)
		host_syscall3(SYS_madvise, r, p->len, MADV_DONTDUMP);
	/* what is there now is what the guest mapped, also where the set knew
	 * of memory xeno itself gave back since (a thread stack of a shim
	 * libc's that the guest had mapped over) */
	if (plain_anon(p))
		bsd_anon_add(&bsd_anon, (uint64_t)r, (uint64_t)r + p->len);
	else
		bsd_anon_remove(&bsd_anon, (uint64_t)r, (uint64_t)r + p->len);
	return r;
}

long bsd_sys_mmap(struct xeno_thread *t, uint64_t addr, size_t len, int prot, int flags, int fd,
		  int64_t pos)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	struct bsd_mmap_plan p;
	int err = abi->mmap_plan(addr, len, prot, flags, fd, pos, &p);
	bool fixed = p.flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	if (!err && (p.flags & MAP_FIXED)) /* it would replace what is there */
		err = guest_owned(p.addr, p.len);
	if (err)
		return err;
	if (!fixed && p.addr && xeno_hostmem_overlaps(p.addr, p.len + p.align))
		p.addr = 0; /* a hint into xeno's memory: anywhere else will do */
	if (p.fd >= 0 && xeno_fd_is_reserved(p.fd))
		return -EBADF; /* xeno's own descriptors are not the guest's */
	if (p.file_untyped)    /* the descriptor is looked at first */
		return host_syscall2(SYS_fcntl, fd, F_GETFD) < 0 ? -EBADF : -EINVAL;
	bsd_anon_lock();
	long r = map_locked(&p, abi);
	bsd_anon_unlock();
	return r < 0 ? r : r + (long)p.pageoff;
}

long bsd_sys_munmap(struct xeno_thread *t, uint64_t addr, size_t len)
{
	(void)t;
	uint64_t a = addr, n = len;
	int err = len == 0 ? -EINVAL : page_range(&a, &n);
	if (!err)
		err = guest_owned(a, n);
	if (err)
		return err;
	bsd_anon_lock();
	bsd_anon_remove(&bsd_anon, a, a + n);
	bool patches = xeno_patch_mem_begin(a, n);
	long r = host_syscall2(SYS_munmap, a, n);
	xeno_patch_mem_end(patches);
	bsd_anon_unlock();
	return r;
}

long bsd_sys_mprotect(struct xeno_thread *t, uint64_t addr, size_t len, int prot)
{
	int host_prot, err = bsd_abi_of(t)->prot_to_host(prot, &host_prot);
	uint64_t a = addr, n = len;
	if (err || (err = page_range(&a, &n)) || (err = guest_owned(a, n)))
		return err;
	/* a program changing its code's protection sees and writes its own bytes */
	bool patches = xeno_patch_mem_begin(a, n);
	long r = host_syscall3(SYS_mprotect, a, n, host_prot);
	xeno_patch_mem_end(patches);
	return r;
}

/* Advice is a hint: the BSDs pass over unmapped holes in the range where
 * Linux reports ENOMEM, and a hint the kernel cannot take is no error. */
static long advise(uint64_t a, uint64_t n, int advice)
{
	long r = host_syscall3(SYS_madvise, a, n, advice);
	if (r == -EINVAL && advice == MADV_FREE) /* not private anonymous memory */
		r = host_syscall3(SYS_madvise, a, n, MADV_DONTNEED);
	if (r == -EINVAL && advice == MADV_COLD) /* before Linux 5.4, or locked pages */
		r = 0;
	return r == -ENOMEM ? 0 : r;
}

/* Forgets that [a, a + n) is plain private anonymous memory: it is about to
 * get an attribute a fresh mapping would not have. */
static void not_plain(uint64_t a, uint64_t n)
{
	bsd_anon_lock();
	bsd_anon_remove(&bsd_anon, a, a + n);
	bsd_anon_unlock();
}

/* Advice about the pages' contents or residency, which a fresh mapping
 * does not remember. */
static bool about_contents(int advice)
{
	return advice == MADV_NORMAL || advice == MADV_WILLNEED || advice == MADV_DONTNEED ||
	       advice == MADV_FREE || advice == MADV_COLD || advice == MADV_PAGEOUT;
}

long bsd_sys_madvise(struct xeno_thread *t, uint64_t addr, size_t len, int behav)
{
	int advice, err = bsd_madvise_to_host(bsd_abi_of(t)->madv_advice, behav, &advice);
	uint64_t a = addr, n = len;
	if (err || (err = page_range(&a, &n)) || (err = guest_owned(a, n)))
		return err;
	if (advice == BSD_MADV_NOOP)
		return 0;
	if (!about_contents(advice))
		not_plain(a, n);
	return advise(a, n, advice);
}

long bsd_sys_msync(struct xeno_thread *t, uint64_t addr, size_t len, int flags)
{
	uint64_t a = addr, n = len;
	int host_flags, err = page_range(&a, &n);
	if (err || (err = bsd_abi_of(t)->msync_to_host(flags, &host_flags)))
		return err;
	return host_syscall3(SYS_msync, a, n, host_flags);
}

long bsd_sys_minherit(struct xeno_thread *t, uint64_t addr, size_t len, int inherit)
{
	uint64_t a = addr, n = len;
	int advice, err = page_range(&a, &n);
	if (err || (err = bsd_minherit_to_host(bsd_abi_of(t)->minherit_kinds, inherit, &advice)) ||
	    (err = guest_owned(a, n)))
		return err;
	not_plain(a, n);
	long r = advise(a, n, advice);
	if (r == 0 && advice == MADV_DOFORK) /* and undo an earlier INHERIT_ZERO */
		advise(a, n, MADV_KEEPONFORK);
	return r;
}

long bsd_sys_mlock(struct xeno_thread *t, uint64_t addr, size_t len)
{
	(void)t;
	uint64_t a = addr, n = len;
	if (addr + len < addr)
		return -EINVAL;
	if (page_range(&a, &n) == 0)
		not_plain(a, n);
	return host_syscall2(SYS_mlock, addr, len);
}

long bsd_sys_munlock(struct xeno_thread *t, uint64_t addr, size_t len)
{
	(void)t;
	if (addr + len < addr)
		return -EINVAL;
	return host_syscall2(SYS_munlock, addr, len);
}

/* One status byte per page from the page of addr on; bit 0 (resident) means
 * the same on both systems, the BSD-only referenced/modified bits stay 0. */
long bsd_sys_mincore(struct xeno_thread *t, uint64_t addr, size_t len, uint64_t vec)
{
	(void)t;
	uint64_t a = addr & ~PAGE_MASK, n = (len + PAGE_MASK) & ~PAGE_MASK;
	if (n < len || a + n < a || a + n > XENO_USER_END)
		return -ENOMEM;
	return host_syscall3(SYS_mincore, a, n, vec);
}
