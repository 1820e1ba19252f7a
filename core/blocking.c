#include "core/blocking.h"

#include <stdint.h>

extern const char xeno_blocking_window[], xeno_blocking_window_end[], xeno_blocking_eintr[];

bool xeno_blocking_interrupt(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t rip = (uint64_t)g[REG_RIP];
	if (rip < (uint64_t)xeno_blocking_window || rip > (uint64_t)xeno_blocking_window_end)
		return false;
	g[REG_RIP] = (greg_t)xeno_blocking_eintr;
	return true;
}
