/*
 * The guest's heap (libs/common/heap.h): size classes over arenas, a
 * spinlock per class, nothing of glibc's thread state.
 *
 * A class hands out blocks from its free list, else from the rest of the
 * run it carved last (so that pages are touched only when used), else
 * from a new run taken from the current arena.  Freed blocks go back on
 * their class's list, marked free in their header (a second free of the
 * same block is refused rather than corrupting the list).  What a later
 * malloc for the guest wants on top — per-thread caches hung off the
 * guest's thread record, giving empty runs back — fits this shape.
 */
#include "libs/common/heap.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "core/forklock.h"
#include "core/host.h"
#include "core/uaccess.h"

#define HEADER	   16
#define MAGIC	   0x78686561u /* "aehx" */
#define SMALL_MAX  65536u      /* the largest class's blocks, header included */
#define NCLASSES   44	       /* 8 of 16-byte steps, 4 per power of two after */
#define RUN_MIN	   65536u      /* a class carves at least this much at once */
#define ARENA_SIZE (4u << 20)
#define PAGE	   4096u

/* The header's class word: a class number, or one of these. */
#define CLASS_LARGE   0xffffu  /* a mapping of its own; size: the mapping's */
#define CLASS_ALIGNED 0xfffeu  /* inside another block; size: the way back to it */
#define CLASS_FREE    0x10000u /* or'ed in while the block is on a free list */

struct header {
	uint32_t magic;
	uint32_t cls;
	uint64_t size;
};
_Static_assert(sizeof(struct header) == HEADER, "payloads stay 16-byte aligned");

struct freeblock {
	struct freeblock *next;
};

static struct heap_class {
	int lock;
	struct freeblock *free;
	char *run, *run_end; /* what is left of the last run carved */
} classes[NCLASSES];

static struct {
	int lock;
	char *next, *end;
} arena;

static void spin_lock(int *l)
{
	for (unsigned n = 1; __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE); n++)
		while (__atomic_load_n(l, __ATOMIC_RELAXED)) {
			/* the holder may have been preempted: let it run */
			if (n++ % 256 == 0)
				host_syscall0(SYS_sched_yield);
			else
				__builtin_ia32_pause();
		}
}

static void spin_unlock(int *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

static void lock_all(void)
{
	for (unsigned c = 0; c < NCLASSES; c++)
		spin_lock(&classes[c].lock);
	spin_lock(&arena.lock);
}

static void unlock_all(bool child)
{
	(void)child;
	spin_unlock(&arena.lock);
	for (unsigned c = NCLASSES; c-- > 0;)
		spin_unlock(&classes[c].lock);
}

/* Taken by shim handlers, which hold no lock of core's meanwhile. */
XENO_FORK_LOCK(guest_heap, 50, lock_all, unlock_all);

static void *map(size_t size)
{
	long r = host_syscall6(SYS_mmap, 0, size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r < 0 && r > -4096 ? NULL : (void *)r;
}

/* The class of a block of n bytes (header included, 1 <= n <= SMALL_MAX). */
static unsigned class_of(size_t n)
{
	if (n <= 128)
		return (unsigned)((n + 15) / 16 - 1);
	unsigned lg = 63 - (unsigned)__builtin_clzll(n - 1); /* n in (2^lg, 2^(lg+1)] */
	return 8 + (lg - 7) * 4 + (unsigned)((n - 1 - (1ULL << lg)) >> (lg - 2));
}

static size_t class_size(unsigned c)
{
	if (c < 8)
		return 16 * (c + 1);
	unsigned lg = 7 + (c - 8) / 4;
	return (1ULL << lg) + ((c - 8) % 4 + 1) * (1ULL << (lg - 2));
}

_Static_assert(NCLASSES == 8 + (16 - 7) * 4, "the last class is SMALL_MAX");

/* n bytes of a fresh arena run (the arena lock inside a class lock). */
static char *arena_take(size_t n)
{
	spin_lock(&arena.lock);
	if ((size_t)(arena.end - arena.next) < n) {
		char *a = map(ARENA_SIZE);
		if (!a) {
			spin_unlock(&arena.lock);
			return NULL;
		}
		arena.next = a, arena.end = a + ARENA_SIZE;
	}
	char *p = arena.next;
	arena.next += n;
	spin_unlock(&arena.lock);
	return p;
}

static struct header *small_block(unsigned c)
{
	struct heap_class *k = &classes[c];
	size_t bs = class_size(c);
	spin_lock(&k->lock);
	struct freeblock *b = k->free; /* the payloads of free blocks */
	struct header *h;
	if (b) {
		k->free = b->next;
		h = (struct header *)b - 1;
	} else {
		if ((size_t)(k->run_end - k->run) < bs) {
			size_t run = bs * 16 > RUN_MIN ? bs * 16 : RUN_MIN;
			char *r = arena_take(run - run % bs);
			if (!r) {
				spin_unlock(&k->lock);
				return NULL;
			}
			k->run = r, k->run_end = r + run - run % bs;
		}
		h = (struct header *)k->run;
		k->run += bs;
	}
	spin_unlock(&k->lock);
	return h;
}

void *xeno_heap_alloc(size_t size)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	size_t need = size + HEADER;
	struct header *h;
	if (need <= SMALL_MAX) {
		unsigned c = class_of(need);
		if (!(h = small_block(c)))
			return NULL;
		*h = (struct header){MAGIC, c, 0};
	} else {
		size_t len = (need + PAGE - 1) & ~(size_t)(PAGE - 1);
		if (!(h = map(len)))
			return NULL;
		*h = (struct header){MAGIC, CLASS_LARGE, len};
	}
	return h + 1;
}

void *xeno_heap_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = xeno_heap_alloc(n * size);
	if (p && ((struct header *)p - 1)->cls != CLASS_LARGE) /* fresh mappings are zero */
		memset(p, 0, n * size);
	return p;
}

void *xeno_heap_aligned(size_t align, size_t size)
{
	if (!align || (align & (align - 1)))
		return NULL;
	if (align <= HEADER)
		return xeno_heap_alloc(size);
	if (size > SIZE_MAX / 2 - align)
		return NULL;
	char *raw = xeno_heap_alloc(size + align + HEADER);
	if (!raw)
		return NULL;
	char *p = (char *)(((uintptr_t)raw + HEADER + align - 1) & ~(uintptr_t)(align - 1));
	*((struct header *)p - 1) = (struct header){MAGIC, CLASS_ALIGNED, (uint64_t)(p - raw)};
	return p;
}

/* p's header, read as guest memory (a wild pointer is not the heap's): 0 or -1. */
static int header_of(const void *p, struct header *h)
{
	if (!p || (uintptr_t)p % 16)
		return -1;
	if (xeno_copy_in(h, (uint64_t)p - HEADER, sizeof *h) < 0 || h->magic != MAGIC)
		return -1;
	if (h->cls < NCLASSES || h->cls == CLASS_LARGE || h->cls == CLASS_ALIGNED)
		return 0;
	return -1; /* free already, or not a header */
}

bool xeno_heap_free(void *p)
{
	struct header h;
	if (!p)
		return true;
	if (header_of(p, &h) < 0)
		return false;
	if (h.cls == CLASS_ALIGNED)
		return xeno_heap_free((char *)p - h.size);
	struct header *hp = (struct header *)p - 1;
	if (h.cls == CLASS_LARGE) {
		hp->magic = 0;
		host_syscall2(SYS_munmap, hp, h.size);
		return true;
	}
	struct heap_class *k = &classes[h.cls];
	spin_lock(&k->lock);
	bool ours = hp->cls == h.cls; /* not freed meanwhile by another thread */
	if (ours) {
		hp->cls |= CLASS_FREE;
		struct freeblock *b = p;
		b->next = k->free;
		k->free = b;
	}
	spin_unlock(&k->lock);
	return ours;
}

size_t xeno_heap_usable(const void *p)
{
	struct header h;
	if (header_of(p, &h) < 0)
		return 0;
	if (h.cls == CLASS_ALIGNED) {
		size_t whole = xeno_heap_usable((const char *)p - h.size);
		return whole > h.size ? whole - h.size : 0;
	}
	if (h.cls == CLASS_LARGE)
		return h.size - HEADER;
	return class_size(h.cls) - HEADER;
}

void *xeno_heap_realloc(void *p, size_t size)
{
	if (!p)
		return xeno_heap_alloc(size);
	size_t have = xeno_heap_usable(p);
	if (!have)
		return NULL;
	/* stays put while it fits and would not waste more than half */
	if (size <= have && size >= have / 2)
		return p;
	void *q = xeno_heap_alloc(size);
	if (!q)
		return NULL;
	memcpy(q, p, size < have ? size : have);
	xeno_heap_free(p);
	return q;
}
