/*
 * libprobe.so.1: a FreeBSD shared library of xeno's samples, linked against
 * the link-only stub of libc.so.7 and found by xeno on XENO_LIBRARY_PATH
 * (samples/freebsd/dyn/libcalls.c needs it).  Its initialiser calls libc.
 */
#include "libc.h"

static int offset;
__thread int probe_tls __attribute__((tls_model("initial-exec"))) = 37;

static void __attribute__((constructor)) loaded(void)
{
	offset = 22;
	probe_tls++;
	write(1, "libprobe initialiser\n", 21);
}

int probe_value(int x)
{
	return x + offset;
}

#ifdef PROBE_LINK_ONLY
/* Only in the copy libcalls is linked against: at run time nothing defines
 * it, as when a program meets an older library than it was built for. */
int xeno_no_such_function(int x)
{
	return x;
}
#endif
