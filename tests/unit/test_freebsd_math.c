/* FreeBSD's libm as xeno binds it (libs/freebsd/math.c): msun's values and
 * exceptions, never errno. */
#include "unit.h"

#include <errno.h>
#include <fenv.h>
#include <math.h>

#include "libs/freebsd/freebsd.h"

/* f's result, the exceptions it raised and errno (which must stay 0). */
#define CHECK(call, want, excepts)                                                                 \
	do {                                                                                       \
		errno = 0;                                                                         \
		feclearexcept(FE_ALL_EXCEPT);                                                      \
		double r_ = (call);                                                                \
		int raised_ = fetestexcept(FE_ALL_EXCEPT & ~FE_INEXACT);                           \
		assert_int_equal(errno, 0);                                                        \
		if (isnan(want))                                                                   \
			assert_true(isnan(r_));                                                    \
		else                                                                               \
			assert_true(r_ == (want));                                                 \
		assert_int_equal(raised_, (excepts));                                              \
	} while (0)

static void errors_raise_exceptions_only(void **state)
{
	(void)state;
	CHECK(freebsd_sin(INFINITY), NAN, FE_INVALID);
	CHECK(freebsd_cos(-INFINITY), NAN, FE_INVALID);
	CHECK(freebsd_tan(INFINITY), NAN, FE_INVALID);
	CHECK(freebsd_log(-1.0), NAN, FE_INVALID);
	CHECK(freebsd_log(0.0), -INFINITY, FE_DIVBYZERO);
	CHECK(freebsd_log10(-0.0), -INFINITY, FE_DIVBYZERO);
	CHECK(freebsd_fmod(1.0, 0.0), NAN, FE_INVALID);
	CHECK(freebsd_fmod(INFINITY, 2.0), NAN, FE_INVALID);
	CHECK(freebsd_exp(1000.0), INFINITY, FE_OVERFLOW);
	CHECK(freebsd_exp(1e6), INFINITY, FE_OVERFLOW);
	CHECK(freebsd_exp(-1000.0), 0.0, FE_UNDERFLOW);
	CHECK(freebsd_exp(-1e6), 0.0, FE_UNDERFLOW);
	CHECK(freebsd_pow(10.0, 400.0), INFINITY, FE_OVERFLOW);
	CHECK(freebsd_pow(-10.0, 401.0), -INFINITY, FE_OVERFLOW);
	CHECK(freebsd_pow(10.0, -400.0), 0.0, FE_UNDERFLOW);
	CHECK(freebsd_pow(2.0, 1e300), INFINITY, FE_OVERFLOW);
	CHECK(freebsd_pow(-2.0, 0.5), NAN, FE_INVALID);
	CHECK(freebsd_pow(0.0, -1.0), INFINITY, FE_DIVBYZERO);
	CHECK(freebsd_pow(-0.0, -3.0), -INFINITY, FE_DIVBYZERO);
	CHECK(freebsd_pow(-0.0, -2.0), INFINITY, FE_DIVBYZERO);
	CHECK(freebsd_atan2(0x1p-1060, 0x1p100), 0.0, FE_UNDERFLOW);
}

static void ordinary_arguments_are_the_hosts(void **state)
{
	(void)state;
	for (double x = -700.0; x < 700.0; x += 12.375) {
		CHECK(freebsd_exp(x), exp(x), 0);
		CHECK(freebsd_sin(x), sin(x), 0);
		CHECK(freebsd_pow(1.5, x), pow(1.5, x), 0);
		if (x > 0)
			CHECK(freebsd_log(x), log(x), 0);
	}
	CHECK(freebsd_sqrt(2.0), sqrt(2.0), 0);
	CHECK(freebsd_pow(2.0, 10.0), 1024.0, 0);
	CHECK(freebsd_pow(INFINITY, -1.0), 0.0, 0);
	CHECK(freebsd_atan2(1.0, 1.0), atan2(1.0, 1.0), 0);
	/* in the long double band: what glibc's double pow would give */
	CHECK(freebsd_pow(2.0, 1020.5), pow(2.0, 1020.5), 0);
	CHECK(freebsd_exp(709.7), exp(709.7), 0);
}

int main(void)
{
	RUN(cmocka_unit_test(errors_raise_exceptions_only),
	    cmocka_unit_test(ordinary_arguments_are_the_hosts));
}
