/* FreeBSD <-> Linux error numbers, both ways, every value. */
#include "unit.h"

#include <errno.h>
#include <string.h>

#include "abi/freebsd/errno.h"

/* Every FreeBSD errno has a name and a host errno. */
static void every_freebsd_errno_is_named(void **state)
{
	(void)state;
	for (int e = 1; e <= FREEBSD_ELAST; e++) {
		assert_non_null(freebsd_errno_name(e));
		assert_true(freebsd_errno_to_host(e) > 0);
	}
}

/* A FreeBSD errno with a true Linux twin comes back unchanged. */
static void round_trip_from_freebsd(void **state)
{
	(void)state;
	static const int approximate[] = {BSD_EPROCLIM,	     BSD_EBADRPC,	  BSD_ERPCMISMATCH,
					  BSD_EPROGUNAVAIL,  BSD_EPROGMISMATCH,	  BSD_EPROCUNAVAIL,
					  BSD_EFTYPE,	     BSD_EAUTH,		  BSD_ENEEDAUTH,
					  FREEBSD_EDOOFUS,   FREEBSD_ENOTCAPABLE, FREEBSD_ECAPMODE,
					  FREEBSD_EINTEGRITY};
	for (int e = 1; e <= FREEBSD_ELAST; e++) {
		int skip = 0;
		for (size_t i = 0; i < sizeof approximate / sizeof approximate[0]; i++)
			skip |= approximate[i] == e;
		if (!skip)
			assert_int_equal(freebsd_errno_from_host(freebsd_errno_to_host(e)), e);
	}
}

/* Every Linux errno (1..133) maps to some FreeBSD errno in 1..ELAST. */
static void every_host_errno_maps(void **state)
{
	(void)state;
	for (int h = 1; h <= EHWPOISON; h++) {
		int f = freebsd_errno_from_host(h);
		assert_true(f >= 1 && f <= FREEBSD_ELAST);
	}
}

/* The values that differ between the systems (sys/sys/errno.h). */
static void known_values(void **state)
{
	(void)state;
	assert_int_equal(freebsd_errno_from_host(EAGAIN), 35);
	assert_int_equal(freebsd_errno_from_host(EDEADLK), 11);
	assert_int_equal(freebsd_errno_from_host(EINPROGRESS), 36);
	assert_int_equal(freebsd_errno_from_host(ENOSYS), 78);
	assert_int_equal(freebsd_errno_from_host(ENOTEMPTY), 66);
	assert_int_equal(freebsd_errno_from_host(ELOOP), 62);
	assert_int_equal(freebsd_errno_from_host(ENAMETOOLONG), 63);
	assert_int_equal(freebsd_errno_from_host(ETIMEDOUT), 60);
	assert_int_equal(freebsd_errno_from_host(ECONNREFUSED), 61);
	assert_int_equal(freebsd_errno_from_host(EOVERFLOW), 84);
	assert_int_equal(freebsd_errno_from_host(ENODATA), 87);
	assert_int_equal(freebsd_errno_from_host(EOWNERDEAD), 96);
	assert_int_equal(freebsd_errno_to_host(35), EAGAIN);
	assert_string_equal(freebsd_errno_name(78), "ENOSYS");
}

int main(void)
{
	RUN(cmocka_unit_test(every_freebsd_errno_is_named),
	    cmocka_unit_test(round_trip_from_freebsd), cmocka_unit_test(every_host_errno_maps),
	    cmocka_unit_test(known_values));
}
