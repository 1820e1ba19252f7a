/* FreeBSD resource limits (sys/sys/resource.h), the NOFILE view, and the
 * rlimit/priority handlers. */
#include "unit.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include "abi/freebsd/resource.h"
#include "core/fd.h"
#include "core/thread.h"
#include "syscalls/freebsd/freebsd.h"

static void resource_numbers(void **state)
{
	(void)state;
	static const int twins[][2] = {
	    {0, RLIMIT_CPU},	{1, RLIMIT_FSIZE}, {2, RLIMIT_DATA},	{3, RLIMIT_STACK},
	    {4, RLIMIT_CORE},	{5, RLIMIT_RSS},   {6, RLIMIT_MEMLOCK}, {7, RLIMIT_NPROC},
	    {8, RLIMIT_NOFILE}, {10, RLIMIT_AS},
	};
	int h;
	for (unsigned i = 0; i < sizeof twins / sizeof twins[0]; i++) {
		assert_int_equal(freebsd_rlimit_resource_to_host(twins[i][0], &h), 0);
		assert_int_equal(h, twins[i][1]);
	}
	/* SBSIZE, NPTS, SWAP, KQUEUES, UMTXP have no Linux twin. */
	static const int emulated[] = {9, 11, 12, 13, 14};
	for (unsigned i = 0; i < sizeof emulated / sizeof emulated[0]; i++)
		assert_int_equal(freebsd_rlimit_resource_to_host(emulated[i], &h), 1);
	assert_int_equal(freebsd_rlimit_resource_to_host(15, &h), -EINVAL);
	assert_int_equal(freebsd_rlimit_resource_to_host(-1, &h), -EINVAL);
}

static void infinity_both_ways(void **state)
{
	(void)state;
	struct bsd_rlimit f, h;
	f = (struct bsd_rlimit){0x7fffffffffffffffULL, 1024};
	bsd_rlimit_to_host(&f, &h);
	assert_true(h.cur == RLIM_INFINITY);
	assert_int_equal(h.max, 1024);
	/* A negative limit means infinity to FreeBSD. */
	f = (struct bsd_rlimit){(uint64_t)-5, (uint64_t)-1};
	bsd_rlimit_to_host(&f, &h);
	assert_true(h.cur == RLIM_INFINITY && h.max == RLIM_INFINITY);
	h = (struct bsd_rlimit){RLIM_INFINITY, 8 << 20};
	bsd_rlimit_from_host(&h, &f);
	assert_true(f.cur == BSD_RLIM_INFINITY);
	assert_int_equal(f.max, 8 << 20);
	assert_true(BSD_RLIM_INFINITY == (1ULL << 63) - 1);
	/* Beyond FreeBSD's range is infinity there too. */
	h = (struct bsd_rlimit){1ULL << 63, 5};
	bsd_rlimit_from_host(&h, &f);
	assert_true(f.cur == BSD_RLIM_INFINITY);
}

static void rusage_fields(void **state)
{
	(void)state;
	struct rusage h;
	struct bsd_rusage f;
	memset(&h, 0, sizeof h);
	h.ru_utime.tv_sec = 3;
	h.ru_utime.tv_usec = 4;
	h.ru_stime.tv_sec = 5;
	h.ru_maxrss = 1234;
	h.ru_nivcsw = 77;
	bsd_rusage_from_host(&h, &f);
	assert_int_equal(f.ru_utime.tv_sec, 3);
	assert_int_equal(f.ru_utime.tv_usec, 4);
	assert_int_equal(f.ru_stime.tv_sec, 5);
	assert_int_equal(f.ru_maxrss, 1234);
	assert_int_equal(f.ru_nivcsw, 77);
}

static struct xeno_thread *thread(void)
{
	static struct xeno_thread t;
	t.os = &freebsd_personality;
	return &t;
}

/* The guest's hard NOFILE limit leaves xeno its room; its soft limit is
 * the one xeno started with, until it sets another. */
static void nofile_view(void **state)
{
	(void)state;
	struct rlimit host;
	struct freebsd_rlimit f;
	xeno_fd_init();
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &host), 0);
	assert_int_equal(bsd_sys_getrlimit(thread(), 8, (uint64_t)&f), 0);
	if (host.rlim_max != RLIM_INFINITY)
		assert_int_equal(f.rlim_max, host.rlim_max - xeno_fd_reserved_below(host.rlim_max));
	assert_int_equal(f.rlim_cur, (int64_t)xeno_fd_guest_limit() < f.rlim_max
					 ? (int64_t)xeno_fd_guest_limit()
					 : f.rlim_max);
	/* Lowering the soft limit keeps the host's high enough for xeno. */
	struct freebsd_rlimit lower = {64, f.rlim_max};
	assert_int_equal(bsd_sys_setrlimit(thread(), 8, (uint64_t)&lower), 0);
	assert_int_equal(bsd_sys_getrlimit(thread(), 8, (uint64_t)&f), 0);
	assert_int_equal(f.rlim_cur, 64);
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &host), 0);
	assert_true(host.rlim_cur >= 64 + XENO_FDS);
	/* A soft limit above the hard one is lowered to it (FreeBSD's rule). */
	struct freebsd_rlimit over = {f.rlim_max + 100, f.rlim_max};
	assert_int_equal(bsd_sys_setrlimit(thread(), 8, (uint64_t)&over), 0);
	assert_int_equal(bsd_sys_getrlimit(thread(), 8, (uint64_t)&f), 0);
	assert_int_equal(f.rlim_cur, f.rlim_max);
}

/* Limits Linux lacks are kept: infinite at first, lowered on request. */
static void emulated_limits(void **state)
{
	(void)state;
	unit_catch_guest_faults(); /* inside the test: cmocka installs its own handlers */
	struct freebsd_rlimit f;
	assert_int_equal(bsd_sys_getrlimit(thread(), FREEBSD_RLIMIT_KQUEUES, (uint64_t)&f), 0);
	assert_true((uint64_t)f.rlim_cur == BSD_RLIM_INFINITY);
	struct freebsd_rlimit set = {10, 20};
	assert_int_equal(bsd_sys_setrlimit(thread(), FREEBSD_RLIMIT_KQUEUES, (uint64_t)&set), 0);
	assert_int_equal(bsd_sys_getrlimit(thread(), FREEBSD_RLIMIT_KQUEUES, (uint64_t)&f), 0);
	assert_int_equal(f.rlim_cur, 10);
	assert_int_equal(f.rlim_max, 20);
	assert_int_equal(bsd_sys_getrlimit(thread(), 15, (uint64_t)&f), -EINVAL);
	assert_int_equal(bsd_sys_getrlimit(thread(), FREEBSD_RLIMIT_CPU, 8), -EFAULT);
}

int main(void)
{
	RUN(cmocka_unit_test(resource_numbers), cmocka_unit_test(infinity_both_ways),
	    cmocka_unit_test(rusage_fields), cmocka_unit_test(nofile_view),
	    cmocka_unit_test(emulated_limits));
}
