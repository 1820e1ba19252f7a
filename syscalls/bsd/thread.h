/*
 * What the BSDs' thread calls share, on host threads (core/threads.h):
 * parking a thread until another unparks it (FreeBSD thr_suspend and
 * thr_wake, NetBSD ___lwp_park60, _lwp_unpark and _lwp_wakeup), signalling
 * one thread (thr_kill, _lwp_kill) and naming one (thr_set_name,
 * _lwp_setname).
 */
#ifndef XENO_SYSCALLS_BSD_THREAD_H
#define XENO_SYSCALLS_BSD_THREAD_H

#include <time.h>

struct xeno_thread;

/* Parks the calling thread until it is unparked, a signal comes for it, or
 * the deadline on host clock `clock` (CLOCK_MONOTONIC or CLOCK_REALTIME)
 * passes (deadline NULL: no limit).  0 when unparked while parked,
 * -EALREADY when an unpark was pending (it is consumed), -ETIMEDOUT,
 * -EINTR (a signal, or bsd_thread_interrupt). */
long bsd_thread_park(struct xeno_thread *t, const struct timespec *deadline, int clock);
/* Unparks thread id, or leaves the unpark pending for its next park: 0 or
 * -ESRCH. */
long bsd_thread_unpark(long id);
/* Ends the park of thread id with -EINTR: 0, -ENODEV when it is not
 * parked, -ESRCH. */
long bsd_thread_interrupt(long id);
/* The deadline of a relative timeout on host clock `clock`. */
void bsd_deadline_after(int clock, const struct timespec *rel, struct timespec *deadline);
/* What is left until a deadline (zero once passed). */
void bsd_time_left(int clock, const struct timespec *deadline, struct timespec *left);

/* Sends host signal hsig to thread id of this process (id -1: to every
 * thread): 0 or -errno. */
long bsd_thread_kill(long id, int hsig);
/* Names thread id (the host keeps 15 characters): 0 or -errno. */
long bsd_thread_set_name(struct xeno_thread *t, long id, const char *name);

#endif
