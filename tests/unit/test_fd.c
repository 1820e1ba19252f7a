/* xeno's own descriptors (core/fd.c): reserved at the top, skipped by range
 * operations, and never handed to the guest above its limit. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/fd.h"

static rlim_t soft_before;
static int xeno_fd = -1;

static int setup(void **state)
{
	(void)state;
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	soft_before = rl.rlim_cur;
	xeno_fd_init();
	xeno_fd = xeno_fd_move_high(dup(0));
	return xeno_fd < 0;
}

static void guest_limit_and_reserved(void **state)
{
	(void)state;
	/* the limit the guest sees: the old one, less xeno's share if the
	 * hard limit left no room above it */
	assert_true(xeno_fd_guest_limit() <= soft_before);
	assert_true(xeno_fd_guest_limit() >= soft_before - 32 ||
		    xeno_fd_guest_limit() == soft_before);
	assert_true((unsigned long)xeno_fd >= xeno_fd_guest_limit());
	assert_true(xeno_fd_is_reserved(xeno_fd));
	assert_false(xeno_fd_is_reserved(-1));
	assert_false(xeno_fd_is_reserved(0));
	assert_false(xeno_fd_is_reserved(3));
	assert_int_equal(fcntl(xeno_fd, F_GETFD), FD_CLOEXEC);
}

/* The room xeno keeps below a limit it cannot raise (core/fd.h): an eighth,
 * between 4 and 32, and never the guest's standard three. */
static void room_below_a_limit(void **state)
{
	(void)state;
	static const unsigned long want[][2] = {
	    {0, 0},  {3, 0},  {4, 1},	 {5, 2},    {8, 4},    {20, 4},	   {33, 4},
	    {40, 5}, {64, 8}, {100, 12}, {255, 31}, {256, 32}, {1024, 32}, {1UL << 20, 32},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(xeno_fd_reserved_below(want[i][0]), want[i][1]);
}

struct runs {
	unsigned count, last_hi;
	int covers_xeno_fd;
};

static int collect(unsigned lo, unsigned hi, void *arg)
{
	struct runs *r = arg;
	assert_true(lo <= hi);
	assert_true(r->count == 0 || lo > r->last_hi);
	r->count++;
	r->last_hi = hi;
	r->covers_xeno_fd |= (unsigned)xeno_fd >= lo && (unsigned)xeno_fd <= hi;
	return 0;
}

static void runs_skip_reserved(void **state)
{
	(void)state;
	struct runs r = {0};
	assert_int_equal(xeno_fd_for_each_guest_run(3, UINT_MAX, collect, &r), 0);
	assert_true(r.count >= 1);
	assert_false(r.covers_xeno_fd);
	assert_true(r.last_hi < (unsigned)xeno_fd);
	assert_true(r.last_hi >= xeno_fd_guest_limit() - 1);
	/* a range wholly inside the guest's part is one run, as given */
	struct runs small = {0};
	assert_int_equal(xeno_fd_for_each_guest_run(5, 9, collect, &small), 0);
	assert_int_equal(small.count, 1);
	assert_int_equal(small.last_hi, 9);
	/* a range wholly inside xeno's part is nothing */
	struct runs none = {0};
	xeno_fd_for_each_guest_run((unsigned)xeno_fd, (unsigned)xeno_fd, collect, &none);
	assert_int_equal(none.count, 0);
}

static int stop_at_first(unsigned lo, unsigned hi, void *arg)
{
	(void)lo, (void)hi, (void)arg;
	return -EBADF;
}

static void runs_stop_on_error(void **state)
{
	(void)state;
	assert_int_equal(xeno_fd_for_each_guest_run(0, 10, stop_at_first, NULL), -EBADF);
}

static void new_descriptors_stay_below_the_limit(void **state)
{
	(void)state;
	int fd = dup(0);
	assert_int_equal(xeno_fd_guest_new(fd), fd);
	close(fd);
	assert_int_equal(xeno_fd_guest_new(-EMFILE), -EMFILE);
	int high = (int)xeno_fd_guest_limit() + 5; /* unused, in xeno's range */
	assert_int_equal(dup2(0, high), high);
	assert_int_equal(xeno_fd_guest_new(high), -EMFILE);
	assert_int_equal(fcntl(high, F_GETFD), -1); /* closed again */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(room_below_a_limit),
	    cmocka_unit_test(guest_limit_and_reserved),
	    cmocka_unit_test(runs_skip_reserved),
	    cmocka_unit_test(runs_stop_on_error),
	    cmocka_unit_test(new_descriptors_stay_below_the_limit),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
