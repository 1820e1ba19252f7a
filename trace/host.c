/*
 * The host calls under a foreign call (--trace=host, recordings): every host
 * system call a handler makes goes through core/host.c, which hands it here
 * while a foreign call is being traced; no ptrace is involved.  The names
 * come from the host's own <asm/unistd_64.h> (tools/genlinuxnames.sh).
 */
#include <stdint.h>

#include "core/thread.h"
#include "trace/trace.h"
#include "linux_sysnames.h"

const char *xt_linux_syscall_name(uint64_t nr)
{
	if (nr >= sizeof linux_syscall_names / sizeof linux_syscall_names[0])
		return NULL;
	return linux_syscall_names[nr];
}

/* Only attached threads get here: xeno_trace_start turns capture on once
 * the first one is, and threads make host calls only after attaching. */
void xt_host_call(long nr, long a, long b, long c, long d, long e, long f, long ret)
{
	struct xeno_thread *t = xeno_current();
	if (!t->trace_in_call)
		return; /* xeno's own business, not a foreign call's */
	if (t->trace_nhost >= XENO_TRACE_HOST_CALLS) {
		t->trace_host_dropped++;
		return;
	}
	struct xeno_callrec *h = &t->trace_host[t->trace_nhost++];
	h->nr = (uint64_t)nr;
	h->args[0] = (uint64_t)a;
	h->args[1] = (uint64_t)b;
	h->args[2] = (uint64_t)c;
	h->args[3] = (uint64_t)d;
	h->args[4] = (uint64_t)e;
	h->args[5] = (uint64_t)f;
	h->ret = ret;
}
