/*
 * libm.so.5.  FreeBSD's math library reports errors as floating-point
 * exceptions only, never in errno (lib/msun/src/math.h: math_errhandling
 * is MATH_ERREXCEPT).  NaNs are tested, not printed: FreeBSD's printf
 * prints every NaN as "nan", whatever its sign.
 */
#include "libc.h"

static int is_nan(double x)
{
	return x != x;
}

int main(void)
{
	printf("sqrt(2) = %.9f\n", sqrt(2.0));
	printf("pow(2, 10) = %.1f\n", pow(2.0, 10.0));
	printf("sin(0.5) = %.9f, cos(0.5) = %.9f\n", sin(0.5), cos(0.5));
	printf("exp(1) = %.9f, log(10) = %.9f\n", exp(1.0), log(10.0));
	printf("floor(-2.5) = %.1f, fmod(7.5, 2) = %.1f\n", floor(-2.5), fmod(7.5, 2.0));
	printf("4 atan2(1, 1) = %.9f\n", 4 * atan2(1.0, 1.0));
	errno = 0;
	double big = exp(1000.0), tiny = exp(-1000.0), huge = pow(10.0, 400.0);
	printf("exp(1000) %s, exp(-1000) %s, pow(10, 400) %s: errno=%d\n",
	       big > 1e308 ? "overflows" : "is finite", tiny == 0.0 ? "underflows" : "is not 0",
	       huge > 1e308 ? "overflows" : "is finite", errno);
	double neg = sqrt(-1.0), zero = log(0.0), inf = 1.0 / 0.0;
	printf("sqrt(-1) NaN %s, log(0) %s, sin(inf) NaN %s: errno=%d\n",
	       is_nan(neg) ? "yes" : "no", zero < -1e308 ? "-inf" : "finite",
	       is_nan(sin(inf)) ? "yes" : "no", errno);
	return 0;
}
