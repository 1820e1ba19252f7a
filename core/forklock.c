#include "core/forklock.h"

#include <stddef.h>

/* The registrations (XENO_FORK_LOCK); the linker provides the bounds.  Weak:
 * a program linking none of them (a unit test) has an empty list. */
extern const struct xeno_fork_lock __start_xeno_fork_locks[] __attribute__((weak));
extern const struct xeno_fork_lock __stop_xeno_fork_locks[] __attribute__((weak));

#define MAX_LOCKS 32

/* The registrations in rank order (a handful: insertion sort). */
static size_t sorted(const struct xeno_fork_lock *out[MAX_LOCKS])
{
	size_t n = 0;
	for (const struct xeno_fork_lock *l = __start_xeno_fork_locks;
	     l && l < __stop_xeno_fork_locks && n < MAX_LOCKS; l++) {
		size_t i = n++;
		while (i > 0 && out[i - 1]->rank > l->rank) {
			out[i] = out[i - 1];
			i--;
		}
		out[i] = l;
	}
	return n;
}

void xeno_fork_lock_all(void)
{
	const struct xeno_fork_lock *l[MAX_LOCKS];
	size_t n = sorted(l);
	for (size_t i = 0; i < n; i++)
		l[i]->lock();
}

void xeno_fork_unlock_all(bool child)
{
	const struct xeno_fork_lock *l[MAX_LOCKS];
	size_t n = sorted(l);
	while (n > 0)
		l[--n]->unlock(child);
}
