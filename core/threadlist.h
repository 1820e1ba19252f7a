/*
 * The process's guest threads: a list of their states, for lookups by id,
 * for the thread count that decides when the last one ends the process,
 * and for the dying process's report.
 */
#ifndef XENO_CORE_THREADLIST_H
#define XENO_CORE_THREADLIST_H

#include <stdbool.h>

struct xeno_thread;

/* Adds t; removes t and returns how many remain. */
void xeno_threadlist_add(struct xeno_thread *t);
int xeno_threadlist_remove(struct xeno_thread *t);
/* Records t's id if t is still listed: its creator learns the id after the
 * thread may already have ended (and its state been freed). */
void xeno_threadlist_set_tid(struct xeno_thread *t, int tid);
/* In a child of fork: only is the only thread left. */
void xeno_threadlist_reset(struct xeno_thread *only);

/* Looks up a live guest thread by id and runs fn on it under the thread-list
 * lock; -ESRCH when there is none.  id -1 runs fn on every thread. */
int xeno_thread_with(long id, void (*fn)(struct xeno_thread *, void *), void *arg);

/* Number of live guest threads. */
int xeno_thread_count(void);
/* Whether the calling thread is the only one, without the list's lock (for
 * code on the guest's FS base).  No other can appear meanwhile: only a
 * thread starts another, and it is listed before it runs. */
bool xeno_thread_alone(void);

/* For a process that is dying (the flight recorder): the calling thread's
 * state or NULL, and a walk over the threads without the list lock, which
 * the dying thread may hold. */
struct xeno_thread *xeno_threads_current(void);
void xeno_threads_walk_unlocked(void (*fn)(struct xeno_thread *, void *), void *arg);

#endif
