/* FreeBSD clock ids (sys/sys/_clock_id.h) onto Linux clocks. */
#include "unit.h"

#include <errno.h>
#include <time.h>

#include "abi/freebsd/time.h"

static void host_clocks(void **state)
{
	(void)state;
	static const int twins[][2] = {
	    {0, CLOCK_REALTIME},
	    {4, CLOCK_MONOTONIC},
	    {5, CLOCK_MONOTONIC},
	    {7, CLOCK_MONOTONIC},
	    {8, CLOCK_MONOTONIC_COARSE},
	    {9, CLOCK_REALTIME},
	    {10, CLOCK_REALTIME_COARSE},
	    {11, CLOCK_MONOTONIC},
	    {12, CLOCK_MONOTONIC_COARSE},
	    {14, CLOCK_THREAD_CPUTIME_ID},
	    {15, CLOCK_PROCESS_CPUTIME_ID},
	};
	struct bsd_clock c;
	for (unsigned i = 0; i < sizeof twins / sizeof twins[0]; i++) {
		assert_int_equal(freebsd_clock_to_host(twins[i][0], &c), 0);
		assert_int_equal(c.kind, BSD_CLOCK_HOST);
		assert_int_equal(c.host_id, twins[i][1]);
	}
}

static void special_clocks(void **state)
{
	(void)state;
	struct bsd_clock c;
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_SECOND, &c), 0);
	assert_int_equal(c.kind, BSD_CLOCK_SECOND);
	assert_int_equal(c.sleep_errno, 0);
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_VIRTUAL, &c), 0);
	assert_int_equal(c.kind, BSD_CLOCK_VIRTUAL);
	assert_int_equal(c.sleep_errno, ENOTSUP);
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_PROF, &c), 0);
	assert_int_equal(c.kind, BSD_CLOCK_PROF);
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_PROCESS_CPUTIME_ID, &c), 0);
	assert_int_equal(c.sleep_errno, ENOTSUP);
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_THREAD_CPUTIME_ID, &c), 0);
	assert_int_equal(c.sleep_errno, EINVAL);
	assert_int_equal(freebsd_clock_to_host(FREEBSD_CLOCK_MONOTONIC, &c), 0);
	assert_int_equal(c.sleep_errno, 0);
}

/* The Linux-compatible names FreeBSD 13+ defines are aliases. */
static void aliases_and_unknown(void **state)
{
	(void)state;
	struct bsd_clock c;
	assert_int_equal(FREEBSD_CLOCK_BOOTTIME, 5);
	assert_int_equal(FREEBSD_CLOCK_REALTIME_COARSE, 10);
	assert_int_equal(FREEBSD_CLOCK_MONOTONIC_COARSE, 12);
	assert_int_equal(FREEBSD_TIMER_ABSTIME, 1);
	static const int unknown[] = {3, 6, 16, 100, -1};
	for (unsigned i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_int_equal(freebsd_clock_to_host(unknown[i], &c), -EINVAL);
	char buf[64];
	xeno_flags_format(&freebsd_clock_ids, 5, buf, sizeof buf);
	assert_string_equal(buf, "CLOCK_UPTIME");
	uint64_t f;
	assert_int_equal(xeno_flags_from_host(&freebsd_clock_ids, CLOCK_MONOTONIC, &f), 0);
	assert_int_equal(f, 4);
	assert_int_equal(xeno_flags_from_host(&freebsd_clock_ids, CLOCK_BOOTTIME, &f), -EINVAL);
}

int main(void)
{
	RUN(cmocka_unit_test(host_clocks), cmocka_unit_test(special_clocks),
	    cmocka_unit_test(aliases_and_unknown));
}
