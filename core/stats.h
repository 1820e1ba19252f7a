/* --stats: what crossed between guest and host, said when the process exits. */
#ifndef XENO_CORE_STATS_H
#define XENO_CORE_STATS_H

#include <stdbool.h>
#include <stdint.h>

extern bool xeno_stats;

struct xeno_counters {
	uint64_t traps;	      /* system calls trapped */
	uint64_t patched;     /* system calls made through patched sites */
	uint64_t sites;	      /* syscall sites patched (core/patch.h) */
	uint64_t signals;     /* signals delivered to guest handlers */
	uint64_t libcalls;    /* shim library functions called directly */
	uint64_t suspensions; /* threads stopped where they stood (core/suspend.h) */
};
extern struct xeno_counters xeno_counters;

/* Counts one event (a counter of xeno_counters) when --stats is on. */
static inline void xeno_count(uint64_t *counter)
{
	if (__builtin_expect(xeno_stats, 0))
		__atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
}

/* Prints "xeno: N system calls trapped, D made through P patched sites,
 * M signals delivered" if --stats. */
void xeno_stats_report(void);

#endif
