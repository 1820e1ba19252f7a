/*
 * FreeBSD's qsort and qsort_r (lib/libc/stdlib/qsort.c): the elements are
 * the guest's, the comparator guest code, called back for every comparison
 * (core/libcall.h xeno_guest_call).  A heapsort: no recursion on the
 * guest's stack, n log n comparisons at worst, no memory of its own; like
 * FreeBSD's it is not stable.
 */
#include <string.h>

#include "core/libcall.h"
#include "freebsd_libc_proto.h"
#include "libs/freebsd/freebsd.h"

struct sort {
	char *base;
	size_t size;
	uint64_t compar, thunk;
	int thunk_first; /* 1: compar(thunk, a, b) (FBSD_1.0's qsort_r); 0: compar(a, b, thunk) */
};

static int compare(const struct sort *s, size_t i, size_t j)
{
	uint64_t a = (uint64_t)(s->base + i * s->size), b = (uint64_t)(s->base + j * s->size);
	struct xeno_guest_call gc = {s->compar, {a, b, s->thunk}};
	if (s->thunk_first)
		gc.args[0] = s->thunk, gc.args[1] = a, gc.args[2] = b;
	return (int)xeno_guest_call(&gc); /* an int: the upper half of rax is not its */
}

static void swap(const struct sort *s, size_t i, size_t j)
{
	char *a = s->base + i * s->size, *b = s->base + j * s->size;
	char tmp[256];
	for (size_t off = 0; off < s->size; off += sizeof tmp) {
		size_t n = s->size - off < sizeof tmp ? s->size - off : sizeof tmp;
		memcpy(tmp, a + off, n);
		memcpy(a + off, b + off, n);
		memcpy(b + off, tmp, n);
	}
}

static void sift_down(const struct sort *s, size_t root, size_t n)
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && compare(s, child, child + 1) < 0)
			child++;
		if (compare(s, root, child) >= 0)
			return;
		swap(s, root, child);
	}
}

static void heapsort_(const struct sort *s, size_t n)
{
	if (n < 2 || !s->size)
		return;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(s, i, n);
	for (size_t end = n - 1; end > 0; end--) {
		swap(s, 0, end);
		sift_down(s, 0, end);
	}
}

long freebsd_libc_qsort(struct xeno_thread *t, uint64_t base, size_t nmemb, size_t size,
			uint64_t compar)
{
	(void)t;
	heapsort_(&(struct sort){(char *)base, size, compar, 0, 0}, nmemb);
	return 0;
}

long freebsd_libc_qsort_r(struct xeno_thread *t, uint64_t base, size_t nmemb, size_t size,
			  uint64_t compar, uint64_t thunk)
{
	(void)t;
	heapsort_(&(struct sort){(char *)base, size, compar, thunk, 0}, nmemb);
	return 0;
}

long freebsd_libc_qsort_r_bsd(struct xeno_thread *t, uint64_t base, size_t nmemb, size_t size,
			      uint64_t thunk, uint64_t compar)
{
	(void)t;
	heapsort_(&(struct sort){(char *)base, size, compar, thunk, 1}, nmemb);
	return 0;
}
