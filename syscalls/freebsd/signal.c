/*
 * FreeBSD's thread-directed signals (sys/kern/kern_thr.c thr_kill,
 * thr_kill2); the other signal calls are shared (syscalls/bsd/signal.c).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "abi/freebsd/signal.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "core/xlat.h"
#include "syscalls/bsd/thread.h"
#include "syscalls/freebsd/freebsd.h"

/* thr_kill(-1, sig) signals every thread of the process (kern_thr.c). */
long freebsd_sys_thr_kill(struct xeno_thread *t, long id, int sig)
{
	int hsig;
	if (bsd_signal_in(t, sig, &hsig) < 0)
		return -EINVAL;
	if (id != -1 && id <= 0)
		return -ESRCH;
	return bsd_thread_kill(id, hsig);
}

long freebsd_sys_thr_kill2(struct xeno_thread *t, int pid, long id, int sig)
{
	if (pid == 0 || pid == getpid())
		return freebsd_sys_thr_kill(t, id, sig);
	int hsig;
	if (bsd_signal_in(t, sig, &hsig) < 0)
		return -EINVAL;
	return host_syscall3(SYS_tgkill, pid, id, hsig);
}
