/*
 * A spinlock for what code on the guest's FS base takes (NOTLS handlers,
 * core/gate.h): glibc's locks would read the guest's memory as their TCB.
 * Held only for short, non-blocking work.
 */
#ifndef XENO_CORE_SPINLOCK_H
#define XENO_CORE_SPINLOCK_H

#include "core/host.h"

static inline void xeno_spin_lock(int *word)
{
	while (__atomic_exchange_n(word, 1, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
}

/* For a lock held across a system call or a long write: a waiter gives way
 * to a holder that may have been preempted.  The yield is xeno's own
 * business, shown to no tracer (core/host.h). */
static inline void xeno_spin_lock_yielding(int *word)
{
	while (__atomic_exchange_n(word, 1, __ATOMIC_ACQUIRE))
		xeno_raw_syscall4(SYS_sched_yield, 0, 0, 0, 0);
}

static inline void xeno_spin_unlock(int *word)
{
	__atomic_store_n(word, 0, __ATOMIC_RELEASE);
}

#endif
