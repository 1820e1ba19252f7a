#include "core/host.h"

#include "core/nofpu.h"
#include "core/tracehook.h"

long xeno_raw_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

XENO_NOFPU long xeno_host_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret = xeno_raw_syscall(nr, a, b, c, d, e, f);
	if (__builtin_expect(xeno_trace_host, 0))
		xeno_trace_host_call(nr, a, b, c, d, e, f, ret);
	return ret;
}
