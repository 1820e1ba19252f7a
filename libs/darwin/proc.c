/*
 * errno, exit and the process: __error is the calling thread's errno
 * (xnu libsyscall: the TSD's errno slot; here the thread's lib_errno, set
 * only when a call fails), exit and _exit (no atexit list: Go registers
 * none), resource limits (xnu bsd/sys/resource.h: RLIMIT_NOFILE 8,
 * RLIM_INFINITY 2^63 - 1, struct rlimit two 64-bit words as Linux's).
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/host.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"
#include "syscalls/bsd/bsd.h"

long darwin_libSystem___error(struct xeno_thread *t)
{
	return (long)&t->lib_errno;
}

long darwin_libSystem_exit(struct xeno_thread *t, int status)
{
	return bsd_sys_exit(t, status);
}

long darwin_libSystem__exit(struct xeno_thread *t, int status)
{
	return bsd_sys_exit(t, status);
}

long darwin_libSystem_getpid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getpid);
}

long darwin_libSystem_issetugid(struct xeno_thread *t)
{
	(void)t;
	return getuid() != geteuid() || getgid() != getegid();
}

#define DARWIN_RLIM_INFINITY 0x7fffffffffffffffULL

/* RLIMIT_CPU 0, FSIZE 1, DATA 2, STACK 3, CORE 4, AS/RSS 5, MEMLOCK 6,
 * NPROC 7, NOFILE 8 */
static int rlimit_to_host(int r)
{
	static const int host[] = {RLIMIT_CPU,	   RLIMIT_FSIZE, RLIMIT_DATA,
				   RLIMIT_STACK,   RLIMIT_CORE,	 RLIMIT_AS,
				   RLIMIT_MEMLOCK, RLIMIT_NPROC, RLIMIT_NOFILE};
	return r >= 0 && r < (int)(sizeof host / sizeof host[0]) ? host[r] : -1;
}

long darwin_libSystem_getrlimit(struct xeno_thread *t, int resource, uint64_t rlp)
{
	(void)t;
	int r = rlimit_to_host(resource);
	if (r < 0)
		return -EINVAL;
	struct rlimit rl;
	long e = host_syscall2(SYS_getrlimit, r, &rl);
	if (e < 0)
		return e;
	uint64_t v[2] = {rl.rlim_cur, rl.rlim_max};
	for (int i = 0; i < 2; i++)
		if (v[i] == RLIM_INFINITY || v[i] > DARWIN_RLIM_INFINITY)
			v[i] = DARWIN_RLIM_INFINITY;
	return xeno_copy_out(rlp, v, sizeof v) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_setrlimit(struct xeno_thread *t, int resource, uint64_t rlp)
{
	(void)t;
	int r = rlimit_to_host(resource);
	uint64_t v[2];
	if (r < 0)
		return -EINVAL;
	if (xeno_copy_in(v, rlp, sizeof v) < 0)
		return -EFAULT;
	struct rlimit rl = {v[0] >= DARWIN_RLIM_INFINITY ? RLIM_INFINITY : v[0],
			    v[1] >= DARWIN_RLIM_INFINITY ? RLIM_INFINITY : v[1]};
	return host_syscall2(SYS_setrlimit, r, &rl);
}

/* struct rusage: two timevals (16 bytes each, tv_usec a 32-bit int in the
 * low half, bsd/sys/_types/_timeval.h) then 14 longs, as Linux's. */
long darwin_libSystem_getrusage(struct xeno_thread *t, int who, uint64_t usage)
{
	(void)t;
	int hwho = who == 0 ? RUSAGE_SELF : who == -1 ? RUSAGE_CHILDREN : -1;
	if (hwho == -1)
		return -EINVAL;
	struct rusage ru;
	long e = host_syscall2(SYS_getrusage, hwho, &ru);
	if (e < 0)
		return e;
	_Static_assert(sizeof ru == 144, "struct rusage: the BSDs' shape");
	return xeno_copy_out(usage, &ru, sizeof ru) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_execve(struct xeno_thread *t, uint64_t path, uint64_t argv, uint64_t envp)
{
	(void)t, (void)path, (void)argv, (void)envp;
	return -ENOSYS;
}
