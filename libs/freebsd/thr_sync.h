/*
 * What the shims of FreeBSD's libthr.so.3 locks share (thr_mutex.c,
 * thr_cond.c, thr_rwlock.c).
 *
 * The guest's pthread_mutex_t (and the others) is a pointer to an object
 * the library allocates (FreeBSD's include/pthread.h); a static
 * initialiser is a small constant meaning "the default, made on first
 * use", which the first user replaces with an object (compare-and-swap: a
 * loser frees its own).  The objects live on the guest heap, begin with a
 * magic number, and are waited for on futexes in them; every handler runs
 * on the guest's FS base (NOTLS).
 */
#ifndef XENO_LIBS_FREEBSD_THR_SYNC_H
#define XENO_LIBS_FREEBSD_THR_SYNC_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* The guest's handle at p: 0 and its value, or -EINVAL if p is not readable. */
long sync_handle_at(uint64_t p, uint64_t *v);
/* Replaces an initialiser init at p with obj, unless another thread did
 * first: the object in place (obj, or the winner's, obj freed). */
uint64_t sync_install(uint64_t p, uint64_t init, void *obj);
/* Whether the object at v begins with magic. */
bool sync_is_object(uint64_t v, uint32_t magic);
void sync_store_handle(uint64_t p, uint64_t v);
/* An absolute time the guest gave (struct timespec is the same on both):
 * 0 or -EINVAL. */
long sync_abstime_at(uint64_t p, struct timespec *ts);

/* A mutex's or condition variable's attribute object (pthread_mutexattr_t,
 * pthread_condattr_t point at one): its one setting (the mutex type; the
 * condition's FreeBSD clock id) and whether it is process-shared. */
struct fbsd_sync_attr {
	uint32_t magic;
	int setting, pshared;
};
/* Makes one at *attr: 0, -ENOMEM or -EINVAL. */
long sync_attr_init(uint64_t attr, uint32_t magic, int setting);
/* The object *attr points at, or NULL if it is not one of magic's. */
struct fbsd_sync_attr *sync_attr_at(uint64_t attr, uint32_t magic);
long sync_attr_destroy(uint64_t attr, uint32_t magic);
/* Private only: shared objects cannot live on the heap (-EOPNOTSUPP). */
long sync_attr_set_pshared(uint64_t attr, uint32_t magic, int pshared);
/* Stores the setting (or pshared) as a 32-bit int at out. */
long sync_attr_get(uint64_t attr, uint32_t magic, bool pshared, uint64_t out);

/* A mutex (thr_mutex.c), as a condition wait (thr_cond.c) uses it: a futex
 * word 0 (free), 1 (held) or 2 (held, maybe with waiters). */
struct fbsd_mutex {
	uint32_t magic;
	uint32_t word;
	int type;
	int owner;	/* thread id, 0: none */
	unsigned count; /* a recursive mutex's relocks */
};
struct xeno_thread;
/* The mutex the guest's pthread_mutex_t at p stands for, made if it is
 * still an initialiser: 0 or -errno. */
long sync_mutex_at(uint64_t p, struct fbsd_mutex **out);
/* Its owner's thread id, 0 if free. */
int sync_mutex_owner(const struct fbsd_mutex *m);
/* Lets go of it entirely (a recursive one's relocks too) ... */
void sync_mutex_release(struct fbsd_mutex *m);
/* ... and takes it again for t with count relocks, deaf to signals. */
void sync_mutex_relock(struct xeno_thread *t, struct fbsd_mutex *m, unsigned count);

#endif
