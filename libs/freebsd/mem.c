/*
 * FreeBSD's memory functions (jemalloc's interface, lib/libc/stdlib/malloc)
 * over the guest heap (libs/common/heap.h), which runs on the guest's FS
 * base: a malloc is a direct call without an FS switch.
 */
#include <errno.h>
#include <string.h>

#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"

static long result(void *p)
{
	return p ? (long)p : -ENOMEM;
}

long freebsd_libc_malloc(struct xeno_thread *t, size_t size)
{
	(void)t;
	return result(xeno_heap_alloc(size));
}

long freebsd_libc_calloc(struct xeno_thread *t, size_t number, size_t size)
{
	(void)t;
	return result(xeno_heap_calloc(number, size));
}

long freebsd_libc_realloc(struct xeno_thread *t, uint64_t p, size_t size)
{
	(void)t;
	return result(xeno_heap_realloc((void *)p, size));
}

/* FreeBSD's own: a failed reallocf frees the old block (reallocf.c). */
long freebsd_libc_reallocf(struct xeno_thread *t, uint64_t p, size_t size)
{
	(void)t;
	void *q = xeno_heap_realloc((void *)p, size);
	if (!q)
		xeno_heap_free((void *)p);
	return result(q);
}

long freebsd_libc_free(struct xeno_thread *t, uint64_t p)
{
	(void)t;
	xeno_heap_free((void *)p);
	return 0;
}

long freebsd_libc_posix_memalign(struct xeno_thread *t, uint64_t memptr, size_t alignment,
				 size_t size)
{
	(void)t;
	if (alignment < sizeof(void *) || (alignment & (alignment - 1)))
		return -EINVAL;
	void *p = xeno_heap_aligned(alignment, size);
	if (!p)
		return -ENOMEM;
	if (xeno_copy_out(memptr, &p, sizeof p) < 0) {
		xeno_heap_free(p);
		return -EINVAL;
	}
	return 0;
}

long freebsd_libc_aligned_alloc(struct xeno_thread *t, size_t alignment, size_t size)
{
	(void)t;
	if (!alignment || (alignment & (alignment - 1)))
		return -EINVAL;
	return result(xeno_heap_aligned(alignment, size));
}

long freebsd_libc_malloc_usable_size(struct xeno_thread *t, uint64_t p)
{
	(void)t;
	return (long)xeno_heap_usable((const void *)p);
}

static long duplicate(const char *s, size_t len)
{
	char *d = xeno_heap_alloc(len + 1);
	if (!d)
		return -ENOMEM;
	memcpy(d, s, len);
	d[len] = '\0';
	return (long)d;
}

long freebsd_libc_strndup(struct xeno_thread *t, uint64_t s, size_t n)
{
	(void)t;
	return duplicate((const char *)s, strnlen((const char *)s, n));
}

long freebsd_libc_strdup(struct xeno_thread *t, uint64_t s)
{
	(void)t;
	return duplicate((const char *)s, strlen((const char *)s));
}
