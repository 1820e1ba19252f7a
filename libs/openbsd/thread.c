/*
 * OpenBSD threads: libpthread's pthreads on the shared ones
 * (libs/common/pthread.c) with OpenBSD's numbers (include/pthread.h
 * PTHREAD_CREATE_DETACHED 1; lib/librthread/rthread.h RTHREAD_STACK_SIZE_DEF
 * 256 KiB; PTHREAD_STACK_MIN 1 << _MAX_PAGE_SHIFT; the calls that need none
 * of these are the shared handlers themselves, the spec's =lib_pthread_...),
 * and the kernel's thread
 * calls libc passes through: getthrid, thrkill, __thrsleep and __thrwakeup
 * (sys/kern/kern_synch.c, lib/libc/sys/__thrsleep.2), the sleep queue keyed
 * by an address as a futex.
 */
#include <errno.h>
#include <linux/futex.h>
#include <time.h>

#include "abi/openbsd/proc.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/common/pthread.h"
#include "libs/openbsd/openbsd.h"
#include "openbsd_libc_proto.h"
#include "openbsd_libpthread_proto.h"
#include "syscalls/bsd/signal.h"

extern const struct xeno_library openbsd_libpthread_library;

static const struct lib_pthread_os openbsd_threads = {
    .detached = 1,
    .joinable = 0,
    .default_stack = 256u << 10,
    .min_stack = 4096,
    .id_size = sizeof(uint64_t), /* pthread_t is a pointer */
    .libc = &openbsd_libpthread_library,
    .exit_name = "pthread_exit",
};

long openbsd_libpthread_pthread_attr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return lib_pthread_attr_init(&openbsd_threads, attr);
}

long openbsd_libpthread_pthread_attr_setstacksize(struct xeno_thread *t, uint64_t attr, size_t size)
{
	(void)t;
	return lib_pthread_attr_setstacksize(&openbsd_threads, attr, size);
}

long openbsd_libpthread_pthread_attr_setdetachstate(struct xeno_thread *t, uint64_t attr, int state)
{
	(void)t;
	return lib_pthread_attr_setdetachstate(&openbsd_threads, attr, state);
}

long openbsd_libpthread_pthread_create(struct xeno_thread *t, uint64_t thread, uint64_t attr,
				       uint64_t start, uint64_t arg)
{
	return lib_pthread_create(&openbsd_threads, t, thread, attr, start, arg);
}

long openbsd_libc_getthrid(struct xeno_thread *t)
{
	return t->tid;
}

/* thrkill(tid, sig, tcb): to one of the process's threads, tid 0 the
 * caller (sys/kern/kern_sig.c sys_thrkill; Go passes NULL for tcb, which
 * when given must be the target's TCB: checked for the caller, whose TCB
 * is its FS base); sig 0 only checks. */
long openbsd_libc_thrkill(struct xeno_thread *t, int tid, int sig, uint64_t tcb)
{
	int hsig;
	long r = bsd_signal_in(t, sig, &hsig);
	if (r < 0)
		return r;
	if (tid < 0)
		return -ESRCH;
	if (tid == 0 || tid == t->tid) {
		if (tcb && tcb != t->guest_fs)
			return -ESRCH;
		tid = t->tid;
	}
	return host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), tid, hsig);
}

/* __thrsleep: sleeps on ident until a __thrwakeup of it, the absolute time
 * abstime on clock, or a signal; the error number is the result (the spec's
 * RET: a negated host errno here, OpenBSD's number for the guest and its
 * name in a trace): 0 when woken, EWOULDBLOCK on the timeout, EINTR for a
 * signal or when *abort is set before sleeping, EINVAL for a bad time.
 * lock, a spinlock word, is released once the thread is queued.  The futex
 * waits on the word at ident while it holds the value read now: a change
 * (Go's semaphore count, which is also its abort word) ends the sleep at
 * once. */
long openbsd_libc___thrsleep(struct xeno_thread *t, uint64_t ident, int clock, uint64_t abstime,
			     uint64_t lock, uint64_t abort)
{
	(void)t;
	struct timespec ts;
	int op = FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG;
	if (abstime) {
		if (xeno_copy_in(&ts, abstime, sizeof ts) < 0)
			return -EFAULT;
		if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		if (clock == OPENBSD_CLOCK_REALTIME)
			op |= FUTEX_CLOCK_REALTIME;
		else if (clock != OPENBSD_CLOCK_MONOTONIC && clock != OPENBSD_CLOCK_UPTIME)
			return -EINVAL;
	}
	uint32_t cur, ab = 0;
	if (xeno_copy_in(&cur, ident, sizeof cur) < 0)
		return -EFAULT;
	if (lock) {
		uint32_t zero = 0;
		if (xeno_copy_out(lock, &zero, sizeof zero) < 0)
			return -EFAULT;
	}
	if (abort && (xeno_copy_in(&ab, abort, sizeof ab) < 0 || ab != 0))
		return ab ? -EINTR : -EFAULT;
	long r = host_blocking_syscall(SYS_futex, ident, op, cur, abstime ? &ts : NULL, 0,
				       FUTEX_BITSET_MATCH_ANY);
	if (r == -ETIMEDOUT)
		return -EWOULDBLOCK;
	if (r == -EINTR || r == -EFAULT)
		return r;
	return 0; /* woken, or the word changed: a wakeup the caller looks for */
}

/* __thrwakeup: wakes n sleepers on ident (0: all); ESRCH if none slept. */
long openbsd_libc___thrwakeup(struct xeno_thread *t, uint64_t ident, int n)
{
	(void)t;
	long r = host_syscall3(SYS_futex, ident, FUTEX_WAKE_PRIVATE, n > 0 ? n : INT32_MAX);
	if (r < 0)
		return r == -EFAULT ? -EFAULT : -EINVAL;
	return r > 0 ? 0 : -ESRCH;
}
