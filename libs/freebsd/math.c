/*
 * FreeBSD's libm.so.5 (lib/msun): the host's functions, bound directly
 * (HOST: they run as guest code, on the guest's FS base, without entering
 * xeno).
 *
 * FreeBSD's msun never sets errno (math_errhandling is MATH_ERREXCEPT,
 * lib/msun/src/math.h): it reports errors as floating-point exceptions
 * only.  glibc's functions set errno on errors as well, and errno is
 * reached through the FS base: on the guest's, that store would land in
 * the guest's own TLS.  So glibc's functions are called only where they
 * cannot fail, and the arguments whose result is an error are answered
 * here, with the value and exception C99's Annex F gives: an infinity for
 * sin, cos and tan, a negative number or zero for log, a zero divisor for
 * fmod, results beyond the double range for exp and pow (computed in long
 * double, whose range holds them, and rounded: the rounding raises
 * overflow or underflow).  floor, ceil, trunc, round, fabs, fmin, fmax,
 * copysign and atan never fail and are the host's as they are.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>

#include "libs/freebsd/freebsd.h"

/* Computed at run time, so that the exception is raised. */
static double xflow(int negative, double y)
{
	volatile double v = negative ? -y : y;
	return v * y;
}

static double invalid(double x)
{
	volatile double d = x - x;
	return d / d; /* NaN, invalid (x - x is NaN already for infinities) */
}

static double pole(int negative)
{
	volatile double zero = 0.0;
	return (negative ? -1.0 : 1.0) / zero; /* an infinity, divide-by-zero */
}

double freebsd_sqrt(double x)
{
	double r;
	__asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
	return r;
}

float freebsd_sqrtf(float x)
{
	float r;
	__asm__("sqrtss %1, %0" : "=x"(r) : "x"(x));
	return r;
}

double freebsd_sin(double x)
{
	return isinf(x) ? invalid(x) : sin(x);
}

double freebsd_cos(double x)
{
	return isinf(x) ? invalid(x) : cos(x);
}

double freebsd_tan(double x)
{
	return isinf(x) ? invalid(x) : tan(x);
}

/* log and log10 fail for x < 0 (invalid) and x = 0 (a pole). */
double freebsd_log(double x)
{
	return x < 0 ? invalid(x) : x == 0 ? pole(1) : log(x);
}

double freebsd_log10(double x)
{
	return x < 0 ? invalid(x) : x == 0 ? pole(1) : log10(x);
}

/* exp is normal in [-708, 709]; beyond, long double holds the result up
 * to |x| of 11000 (its largest finite is 2^16384). */
double freebsd_exp(double x)
{
	if (isnan(x) || (x >= -708.0 && x <= 709.0) || isinf(x))
		return exp(x);
	if (fabs(x) < 11000.0)
		return (double)expl(x);
	return x > 0 ? xflow(0, 0x1p769) : xflow(0, 0x1p-767);
}

double freebsd_fmod(double x, double y)
{
	if (!isnan(x) && !isnan(y) && (isinf(x) || y == 0))
		return invalid(x * y);
	return fmod(x, y);
}

/* atan2 fails only where y/x is below the smallest double (x > 0). */
double freebsd_atan2(double y, double x)
{
	if (x > 0 && isfinite(x) && y != 0 && fabs(y) < fabs(x) * 0x1p-1000)
		return y / x;
	return atan2(y, x);
}

static int odd_integer(double y)
{
	return y == trunc(y) && fmod(y, 2.0) != 0;
}

/* pow fails for x < 0 with y no integer, for a zero x with y < 0, and
 * where x^y is beyond the double range: 2^1000 either way is well inside
 * it, 2^16000 inside long double's. */
double freebsd_pow(double x, double y)
{
	if (x == 0 && y < 0)
		return pole(signbit(x) && odd_integer(y));
	if (!isfinite(x) || !isfinite(y) || x == 0)
		return pow(x, y);
	if (x < 0 && y != trunc(y))
		return invalid(x);
	double e = y * log2(fabs(x));
	if (fabs(e) < 1000.0)
		return pow(x, y);
	if (fabs(e) < 16000.0)
		return (double)powl(x, y);
	return xflow(x < 0 && odd_integer(y), e > 0 ? 0x1p769 : 0x1p-767);
}

/* ---- float forms: the host's, for the arguments where it sets no errno
 * (which arguments those are was measured, glibc 2.36), the rest answered
 * here with the value and exception Annex F gives ---- */

static float invalidf(float x)
{
	volatile float d = x - x;
	return d / d;
}

static float xflowf(int negative, float y)
{
	volatile float v = negative ? -y : y;
	return v * y;
}

float freebsd_sinf(float x)
{
	return isinf(x) ? invalidf(x) : sinf(x);
}

float freebsd_cosf(float x)
{
	return isinf(x) ? invalidf(x) : cosf(x);
}

float freebsd_tanf(float x)
{
	return isinf(x) ? invalidf(x) : tanf(x);
}

float freebsd_asinf(float x)
{
	return fabsf(x) > 1.0f ? invalidf(x) : asinf(x);
}

float freebsd_acosf(float x)
{
	return fabsf(x) > 1.0f ? invalidf(x) : acosf(x);
}

/* Below the smallest float: y/x, which is what atan2f computes there. */
float freebsd_atan2f(float y, float x)
{
	if (x > 0 && isfinite(x) && y != 0 && fabsf(y) < fabsf(x) * 0x1p-100f)
		return y / x;
	return atan2f(y, x);
}

/* Normal in [-103.27, 88.72]: beyond, the result is an infinity or below
 * the smallest float, which a double holds down to x = -700. */
float freebsd_expf(float x)
{
	if (isnan(x) || (x >= -0x1.9d1d9ep6f && x <= 0x1.62e42ep6f) || isinf(x))
		return expf(x);
	if (x > 0)
		return xflowf(0, 0x1p100f);
	return x > -700.0f ? (float)exp((double)x) : xflowf(0, 0x1p-100f);
}

float freebsd_logf(float x)
{
	return x < 0 ? invalidf(x) : x == 0 ? (float)pole(1) : logf(x);
}

/* Overflows only where the double result is beyond the float range. */
float freebsd_hypotf(float x, float y)
{
	if (isinf(x) || isinf(y))
		return INFINITY;
	double d = sqrt((double)x * x + (double)y * y);
	return d <= FLT_MAX ? hypotf(x, y) : (float)d;
}

/* Where x^y lies well inside the normal floats the host's powf cannot fail;
 * elsewhere (errors, infinities, zeros, the edges) the double pow above,
 * rounded to float, raises what powf should. */
float freebsd_powf(float x, float y)
{
	double d = freebsd_pow((double)x, (double)y);
	double a = fabs(d);
	if (a >= 2.0 * FLT_MIN && a <= FLT_MAX / 2)
		return powf(x, y);
	return (float)d;
}
