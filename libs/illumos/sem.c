/*
 * POSIX semaphores as illumos's libc keeps them (usr/src/head/semaphore.h:
 * a 48-byte sem_t of sem_count, sem_type, sem_magic and padding; usr/src/
 * lib/libc/port/threads/sema.c for the semantics), on Linux futexes: the
 * count is the futex word; the first padding word counts the waiters, so
 * that a post wakes only when someone waits.  Go keeps one semaphore per
 * thread and sleeps and wakes on it all the time: every call here runs
 * without glibc's thread state (NOTLS).
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stddef.h>
#include <time.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/vdso.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"

#define SEMA_MAGIC	      0x534d /* "SM" (usr/src/uts/common/sys/synch.h) */
#define USYNC_THREAD	      0x00
#define USYNC_PROCESS	      0x01
#define ILLUMOS_SEM_VALUE_MAX INT_MAX /* limits.h _ILLUMOS_SEM_VALUE_MAX */
#define NSEC		      1000000000L

struct illumos_sem {
	uint32_t count;
	uint16_t type;
	uint16_t magic;
	uint32_t waiters; /* sem_pad1[0]: xeno's */
	uint32_t pad0_;
	uint64_t pad1[2];
	uint64_t pad2[2];
};
_Static_assert(sizeof(struct illumos_sem) == 48, "sem_t");

/* The semaphore at guest address sem, checked: NULL if it is not one. */
static struct illumos_sem *sem_at(uint64_t sem, long *err)
{
	struct illumos_sem s;
	*err = xeno_copy_in(&s, sem, sizeof s);
	if (*err)
		return NULL;
	if (s.magic != SEMA_MAGIC) {
		*err = -EINVAL;
		return NULL;
	}
	return (struct illumos_sem *)sem;
}

static int futex_op(const struct illumos_sem *s, int op)
{
	return s->type & USYNC_PROCESS ? op : op | FUTEX_PRIVATE_FLAG;
}

long illumos_libc_sem_init(struct xeno_thread *t, uint64_t sem, int pshared, unsigned int value)
{
	(void)t;
	if (value > ILLUMOS_SEM_VALUE_MAX)
		return -EINVAL;
	struct illumos_sem s = {
	    .count = value, .type = pshared ? USYNC_PROCESS : USYNC_THREAD, .magic = SEMA_MAGIC};
	return xeno_copy_out(sem, &s, sizeof s);
}

long illumos_libc_sem_destroy(struct xeno_thread *t, uint64_t sem)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	if (!s)
		return err;
	if (__atomic_load_n(&s->waiters, __ATOMIC_ACQUIRE))
		return -EBUSY;
	__atomic_store_n(&s->magic, 0, __ATOMIC_RELEASE);
	return 0;
}

static bool try_take(struct illumos_sem *s)
{
	uint32_t c = __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
	while (c > 0)
		if (__atomic_compare_exchange_n(&s->count, &c, c - 1, false, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			return true;
	return false;
}

/* Waits for the count to be positive and takes one: 0, -EINTR (a signal),
 * or the futex's -ETIMEDOUT.  ts: NULL, a relative wait, or (bitset) an
 * absolute time on the realtime clock. */
static long take(struct illumos_sem *s, const struct timespec *ts, bool absolute)
{
	for (;;) {
		if (try_take(s))
			return 0;
		__atomic_add_fetch(&s->waiters, 1, __ATOMIC_SEQ_CST);
		long r = absolute ? host_blocking_syscall(SYS_futex, &s->count,
							  futex_op(s, FUTEX_WAIT_BITSET) |
							      FUTEX_CLOCK_REALTIME,
							  0, ts, 0, FUTEX_BITSET_MATCH_ANY)
				  : host_blocking_syscall(SYS_futex, &s->count,
							  futex_op(s, FUTEX_WAIT), 0, ts, 0, 0);
		__atomic_sub_fetch(&s->waiters, 1, __ATOMIC_SEQ_CST);
		if (r == -EINTR || r == -ETIMEDOUT)
			return r;
	}
}

long illumos_libc_sem_wait(struct xeno_thread *t, uint64_t sem)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	return s ? take(s, NULL, false) : err;
}

long illumos_libc_sem_trywait(struct xeno_thread *t, uint64_t sem)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	if (!s)
		return err;
	return try_take(s) ? 0 : -EAGAIN;
}

static long read_timespec(uint64_t addr, struct timespec *ts)
{
	if (xeno_copy_in(ts, addr, sizeof *ts) < 0)
		return -EFAULT;
	return ts->tv_nsec < 0 || ts->tv_nsec >= NSEC ? -EINVAL : 0;
}

/* sem_reltimedwait_np: a relative timeout; ETIMEDOUT when it passes.  The
 * wait restarts after a wake-up that found nothing with what is left. */
long illumos_libc_sem_reltimedwait_np(struct xeno_thread *t, uint64_t sem, uint64_t reltime)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	struct timespec rel, now, deadline;
	if (!s)
		return err;
	if ((err = read_timespec(reltime, &rel)) < 0)
		return err;
	if (rel.tv_sec < 0)
		rel = (struct timespec){0, 0};
	xeno_clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += rel.tv_sec;
	deadline.tv_nsec += rel.tv_nsec;
	if (deadline.tv_nsec >= NSEC)
		deadline.tv_sec++, deadline.tv_nsec -= NSEC;
	for (;;) {
		if (try_take(s))
			return 0;
		xeno_clock_gettime(CLOCK_MONOTONIC, &now);
		struct timespec left = {deadline.tv_sec - now.tv_sec,
					deadline.tv_nsec - now.tv_nsec};
		if (left.tv_nsec < 0)
			left.tv_sec--, left.tv_nsec += NSEC;
		if (left.tv_sec < 0)
			return -ETIMEDOUT;
		long r = take(s, &left, false);
		if (r != -ETIMEDOUT)
			return r;
	}
}

long illumos_libc_sem_timedwait(struct xeno_thread *t, uint64_t sem, uint64_t abstime)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	struct timespec abs;
	if (!s)
		return err;
	if (try_take(s))
		return 0;
	if ((err = read_timespec(abstime, &abs)) < 0)
		return err;
	return take(s, &abs, true);
}

long illumos_libc_sem_post(struct xeno_thread *t, uint64_t sem)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	if (!s)
		return err;
	uint32_t c = __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
	do
		if (c >= ILLUMOS_SEM_VALUE_MAX)
			return -EOVERFLOW;
	while (!__atomic_compare_exchange_n(&s->count, &c, c + 1, false, __ATOMIC_SEQ_CST,
					    __ATOMIC_ACQUIRE));
	if (__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST))
		host_syscall3(SYS_futex, &s->count, futex_op(s, FUTEX_WAKE), 1);
	return 0;
}

long illumos_libc_sem_getvalue(struct xeno_thread *t, uint64_t sem, uint64_t sval)
{
	(void)t;
	long err;
	struct illumos_sem *s = sem_at(sem, &err);
	if (!s)
		return err;
	int32_t v = (int32_t)__atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
	return xeno_copy_out(sval, &v, sizeof v);
}
