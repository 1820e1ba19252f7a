/*
 * What the files of FreeBSD's libthr shim share (libs/freebsd/thr.c,
 * thr_sync.c): the thread record behind a pthread_t, and waiting on futexes.
 *
 * The objects behind the guest's handles (threads, attributes, mutexes,
 * condition variables) live on the guest heap (libs/common/heap.h): the
 * handlers that make them run on the guest's FS base.
 */
#ifndef XENO_LIBS_FREEBSD_THR_H
#define XENO_LIBS_FREEBSD_THR_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "abi/freebsd/pthread.h"

struct xeno_thread;

#define FBSD_THREAD_MAGIC 0x74687264u /* "drht" */

/* A value of thread-specific data, valid while its seq is the key's. */
struct fbsd_specific {
	uint64_t value;
	uint32_t seq;
};

struct fbsd_pthread {
	uint32_t magic;
	/* 1 once the thread has left its stack and TLS for good (stored and
	 * woken by core/threads.c through the thread's exit_state) */
	uint32_t done;
	int tid; /* the host's (and the guest's) thread id; 0 until known */
	int lock;
	/* under lock: spawned once its creator is done with it (the thread
	 * may end before that); an ended detached thread is given back by
	 * whoever of the two comes last */
	bool is_main, spawned, exited, detached, joining;
	int cancel_state, cancel_type; /* kept and reported: nothing cancels */
	int aborting;		       /* abort's steps (libs/freebsd/start.c) */
	uint64_t result;
	uint64_t tp;		    /* its thread pointer; 0 for the main thread's */
	uint64_t stack, stack_size; /* the stack mapped for it; 0 if its creator gave one */
	uint64_t stackaddr, stacksize, guardsize; /* what it runs on, as attributes say it */
	uint64_t cleanup;			  /* the innermost pthread_cleanup_push's record */
	struct fbsd_pthread *next;		  /* on the list of ended detached threads */
	struct fbsd_specific specific[FREEBSD_PTHREAD_KEYS_MAX];
};

/* A thread attributes object (thr_attr.c): what a pthread_attr_t points at. */
#define FBSD_ATTR_MAGIC 0x61747472u /* "rtta" */
struct fbsd_attr {
	uint32_t magic;
	int detached, scope;
	uint64_t stackaddr, stacksize, guardsize;
};
extern const struct fbsd_attr fbsd_default_attr;
/* The object a guest's pthread_attr_t points at, or NULL. */
struct fbsd_attr *fbsd_attr_at(uint64_t attrp);

/* A handle the guest passed: the record, or NULL if it is not one. */
struct fbsd_pthread *fbsd_thread_of(uint64_t handle);

/* A spinlock word, for the shims' own short critical sections. */
void fbsd_spin_lock(int *l);
void fbsd_spin_unlock(int *l);

/* Waits while *word is val: 0 (woken, or it was not val), -EINTR (a signal
 * for the guest arrived: deliver it, then call again), -ETIMEDOUT (abs,
 * if not NULL, passed on CLOCK_REALTIME or CLOCK_MONOTONIC, host clock ids). */
long fbsd_futex_wait(uint32_t *word, uint32_t val, const struct timespec *abs, int clock);
/* The same, deaf to signals (they stay queued): 0 or -ETIMEDOUT. */
long fbsd_futex_wait_quietly(uint32_t *word, uint32_t val);
void fbsd_futex_wake(uint32_t *word, int n);

#endif
