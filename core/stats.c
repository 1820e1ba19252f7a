#include "core/stats.h"

#include <stdio.h>

#include "core/log.h"

bool xeno_stats;
struct xeno_counters xeno_counters;

static unsigned long long load(const uint64_t *counter)
{
	return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

void xeno_stats_report(void)
{
	if (!xeno_stats)
		return;
	/* thread suspensions only where there were any (Windows' SuspendThread) */
	char suspensions[48] = "";
	unsigned long long n = load(&xeno_counters.suspensions);
	if (n)
		snprintf(suspensions, sizeof suspensions, ", %llu thread suspensions", n);
	xeno_msg("%llu system calls trapped, %llu made through %llu patched sites, "
		 "%llu library calls, %llu signals delivered%s",
		 load(&xeno_counters.traps), load(&xeno_counters.patched),
		 load(&xeno_counters.sites), load(&xeno_counters.libcalls),
		 load(&xeno_counters.signals), suspensions);
}
