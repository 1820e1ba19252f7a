#include "core/hostmem.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/forklock.h"
#include "core/spinlock.h"
#include "core/uaccess.h"

#define MAX_RANGES 4096
/* Room kept above the heap's current end for it to grow into (brk fails,
 * and glibc falls back to mappings xeno cannot see, if the guest puts
 * something right above it).  Nothing else is placed there: Linux puts the
 * heap of a static PIE apart from the mmap area. */
#define HEAP_ROOM (1ULL << 30)
/* Room below the main thread's stack for it to grow into; xeno's own code
 * runs on it only before the guest starts and on the way out. */
#define STACK_ROOM (8ULL << 20)

struct range {
	uint64_t start, end;
};

static struct range ranges[MAX_RANGES];
static unsigned nranges;
static struct range vdso; /* the host's vDSO, as /proc/self/maps showed it */
/* The memory handlers run on the guest's FS base (NOTLS). */
static int lock_word;

static void lock(void)
{
	xeno_spin_lock(&lock_word);
}

static void unlock(void)
{
	xeno_spin_unlock(&lock_word);
}

static int add_locked(uint64_t start, uint64_t end)
{
	if (start >= end)
		return 0;
	if (nranges == MAX_RANGES)
		return -ENOMEM;
	ranges[nranges++] = (struct range){start, end};
	return 0;
}

int xeno_hostmem_add(uint64_t start, uint64_t len)
{
	if (len == 0 || start + len < start)
		return 0;
	lock();
	int err = add_locked(start, start + len);
	unlock();
	return err;
}

void xeno_hostmem_remove(uint64_t start, uint64_t len)
{
	uint64_t end = start + len < start ? UINT64_MAX : start + len;
	lock();
	for (unsigned i = 0; i < nranges;) {
		struct range *r = &ranges[i];
		if (r->end <= start || r->start >= end) {
			i++;
			continue;
		}
		struct range left = {r->start, start}, right = {end, r->end};
		if (left.start < left.end && right.start < right.end) {
			/* a hole in the middle: both sides stay (or, with no
			 * room for the second, the whole range: still xeno's
			 * view of it, only coarser) */
			if (nranges < MAX_RANGES) {
				*r = left;
				ranges[nranges++] = right;
			}
			i++;
		} else if (left.start < left.end) {
			*r = left;
			i++;
		} else if (right.start < right.end) {
			*r = right;
			i++;
		} else {
			*r = ranges[--nranges];
		}
	}
	unlock();
}

/*
 * What glibc maps for itself through its internal __mmap: malloc's fallback
 * when the brk heap cannot grow (something in the way, or RLIMIT_DATA), and
 * a few rarer buffers.  The link wraps __mmap, __munmap and __mremap
 * (Makefile, XLDFLAGS: --wrap), and the wrappers record here what those
 * calls map and forget what they unmap.  They run inside malloc, holding its
 * arena lock, where taking `lock` could deadlock against a fork (which holds
 * `lock` while glibc takes malloc's locks): so this table takes no lock.
 * A slot is free while its end is 0; a writer claims it by moving end from
 * 0 to 1 (an empty range), stores start, and stores end last; a reader that
 * sees end change under it reads the slot again.
 */
#define MAX_LIBC_MAPS 1024
static struct range libc_maps[MAX_LIBC_MAPS];
static unsigned libc_used; /* slots ever claimed: readers look no further */

static void libc_map_add(uint64_t start, uint64_t len)
{
	for (unsigned i = 0; i < MAX_LIBC_MAPS; i++) {
		uint64_t free_end = 0;
		if (!__atomic_compare_exchange_n(&libc_maps[i].end, &free_end, 1, false,
						 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			continue;
		__atomic_store_n(&libc_maps[i].start, start, __ATOMIC_RELAXED);
		__atomic_store_n(&libc_maps[i].end, start + len, __ATOMIC_RELEASE);
		unsigned used = __atomic_load_n(&libc_used, __ATOMIC_RELAXED);
		while (used <= i &&
		       !__atomic_compare_exchange_n(&libc_used, &used, i + 1, true,
						    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
			;
		return;
	}
	/* Full (a thousand live mappings of glibc's own: not seen in practice):
	 * the mapping goes unrecorded, as all of them did before. */
}

/* Forgets the recorded mappings [start, start + len) covers whole; one it
 * covers in part stays recorded whole (coarser, never wrong). */
static void libc_map_remove(uint64_t start, uint64_t len)
{
	unsigned used = __atomic_load_n(&libc_used, __ATOMIC_ACQUIRE);
	for (unsigned i = 0; i < used; i++) {
		uint64_t end = __atomic_load_n(&libc_maps[i].end, __ATOMIC_ACQUIRE);
		uint64_t lo = __atomic_load_n(&libc_maps[i].start, __ATOMIC_RELAXED);
		if (end > 1 && start <= lo && end - start <= len)
			__atomic_compare_exchange_n(&libc_maps[i].end, &end, 0, false,
						    __ATOMIC_RELEASE, __ATOMIC_RELAXED);
	}
}

static bool libc_maps_overlap(uint64_t start, uint64_t end)
{
	unsigned used = __atomic_load_n(&libc_used, __ATOMIC_ACQUIRE);
	for (unsigned i = 0; i < used; i++) {
		uint64_t hi, lo;
		do {
			hi = __atomic_load_n(&libc_maps[i].end, __ATOMIC_ACQUIRE);
			lo = __atomic_load_n(&libc_maps[i].start, __ATOMIC_ACQUIRE);
		} while (hi != __atomic_load_n(&libc_maps[i].end, __ATOMIC_ACQUIRE));
		if (hi > 1 && lo < end && start < hi)
			return true;
	}
	return false;
}

/* The wrappers the link puts in place of glibc's own calls (ld --wrap):
 * the same system calls, recorded.  Declared here only: nothing calls them
 * by name. */
void *__wrap___mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __wrap___munmap(void *addr, size_t len);
void *__wrap___mremap(void *old, size_t old_len, size_t new_len, int flags, ...);

void *__wrap___mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
	if (r == -1)
		return MAP_FAILED;
	libc_map_add((uint64_t)r, len);
	return (void *)r;
}

int __wrap___munmap(void *addr, size_t len)
{
	libc_map_remove((uint64_t)addr, len);
	return (int)syscall(SYS_munmap, addr, len);
}

void *__wrap___mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	if (flags & MREMAP_FIXED) {
		va_list ap;
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	long r = syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
	if (r == -1)
		return MAP_FAILED;
	libc_map_remove((uint64_t)old, old_len);
	libc_map_add((uint64_t)r, new_len);
	return (void *)r;
}

bool xeno_hostmem_overlaps(uint64_t start, uint64_t len)
{
	uint64_t end = start + len < start ? UINT64_MAX : start + len;
	bool hit = false;
	lock();
	for (unsigned i = 0; i < nranges && !hit; i++)
		hit = ranges[i].start < end && start < ranges[i].end;
	unlock();
	return hit || libc_maps_overlap(start, end);
}

void *xeno_hostmem_map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	if (xeno_hostmem_add((uint64_t)p, len) < 0) {
		munmap(p, len);
		errno = ENOMEM;
		return NULL;
	}
	return p;
}

void xeno_hostmem_unmap(void *p, size_t len)
{
	xeno_hostmem_remove((uint64_t)p, len);
	munmap(p, len);
}

static void unlock_after_fork(bool child)
{
	(void)child;
	unlock();
}

XENO_FORK_LOCK(hostmem, XENO_FORK_RANK_CORE + 30, lock, unlock_after_fork);

/* One line of /proc/self/maps: "start-end perms offset dev inode [path]". */
static void record_line(const char *line)
{
	char *end;
	uint64_t lo = strtoull(line, &end, 16), hi;
	if (*end != '-')
		return;
	hi = strtoull(end + 1, &end, 16);
	if (lo >= XENO_USER_END || hi <= lo) /* [vsyscall] is no guest's either */
		return;
	if (strstr(line, "[heap]")) {
		uint64_t brk = (uint64_t)syscall(SYS_brk, 0);
		hi = (brk > hi ? brk : hi) + HEAP_ROOM;
	} else if (strstr(line, "[stack]")) {
		lo = lo > STACK_ROOM ? lo - STACK_ROOM : 0;
	} else if (strstr(line, "[vdso]")) {
		vdso = (struct range){lo, hi};
	}
	add_locked(lo, hi);
}

static void record_current_map(void)
{
	static char buf[256 * 1024]; /* a fresh process has a few dozen lines */
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	size_t used = 0;
	for (ssize_t n;
	     used < sizeof buf - 1 && (n = read(fd, buf + used, sizeof buf - 1 - used)) > 0;)
		used += (size_t)n;
	close(fd);
	buf[used] = '\0';
	bool heap_seen = strstr(buf, "[heap]") != NULL;
	lock();
	for (char *line = buf, *nl; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		record_line(line);
	}
	if (!heap_seen) { /* no heap yet: where it will start */
		uint64_t brk = (uint64_t)syscall(SYS_brk, 0);
		add_locked(brk, brk + HEAP_ROOM);
	}
	unlock();
}

bool xeno_hostmem_vdso(uint64_t *start, uint64_t *len)
{
	*start = vdso.start;
	*len = vdso.end - vdso.start;
	return vdso.end > vdso.start;
}

void xeno_hostmem_init(void)
{
	/* Every malloc from the brk heap: one arena (the others would be
	 * mappings of their own) and no mmap'd chunks. */
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_MMAP_MAX, 0);
	record_current_map();
}
