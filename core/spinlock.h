/*
 * A spinlock for what code on the guest's FS base takes (NOTLS handlers,
 * core/gate.h): glibc's locks would read the guest's memory as their TCB.
 * Held only for short, non-blocking work.
 */
#ifndef XENO_CORE_SPINLOCK_H
#define XENO_CORE_SPINLOCK_H

static inline void xeno_spin_lock(int *word)
{
	while (__atomic_exchange_n(word, 1, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
}

static inline void xeno_spin_unlock(int *word)
{
	__atomic_store_n(word, 0, __ATOMIC_RELEASE);
}

#endif
