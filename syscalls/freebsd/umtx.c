/*
 * _umtx_op, FreeBSD's futex (sys/kern/kern_umtx.c), on Linux futexes: the
 * wait and wake operations Go and other runtimes use.  A wait whose value no
 * longer matches returns 0, as FreeBSD's do_wait does (Linux says EAGAIN).
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <time.h>

#include "abi/freebsd/time.h"
#include "abi/freebsd/umtx.h"
#include "core/blocking.h"
#include "core/call.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"

/* The timeout argument pair: uaddr1 holds the size of the object at uaddr2;
 * up to a timespec's size it is a bare relative timespec, else _umtx_time
 * (umtx_copyin_umtx_time).  Produces a relative timeout for FUTEX_WAIT, or
 * an absolute one for FUTEX_WAIT_BITSET (*abs_clock >= 0). */
static long read_timeout(uint64_t size, uint64_t uaddr, struct timespec *ts, int *abs_clock)
{
	struct freebsd_umtx_time ut = {0};
	*abs_clock = -1;
	if (size <= 16) {
		if (xeno_copy_in(&ut, uaddr, 16) < 0)
			return -EFAULT;
	} else if (xeno_copy_in(&ut, uaddr, sizeof ut) < 0) {
		return -EFAULT;
	}
	if (ut.tv_sec < 0 || ut.tv_nsec < 0 || ut.tv_nsec >= 1000000000)
		return -EINVAL;
	ts->tv_sec = ut.tv_sec;
	ts->tv_nsec = ut.tv_nsec;
	if (size > 16 && (ut.flags & FREEBSD_UMTX_ABSTIME)) {
		struct bsd_clock bc;
		if (freebsd_clock_to_host((int)ut.clockid, &bc) < 0)
			return -EINVAL;
		int clock = bc.host_id;
		if (clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC) {
			*abs_clock = clock;
			return 0;
		}
		/* Another clock: wait for the time left on it. */
		struct timespec now;
		if (clock_gettime(clock, &now) < 0)
			return -EINVAL;
		ts->tv_sec -= now.tv_sec;
		ts->tv_nsec -= now.tv_nsec;
		if (ts->tv_nsec < 0)
			ts->tv_nsec += 1000000000, ts->tv_sec--;
		if (ts->tv_sec < 0)
			ts->tv_sec = 0, ts->tv_nsec = 0;
	}
	return 0;
}

static long wait_on(uint64_t obj, uint32_t expect, bool private_, uint64_t size, uint64_t uaddr2)
{
	struct timespec ts, *tsp = NULL;
	int abs_clock = -1;
	if (uaddr2) {
		long err = read_timeout(size, uaddr2, &ts, &abs_clock);
		if (err)
			return err;
		tsp = &ts;
	}
	int op = private_ ? FUTEX_PRIVATE_FLAG : 0;
	long r;
	if (abs_clock >= 0)
		r = host_blocking_syscall(
		    SYS_futex, obj,
		    op | FUTEX_WAIT_BITSET |
			(abs_clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0),
		    expect, tsp, 0, FUTEX_BITSET_MATCH_ANY);
	else
		r = host_blocking_syscall(SYS_futex, obj, op | FUTEX_WAIT, expect, tsp, 0, 0);
	if (r == -EAGAIN)
		return 0; /* the value had changed: FreeBSD returns at once, no error */
	return r < 0 ? r : 0;
}

/* A shared wake (kern_umtx_wake with is_private 0, AUTO_SHARE keys) finds
 * the private waiters on private memory too; Linux keys shared and private
 * futexes apart, so both are woken (a spare wake-up is allowed). */
static long wake(uint64_t obj, uint64_t count, bool private_)
{
	int n = count > INT_MAX ? INT_MAX : (int)count;
	long r = host_syscall3(SYS_futex, obj, FUTEX_PRIVATE_FLAG | FUTEX_WAKE, n);
	if (r >= 0 && !private_)
		r = host_syscall3(SYS_futex, obj, FUTEX_WAKE, n);
	return r < 0 ? r : 0;
}

/* UMTX_OP_WAIT compares a long: the whole value is checked here, the low
 * half by the futex (Linux futexes are 32 bits wide). */
static long wait_long(uint64_t obj, uint64_t val, uint64_t size, uint64_t uaddr2)
{
	uint64_t now;
	if (obj & 7)
		return -EINVAL;
	if (xeno_copy_in(&now, obj, sizeof now) < 0)
		return -EFAULT;
	if (now != val)
		return 0;
	return wait_on(obj, (uint32_t)val, false, size, uaddr2);
}

/* The count is an int (__umtx_op_nwake_private_native): a negative one
 * wakes nothing. */
static long nwake(uint64_t obj, int count)
{
	for (int i = 0; i < count; i++) {
		uint64_t addr;
		if (xeno_copy_in(&addr, obj + (uint64_t)i * 8, sizeof addr) < 0)
			return -EFAULT;
		wake(addr, INT_MAX, true);
	}
	return 0;
}

long freebsd_sys__umtx_op(struct xeno_thread *t, uint64_t obj, int op, unsigned long val,
			  uint64_t uaddr1, uint64_t uaddr2)
{
	(void)t;
	if ((op == FREEBSD_UMTX_OP_WAIT_UINT || op == FREEBSD_UMTX_OP_WAIT_UINT_PRIVATE) &&
	    (obj & 3))
		return -EINVAL;
	switch (op) {
	case FREEBSD_UMTX_OP_WAIT:
		return wait_long(obj, val, uaddr1, uaddr2);
	case FREEBSD_UMTX_OP_WAIT_UINT:
		return wait_on(obj, (uint32_t)val, false, uaddr1, uaddr2);
	case FREEBSD_UMTX_OP_WAIT_UINT_PRIVATE:
		return wait_on(obj, (uint32_t)val, true, uaddr1, uaddr2);
	case FREEBSD_UMTX_OP_WAKE:
		return wake(obj, val, false);
	case FREEBSD_UMTX_OP_WAKE_PRIVATE:
		return wake(obj, val, true);
	case FREEBSD_UMTX_OP_NWAKE_PRIVATE:
		return nwake(obj, (int)val);
	}
	return xeno_unimplemented_op(t, "_umtx_op", op);
}
