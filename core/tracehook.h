/*
 * What the process VM tells a tracer.  Tracing lives in trace/; core/ knows
 * it only through this table of hooks, which trace/ installs when --trace or
 * --record asks for it.  With no tracer installed every hook is one load and
 * a branch not taken; building with -DXENO_NO_TRACE removes even that
 * (bench/trace-overhead.sh compares the two).
 */
#ifndef XENO_CORE_TRACEHOOK_H
#define XENO_CORE_TRACEHOOK_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct xeno_thread;
struct xeno_call;
struct xeno_sysent;

/* What the tracer keeps of the traced call a new one interrupts: library
 * calls nest (a shim calls guest code, which calls the library again), and
 * the thread's state holds the innermost call's.  call_begin saves it here,
 * on xeno_call's stack; call_end puts it back. */
struct xeno_trace_frame {
	const struct xeno_call *trap;
	const struct xeno_sysent *entry;
	int64_t start;
	bool in_call;
	uint16_t nhost;
	uint32_t host_dropped;
};

struct xeno_trace_hooks {
	/* A foreign call is about to run (its handler may not return: exit). */
	void (*call_begin)(struct xeno_thread *t, const struct xeno_call *trap,
			   const struct xeno_sysent *e, struct xeno_trace_frame *outer);
	/* It returned ret (a host result: value or -host errno). */
	void (*call_end)(struct xeno_thread *t, const struct xeno_call *trap,
			 const struct xeno_sysent *e, long ret,
			 const struct xeno_trace_frame *outer);
	/* A signal delivered to a guest handler (host number sig). */
	void (*signal)(struct xeno_thread *t, int sig, const siginfo_t *si);
	/* A host call made on the guest's behalf (core/host.c), when
	 * xeno_trace_host says host calls are wanted. */
	void (*host_call)(long nr, long a, long b, long c, long d, long e, long f, long ret);
	/* A new thread t, made by the thread parent, is about to enter the guest. */
	void (*thread_start)(struct xeno_thread *t, pid_t parent);
	/* The process ends: exit status, or death by host signal sig. */
	void (*exit)(struct xeno_thread *t, int status);
	void (*killed)(struct xeno_thread *t, int sig);
	/* The current call of t replaces the process image (execve). */
	void (*before_exec)(struct xeno_thread *t);
	/* Writes out anything buffered (before fork). */
	void (*flush)(void);
	/* In a forked child: the parent's recording is not the child's. */
	void (*after_fork)(void);
};

#ifdef XENO_NO_TRACE
#define xeno_tracer	((const struct xeno_trace_hooks *)NULL)
#define xeno_trace_host false
#else
/* The installed tracer, NULL when nothing is traced. */
extern const struct xeno_trace_hooks *xeno_tracer;
/* Whether host calls are captured for the tracer (--trace=host, --record). */
extern bool xeno_trace_host;
#endif
#define xeno_trace_enabled (xeno_tracer != NULL)

/* The flight recorder's report on standard error when the process dies of a
 * crash or an internal error (trace/flight.c installs it; NULL: none).
 * self_sent: the program sent itself the signal it dies of (abort), and
 * has said why itself: the report goes only where a trace is written. */
extern void (*xeno_flight_report)(const char *why, bool self_sent);

static inline void xeno_trace_signal(struct xeno_thread *t, int sig, const siginfo_t *si)
{
	if (xeno_tracer)
		xeno_tracer->signal(t, sig, si);
}

static inline void xeno_trace_thread_start(struct xeno_thread *t, pid_t parent)
{
	if (xeno_tracer)
		xeno_tracer->thread_start(t, parent);
}

static inline void xeno_trace_exit(struct xeno_thread *t, int status)
{
	if (xeno_tracer)
		xeno_tracer->exit(t, status);
}

static inline void xeno_trace_killed(struct xeno_thread *t, int sig)
{
	if (xeno_tracer)
		xeno_tracer->killed(t, sig);
}

static inline void xeno_trace_before_exec(struct xeno_thread *t)
{
	if (xeno_tracer)
		xeno_tracer->before_exec(t);
}

static inline void xeno_trace_flush(void)
{
	if (xeno_tracer)
		xeno_tracer->flush();
}

static inline void xeno_trace_after_fork(void)
{
	if (xeno_tracer)
		xeno_tracer->after_fork();
}

static inline void xeno_trace_host_call(long nr, long a, long b, long c, long d, long e, long f,
					long ret)
{
	if (xeno_trace_host && xeno_tracer)
		xeno_tracer->host_call(nr, a, b, c, d, e, f, ret);
}

static inline void xeno_flight_dump(const char *why, bool self_sent)
{
	if (xeno_flight_report)
		xeno_flight_report(why, self_sent);
}

#endif
