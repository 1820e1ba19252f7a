/* Fresh anonymous memory over the guest's own, in place: see mm_anon.h. */
#include "syscalls/bsd/mm_anon.h"

#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "core/forklock.h"
#include "core/host.h"
#include "core/spinlock.h"
#include "core/uaccess.h"

#define PAGE 4096ULL

/* The first range that ends at or past lo (those before end below it). */
static unsigned first_ending_from(const struct bsd_anon_set *s, uint64_t lo)
{
	unsigned a = 0, b = s->n;
	while (a < b) {
		unsigned mid = a + (b - a) / 2;
		if (s->r[mid].hi < lo)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

static void drop(struct bsd_anon_set *s, unsigned from, unsigned count)
{
	memmove(&s->r[from], &s->r[from + count], (s->n - from - count) * sizeof s->r[0]);
	s->n -= count;
}

void bsd_anon_add(struct bsd_anon_set *s, uint64_t lo, uint64_t hi)
{
	if (lo >= hi)
		return;
	unsigned i = first_ending_from(s, lo), j = i;
	while (j < s->n && s->r[j].lo <= hi) /* overlapping or touching [lo, hi) */
		j++;
	if (j > i) { /* one range for all of them */
		s->r[i].lo = s->r[i].lo < lo ? s->r[i].lo : lo;
		s->r[i].hi = s->r[j - 1].hi > hi ? s->r[j - 1].hi : hi;
		drop(s, i + 1, j - i - 1);
		return;
	}
	if (s->n == BSD_ANON_MAX)
		return;
	memmove(&s->r[i + 1], &s->r[i], (s->n - i) * sizeof s->r[0]);
	s->r[i].lo = lo, s->r[i].hi = hi;
	s->n++;
}

void bsd_anon_remove(struct bsd_anon_set *s, uint64_t lo, uint64_t hi)
{
	unsigned i = first_ending_from(s, lo + 1); /* the first ending past lo */
	while (i < s->n && s->r[i].lo < hi) {
		uint64_t rlo = s->r[i].lo, rhi = s->r[i].hi;
		if (rlo < lo && rhi > hi) { /* [lo, hi) inside it: two pieces */
			if (s->n == BSD_ANON_MAX) {
				drop(s, i, 1);
				return;
			}
			memmove(&s->r[i + 1], &s->r[i], (s->n - i) * sizeof s->r[0]);
			s->n++;
			s->r[i].hi = lo;
			s->r[i + 1].lo = hi;
			return;
		}
		if (rlo < lo) {
			s->r[i++].hi = lo;
		} else if (rhi > hi) {
			s->r[i].lo = hi;
			return;
		} else {
			drop(s, i, 1);
		}
	}
}

bool bsd_anon_covers(const struct bsd_anon_set *s, uint64_t lo, uint64_t hi)
{
	unsigned i = first_ending_from(s, lo + 1);
	return i < s->n && s->r[i].lo <= lo && hi <= s->r[i].hi;
}

struct bsd_anon_set bsd_anon;
static int lock_word;

void bsd_anon_lock(void)
{
	xeno_spin_lock_yielding(&lock_word); /* held across a system call */
}

void bsd_anon_unlock(void)
{
	xeno_spin_unlock(&lock_word);
}

static void unlock_after_fork(bool child)
{
	(void)child; /* the child's mappings are the parent's: the set holds */
	bsd_anon_unlock();
}

XENO_FORK_LOCK(bsd_anon, 60, bsd_anon_lock, unlock_after_fork);

static const uint8_t zero_page[PAGE];

/* Pages [from, to) of addr: zeroed where resident, else dropped (a page
 * swapped out comes back as zeros then). */
static bool zero_run(uint64_t addr, uint64_t from, uint64_t to, bool resident)
{
	if (!resident)
		return host_syscall3(SYS_madvise, addr + from * PAGE, (to - from) * PAGE,
				     MADV_DONTNEED) == 0;
	for (uint64_t k = from; k < to; k++)
		if (xeno_copy_out(addr + k * PAGE, zero_page, PAGE) < 0)
			return false;
	return true;
}

bool bsd_anon_remap(const struct bsd_anon_set *s, uint64_t addr, uint64_t len)
{
	unsigned char vec[BSD_ANON_REMAP_MAX / PAGE];
	if (len == 0 || len > BSD_ANON_REMAP_MAX || (addr | len) % PAGE ||
	    !bsd_anon_covers(s, addr, addr + len))
		return false;
	if (host_syscall3(SYS_mprotect, addr, len, PROT_READ | PROT_WRITE) < 0 ||
	    host_syscall3(SYS_mincore, addr, len, (long)vec) < 0)
		return false;
	uint64_t pages = len / PAGE;
	for (uint64_t i = 0, j; i < pages; i = j) {
		bool resident = vec[i] & 1;
		for (j = i + 1; j < pages && (bool)(vec[j] & 1) == resident; j++)
			;
		if (!zero_run(addr, i, j, resident))
			return false;
	}
	return true;
}
