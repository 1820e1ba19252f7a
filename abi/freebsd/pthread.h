/*
 * FreeBSD's POSIX threads as a program sees them (include/pthread.h,
 * sys/sys/_pthreadtypes.h): every handle but pthread_key_t and
 * pthread_once_t is a pointer to an object libthr allocates, and a static
 * initialiser is a small constant standing for "the default, made on
 * first use" (lib/libthr/thread/thr_private.h THR_*_INITIALIZER,
 * THR_*_DESTROYED).
 */
#ifndef XENO_ABI_FREEBSD_PTHREAD_H
#define XENO_ABI_FREEBSD_PTHREAD_H

#include <stddef.h>
#include <stdint.h>

#include "abi/freebsd/time.h"

/* pthread_t, pthread_attr_t, pthread_mutex_t, pthread_mutexattr_t,
 * pthread_cond_t, pthread_condattr_t, pthread_rwlock_t,
 * pthread_spinlock_t: one pointer each */
typedef uint64_t freebsd_pthread_handle;
_Static_assert(sizeof(freebsd_pthread_handle) == sizeof(void *), "handles are pointers");

/* include/pthread.h: struct pthread_once { int state; pthread_mutex_t mutex; } */
struct freebsd_pthread_once {
	int32_t state;
	int32_t pad_;
	uint64_t mutex;
};
_Static_assert(sizeof(struct freebsd_pthread_once) == 16, "pthread_once_t layout");
_Static_assert(offsetof(struct freebsd_pthread_once, mutex) == 8, "pthread_once_t layout");
#define FREEBSD_PTHREAD_NEEDS_INIT 0
#define FREEBSD_PTHREAD_DONE_INIT  1
/* lib/libthr/thread/thr_once.c: the states between */
#define FREEBSD_ONCE_IN_PROGRESS 2
#define FREEBSD_ONCE_WAIT	 3

/* include/pthread.h: struct _pthread_cleanup_info, what pthread_cleanup_push
 * hands __pthread_cleanup_push_imp to keep (libthr's own layout inside:
 * lib/libthr/thread/thr_private.h struct pthread_cleanup) */
struct freebsd_pthread_cleanup_info {
	uint64_t pad[8];
};
_Static_assert(sizeof(struct freebsd_pthread_cleanup_info) == 64, "_pthread_cleanup_info");

/* lib/libthr/thread/thr_private.h: what a handle holds besides an object */
#define FREEBSD_MUTEX_INITIALIZER	   0
#define FREEBSD_ADAPTIVE_MUTEX_INITIALIZER 1
#define FREEBSD_MUTEX_DESTROYED		   2
#define FREEBSD_COND_INITIALIZER	   0
#define FREEBSD_COND_DESTROYED		   1
#define FREEBSD_RWLOCK_INITIALIZER	   0
#define FREEBSD_RWLOCK_DESTROYED	   1

/* include/pthread.h: enum pthread_mutextype; the default is error-checking */
#define FREEBSD_PTHREAD_MUTEX_ERRORCHECK  1
#define FREEBSD_PTHREAD_MUTEX_RECURSIVE	  2
#define FREEBSD_PTHREAD_MUTEX_NORMAL	  3
#define FREEBSD_PTHREAD_MUTEX_ADAPTIVE_NP 4
#define FREEBSD_PTHREAD_MUTEX_DEFAULT	  FREEBSD_PTHREAD_MUTEX_ERRORCHECK

/* include/pthread.h: thread attributes and limits */
#define FREEBSD_PTHREAD_CREATE_JOINABLE	      0
#define FREEBSD_PTHREAD_CREATE_DETACHED	      1
#define FREEBSD_PTHREAD_PROCESS_PRIVATE	      0
#define FREEBSD_PTHREAD_PROCESS_SHARED	      1
#define FREEBSD_PTHREAD_SCOPE_PROCESS	      0
#define FREEBSD_PTHREAD_SCOPE_SYSTEM	      2
#define FREEBSD_PTHREAD_CANCEL_ENABLE	      0
#define FREEBSD_PTHREAD_CANCEL_DISABLE	      1
#define FREEBSD_PTHREAD_CANCEL_DEFERRED	      0
#define FREEBSD_PTHREAD_CANCEL_ASYNCHRONOUS   2
#define FREEBSD_PTHREAD_KEYS_MAX	      256
#define FREEBSD_PTHREAD_DESTRUCTOR_ITERATIONS 4
/* PTHREAD_STACK_MIN is __MINSIGSTKSZ (sys/x86/include/_limits.h: 512 * 4) */
#define FREEBSD_PTHREAD_STACK_MIN 2048

/* lib/libthr/thread/thr_private.h: THR_STACK_DEFAULT (sizeof(void *) / 4 MiB)
 * and the guard below it, a page (_thr_guard_default) */
#define FREEBSD_THR_STACK_DEFAULT (2 * 1024 * 1024)
#define FREEBSD_THR_GUARD_DEFAULT 4096
/* THR_STACK_INITIAL: the main thread's, as libthr sees it (THR_STACK_DEFAULT * 2) */
#define FREEBSD_THR_STACK_INITIAL (2 * FREEBSD_THR_STACK_DEFAULT)

/* the clocks a condition variable may wait on: FREEBSD_CLOCK_REALTIME and
 * FREEBSD_CLOCK_MONOTONIC (abi/freebsd/time.h) */

#endif
