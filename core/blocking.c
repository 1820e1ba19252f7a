#include "core/blocking.h"

#include <stdint.h>

#include "core/tracehook.h"

/* core/blocking.S */
long xeno_blocking_syscall(const long args[7]);

long xeno_host_blocking_syscall(const long args[7])
{
	long ret = xeno_blocking_syscall(args);
	if (__builtin_expect(xeno_trace_host, 0))
		xeno_trace_host_call(args[0], args[1], args[2], args[3], args[4], args[5], args[6],
				     ret);
	return ret;
}

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
