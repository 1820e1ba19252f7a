/* The set of the guest's private anonymous ranges and fresh anonymous memory
 * made in place over them (syscalls/bsd/mm_anon.h). */
#include "unit.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "syscalls/bsd/mm_anon.h"

#define P 0x1000ULL

static struct bsd_anon_set set;

static void expect(const struct bsd_anon_set *s, unsigned n, const uint64_t *pairs)
{
	assert_int_equal(s->n, n);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(s->r[i].lo, pairs[2 * i]);
		assert_int_equal(s->r[i].hi, pairs[2 * i + 1]);
	}
}

static void ranges_merge_and_split(void **state)
{
	(void)state;
	memset(&set, 0, sizeof set);
	bsd_anon_add(&set, 10 * P, 12 * P);
	bsd_anon_add(&set, 20 * P, 22 * P);
	bsd_anon_add(&set, 12 * P, 13 * P); /* touches the first */
	expect(&set, 2, (const uint64_t[]){10 * P, 13 * P, 20 * P, 22 * P});
	bsd_anon_add(&set, 11 * P, 21 * P); /* bridges both */
	expect(&set, 1, (const uint64_t[]){10 * P, 22 * P});
	bsd_anon_remove(&set, 14 * P, 16 * P); /* a hole: two pieces */
	expect(&set, 2, (const uint64_t[]){10 * P, 14 * P, 16 * P, 22 * P});
	bsd_anon_remove(&set, 13 * P, 17 * P); /* trims both */
	expect(&set, 2, (const uint64_t[]){10 * P, 13 * P, 17 * P, 22 * P});
	bsd_anon_remove(&set, 9 * P, 13 * P); /* all of the first */
	expect(&set, 1, (const uint64_t[]){17 * P, 22 * P});
	bsd_anon_remove(&set, 22 * P, 30 * P); /* only touches: nothing */
	expect(&set, 1, (const uint64_t[]){17 * P, 22 * P});
	assert_true(bsd_anon_covers(&set, 17 * P, 22 * P));
	assert_true(bsd_anon_covers(&set, 18 * P, 19 * P));
	assert_false(bsd_anon_covers(&set, 16 * P, 18 * P));
	assert_false(bsd_anon_covers(&set, 21 * P, 23 * P));
	assert_false(bsd_anon_covers(&set, 30 * P, 31 * P));
}

/* A full set adds nothing more, and a range it would have to split is
 * forgotten whole: it may know less, never more than is true. */
static void a_full_set_forgets_rather_than_guesses(void **state)
{
	(void)state;
	memset(&set, 0, sizeof set);
	for (uint64_t i = 0; i < BSD_ANON_MAX; i++)
		bsd_anon_add(&set, (4 * i) * P, (4 * i + 2) * P);
	assert_int_equal(set.n, BSD_ANON_MAX);
	bsd_anon_add(&set, (4 * BSD_ANON_MAX + 8) * P, (4 * BSD_ANON_MAX + 9) * P);
	assert_int_equal(set.n, BSD_ANON_MAX);
	assert_false(bsd_anon_covers(&set, (4 * BSD_ANON_MAX + 8) * P, (4 * BSD_ANON_MAX + 9) * P));
	bsd_anon_remove(&set, 4 * P + 0x800, 5 * P); /* inside the second range */
	assert_int_equal(set.n, BSD_ANON_MAX - 1);
	assert_false(bsd_anon_covers(&set, 4 * P, 4 * P + 0x800));
	assert_false(bsd_anon_covers(&set, 5 * P, 6 * P));
	assert_true(bsd_anon_covers(&set, 8 * P, 10 * P));
}

static bool all(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static void remap_in_place_zeroes_only_a_known_range(void **state)
{
	(void)state;
	const size_t len = 16 * P;
	uint8_t *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(m != MAP_FAILED);
	memset(m, 0xa5, 12 * P); /* the last four pages never touched */
	uint64_t a = (uint64_t)(uintptr_t)m;
	memset(&set, 0, sizeof set);
	assert_false(bsd_anon_remap(&set, a + 2 * P, 4 * P)); /* not known */
	assert_true(all(m + 2 * P, 4 * P, 0xa5));
	bsd_anon_add(&set, a, a + len);
	assert_int_equal(mprotect(m + 4 * P, 2 * P, PROT_READ), 0);
	assert_true(bsd_anon_remap(&set, a + 2 * P, 4 * P)); /* half of it read-only */
	assert_true(all(m + 2 * P, 4 * P, 0));
	assert_true(all(m, 2 * P, 0xa5) && all(m + 6 * P, 6 * P, 0xa5));
	m[5 * P] = 1;					      /* read-write again */
	assert_true(bsd_anon_remap(&set, a + 10 * P, 6 * P)); /* some never touched */
	assert_true(all(m + 10 * P, 6 * P, 0));
	assert_false(bsd_anon_remap(&set, a + P, 0x800));	       /* not whole pages */
	assert_false(bsd_anon_remap(&set, a, BSD_ANON_REMAP_MAX + P)); /* too large */
	assert_false(bsd_anon_remap(&set, a + 8 * P, len));	       /* past the range */
	munmap(m, len);
}

int main(void)
{
	RUN(cmocka_unit_test(ranges_merge_and_split),
	    cmocka_unit_test(a_full_set_forgets_rather_than_guesses),
	    cmocka_unit_test(remap_in_place_zeroes_only_a_known_range));
}
