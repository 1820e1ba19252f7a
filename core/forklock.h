/*
 * Locks held across fork.  A forked child has only the thread that forked,
 * so a lock another thread held at that moment would stay held in the child
 * for ever.  Every lock of xeno's that a forked child may take registers
 * itself here, next to its definition; xeno_fork takes them all before the
 * fork and lets them go after it in both processes.
 *
 * Ranks give the order locks nest in: they are taken in increasing rank.
 * The personalities' locks (ranks below XENO_FORK_RANK_CORE) are held while
 * their handlers call into core/, so they come first.
 */
#ifndef XENO_CORE_FORKLOCK_H
#define XENO_CORE_FORKLOCK_H

#include <stdbool.h>

struct xeno_fork_lock {
	int rank;
	void (*lock)(void);
	/* After the fork, in the parent (child false) and in the child. */
	void (*unlock)(bool child);
};

#define XENO_FORK_RANK_CORE 100

/* Registers a lock: XENO_FORK_LOCK(name, rank, lock_fn, unlock_fn). */
#define XENO_FORK_LOCK(name, rank_, lock_, unlock_)                                                \
	static const struct xeno_fork_lock xeno_fork_lock_##name                                   \
	    __attribute__((used, section("xeno_fork_locks"), aligned(8))) = {                      \
		.rank = (rank_), .lock = (lock_), .unlock = (unlock_)}

/* Takes every registered lock, in rank order. */
void xeno_fork_lock_all(void);
/* Lets them go after the fork, in the reverse order. */
void xeno_fork_unlock_all(bool child);

#endif
