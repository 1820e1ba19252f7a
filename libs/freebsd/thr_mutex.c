/*
 * FreeBSD's libthr.so.3 (libthr.spec): mutexes, for threads of one process
 * (the objects and their handles: thr_sync.h).
 *
 * A mutex word is 0 (free), 1 (held) or 2 (held, maybe with waiters), the
 * classic futex mutex; the owner's thread id is kept beside it for
 * FreeBSD's checks (an unlock by another thread fails with EPERM; an
 * error-checking mutex relocked by its owner with EDEADLK, a recursive one
 * counts).  A signal that arrives while a thread waits for a mutex is
 * delivered and the wait begun again.
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

/* ---- mutexes ---- */

#define MUTEX_MAGIC	0x78746d75u /* "umtx" */
#define MUTEXATTR_MAGIC 0x61746d75u /* "umta" */

static struct fbsd_mutex *new_mutex(int type)
{
	struct fbsd_mutex *m = xeno_heap_alloc(sizeof *m);
	if (m)
		*m = (struct fbsd_mutex){.magic = MUTEX_MAGIC, .type = type};
	return m;
}

/* The mutex the guest's pthread_mutex_t at p stands for, made if it is
 * still an initialiser: 0 or -errno. */
long sync_mutex_at(uint64_t p, struct fbsd_mutex **out)
{
	uint64_t v;
	if (sync_handle_at(p, &v) < 0 || v == FREEBSD_MUTEX_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_MUTEX_INITIALIZER || v == FREEBSD_ADAPTIVE_MUTEX_INITIALIZER) {
		struct fbsd_mutex *m =
		    new_mutex(v == FREEBSD_MUTEX_INITIALIZER ? FREEBSD_PTHREAD_MUTEX_DEFAULT
							     : FREEBSD_PTHREAD_MUTEX_ADAPTIVE_NP);
		if (!m)
			return -ENOMEM;
		v = sync_install(p, v, m);
	}
	if (!sync_is_object(v, MUTEX_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_mutex *)v;
	return 0;
}

int sync_mutex_owner(const struct fbsd_mutex *m)
{
	return __atomic_load_n(&m->owner, __ATOMIC_RELAXED);
}

static void take(struct fbsd_mutex *m, int self, unsigned count)
{
	__atomic_store_n(&m->owner, self, __ATOMIC_RELAXED);
	m->count = count;
}

/* The owner relocks (thr_mutex.c mutex_self_lock, mutex_self_trylock): 1
 * to go on waiting (a normal mutex deadlocks, as FreeBSD's does). */
static long self_lock(struct fbsd_mutex *m, bool try)
{
	if (m->type == FREEBSD_PTHREAD_MUTEX_RECURSIVE) {
		if (m->count == UINT_MAX)
			return -EAGAIN;
		m->count++;
		return 0;
	}
	if (try)
		return -EBUSY;
	return m->type == FREEBSD_PTHREAD_MUTEX_NORMAL ? 1 : -EDEADLK;
}

static long lock(struct xeno_thread *t, struct fbsd_mutex *m, const struct timespec *abs, bool try)
{
	if (sync_mutex_owner(m) == t->tid) {
		long r = self_lock(m, try);
		if (r <= 0)
			return r;
	}
	uint32_t free_ = 0;
	if (__atomic_compare_exchange_n(&m->word, &free_, 1, false, __ATOMIC_ACQUIRE,
					__ATOMIC_RELAXED)) {
		take(m, t->tid, 0);
		return 0;
	}
	if (try)
		return -EBUSY;
	while (__atomic_exchange_n(&m->word, 2, __ATOMIC_ACQUIRE) != 0) {
		long r = fbsd_futex_wait(&m->word, 2, abs, CLOCK_REALTIME);
		if (r == -EINTR)
			return -XENO_ERESTART; /* the signal's handler runs, then the wait again */
		if (r == -ETIMEDOUT)
			return r;
	}
	take(m, t->tid, 0);
	return 0;
}

/* Takes m again after a condition wait, whatever signals arrive meanwhile. */
void sync_mutex_relock(struct xeno_thread *t, struct fbsd_mutex *m, unsigned count)
{
	uint32_t free_ = 0;
	if (!__atomic_compare_exchange_n(&m->word, &free_, 1, false, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED))
		while (__atomic_exchange_n(&m->word, 2, __ATOMIC_ACQUIRE) != 0)
			fbsd_futex_wait_quietly(&m->word, 2);
	take(m, t->tid, count);
}

void sync_mutex_release(struct fbsd_mutex *m)
{
	__atomic_store_n(&m->owner, 0, __ATOMIC_RELAXED);
	m->count = 0;
	if (__atomic_exchange_n(&m->word, 0, __ATOMIC_RELEASE) == 2)
		fbsd_futex_wake(&m->word, 1);
}

static long unlock(struct xeno_thread *t, struct fbsd_mutex *m)
{
	if (sync_mutex_owner(m) != t->tid)
		return -EPERM;
	if (m->count) {
		m->count--;
		return 0;
	}
	sync_mutex_release(m);
	return 0;
}

long freebsd_libthr_pthread_mutexattr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return sync_attr_init(attr, MUTEXATTR_MAGIC, FREEBSD_PTHREAD_MUTEX_DEFAULT);
}

long freebsd_libthr_pthread_mutexattr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return sync_attr_destroy(attr, MUTEXATTR_MAGIC);
}

long freebsd_libthr_pthread_mutexattr_settype(struct xeno_thread *t, uint64_t attr, int type)
{
	(void)t;
	struct fbsd_sync_attr *a = sync_attr_at(attr, MUTEXATTR_MAGIC);
	if (!a || type < FREEBSD_PTHREAD_MUTEX_ERRORCHECK ||
	    type > FREEBSD_PTHREAD_MUTEX_ADAPTIVE_NP)
		return -EINVAL;
	a->setting = type;
	return 0;
}

long freebsd_libthr_pthread_mutexattr_gettype(struct xeno_thread *t, uint64_t attr, uint64_t type)
{
	(void)t;
	return sync_attr_get(attr, MUTEXATTR_MAGIC, false, type);
}

long freebsd_libthr_pthread_mutexattr_setpshared(struct xeno_thread *t, uint64_t attr, int pshared)
{
	(void)t;
	return sync_attr_set_pshared(attr, MUTEXATTR_MAGIC, pshared);
}

long freebsd_libthr_pthread_mutexattr_getpshared(struct xeno_thread *t, uint64_t attr,
						 uint64_t pshared)
{
	(void)t;
	return sync_attr_get(attr, MUTEXATTR_MAGIC, true, pshared);
}

long freebsd_libthr_pthread_mutex_init(struct xeno_thread *t, uint64_t mutex, uint64_t attr)
{
	(void)t;
	int type = FREEBSD_PTHREAD_MUTEX_DEFAULT;
	uint64_t v;
	if (sync_handle_at(mutex, &v) < 0)
		return -EINVAL;
	if (attr) {
		struct fbsd_sync_attr *a = sync_attr_at(attr, MUTEXATTR_MAGIC);
		if (!a)
			return -EINVAL;
		type = a->setting;
	}
	struct fbsd_mutex *m = new_mutex(type);
	if (!m)
		return -ENOMEM;
	sync_store_handle(mutex, (uint64_t)m);
	return 0;
}

long freebsd_libthr_pthread_mutex_destroy(struct xeno_thread *t, uint64_t mutex)
{
	(void)t;
	uint64_t v;
	if (sync_handle_at(mutex, &v) < 0)
		return -EINVAL;
	if (v == FREEBSD_MUTEX_INITIALIZER || v == FREEBSD_ADAPTIVE_MUTEX_INITIALIZER) {
		sync_store_handle(mutex, FREEBSD_MUTEX_DESTROYED);
		return 0;
	}
	if (!sync_is_object(v, MUTEX_MAGIC))
		return -EINVAL;
	struct fbsd_mutex *m = (struct fbsd_mutex *)v;
	if (__atomic_load_n(&m->word, __ATOMIC_ACQUIRE))
		return -EBUSY;
	sync_store_handle(mutex, FREEBSD_MUTEX_DESTROYED);
	m->magic = 0;
	xeno_heap_free(m);
	return 0;
}

long freebsd_libthr_pthread_mutex_lock(struct xeno_thread *t, uint64_t mutex)
{
	struct fbsd_mutex *m;
	long r = sync_mutex_at(mutex, &m);
	return r ? r : lock(t, m, NULL, false);
}

long freebsd_libthr_pthread_mutex_trylock(struct xeno_thread *t, uint64_t mutex)
{
	struct fbsd_mutex *m;
	long r = sync_mutex_at(mutex, &m);
	return r ? r : lock(t, m, NULL, true);
}

long freebsd_libthr_pthread_mutex_timedlock(struct xeno_thread *t, uint64_t mutex, uint64_t abstime)
{
	struct fbsd_mutex *m;
	struct timespec ts;
	long r = sync_mutex_at(mutex, &m);
	if (!r)
		r = sync_abstime_at(abstime, &ts);
	return r ? r : lock(t, m, &ts, false);
}

long freebsd_libthr_pthread_mutex_unlock(struct xeno_thread *t, uint64_t mutex)
{
	uint64_t v;
	if (sync_handle_at(mutex, &v) < 0 || !sync_is_object(v, MUTEX_MAGIC))
		return -EPERM; /* an initialiser: nobody holds it */
	return unlock(t, (struct fbsd_mutex *)v);
}
