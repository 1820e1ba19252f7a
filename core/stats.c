#include "core/stats.h"

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
	if (load(&xeno_counters.suspensions))
		xeno_msg("%llu system calls trapped, %llu made through %llu patched sites, "
			 "%llu library calls, %llu signals delivered, %llu thread suspensions",
			 load(&xeno_counters.traps), load(&xeno_counters.patched),
			 load(&xeno_counters.sites), load(&xeno_counters.libcalls),
			 load(&xeno_counters.signals), load(&xeno_counters.suspensions));
	else
		xeno_msg("%llu system calls trapped, %llu made through %llu patched sites, "
			 "%llu library calls, %llu signals delivered",
			 load(&xeno_counters.traps), load(&xeno_counters.patched),
			 load(&xeno_counters.sites), load(&xeno_counters.libcalls),
			 load(&xeno_counters.signals));
}
