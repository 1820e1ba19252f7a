/* Process identity and exit, shared by the BSD personalities. */
#include <unistd.h>

#include "core/host.h"
#include "core/thread.h"
#include "core/trace.h"
#include "syscalls/bsd/bsd.h"

long bsd_sys_exit(struct xeno_thread *t, int rval)
{
	(void)t;
	xeno_trace_flush();
	host_syscall1(SYS_exit_group, rval);
	__builtin_unreachable();
}

long bsd_sys_getpid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getpid);
}
