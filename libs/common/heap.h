/*
 * The guest's heap: memory the shim libraries hand to the guest — malloc
 * and its family, and the objects behind handles such as FreeBSD's
 * pthread_mutex_t (a pointer to an object the library allocates).  Shared
 * by every personality whose libraries xeno provides.
 *
 * It runs where glibc's malloc cannot: in a direct call on the guest's FS
 * base (core/gate.h), so it uses nothing of glibc's thread state — raw
 * mmap system calls and spinlocks.  Blocks come in size classes (16-byte
 * steps to 128 bytes, then four classes per power of two to 64 KiB), each
 * class a free list carved from 4 MiB arenas; larger blocks are mappings
 * of their own.  Every block has a 16-byte header (its class, a check
 * word), so that free and realloc know its size and refuse what is not
 * theirs, and payloads are 16-byte aligned as the x86-64 psABI asks of
 * malloc.  Locks are per class; a fork holds them all (core/forklock.h).
 *
 * It is the guest's memory, not xeno's: the guest may map over it or
 * scribble on it as it can on any malloc'd memory.
 */
#ifndef XENO_LIBS_COMMON_HEAP_H
#define XENO_LIBS_COMMON_HEAP_H

#include <stdbool.h>
#include <stddef.h>

/* NULL when out of memory (or size is absurd); size 0 gives a unique block. */
void *xeno_heap_alloc(size_t size);
/* Zeroed; NULL also when n * size overflows. */
void *xeno_heap_calloc(size_t n, size_t size);
/* align: a power of two; NULL when it is not, or out of memory. */
void *xeno_heap_aligned(size_t align, size_t size);
/* realloc's rules: NULL p allocates; on failure p is left as it was. */
void *xeno_heap_realloc(void *p, size_t size);
/* NULL is fine.  A pointer the heap did not give out is ignored (false). */
bool xeno_heap_free(void *p);
/* The bytes usable at p (at least what was asked for); 0 if not the heap's. */
size_t xeno_heap_usable(const void *p);

#endif
