/*
 * libgreet.so.1: a shared library of the samples' own, which programs find
 * through their DT_NEEDED on XENO_LIBRARY_PATH.  It has thread-local
 * variables (reached here through __tls_get_addr, general-dynamic, as
 * -fPIC code does; programs reach greet_tls as initial-exec), a
 * constructor that registers an atexit handler, a destructor, a call back
 * into the program, and an import that no library xeno has defines.
 */
#include "libc.h"

__thread int greet_tls = 100; /* each thread starts from 100 */
__thread int greet_calls;     /* each thread starts from 0 */

static void greet_atexit(void)
{
	puts("libgreet: atexit handler from its constructor");
}

__attribute__((constructor)) static void greet_init(void)
{
	puts("libgreet: constructor");
	atexit(greet_atexit);
}

__attribute__((destructor)) static void greet_fini(void)
{
	puts("libgreet: destructor");
}

const char *greet_name(void)
{
	return "libgreet.so.1";
}

/* This thread's calls so far, counting this one. */
int greet_count(void)
{
	return ++greet_calls;
}

int *greet_tls_address(void)
{
	return &greet_tls;
}

int greet_callback(int (*fn)(int), int x)
{
	return fn(x) + 1;
}

/* FreeBSD's libc has getloadavg; xeno's libc.so.7 does not (yet): the
 * import is bound to a stub that says so once and fails with ENOSYS. */
int getloadavg(double loadavg[], int nelem);

int greet_missing(void)
{
	double avg[3];
	return getloadavg(avg, 3);
}
