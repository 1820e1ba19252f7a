/* The guest heap (libs/common/heap.h): classes, alignment, realloc, refusals, threads. */
#include "unit.h"

#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

#include "libs/common/heap.h"

static void every_size_is_aligned_and_usable(void **state)
{
	(void)state;
	for (size_t n = 0; n < 200000; n = n < 300 ? n + 1 : n * 3 / 2) {
		unsigned char *p = xeno_heap_alloc(n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		assert_true(xeno_heap_usable(p) >= n);
		memset(p, 0xa5, n);
		assert_true(xeno_heap_free(p));
	}
}

static void freed_blocks_are_reused(void **state)
{
	(void)state;
	void *a = xeno_heap_alloc(40);
	assert_true(xeno_heap_free(a));
	void *b = xeno_heap_alloc(40);
	assert_ptr_equal(a, b);
	xeno_heap_free(b);
}

static void a_second_free_and_a_foreign_pointer_are_refused(void **state)
{
	(void)state;
	unit_catch_guest_faults();
	char *p = xeno_heap_alloc(64);
	assert_true(xeno_heap_free(p));
	assert_false(xeno_heap_free(p));
	static char not_ours[64] __attribute__((aligned(16)));
	assert_false(xeno_heap_free(not_ours + 16));
	assert_false(xeno_heap_free(p + 8)); /* not 16-aligned */
	/* a page whose header would lie in an unmapped page before it */
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(m != MAP_FAILED);
	munmap(m, 4096);
	assert_false(xeno_heap_free(m + 4096));
	assert_int_equal(xeno_heap_usable(m + 4096), 0);
	munmap(m + 4096, 4096);
	assert_true(xeno_heap_free(NULL));
}

static void calloc_zeroes_and_checks_overflow(void **state)
{
	(void)state;
	unsigned char *p = xeno_heap_alloc(256);
	memset(p, 0xff, 256);
	xeno_heap_free(p);
	unsigned char *z = xeno_heap_calloc(16, 16); /* likely the same block */
	for (int i = 0; i < 256; i++)
		assert_int_equal(z[i], 0);
	xeno_heap_free(z);
	assert_null(xeno_heap_calloc(SIZE_MAX / 2, 4));
	assert_null(xeno_heap_alloc(SIZE_MAX - 8));
}

static void realloc_keeps_the_bytes(void **state)
{
	(void)state;
	unsigned char *p = xeno_heap_realloc(NULL, 10);
	for (int i = 0; i < 10; i++)
		p[i] = (unsigned char)i;
	p = xeno_heap_realloc(p, 100000); /* a mapping of its own */
	for (int i = 0; i < 10; i++)
		assert_int_equal(p[i], i);
	p = xeno_heap_realloc(p, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(p[i], i);
	assert_true(xeno_heap_free(p));
}

static void aligned_blocks(void **state)
{
	(void)state;
	for (size_t align = 1; align <= 65536; align *= 2) {
		void *p = xeno_heap_aligned(align, 100);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % align, 0);
		assert_true(xeno_heap_usable(p) >= 100);
		assert_true(xeno_heap_free(p));
	}
	assert_null(xeno_heap_aligned(48, 10));
	assert_null(xeno_heap_aligned(0, 10));
}

#define THREADS 4
#define ROUNDS	20000

static void *churn(void *arg)
{
	unsigned seed = (unsigned)(uintptr_t)arg;
	void *kept[64] = {0};
	for (int i = 0; i < ROUNDS; i++) {
		seed = seed * 1103515245 + 12345;
		unsigned slot = seed % 64;
		if (kept[slot]) {
			if (*(unsigned *)kept[slot] != slot)
				return (void *)1;
			xeno_heap_free(kept[slot]);
		}
		kept[slot] = xeno_heap_alloc(4 + seed % 3000);
		if (!kept[slot])
			return (void *)1;
		*(unsigned *)kept[slot] = slot;
	}
	for (unsigned i = 0; i < 64; i++)
		xeno_heap_free(kept[i]);
	return NULL;
}

static void threads_share_it(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, churn, (void *)(uintptr_t)(i + 1));
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_null(r);
	}
}

int main(void)
{
	RUN(cmocka_unit_test(every_size_is_aligned_and_usable),
	    cmocka_unit_test(freed_blocks_are_reused),
	    cmocka_unit_test(a_second_free_and_a_foreign_pointer_are_refused),
	    cmocka_unit_test(calloc_zeroes_and_checks_overflow),
	    cmocka_unit_test(realloc_keeps_the_bytes), cmocka_unit_test(aligned_blocks),
	    cmocka_unit_test(threads_share_it));
}
