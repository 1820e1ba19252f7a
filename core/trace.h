/*
 * Tracing foreign system calls.  The dispatcher calls in at its one exit
 * point only when tracing is on, so tracing costs one predictable branch
 * when it is off.
 */
#ifndef XENO_CORE_TRACE_H
#define XENO_CORE_TRACE_H

#include <signal.h>
#include <stdbool.h>

struct xeno_thread;
struct xeno_trap;
struct xeno_sysent;

extern bool xeno_trace_enabled; /* --trace: one line per foreign call */
extern bool xeno_trace_host;    /* --trace=host: and the host calls under it */

/* Opens the trace output (NULL: standard error): 0 or -errno. */
int xeno_trace_open(const char *path);
/* A foreign call that returned ret (a host result: value or -host errno). */
void xeno_trace_syscall(struct xeno_thread *t, const struct xeno_trap *trap,
			const struct xeno_sysent *e, long ret);
/* A foreign call that does not return (exit): traced before it runs. */
void xeno_trace_noreturn(struct xeno_thread *t, const struct xeno_trap *trap,
			 const struct xeno_sysent *e);
/* A signal delivered to a guest handler (host number sig). */
void xeno_trace_signal(struct xeno_thread *t, int sig, const siginfo_t *si);
/* A host call made on the guest's behalf (core/host.c). */
void xeno_trace_host_call(long nr, long a, long b, long c, long d, long e, long f, long ret);
/* Writes out anything buffered (before the process ends). */
void xeno_trace_flush(void);

#endif
