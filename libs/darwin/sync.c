/*
 * pthread mutexes and condition variables in the caller's memory, as macOS
 * sizes them (pthread_mutex_t 64 bytes, pthread_cond_t 48: a signature
 * word and opaque bytes; libpthread's pthread_impl.h, Go's
 * runtime/defs_darwin_amd64.go): a futex word after the signature holds
 * the state.  A mutex word is 0 (free), 1 (held) or 2 (held, with
 * waiters); a condition's word is a sequence count each signal bumps.
 * Waits are host futex waits a guest signal may interrupt: a mutex wait
 * then goes on, a condition wait returns 0 as a spurious wakeup may.
 */
#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <time.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

#define MUTEX_SIG 0x4d555458 /* _PTHREAD_MUTEX_SIG, "MUTX" */
#define COND_SIG  0x434f4e44 /* _PTHREAD_COND_SIG, "COND" */

struct sync_word {
	uint64_t sig;
	uint32_t word;
};

static long word_of(uint64_t obj, uint32_t **w)
{
	uint64_t sig;
	if (!obj || xeno_copy_in(&sig, obj, sizeof sig) < 0)
		return -EINVAL;
	*w = (uint32_t *)(obj + 8);
	return 0;
}

static long init(uint64_t obj, uint64_t sig)
{
	struct sync_word s = {sig, 0};
	return xeno_copy_out(obj, &s, sizeof s) < 0 ? -EINVAL : 0;
}

long darwin_libSystem_pthread_mutex_init(struct xeno_thread *t, uint64_t mutex, uint64_t attr)
{
	(void)t, (void)attr;
	return init(mutex, MUTEX_SIG);
}

long darwin_libSystem_pthread_cond_init(struct xeno_thread *t, uint64_t cond, uint64_t attr)
{
	(void)t, (void)attr;
	return init(cond, COND_SIG);
}

static void mutex_lock(uint32_t *w)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(w, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		host_blocking_syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, 2, NULL, 0, 0);
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	}
}

static void mutex_unlock(uint32_t *w)
{
	if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) == 2)
		host_syscall3(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1);
}

long darwin_libSystem_pthread_mutex_lock(struct xeno_thread *t, uint64_t mutex)
{
	(void)t;
	uint32_t *w;
	long r = word_of(mutex, &w);
	if (r < 0)
		return r;
	mutex_lock(w);
	return 0;
}

long darwin_libSystem_pthread_mutex_unlock(struct xeno_thread *t, uint64_t mutex)
{
	(void)t;
	uint32_t *w;
	long r = word_of(mutex, &w);
	if (r < 0)
		return r;
	mutex_unlock(w);
	return 0;
}

static long cond_wait(uint64_t cond, uint64_t mutex, const struct timespec *rel)
{
	uint32_t *cw, *mw;
	if (word_of(cond, &cw) < 0 || word_of(mutex, &mw) < 0)
		return -EINVAL;
	uint32_t seq = __atomic_load_n(cw, __ATOMIC_ACQUIRE);
	mutex_unlock(mw);
	long r = host_blocking_syscall(SYS_futex, cw, FUTEX_WAIT_PRIVATE, seq, rel, 0, 0);
	mutex_lock(mw);
	return r == -ETIMEDOUT ? -ETIMEDOUT : 0;
}

long darwin_libSystem_pthread_cond_wait(struct xeno_thread *t, uint64_t cond, uint64_t mutex)
{
	(void)t;
	return cond_wait(cond, mutex, NULL);
}

long darwin_libSystem_pthread_cond_timedwait_relative_np(struct xeno_thread *t, uint64_t cond,
							 uint64_t mutex, uint64_t reltime)
{
	(void)t;
	struct timespec rel;
	if (xeno_copy_in(&rel, reltime, sizeof rel) < 0)
		return -EINVAL;
	if (rel.tv_sec < 0 || rel.tv_nsec < 0 || rel.tv_nsec >= 1000000000)
		return -EINVAL;
	return cond_wait(cond, mutex, &rel);
}

long darwin_libSystem_pthread_cond_signal(struct xeno_thread *t, uint64_t cond)
{
	(void)t;
	uint32_t *w;
	long r = word_of(cond, &w);
	if (r < 0)
		return r;
	__atomic_add_fetch(w, 1, __ATOMIC_RELEASE);
	host_syscall3(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1);
	return 0;
}
