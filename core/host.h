/*
 * Host system calls made on the guest's behalf.  Handlers call the kernel
 * through these rather than through glibc: the result is the kernel's own
 * (a value, or -errno) and the tracer can show every host call a foreign call
 * became.
 */
#ifndef XENO_CORE_HOST_H
#define XENO_CORE_HOST_H

#include <sys/syscall.h>

long xeno_host_syscall(long nr, long a, long b, long c, long d, long e, long f);
/* The same, shown to no tracer: for xeno's own business (patching code,
 * core/patch.h), which a trace of the guest's calls must not show. */
long xeno_raw_syscall(long nr, long a, long b, long c, long d, long e, long f);
#define xeno_raw_syscall4(nr, a, b, c, d)                                                          \
	xeno_raw_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

#define host_syscall0(nr)	   xeno_host_syscall((nr), 0, 0, 0, 0, 0, 0)
#define host_syscall1(nr, a)	   xeno_host_syscall((nr), (long)(a), 0, 0, 0, 0, 0)
#define host_syscall2(nr, a, b)	   xeno_host_syscall((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define host_syscall3(nr, a, b, c) xeno_host_syscall((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define host_syscall4(nr, a, b, c, d)                                                              \
	xeno_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define host_syscall5(nr, a, b, c, d, e)                                                           \
	xeno_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define host_syscall6(nr, a, b, c, d, e, f)                                                        \
	xeno_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

#endif
