#include "core/hostmem.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
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

bool xeno_hostmem_overlaps(uint64_t start, uint64_t len)
{
	uint64_t end = start + len < start ? UINT64_MAX : start + len;
	bool hit = false;
	lock();
	for (unsigned i = 0; i < nranges && !hit; i++)
		hit = ranges[i].start < end && start < ranges[i].end;
	unlock();
	return hit;
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
