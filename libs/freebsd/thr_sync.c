/*
 * The pieces FreeBSD's libthr.so.3 shims build their locks from (thr_sync.h):
 * futex waits, spin words, the guest's handles to objects on the guest heap,
 * and the attribute objects of mutexes and condition variables.
 */
#include <errno.h>
#include <linux/futex.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/syscall.h"
#include "core/uaccess.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"
#include "libs/freebsd/thr_sync.h"

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
long sync_handle_at(uint64_t p, uint64_t *v)
{
	return !p || p % 8 || xeno_copy_in(v, p, sizeof *v) < 0 ? -EINVAL : 0;
}

/* Replaces an initialiser init at p with obj, unless another thread did
 * first: the object in place (obj, or the winner's, obj freed). */
uint64_t sync_install(uint64_t p, uint64_t init, void *obj)
{
	uint64_t expected = init;
	if (__atomic_compare_exchange_n((uint64_t *)p, &expected, (uint64_t)obj, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return (uint64_t)obj;
	xeno_heap_free(obj);
	return expected;
}

/* Whether the object at v begins with magic. */
bool sync_is_object(uint64_t v, uint32_t magic)
{
	uint32_t m;
	return v > 2 && v % 8 == 0 && xeno_copy_in(&m, v, sizeof m) == 0 && m == magic;
}

void sync_store_handle(uint64_t p, uint64_t v)
{
	xeno_copy_out(p, &v, sizeof v);
}

/* An absolute time the guest gave (struct timespec is the same on both):
 * 0 or -EINVAL. */
long sync_abstime_at(uint64_t p, struct timespec *ts)
{
	if (xeno_copy_in(ts, p, sizeof *ts) < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -EINVAL;
	return 0;
}

/* ---- attribute objects ---- */

long sync_attr_init(uint64_t attr, uint32_t magic, int setting)
{
	struct fbsd_sync_attr *a = xeno_heap_alloc(sizeof *a);
	if (!a)
		return -ENOMEM;
	*a = (struct fbsd_sync_attr){magic, setting, FREEBSD_PTHREAD_PROCESS_PRIVATE};
	if (xeno_copy_out(attr, &a, sizeof a) < 0) {
		xeno_heap_free(a);
		return -EINVAL;
	}
	return 0;
}

struct fbsd_sync_attr *sync_attr_at(uint64_t attr, uint32_t magic)
{
	uint64_t v;
	if (sync_handle_at(attr, &v) < 0 || !sync_is_object(v, magic))
		return NULL;
	return (struct fbsd_sync_attr *)v;
}

long sync_attr_destroy(uint64_t attr, uint32_t magic)
{
	struct fbsd_sync_attr *a = sync_attr_at(attr, magic);
	if (!a)
		return -EINVAL;
	a->magic = 0;
	xeno_heap_free(a);
	sync_store_handle(attr, 0);
	return 0;
}

long sync_attr_set_pshared(uint64_t attr, uint32_t magic, int pshared)
{
	struct fbsd_sync_attr *a = sync_attr_at(attr, magic);
	if (!a || (pshared != FREEBSD_PTHREAD_PROCESS_PRIVATE &&
		   pshared != FREEBSD_PTHREAD_PROCESS_SHARED))
		return -EINVAL;
	if (pshared == FREEBSD_PTHREAD_PROCESS_SHARED)
		return -EOPNOTSUPP; /* objects on the heap cannot be shared */
	a->pshared = pshared;
	return 0;
}

long sync_attr_get(uint64_t attr, uint32_t magic, bool pshared, uint64_t out)
{
	struct fbsd_sync_attr *a = sync_attr_at(attr, magic);
	int32_t v = !a ? 0 : pshared ? a->pshared : a->setting;
	return a && xeno_copy_out(out, &v, sizeof v) == 0 ? 0 : -EINVAL;
}
