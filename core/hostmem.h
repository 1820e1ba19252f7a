/*
 * The address ranges xeno itself lives in.  Guest and host share one
 * address space, so a guest's MAP_FIXED mmap, munmap, mprotect or madvise
 * could land on xeno's own code, heap, thread states or stacks and destroy
 * it.  xeno keeps a record of them: what was mapped when it started (its
 * binary, heap, stack, vDSO, read from /proc/self/maps before the guest is
 * loaded) and what it maps for itself afterwards (thread states, signal
 * stacks, host thread stacks).  glibc's own allocations are kept inside
 * that record: malloc uses the brk heap (one arena, no mmap'd chunks), with
 * room above it to grow into; what glibc maps itself when the heap cannot
 * grow is recorded as it is mapped (the link wraps glibc's internal __mmap);
 * host thread stacks are xeno's (core/threads.c).  The memory handlers
 * refuse guest operations that overlap it, and take no guest hint into it
 * (syscalls/bsd/mm.c).
 *
 * xeno_hostmem_overlaps runs on the guest's FS base (NOTLS handlers): it
 * uses no glibc state, only a spinlock.
 */
#ifndef XENO_CORE_HOSTMEM_H
#define XENO_CORE_HOSTMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Records everything mapped now as xeno's and keeps glibc's malloc in the
 * brk heap.  Called first thing in main, before the guest is loaded. */
void xeno_hostmem_init(void);

/* Records [start, start + len) as xeno's: 0, or -ENOMEM when the record is
 * full. */
int xeno_hostmem_add(uint64_t start, uint64_t len);
/* Forgets [start, start + len) (memory xeno unmapped). */
void xeno_hostmem_remove(uint64_t start, uint64_t len);
/* True if any byte of [start, start + len) is xeno's. */
bool xeno_hostmem_overlaps(uint64_t start, uint64_t len);

/* Where the host's vDSO was mapped when xeno started: false if nowhere. */
bool xeno_hostmem_vdso(uint64_t *start, uint64_t *len);

/* Anonymous read-write memory for xeno itself, recorded: NULL on failure. */
void *xeno_hostmem_map(size_t len);
void xeno_hostmem_unmap(void *p, size_t len);

#endif
