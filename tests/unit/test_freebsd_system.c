/* FreeBSD CPU sets, sysarch and getrandom flags. */
#include "unit.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "abi/freebsd/cpuset.h"
#include "abi/bsd/random.h"
#include "abi/freebsd/sysarch.h"
#include "core/thread.h"
#include "syscalls/freebsd/freebsd.h"

/* FreeBSD 14: ERANGE below the CPUs present, at most a cpuset_t copied. */
static void cpuset_size_rules(void **state)
{
	(void)state;
	size_t copy;
	assert_int_equal(FREEBSD_CPUSET_BYTES, 128);
	assert_int_equal(freebsd_cpuset_copy_size(0, 1, &copy), -ERANGE);
	assert_int_equal(freebsd_cpuset_copy_size(31, 32, &copy), -ERANGE);
	assert_int_equal(freebsd_cpuset_copy_size(32, 32, &copy), 0);
	assert_int_equal(copy, 32);
	assert_int_equal(freebsd_cpuset_copy_size(8, 1, &copy), 0);
	assert_int_equal(copy, 8);
	assert_int_equal(freebsd_cpuset_copy_size(4096, 1, &copy), 0);
	assert_int_equal(copy, 128);
}

static void cpulist(void **state)
{
	(void)state;
	uint8_t m[4];
	assert_int_equal(xeno_cpulist_parse("0-3,8,10-11\n", m, sizeof m), 7);
	assert_int_equal(m[0], 0x0f);
	assert_int_equal(m[1], 0x0d);
	assert_int_equal(m[2], 0);
	assert_int_equal(xeno_cpulist_parse("5", m, sizeof m), 1);
	assert_int_equal(m[0], 0x20);
	assert_int_equal(xeno_cpulist_parse("3-1", m, sizeof m), -EINVAL);
	assert_int_equal(xeno_cpulist_parse("a", m, sizeof m), -EINVAL);
	assert_int_equal(xeno_cpulist_parse("1;2", m, sizeof m), -EINVAL);
	assert_int_equal(xeno_cpulist_parse("40", m, sizeof m), 0); /* beyond the mask */
}

static void getaffinity(void **state)
{
	(void)state;
	unit_catch_guest_faults();
	uint8_t set[256];
	cpu_set_t host;
	assert_int_equal(sched_getaffinity(0, sizeof host, &host), 0);
	size_t min = freebsd_cpuset_min_bytes();
	assert_true(min >= 1 && min <= 128);
	memset(set, 0xff, sizeof set);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_PID, -1, sizeof set,
							(uint64_t)set),
			 0);
	for (int c = 0; c < 8 * (int)min; c++)
		assert_int_equal(!!(set[c / 8] & (1 << (c % 8))), !!CPU_ISSET(c, &host));
	for (size_t i = 128; i < sizeof set; i++)
		assert_int_equal(set[i], 0); /* the tail beyond a cpuset_t is zeroed */
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_TID, -1, 0,
							(uint64_t)set),
			 -ERANGE);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_ROOT,
							FREEBSD_CPU_WHICH_PID, -1, 128,
							(uint64_t)set),
			 0);
	assert_true(set[0] & 1);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_IRQ, 1, 128,
							(uint64_t)set),
			 -EINVAL);
	assert_int_equal(
	    freebsd_sys_cpuset_getaffinity(NULL, 7, FREEBSD_CPU_WHICH_PID, -1, 128, (uint64_t)set),
	    -EINVAL);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_CPUSET,
							FREEBSD_CPU_WHICH_CPUSET, 42, 128,
							(uint64_t)set),
			 -ESRCH);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_PID, -1, 128, 8),
			 -EFAULT);
}

static void setaffinity_and_getid(void **state)
{
	(void)state;
	uint8_t set[256];
	memset(set, 0, sizeof set);
	assert_int_equal(freebsd_sys_cpuset_getaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_TID, -1, 128,
							(uint64_t)set),
			 0);
	/* Setting what it has is fine; bytes set past a cpuset_t are not. */
	assert_int_equal(freebsd_sys_cpuset_setaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_TID, -1, 128,
							(uint64_t)set),
			 0);
	set[200] = 1;
	assert_int_equal(freebsd_sys_cpuset_setaffinity(NULL, FREEBSD_CPU_LEVEL_WHICH,
							FREEBSD_CPU_WHICH_TID, -1, 256,
							(uint64_t)set),
			 -EINVAL);
	assert_int_equal(freebsd_sys_cpuset_setaffinity(NULL, FREEBSD_CPU_LEVEL_ROOT,
							FREEBSD_CPU_WHICH_PID, -1, 128,
							(uint64_t)set),
			 -EPERM);
	int32_t id = -5;
	assert_int_equal(freebsd_sys_cpuset_getid(NULL, FREEBSD_CPU_LEVEL_CPUSET,
						  FREEBSD_CPU_WHICH_PID, -1, (uint64_t)&id),
			 0);
	assert_int_equal(id, 1);
	assert_int_equal(freebsd_sys_cpuset_getid(NULL, FREEBSD_CPU_LEVEL_ROOT,
						  FREEBSD_CPU_WHICH_PID, -1, (uint64_t)&id),
			 0);
	assert_int_equal(id, 0);
	assert_int_equal(freebsd_sys_cpuset_getid(NULL, FREEBSD_CPU_LEVEL_WHICH,
						  FREEBSD_CPU_WHICH_PID, -1, (uint64_t)&id),
			 -EINVAL);
}

static void sysarch(void **state)
{
	(void)state;
	struct xeno_thread t;
	memset(&t, 0, sizeof t);
	t.host_tls = 1; /* a test runs on glibc's FS base */
	uint64_t base = 0x12345000, out = 0;
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_SET_FSBASE, (uint64_t)&base), 0);
	assert_int_equal(t.guest_fs, 0x12345000);
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_GET_FSBASE, (uint64_t)&out), 0);
	assert_int_equal(out, 0x12345000);
	base = 0x800000000000ULL; /* not a user address */
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_SET_FSBASE, (uint64_t)&base),
			 -EINVAL);
	assert_int_equal(t.guest_fs, 0x12345000);
	/* GS is xeno's: 0 is accepted and read back, anything else refused. */
	base = 0;
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_SET_GSBASE, (uint64_t)&base), 0);
	base = 0x1000;
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_SET_GSBASE, (uint64_t)&base),
			 -EINVAL);
	out = 1;
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_AMD64_GET_GSBASE, (uint64_t)&out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(freebsd_sys_sysarch(&t, FREEBSD_I386_GET_LDT, (uint64_t)&out), -EINVAL);
	assert_int_equal(freebsd_sys_sysarch(&t, 999, (uint64_t)&out), -EINVAL);
	assert_int_equal(FREEBSD_AMD64_GET_FSBASE, 128);
	assert_int_equal(FREEBSD_AMD64_SET_GSBASE, 131);
}

static void getrandom_flags(void **state)
{
	(void)state;
	uint64_t h, f;
	assert_int_equal(xeno_flags_to_host(&bsd_getrandom_flags, 0x1, &h), 0);
	assert_int_equal(h, GRND_NONBLOCK);
	assert_int_equal(xeno_flags_to_host(&bsd_getrandom_flags, 0x2, &h), 0);
	assert_int_equal(h, 0); /* one pool on FreeBSD: no blocking pool on Linux */
	assert_int_equal(xeno_flags_to_host(&bsd_getrandom_flags, 0x4 | 0x1, &h), 0);
	assert_int_equal(h, 0x4 | GRND_NONBLOCK);
	assert_int_equal(xeno_flags_to_host(&bsd_getrandom_flags, 0x8, &h), -EINVAL);
	assert_int_equal(xeno_flags_from_host(&bsd_getrandom_flags, GRND_NONBLOCK, &f), 0);
	assert_int_equal(f, 1);
}

int main(void)
{
	RUN(cmocka_unit_test(cpuset_size_rules), cmocka_unit_test(cpulist),
	    cmocka_unit_test(getaffinity), cmocka_unit_test(setaffinity_and_getid),
	    cmocka_unit_test(sysarch), cmocka_unit_test(getrandom_flags));
}
