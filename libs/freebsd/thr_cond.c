/*
 * FreeBSD's libthr.so.3 (libthr.spec): condition variables (the objects and
 * their handles: thr_sync.h).
 *
 * A condition variable is a sequence number that signal and broadcast
 * advance.  A signal that arrives during a condition wait ends it early (a
 * spurious wakeup, as POSIX allows), the mutex taken again first.
 */
#include <errno.h>
#include <limits.h>

#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libthr_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"
#include "libs/freebsd/thr_sync.h"

/* ---- condition variables ---- */

#define COND_MAGIC     0x646e6f63u /* "cond" */
#define CONDATTR_MAGIC 0x61646e63u /* "cnda" */

struct fbsd_cond {
	uint32_t magic;
	uint32_t seq;
	int clock; /* the host's clock id */
};

/* FreeBSD's clock ids a condition variable may use, as the host's. */
static int cond_clock(int freebsd_clock)
{
	return freebsd_clock == FREEBSD_CLOCK_MONOTONIC ? CLOCK_MONOTONIC : CLOCK_REALTIME;
}

static struct fbsd_cond *new_cond(int host_clock)
{
	struct fbsd_cond *c = xeno_heap_alloc(sizeof *c);
	if (c)
		*c = (struct fbsd_cond){.magic = COND_MAGIC, .clock = host_clock};
	return c;
}

static long cond_at(uint64_t p, struct fbsd_cond **out)
{
	uint64_t v;
	if (sync_handle_at(p, &v) < 0 || v == FREEBSD_COND_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_COND_INITIALIZER) {
		struct fbsd_cond *c = new_cond(CLOCK_REALTIME);
		if (!c)
			return -ENOMEM;
		v = sync_install(p, v, c);
	}
	if (!sync_is_object(v, COND_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_cond *)v;
	return 0;
}

long freebsd_libthr_pthread_condattr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return sync_attr_init(attr, CONDATTR_MAGIC, FREEBSD_CLOCK_REALTIME);
}

long freebsd_libthr_pthread_condattr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return sync_attr_destroy(attr, CONDATTR_MAGIC);
}

long freebsd_libthr_pthread_condattr_setclock(struct xeno_thread *t, uint64_t attr, int clock)
{
	(void)t;
	struct fbsd_sync_attr *a = sync_attr_at(attr, CONDATTR_MAGIC);
	if (!a || (clock != FREEBSD_CLOCK_REALTIME && clock != FREEBSD_CLOCK_MONOTONIC))
		return -EINVAL;
	a->setting = clock;
	return 0;
}

long freebsd_libthr_pthread_condattr_getclock(struct xeno_thread *t, uint64_t attr, uint64_t clock)
{
	(void)t;
	return sync_attr_get(attr, CONDATTR_MAGIC, false, clock);
}

long freebsd_libthr_pthread_condattr_setpshared(struct xeno_thread *t, uint64_t attr, int pshared)
{
	(void)t;
	return sync_attr_set_pshared(attr, CONDATTR_MAGIC, pshared);
}

long freebsd_libthr_pthread_condattr_getpshared(struct xeno_thread *t, uint64_t attr,
						uint64_t pshared)
{
	(void)t;
	return sync_attr_get(attr, CONDATTR_MAGIC, true, pshared);
}

long freebsd_libthr_pthread_cond_init(struct xeno_thread *t, uint64_t cond, uint64_t attr)
{
	(void)t;
	int clock = CLOCK_REALTIME;
	uint64_t v;
	if (sync_handle_at(cond, &v) < 0)
		return -EINVAL;
	if (attr) {
		struct fbsd_sync_attr *a = sync_attr_at(attr, CONDATTR_MAGIC);
		if (!a)
			return -EINVAL;
		clock = cond_clock(a->setting);
	}
	struct fbsd_cond *c = new_cond(clock);
	if (!c)
		return -ENOMEM;
	sync_store_handle(cond, (uint64_t)c);
	return 0;
}

long freebsd_libthr_pthread_cond_destroy(struct xeno_thread *t, uint64_t cond)
{
	(void)t;
	uint64_t v;
	if (sync_handle_at(cond, &v) < 0)
		return -EINVAL;
	if (v != FREEBSD_COND_INITIALIZER) {
		if (!sync_is_object(v, COND_MAGIC))
			return -EINVAL;
		((struct fbsd_cond *)v)->magic = 0;
		xeno_heap_free((void *)v);
	}
	sync_store_handle(cond, FREEBSD_COND_DESTROYED);
	return 0;
}

static long cond_wait(struct xeno_thread *t, uint64_t cond, uint64_t mutex,
		      const struct timespec *abs)
{
	struct fbsd_cond *c;
	struct fbsd_mutex *m;
	long r = cond_at(cond, &c);
	if (!r)
		r = sync_mutex_at(mutex, &m);
	if (r)
		return r;
	if (sync_mutex_owner(m) != t->tid)
		return -EPERM;
	uint32_t seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
	unsigned count = m->count;
	sync_mutex_release(m);
	r = fbsd_futex_wait(&c->seq, seq, abs, c->clock);
	sync_mutex_relock(t, m, count);
	return r == -ETIMEDOUT ? r : 0; /* a signal: a spurious wakeup */
}

long freebsd_libthr_pthread_cond_wait(struct xeno_thread *t, uint64_t cond, uint64_t mutex)
{
	return cond_wait(t, cond, mutex, NULL);
}

long freebsd_libthr_pthread_cond_timedwait(struct xeno_thread *t, uint64_t cond, uint64_t mutex,
					   uint64_t abstime)
{
	struct timespec ts;
	long r = sync_abstime_at(abstime, &ts);
	return r ? r : cond_wait(t, cond, mutex, &ts);
}

static long cond_wake(uint64_t cond, int n)
{
	uint64_t v;
	if (sync_handle_at(cond, &v) < 0 || v == FREEBSD_COND_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_COND_INITIALIZER)
		return 0; /* never waited on */
	if (!sync_is_object(v, COND_MAGIC))
		return -EINVAL;
	struct fbsd_cond *c = (struct fbsd_cond *)v;
	__atomic_add_fetch(&c->seq, 1, __ATOMIC_ACQ_REL);
	fbsd_futex_wake(&c->seq, n);
	return 0;
}

long freebsd_libthr_pthread_cond_signal(struct xeno_thread *t, uint64_t cond)
{
	(void)t;
	return cond_wake(cond, 1);
}

long freebsd_libthr_pthread_cond_broadcast(struct xeno_thread *t, uint64_t cond)
{
	(void)t;
	return cond_wake(cond, INT_MAX);
}
