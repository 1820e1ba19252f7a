/*
 * Fresh anonymous memory over the guest's own, in place (syscalls/bsd/mm.c).
 *
 * A program that maps private anonymous memory with MAP_FIXED over part of
 * private anonymous memory it mapped itself gets zeroed pages there.  Linux
 * does that by unmapping and mapping again: when another CPU runs one of the
 * process's threads, each such remap of pages in use flushes that CPU's TLB
 * by an inter-processor interrupt (a VM exit on a virtual machine), and the
 * pages fault in again when used.  Go's runtime for OpenBSD remaps every
 * goroutine stack it takes or gives back that way (MAP_STACK on, then off):
 * 13,000 times in esbuild's 3,000-module build, a third of its time.  So a
 * small read-write remap of a range xeno knows to be private anonymous is
 * done in place: protection set, resident pages zeroed, the others dropped.
 * (MAP_STACK, to Linux only a hint against transparent huge pages, is not
 * applied there.)  Traces and recordings see the guest's call either way.
 *
 * A range is known from the guest's own mmap until anything maps over it,
 * unmaps it, or gives it an attribute a fresh mapping would not have
 * (inheritance, locking, advice other than about its contents).  Missing
 * knowledge costs only the fast path; stale knowledge would zero a file or
 * shared mapping in place, so the set and the mappings change together:
 * mm.c holds bsd_anon_lock across each change and its system call, and
 * forgets the place of every mapping that is not plain anonymous memory.
 * What it cannot see: a place the guest mapped over memory of its shim
 * libc's (a thread stack), which xeno gives back and its loader then fills
 * with a library (dlopen): a remap there would zero the library's private
 * pages in place — zeros as asked, but a later MADV_FREE would show the
 * file again.  The loader maps no shared memory.
 */
#ifndef XENO_SYSCALLS_BSD_MM_ANON_H
#define XENO_SYSCALLS_BSD_MM_ANON_H

#include <stdbool.h>
#include <stdint.h>

/* Disjoint page-aligned ranges [lo, hi), by address; adjacent ones merged. */
#define BSD_ANON_MAX 512
struct bsd_anon_set {
	unsigned n;
	struct {
		uint64_t lo, hi;
	} r[BSD_ANON_MAX];
};

/* Adds [lo, hi) (not tracked when the set is full). */
void bsd_anon_add(struct bsd_anon_set *s, uint64_t lo, uint64_t hi);
/* Forgets [lo, hi) (a range it would split in a full set: all of it). */
void bsd_anon_remove(struct bsd_anon_set *s, uint64_t lo, uint64_t hi);
/* Whether [lo, hi) lies inside one range of s. */
bool bsd_anon_covers(const struct bsd_anon_set *s, uint64_t lo, uint64_t hi);

/* The process's set, and the lock of it and of the guest's mappings. */
extern struct bsd_anon_set bsd_anon;
void bsd_anon_lock(void);
void bsd_anon_unlock(void);

/* The largest remap done in place (a larger one costs more to zero than
 * to map again). */
#define BSD_ANON_REMAP_MAX (256 * 1024)

/* Under the lock: fresh private anonymous read-write memory at [addr,
 * addr + len), page-aligned, done in place if s knows the range; false if
 * not done (the caller maps it). */
bool bsd_anon_remap(const struct bsd_anon_set *s, uint64_t addr, uint64_t len);

#endif
