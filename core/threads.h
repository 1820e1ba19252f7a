/*
 * Guest threads: each is a host thread (pthread) with its own xeno state,
 * entering the guest with the registers, stack, FS base and signal mask its
 * creator asked for.  Thread exit returns to the host thread function.
 */
#ifndef XENO_CORE_THREADS_H
#define XENO_CORE_THREADS_H

#include <signal.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "core/personality.h"
#include "core/thread.h"

struct xeno_thread;

/* How a new guest thread starts. */
struct xeno_thread_start {
	struct xeno_entry entry; /* with its FS or GS base (the thread's TLS) */
	sigset_t sigmask;	 /* guest mask, host numbering */
	/* The guest's alternate signal stack the thread starts with (zero:
	 * none, as FreeBSD's thr_new gives; NetBSD's _lwp_create passes on
	 * its creator's). */
	struct xeno_altstack sigstack;
	/* Guest addresses the new thread id is stored to before the thread
	 * runs (0: none), as thr_new's child_tid and parent_tid; id_size is
	 * 4 or 8 bytes. */
	uint64_t tid_out[2];
	unsigned id_size;
};

/* Forks the process for the calling thread t: the child's pid, 0 in the
 * child (where t is the only thread), or -errno.  Every lock registered
 * with XENO_FORK_LOCK (core/forklock.h) is held across the fork, so the
 * child never inherits one held by a thread it does not have. */
pid_t xeno_fork(struct xeno_thread *t);

/* Registers the calling (main) thread as the first guest thread. */
void xeno_threads_init(struct xeno_thread *main_thread);

/* Starts a guest thread without waiting for it to run: its thread id (0 if
 * it has ended already), or -errno (-EFAULT when an id slot cannot be
 * written: the thread then never starts). */
long xeno_thread_spawn(struct xeno_thread *parent, const struct xeno_thread_start *start);

/* Ends the calling guest thread; the last one to go ends the process with
 * status 0.  Called from a system call handler. */
noreturn void xeno_thread_exit(struct xeno_thread *t);

/* Where a thread lands after xeno_thread_exit (its sigsetjmp returned 1):
 * takes down its xeno state and ends the host thread. */
noreturn void xeno_thread_exited(struct xeno_thread *t);

#endif
