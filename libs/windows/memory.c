/*
 * Virtual memory as Windows hands it out: reservations (address space,
 * MEM_RESERVE) whose pages are committed and decommitted (MEM_COMMIT,
 * MEM_DECOMMIT) and released whole (MEM_RELEASE).  Linux has no notion of
 * a reservation, so xeno keeps them: each is a PROT_NONE mapping made with
 * MAP_FIXED_NOREPLACE (a hinted reservation lands exactly there or fails,
 * as Go's sysReserve expects), with a bit per page for its commit state;
 * committing is mprotect, decommitting MADV_DONTNEED and PROT_NONE (the
 * pages read zero when committed again).  VirtualQuery answers from that
 * record: Go's minit finds its stack's AllocationBase there.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "abi/windows/memory.h"
#include "core/hostmem.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "loader/pe_module.h"
#include "windows_kernel32_proto.h"

#define PAGE 4096ULL

struct region {
	uint64_t base, size;
	uint32_t protect;   /* as allocated */
	uint8_t *committed; /* a bit per page */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct region *regions; /* sorted by base */
static size_t nregions, cap;

static int host_prot(uint32_t p)
{
	switch (p & 0xff) {
	case WIN_PAGE_READONLY:
		return PROT_READ;
	case WIN_PAGE_READWRITE:
	case WIN_PAGE_WRITECOPY:
		return PROT_READ | PROT_WRITE;
	case WIN_PAGE_EXECUTE:
	case WIN_PAGE_EXECUTE_READ:
		return PROT_READ | PROT_EXEC;
	case WIN_PAGE_EXECUTE_READWRITE:
	case WIN_PAGE_EXECUTE_WRITECOPY:
		return PROT_READ | PROT_WRITE | PROT_EXEC;
	case WIN_PAGE_NOACCESS:
		return PROT_NONE;
	}
	return -1;
}

/* The region holding addr, or NULL (under the lock). */
static struct region *find(uint64_t addr)
{
	size_t lo = 0, hi = nregions;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (addr < regions[mid].base)
			hi = mid;
		else if (addr >= regions[mid].base + regions[mid].size)
			lo = mid + 1;
		else
			return &regions[mid];
	}
	return NULL;
}

static int add(uint64_t base, uint64_t size, uint32_t protect, bool committed)
{
	if (nregions == cap) {
		size_t ncap = cap ? cap * 2 : 64;
		struct region *r = realloc(regions, ncap * sizeof *r);
		if (!r)
			return -ENOMEM;
		regions = r, cap = ncap;
	}
	size_t bytes = (size / PAGE + 7) / 8;
	uint8_t *bits = malloc(bytes);
	if (!bits)
		return -ENOMEM;
	memset(bits, committed ? 0xff : 0, bytes);
	size_t i = 0;
	while (i < nregions && regions[i].base < base)
		i++;
	memmove(&regions[i + 1], &regions[i], (nregions - i) * sizeof *regions);
	regions[i] = (struct region){base, size, protect, bits};
	nregions++;
	return 0;
}

static void forget(struct region *r)
{
	free(r->committed);
	size_t i = (size_t)(r - regions);
	memmove(&regions[i], &regions[i + 1], (nregions - i - 1) * sizeof *regions);
	nregions--;
}

static void mark(struct region *r, uint64_t from, uint64_t to, bool committed)
{
	for (uint64_t p = (from - r->base) / PAGE; p < (to - r->base) / PAGE; p++)
		if (committed)
			r->committed[p / 8] |= (uint8_t)(1u << (p % 8));
		else
			r->committed[p / 8] &= (uint8_t) ~(1u << (p % 8));
}

static bool is_committed(const struct region *r, uint64_t page)
{
	uint64_t p = (page - r->base) / PAGE;
	return r->committed[p / 8] & (1u << (p % 8));
}

void win_memory_record(uint64_t base, uint64_t size)
{
	pthread_mutex_lock(&lock);
	add(base, size, WIN_PAGE_READWRITE, true);
	pthread_mutex_unlock(&lock);
}

void win_memory_forget(uint64_t base)
{
	pthread_mutex_lock(&lock);
	struct region *r = find(base);
	if (r && r->base == base)
		forget(r);
	pthread_mutex_unlock(&lock);
}

/* A new reservation at addr (0: anywhere, granularity-aligned): its base,
 * or 0 with the error set. */
static uint64_t reserve(uint64_t addr, uint64_t size, uint32_t protect, bool commit)
{
	int prot = commit ? host_prot(protect) : PROT_NONE;
	void *p;
	if (addr) {
		addr &= ~(uint64_t)(WIN_ALLOCATION_GRANULARITY - 1);
		if (addr >= XENO_USER_END || size > XENO_USER_END - addr ||
		    xeno_hostmem_overlaps(addr, size))
			return win_fail(WIN_ERROR_INVALID_ADDRESS);
		p = mmap((void *)addr, size, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
		if (p != MAP_FAILED && (uint64_t)p != addr) {
			munmap(p, size);
			p = MAP_FAILED;
		}
		if (p == MAP_FAILED)
			return win_fail(WIN_ERROR_INVALID_ADDRESS);
	} else {
		uint64_t g = WIN_ALLOCATION_GRANULARITY;
		char *m =
		    mmap(NULL, size + g, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (m == MAP_FAILED)
			return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
		uint64_t start = ((uint64_t)m + g - 1) & ~(g - 1);
		if (start > (uint64_t)m)
			munmap(m, start - (uint64_t)m);
		if ((uint64_t)m + size + g > start + size)
			munmap((void *)(start + size), (uint64_t)m + size + g - (start + size));
		p = (void *)start;
	}
	pthread_mutex_lock(&lock);
	int err = add((uint64_t)p, size, protect, commit);
	pthread_mutex_unlock(&lock);
	if (err) {
		munmap(p, size);
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	}
	return (uint64_t)p;
}

/* Commits [addr, addr + size) inside reservations: addr, or 0. */
static uint64_t commit(uint64_t addr, uint64_t size, uint32_t protect)
{
	uint64_t start = addr & ~(PAGE - 1), end = (addr + size + PAGE - 1) & ~(PAGE - 1);
	pthread_mutex_lock(&lock);
	for (uint64_t a = start; a < end;) {
		struct region *r = find(a);
		if (!r) {
			pthread_mutex_unlock(&lock);
			return win_fail(WIN_ERROR_INVALID_ADDRESS);
		}
		a = r->base + r->size;
	}
	if (mprotect((void *)start, end - start, host_prot(protect)) < 0) {
		pthread_mutex_unlock(&lock);
		return win_fail(WIN_ERROR_COMMITMENT_LIMIT);
	}
	for (uint64_t a = start; a < end;) {
		struct region *r = find(a);
		uint64_t to = r->base + r->size < end ? r->base + r->size : end;
		mark(r, a, to, true);
		a = to;
	}
	pthread_mutex_unlock(&lock);
	return start;
}

long windows_kernel32_VirtualAlloc(struct xeno_thread *t, uint64_t addr, uint64_t size,
				   unsigned int type, unsigned int protect)
{
	(void)t;
	if (!size || host_prot(protect) < 0 ||
	    !(type & (WIN_MEM_COMMIT | WIN_MEM_RESERVE | WIN_MEM_RESET)) ||
	    (type & ~(WIN_MEM_COMMIT | WIN_MEM_RESERVE | WIN_MEM_RESET | WIN_MEM_TOP_DOWN)))
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	uint64_t rsize = (size + (addr & (PAGE - 1)) + PAGE - 1) & ~(PAGE - 1);
	if (type & WIN_MEM_RESET) /* contents no longer needed: still committed */
		return madvise((void *)(addr & ~(PAGE - 1)), rsize, MADV_FREE) == 0
			   ? (long)addr
			   : win_fail(WIN_ERROR_INVALID_ADDRESS);
	if (type & WIN_MEM_RESERVE)
		return (long)reserve(addr, (size + PAGE - 1) & ~(PAGE - 1), protect,
				     type & WIN_MEM_COMMIT);
	return (long)commit(addr, size, protect);
}

long windows_kernel32_VirtualFree(struct xeno_thread *t, uint64_t addr, uint64_t size,
				  unsigned int type)
{
	(void)t;
	pthread_mutex_lock(&lock);
	long ok = 1;
	if (type == WIN_MEM_RELEASE) {
		struct region *r = find(addr);
		if (size != 0 || !r || r->base != addr) {
			ok = win_fail(WIN_ERROR_INVALID_PARAMETER);
		} else {
			munmap((void *)r->base, r->size);
			forget(r);
		}
	} else if (type == WIN_MEM_DECOMMIT) {
		uint64_t start = addr & ~(PAGE - 1);
		uint64_t end = (addr + size + PAGE - 1) & ~(PAGE - 1);
		for (uint64_t a = start; a < end && ok;) {
			struct region *r = find(a);
			if (!r) {
				ok = win_fail(WIN_ERROR_INVALID_ADDRESS);
				break;
			}
			uint64_t to = r->base + r->size < end ? r->base + r->size : end;
			if (size == 0) /* the rest of the reservation */
				to = r->base + r->size, end = to;
			madvise((void *)a, to - a, MADV_DONTNEED);
			mprotect((void *)a, to - a, PROT_NONE);
			mark(r, a, to, false);
			a = to;
		}
	} else {
		ok = win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

long windows_kernel32_VirtualProtect(struct xeno_thread *t, uint64_t addr, uint64_t size,
				     unsigned int protect, uint64_t old_out)
{
	(void)t;
	int prot = host_prot(protect);
	uint64_t start = addr & ~(PAGE - 1), end = (addr + size + PAGE - 1) & ~(PAGE - 1);
	if (prot < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	pthread_mutex_lock(&lock);
	struct region *r = find(start);
	uint32_t old = r ? r->protect : WIN_PAGE_EXECUTE_READ;
	if (r)
		r->protect = protect;
	pthread_mutex_unlock(&lock);
	if (xeno_hostmem_overlaps(start, end - start) ||
	    mprotect((void *)start, end - start, prot) < 0)
		return win_fail(WIN_ERROR_INVALID_ADDRESS);
	if (old_out && xeno_copy_out(old_out, &old, sizeof old) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	return 1;
}

/* What VirtualQuery says of the page at addr outside xeno's record: the
 * program's image, or free. */
static void describe_unrecorded(uint64_t page, struct win_memory_basic_information *mbi)
{
	const struct pe_module *m = pe_program();
	mbi->base_address = page;
	if (m && page >= m->base && page < m->base + m->size) {
		mbi->allocation_base = m->base;
		mbi->allocation_protect = WIN_PAGE_EXECUTE_WRITECOPY;
		mbi->region_size = m->base + m->size - page;
		mbi->state = WIN_MEM_COMMIT;
		mbi->protect = WIN_PAGE_READONLY;
		mbi->type = WIN_MEM_IMAGE;
		return;
	}
	mbi->state = WIN_MEM_FREE;
	mbi->protect = WIN_PAGE_NOACCESS;
	uint64_t next = XENO_USER_END;
	for (size_t i = 0; i < nregions; i++)
		if (regions[i].base > page) {
			next = regions[i].base;
			break;
		}
	mbi->region_size = next - page;
}

long windows_kernel32_VirtualQuery(struct xeno_thread *t, uint64_t addr, uint64_t out, uint64_t len)
{
	(void)t;
	struct win_memory_basic_information mbi = {0};
	if (len < sizeof mbi)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	uint64_t page = addr & ~(PAGE - 1);
	pthread_mutex_lock(&lock);
	struct region *r = find(page);
	if (r) {
		bool c = is_committed(r, page);
		uint64_t end = page;
		while (end < r->base + r->size && is_committed(r, end) == c)
			end += PAGE;
		mbi.base_address = page;
		mbi.allocation_base = r->base;
		mbi.allocation_protect = r->protect;
		mbi.region_size = end - page;
		mbi.state = c ? WIN_MEM_COMMIT : WIN_MEM_RESERVE;
		mbi.protect = c ? r->protect : 0;
		mbi.type = WIN_MEM_PRIVATE;
	} else {
		describe_unrecorded(page, &mbi);
	}
	pthread_mutex_unlock(&lock);
	if (xeno_copy_out(out, &mbi, sizeof mbi) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	return sizeof mbi;
}
