/*
 * FreeBSD's libthr.so.3 (libthr.spec): read-write locks and spin locks
 * (the objects and their handles: thr_sync.h).
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

/* ---- read-write locks: a little state under a spinlock, waited for on a
 * sequence number every unlock advances ---- */

#define RWLOCK_MAGIC 0x6b6c7772u /* "rwlk" */

struct fbsd_rwlock {
	uint32_t magic;
	uint32_t seq;
	int lock;
	int readers;
	int writer; /* thread id */
};

static long rwlock_at(uint64_t p, struct fbsd_rwlock **out)
{
	uint64_t v;
	if (sync_handle_at(p, &v) < 0 || v == FREEBSD_RWLOCK_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_RWLOCK_INITIALIZER) {
		struct fbsd_rwlock *rw = xeno_heap_calloc(1, sizeof *rw);
		if (!rw)
			return -ENOMEM;
		rw->magic = RWLOCK_MAGIC;
		v = sync_install(p, v, rw);
	}
	if (!sync_is_object(v, RWLOCK_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_rwlock *)v;
	return 0;
}

long freebsd_libthr_pthread_rwlock_init(struct xeno_thread *t, uint64_t rwlock, uint64_t attr)
{
	(void)t, (void)attr;
	uint64_t v;
	if (sync_handle_at(rwlock, &v) < 0)
		return -EINVAL;
	struct fbsd_rwlock *rw = xeno_heap_calloc(1, sizeof *rw);
	if (!rw)
		return -ENOMEM;
	rw->magic = RWLOCK_MAGIC;
	sync_store_handle(rwlock, (uint64_t)rw);
	return 0;
}

long freebsd_libthr_pthread_rwlock_destroy(struct xeno_thread *t, uint64_t rwlock)
{
	(void)t;
	uint64_t v;
	if (sync_handle_at(rwlock, &v) < 0)
		return -EINVAL;
	if (v != FREEBSD_RWLOCK_INITIALIZER) {
		if (!sync_is_object(v, RWLOCK_MAGIC))
			return -EINVAL;
		struct fbsd_rwlock *rw = (struct fbsd_rwlock *)v;
		if (rw->readers || rw->writer)
			return -EBUSY;
		rw->magic = 0;
		xeno_heap_free(rw);
	}
	sync_store_handle(rwlock, FREEBSD_RWLOCK_DESTROYED);
	return 0;
}

static long rw_lock(struct xeno_thread *t, uint64_t rwlock, bool write, bool try)
{
	struct fbsd_rwlock *rw;
	long r = rwlock_at(rwlock, &rw);
	if (r)
		return r;
	for (;;) {
		fbsd_spin_lock(&rw->lock);
		if (rw->writer == t->tid) {
			fbsd_spin_unlock(&rw->lock);
			return -EDEADLK;
		}
		if (!rw->writer && (!write || !rw->readers)) {
			if (write)
				rw->writer = t->tid;
			else
				rw->readers++;
			fbsd_spin_unlock(&rw->lock);
			return 0;
		}
		uint32_t seq = rw->seq;
		fbsd_spin_unlock(&rw->lock);
		if (try)
			return -EBUSY;
		if (fbsd_futex_wait(&rw->seq, seq, NULL, 0) == -EINTR)
			return -XENO_ERESTART;
	}
}

long freebsd_libthr_pthread_rwlock_rdlock(struct xeno_thread *t, uint64_t rwlock)
{
	return rw_lock(t, rwlock, false, false);
}

long freebsd_libthr_pthread_rwlock_wrlock(struct xeno_thread *t, uint64_t rwlock)
{
	return rw_lock(t, rwlock, true, false);
}

long freebsd_libthr_pthread_rwlock_tryrdlock(struct xeno_thread *t, uint64_t rwlock)
{
	return rw_lock(t, rwlock, false, true);
}

long freebsd_libthr_pthread_rwlock_trywrlock(struct xeno_thread *t, uint64_t rwlock)
{
	return rw_lock(t, rwlock, true, true);
}

long freebsd_libthr_pthread_rwlock_unlock(struct xeno_thread *t, uint64_t rwlock)
{
	uint64_t v;
	if (sync_handle_at(rwlock, &v) < 0 || !sync_is_object(v, RWLOCK_MAGIC))
		return -EPERM;
	struct fbsd_rwlock *rw = (struct fbsd_rwlock *)v;
	long r = 0;
	fbsd_spin_lock(&rw->lock);
	if (rw->writer == t->tid)
		rw->writer = 0;
	else if (rw->readers > 0 && !rw->writer)
		rw->readers--;
	else
		r = -EPERM;
	if (!r)
		__atomic_add_fetch(&rw->seq, 1, __ATOMIC_RELEASE);
	fbsd_spin_unlock(&rw->lock);
	if (!r)
		fbsd_futex_wake(&rw->seq, INT_MAX);
	return r;
}

/* ---- spin locks ---- */

#define SPIN_MAGIC 0x6e697073u /* "spin" */

struct fbsd_spinlock {
	uint32_t magic;
	int word;
};

static struct fbsd_spinlock *spin_at(uint64_t p)
{
	uint64_t v;
	if (sync_handle_at(p, &v) < 0 || !sync_is_object(v, SPIN_MAGIC))
		return NULL;
	return (struct fbsd_spinlock *)v;
}

long freebsd_libthr_pthread_spin_init(struct xeno_thread *t, uint64_t lock_, int pshared)
{
	(void)t;
	uint64_t v;
	if (sync_handle_at(lock_, &v) < 0 || (pshared != FREEBSD_PTHREAD_PROCESS_PRIVATE &&
					      pshared != FREEBSD_PTHREAD_PROCESS_SHARED))
		return -EINVAL;
	struct fbsd_spinlock *s = xeno_heap_alloc(sizeof *s);
	if (!s)
		return -ENOMEM;
	*s = (struct fbsd_spinlock){SPIN_MAGIC, 0};
	sync_store_handle(lock_, (uint64_t)s);
	return 0;
}

long freebsd_libthr_pthread_spin_destroy(struct xeno_thread *t, uint64_t lock_)
{
	(void)t;
	struct fbsd_spinlock *s = spin_at(lock_);
	if (!s)
		return -EINVAL;
	s->magic = 0;
	xeno_heap_free(s);
	sync_store_handle(lock_, 0);
	return 0;
}

long freebsd_libthr_pthread_spin_lock(struct xeno_thread *t, uint64_t lock_)
{
	(void)t;
	struct fbsd_spinlock *s = spin_at(lock_);
	if (!s)
		return -EINVAL;
	fbsd_spin_lock(&s->word);
	return 0;
}

long freebsd_libthr_pthread_spin_trylock(struct xeno_thread *t, uint64_t lock_)
{
	(void)t;
	struct fbsd_spinlock *s = spin_at(lock_);
	if (!s)
		return -EINVAL;
	return __atomic_exchange_n(&s->word, 1, __ATOMIC_ACQUIRE) ? -EBUSY : 0;
}

long freebsd_libthr_pthread_spin_unlock(struct xeno_thread *t, uint64_t lock_)
{
	(void)t;
	struct fbsd_spinlock *s = spin_at(lock_);
	if (!s)
		return -EINVAL;
	fbsd_spin_unlock(&s->word);
	return 0;
}
