/*
 * FreeBSD's libthr.so.3 (libthr.spec): mutexes, condition variables,
 * read-write locks and spin locks, for threads of one process.
 *
 * The guest's pthread_mutex_t (and the others) is a pointer to an object
 * the library allocates (include/pthread.h); a static initialiser is a
 * small constant meaning "the default, made on first use", which the
 * first user replaces with an object (compare-and-swap: a loser frees its
 * own).  The objects live on the guest heap and are waited for on futexes
 * in them; every handler here runs on the guest's FS base (NOTLS).
 *
 * A mutex word is 0 (free), 1 (held) or 2 (held, maybe with waiters), the
 * classic futex mutex; the owner's thread id is kept beside it for
 * FreeBSD's checks (an unlock by another thread fails with EPERM; an
 * error-checking mutex relocked by its owner with EDEADLK, a recursive one
 * counts).  A condition variable is a sequence number that signal and
 * broadcast advance.  A signal that arrives while a thread waits for a
 * mutex is delivered and the wait begun again; one that arrives during a
 * condition wait ends it early (a spurious wakeup, as POSIX allows), the
 * mutex taken again first.
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libthr_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"

/* ---- the pieces ---- */

void fbsd_spin_lock(int *l)
{
	for (unsigned n = 1; __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE); n++)
		while (__atomic_load_n(l, __ATOMIC_RELAXED))
			if (n++ % 256 == 0)
				host_syscall0(SYS_sched_yield);
			else
				__builtin_ia32_pause();
}

void fbsd_spin_unlock(int *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

long fbsd_futex_wait(uint32_t *word, uint32_t val, const struct timespec *abs, int clock)
{
	int op = FUTEX_WAIT_BITSET_PRIVATE | (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
	long r = host_blocking_syscall(SYS_futex, word, op, val, abs, 0, FUTEX_BITSET_MATCH_ANY);
	return r == -EINTR || r == -ETIMEDOUT ? r : 0;
}

long fbsd_futex_wait_quietly(uint32_t *word, uint32_t val)
{
	long r = host_syscall4(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, 0);
	return r == -ETIMEDOUT ? r : 0;
}

void fbsd_futex_wake(uint32_t *word, int n)
{
	host_syscall3(SYS_futex, word, FUTEX_WAKE_PRIVATE, n);
}

/* The guest's handle at p: its value, or -EINVAL if p is not readable. */
static long handle_at(uint64_t p, uint64_t *v)
{
	return !p || p % 8 || xeno_copy_in(v, p, sizeof *v) < 0 ? -EINVAL : 0;
}

/* Replaces an initialiser init at p with obj, unless another thread did
 * first: the object in place (obj, or the winner's, obj freed). */
static uint64_t install(uint64_t p, uint64_t init, void *obj)
{
	uint64_t expected = init;
	if (__atomic_compare_exchange_n((uint64_t *)p, &expected, (uint64_t)obj, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return (uint64_t)obj;
	xeno_heap_free(obj);
	return expected;
}

/* Whether the object at v begins with magic. */
static bool is_object(uint64_t v, uint32_t magic)
{
	uint32_t m;
	return v > 2 && v % 8 == 0 && xeno_copy_in(&m, v, sizeof m) == 0 && m == magic;
}

static void store_handle(uint64_t p, uint64_t v)
{
	xeno_copy_out(p, &v, sizeof v);
}

/* An absolute time the guest gave (struct timespec is the same on both):
 * 0 or -EINVAL. */
static long abstime_at(uint64_t p, struct timespec *ts)
{
	if (xeno_copy_in(ts, p, sizeof *ts) < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -EINVAL;
	return 0;
}

/* ---- mutexes ---- */

#define MUTEX_MAGIC	0x78746d75u /* "umtx" */
#define MUTEXATTR_MAGIC 0x61746d75u /* "umta" */

struct fbsd_mutex {
	uint32_t magic;
	uint32_t word;
	int type;
	int owner;	/* thread id, 0: none */
	unsigned count; /* a recursive mutex's relocks */
};

struct fbsd_mutexattr {
	uint32_t magic;
	int type, pshared;
};

static struct fbsd_mutex *new_mutex(int type)
{
	struct fbsd_mutex *m = xeno_heap_alloc(sizeof *m);
	if (m)
		*m = (struct fbsd_mutex){.magic = MUTEX_MAGIC, .type = type};
	return m;
}

/* The mutex the guest's pthread_mutex_t at p stands for, made if it is
 * still an initialiser: 0 or -errno. */
static long mutex_at(uint64_t p, struct fbsd_mutex **out)
{
	uint64_t v;
	if (handle_at(p, &v) < 0 || v == FREEBSD_MUTEX_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_MUTEX_INITIALIZER || v == FREEBSD_ADAPTIVE_MUTEX_INITIALIZER) {
		struct fbsd_mutex *m =
		    new_mutex(v == FREEBSD_MUTEX_INITIALIZER ? FREEBSD_PTHREAD_MUTEX_DEFAULT
							     : FREEBSD_PTHREAD_MUTEX_ADAPTIVE_NP);
		if (!m)
			return -ENOMEM;
		v = install(p, v, m);
	}
	if (!is_object(v, MUTEX_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_mutex *)v;
	return 0;
}

static int owner_of(const struct fbsd_mutex *m)
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
	if (owner_of(m) == t->tid) {
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
static void relock(struct xeno_thread *t, struct fbsd_mutex *m, unsigned count)
{
	uint32_t free_ = 0;
	if (!__atomic_compare_exchange_n(&m->word, &free_, 1, false, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED))
		while (__atomic_exchange_n(&m->word, 2, __ATOMIC_ACQUIRE) != 0)
			fbsd_futex_wait_quietly(&m->word, 2);
	take(m, t->tid, count);
}

static void release(struct fbsd_mutex *m)
{
	__atomic_store_n(&m->owner, 0, __ATOMIC_RELAXED);
	m->count = 0;
	if (__atomic_exchange_n(&m->word, 0, __ATOMIC_RELEASE) == 2)
		fbsd_futex_wake(&m->word, 1);
}

static long unlock(struct xeno_thread *t, struct fbsd_mutex *m)
{
	if (owner_of(m) != t->tid)
		return -EPERM;
	if (m->count) {
		m->count--;
		return 0;
	}
	release(m);
	return 0;
}

static struct fbsd_mutexattr *mutexattr_at(uint64_t p)
{
	uint64_t v;
	if (handle_at(p, &v) < 0 || !is_object(v, MUTEXATTR_MAGIC))
		return NULL;
	return (struct fbsd_mutexattr *)v;
}

long freebsd_libthr_pthread_mutexattr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_mutexattr *a = xeno_heap_alloc(sizeof *a);
	if (!a)
		return -ENOMEM;
	*a = (struct fbsd_mutexattr){MUTEXATTR_MAGIC, FREEBSD_PTHREAD_MUTEX_DEFAULT,
				     FREEBSD_PTHREAD_PROCESS_PRIVATE};
	if (xeno_copy_out(attr, &a, sizeof a) < 0) {
		xeno_heap_free(a);
		return -EINVAL;
	}
	return 0;
}

long freebsd_libthr_pthread_mutexattr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_mutexattr *a = mutexattr_at(attr);
	if (!a)
		return -EINVAL;
	a->magic = 0;
	xeno_heap_free(a);
	store_handle(attr, 0);
	return 0;
}

long freebsd_libthr_pthread_mutexattr_settype(struct xeno_thread *t, uint64_t attr, int type)
{
	(void)t;
	struct fbsd_mutexattr *a = mutexattr_at(attr);
	if (!a || type < FREEBSD_PTHREAD_MUTEX_ERRORCHECK ||
	    type > FREEBSD_PTHREAD_MUTEX_ADAPTIVE_NP)
		return -EINVAL;
	a->type = type;
	return 0;
}

long freebsd_libthr_pthread_mutexattr_gettype(struct xeno_thread *t, uint64_t attr, uint64_t type)
{
	(void)t;
	struct fbsd_mutexattr *a = mutexattr_at(attr);
	int32_t v = a ? a->type : 0;
	return a && xeno_copy_out(type, &v, sizeof v) == 0 ? 0 : -EINVAL;
}

long freebsd_libthr_pthread_mutexattr_setpshared(struct xeno_thread *t, uint64_t attr, int pshared)
{
	(void)t;
	struct fbsd_mutexattr *a = mutexattr_at(attr);
	if (!a || (pshared != FREEBSD_PTHREAD_PROCESS_PRIVATE &&
		   pshared != FREEBSD_PTHREAD_PROCESS_SHARED))
		return -EINVAL;
	if (pshared == FREEBSD_PTHREAD_PROCESS_SHARED)
		return -EOPNOTSUPP; /* objects on the heap cannot be shared */
	a->pshared = pshared;
	return 0;
}

long freebsd_libthr_pthread_mutexattr_getpshared(struct xeno_thread *t, uint64_t attr,
						 uint64_t pshared)
{
	(void)t;
	struct fbsd_mutexattr *a = mutexattr_at(attr);
	int32_t v = a ? a->pshared : 0;
	return a && xeno_copy_out(pshared, &v, sizeof v) == 0 ? 0 : -EINVAL;
}

long freebsd_libthr_pthread_mutex_init(struct xeno_thread *t, uint64_t mutex, uint64_t attr)
{
	(void)t;
	int type = FREEBSD_PTHREAD_MUTEX_DEFAULT;
	uint64_t v;
	if (handle_at(mutex, &v) < 0)
		return -EINVAL;
	if (attr) {
		struct fbsd_mutexattr *a = mutexattr_at(attr);
		if (!a)
			return -EINVAL;
		type = a->type;
	}
	struct fbsd_mutex *m = new_mutex(type);
	if (!m)
		return -ENOMEM;
	store_handle(mutex, (uint64_t)m);
	return 0;
}

long freebsd_libthr_pthread_mutex_destroy(struct xeno_thread *t, uint64_t mutex)
{
	(void)t;
	uint64_t v;
	if (handle_at(mutex, &v) < 0)
		return -EINVAL;
	if (v == FREEBSD_MUTEX_INITIALIZER || v == FREEBSD_ADAPTIVE_MUTEX_INITIALIZER) {
		store_handle(mutex, FREEBSD_MUTEX_DESTROYED);
		return 0;
	}
	if (!is_object(v, MUTEX_MAGIC))
		return -EINVAL;
	struct fbsd_mutex *m = (struct fbsd_mutex *)v;
	if (__atomic_load_n(&m->word, __ATOMIC_ACQUIRE))
		return -EBUSY;
	store_handle(mutex, FREEBSD_MUTEX_DESTROYED);
	m->magic = 0;
	xeno_heap_free(m);
	return 0;
}

long freebsd_libthr_pthread_mutex_lock(struct xeno_thread *t, uint64_t mutex)
{
	struct fbsd_mutex *m;
	long r = mutex_at(mutex, &m);
	return r ? r : lock(t, m, NULL, false);
}

long freebsd_libthr_pthread_mutex_trylock(struct xeno_thread *t, uint64_t mutex)
{
	struct fbsd_mutex *m;
	long r = mutex_at(mutex, &m);
	return r ? r : lock(t, m, NULL, true);
}

long freebsd_libthr_pthread_mutex_timedlock(struct xeno_thread *t, uint64_t mutex, uint64_t abstime)
{
	struct fbsd_mutex *m;
	struct timespec ts;
	long r = mutex_at(mutex, &m);
	if (!r)
		r = abstime_at(abstime, &ts);
	return r ? r : lock(t, m, &ts, false);
}

long freebsd_libthr_pthread_mutex_unlock(struct xeno_thread *t, uint64_t mutex)
{
	uint64_t v;
	if (handle_at(mutex, &v) < 0 || !is_object(v, MUTEX_MAGIC))
		return -EPERM; /* an initialiser: nobody holds it */
	return unlock(t, (struct fbsd_mutex *)v);
}

/* ---- condition variables ---- */

#define COND_MAGIC     0x646e6f63u /* "cond" */
#define CONDATTR_MAGIC 0x61646e63u /* "cnda" */

struct fbsd_cond {
	uint32_t magic;
	uint32_t seq;
	int clock; /* the host's clock id */
};

struct fbsd_condattr {
	uint32_t magic;
	int clock, pshared; /* FreeBSD's clock id */
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
	if (handle_at(p, &v) < 0 || v == FREEBSD_COND_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_COND_INITIALIZER) {
		struct fbsd_cond *c = new_cond(CLOCK_REALTIME);
		if (!c)
			return -ENOMEM;
		v = install(p, v, c);
	}
	if (!is_object(v, COND_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_cond *)v;
	return 0;
}

static struct fbsd_condattr *condattr_at(uint64_t p)
{
	uint64_t v;
	if (handle_at(p, &v) < 0 || !is_object(v, CONDATTR_MAGIC))
		return NULL;
	return (struct fbsd_condattr *)v;
}

long freebsd_libthr_pthread_condattr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_condattr *a = xeno_heap_alloc(sizeof *a);
	if (!a)
		return -ENOMEM;
	*a = (struct fbsd_condattr){CONDATTR_MAGIC, FREEBSD_CLOCK_REALTIME,
				    FREEBSD_PTHREAD_PROCESS_PRIVATE};
	if (xeno_copy_out(attr, &a, sizeof a) < 0) {
		xeno_heap_free(a);
		return -EINVAL;
	}
	return 0;
}

long freebsd_libthr_pthread_condattr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_condattr *a = condattr_at(attr);
	if (!a)
		return -EINVAL;
	a->magic = 0;
	xeno_heap_free(a);
	store_handle(attr, 0);
	return 0;
}

long freebsd_libthr_pthread_condattr_setclock(struct xeno_thread *t, uint64_t attr, int clock)
{
	(void)t;
	struct fbsd_condattr *a = condattr_at(attr);
	if (!a || (clock != FREEBSD_CLOCK_REALTIME && clock != FREEBSD_CLOCK_MONOTONIC))
		return -EINVAL;
	a->clock = clock;
	return 0;
}

long freebsd_libthr_pthread_condattr_getclock(struct xeno_thread *t, uint64_t attr, uint64_t clock)
{
	(void)t;
	struct fbsd_condattr *a = condattr_at(attr);
	int32_t v = a ? a->clock : 0;
	return a && xeno_copy_out(clock, &v, sizeof v) == 0 ? 0 : -EINVAL;
}

long freebsd_libthr_pthread_condattr_setpshared(struct xeno_thread *t, uint64_t attr, int pshared)
{
	(void)t;
	struct fbsd_condattr *a = condattr_at(attr);
	if (!a || (pshared != FREEBSD_PTHREAD_PROCESS_PRIVATE &&
		   pshared != FREEBSD_PTHREAD_PROCESS_SHARED))
		return -EINVAL;
	if (pshared == FREEBSD_PTHREAD_PROCESS_SHARED)
		return -EOPNOTSUPP;
	a->pshared = pshared;
	return 0;
}

long freebsd_libthr_pthread_condattr_getpshared(struct xeno_thread *t, uint64_t attr,
						uint64_t pshared)
{
	(void)t;
	struct fbsd_condattr *a = condattr_at(attr);
	int32_t v = a ? a->pshared : 0;
	return a && xeno_copy_out(pshared, &v, sizeof v) == 0 ? 0 : -EINVAL;
}

long freebsd_libthr_pthread_cond_init(struct xeno_thread *t, uint64_t cond, uint64_t attr)
{
	(void)t;
	int clock = CLOCK_REALTIME;
	uint64_t v;
	if (handle_at(cond, &v) < 0)
		return -EINVAL;
	if (attr) {
		struct fbsd_condattr *a = condattr_at(attr);
		if (!a)
			return -EINVAL;
		clock = cond_clock(a->clock);
	}
	struct fbsd_cond *c = new_cond(clock);
	if (!c)
		return -ENOMEM;
	store_handle(cond, (uint64_t)c);
	return 0;
}

long freebsd_libthr_pthread_cond_destroy(struct xeno_thread *t, uint64_t cond)
{
	(void)t;
	uint64_t v;
	if (handle_at(cond, &v) < 0)
		return -EINVAL;
	if (v != FREEBSD_COND_INITIALIZER) {
		if (!is_object(v, COND_MAGIC))
			return -EINVAL;
		((struct fbsd_cond *)v)->magic = 0;
		xeno_heap_free((void *)v);
	}
	store_handle(cond, FREEBSD_COND_DESTROYED);
	return 0;
}

static long cond_wait(struct xeno_thread *t, uint64_t cond, uint64_t mutex,
		      const struct timespec *abs)
{
	struct fbsd_cond *c;
	struct fbsd_mutex *m;
	long r = cond_at(cond, &c);
	if (!r)
		r = mutex_at(mutex, &m);
	if (r)
		return r;
	if (owner_of(m) != t->tid)
		return -EPERM;
	uint32_t seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
	unsigned count = m->count;
	release(m);
	r = fbsd_futex_wait(&c->seq, seq, abs, c->clock);
	relock(t, m, count);
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
	long r = abstime_at(abstime, &ts);
	return r ? r : cond_wait(t, cond, mutex, &ts);
}

static long cond_wake(uint64_t cond, int n)
{
	uint64_t v;
	if (handle_at(cond, &v) < 0 || v == FREEBSD_COND_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_COND_INITIALIZER)
		return 0; /* never waited on */
	if (!is_object(v, COND_MAGIC))
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
	if (handle_at(p, &v) < 0 || v == FREEBSD_RWLOCK_DESTROYED)
		return -EINVAL;
	if (v == FREEBSD_RWLOCK_INITIALIZER) {
		struct fbsd_rwlock *rw = xeno_heap_calloc(1, sizeof *rw);
		if (!rw)
			return -ENOMEM;
		rw->magic = RWLOCK_MAGIC;
		v = install(p, v, rw);
	}
	if (!is_object(v, RWLOCK_MAGIC))
		return -EINVAL;
	*out = (struct fbsd_rwlock *)v;
	return 0;
}

long freebsd_libthr_pthread_rwlock_init(struct xeno_thread *t, uint64_t rwlock, uint64_t attr)
{
	(void)t, (void)attr;
	uint64_t v;
	if (handle_at(rwlock, &v) < 0)
		return -EINVAL;
	struct fbsd_rwlock *rw = xeno_heap_calloc(1, sizeof *rw);
	if (!rw)
		return -ENOMEM;
	rw->magic = RWLOCK_MAGIC;
	store_handle(rwlock, (uint64_t)rw);
	return 0;
}

long freebsd_libthr_pthread_rwlock_destroy(struct xeno_thread *t, uint64_t rwlock)
{
	(void)t;
	uint64_t v;
	if (handle_at(rwlock, &v) < 0)
		return -EINVAL;
	if (v != FREEBSD_RWLOCK_INITIALIZER) {
		if (!is_object(v, RWLOCK_MAGIC))
			return -EINVAL;
		struct fbsd_rwlock *rw = (struct fbsd_rwlock *)v;
		if (rw->readers || rw->writer)
			return -EBUSY;
		rw->magic = 0;
		xeno_heap_free(rw);
	}
	store_handle(rwlock, FREEBSD_RWLOCK_DESTROYED);
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
	if (handle_at(rwlock, &v) < 0 || !is_object(v, RWLOCK_MAGIC))
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
	if (handle_at(p, &v) < 0 || !is_object(v, SPIN_MAGIC))
		return NULL;
	return (struct fbsd_spinlock *)v;
}

long freebsd_libthr_pthread_spin_init(struct xeno_thread *t, uint64_t lock_, int pshared)
{
	(void)t;
	uint64_t v;
	if (handle_at(lock_, &v) < 0 || (pshared != FREEBSD_PTHREAD_PROCESS_PRIVATE &&
					 pshared != FREEBSD_PTHREAD_PROCESS_SHARED))
		return -EINVAL;
	struct fbsd_spinlock *s = xeno_heap_alloc(sizeof *s);
	if (!s)
		return -ENOMEM;
	*s = (struct fbsd_spinlock){SPIN_MAGIC, 0};
	store_handle(lock_, (uint64_t)s);
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
	store_handle(lock_, 0);
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
