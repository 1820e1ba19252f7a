/* The process's guest threads (see core/threadlist.h). */
#include "core/threadlist.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

#include "core/forklock.h"
#include "core/thread.h"

static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct xeno_thread *threads;
static int live;

void xeno_threadlist_add(struct xeno_thread *t)
{
	pthread_mutex_lock(&list_lock);
	t->next = threads;
	threads = t;
	__atomic_add_fetch(&live, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&list_lock);
}

/* Removes t; returns how many remain. */
int xeno_threadlist_remove(struct xeno_thread *t)
{
	pthread_mutex_lock(&list_lock);
	for (struct xeno_thread **p = &threads; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			break;
		}
	int left = __atomic_sub_fetch(&live, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&list_lock);
	return left;
}

void xeno_threadlist_set_tid(struct xeno_thread *t, int tid)
{
	pthread_mutex_lock(&list_lock);
	for (struct xeno_thread *p = threads; p; p = p->next)
		if (p == t) {
			__atomic_store_n(&t->tid, tid, __ATOMIC_RELEASE);
			break;
		}
	pthread_mutex_unlock(&list_lock);
}

struct xeno_thread *xeno_threads_current(void)
{
	pid_t self = gettid();
	for (struct xeno_thread *t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next)
		if (t->tid == self)
			return t;
	return NULL;
}

void xeno_threads_walk_unlocked(void (*fn)(struct xeno_thread *, void *), void *arg)
{
	for (struct xeno_thread *t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next)
		fn(t, arg);
}

static void lock_list(void)
{
	pthread_mutex_lock(&list_lock);
}

static void unlock_list(bool child)
{
	(void)child;
	pthread_mutex_unlock(&list_lock);
}

void xeno_threadlist_reset(struct xeno_thread *only)
{
	threads = NULL;
	live = 0;
	xeno_threadlist_add(only);
}

bool xeno_thread_alone(void)
{
	return __atomic_load_n(&live, __ATOMIC_ACQUIRE) <= 1;
}

int xeno_thread_count(void)
{
	pthread_mutex_lock(&list_lock);
	int n = live;
	pthread_mutex_unlock(&list_lock);
	return n;
}

int xeno_thread_with(long id, void (*fn)(struct xeno_thread *, void *), void *arg)
{
	int found = 0;
	pthread_mutex_lock(&list_lock);
	for (struct xeno_thread *t = threads; t; t = t->next)
		if (id == -1 || t->tid == id) {
			fn(t, arg);
			found = 1;
			if (id != -1)
				break;
		}
	pthread_mutex_unlock(&list_lock);
	return found ? 0 : -ESRCH;
}

XENO_FORK_LOCK(thread_list, XENO_FORK_RANK_CORE, lock_list, unlock_list);
