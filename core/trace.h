/*
 * Tracing foreign system calls: --trace (strace-style lines), --record
 * (a recording for `xeno trace show|diff`), and the hooks the process VM
 * calls.  The dispatcher calls in only when tracing is on, so tracing costs
 * a predictable branch when it is off; building with -DXENO_NO_TRACE takes
 * even that away (bench/trace-overhead.sh compares the two).
 *
 * The parts: trace_capture.c (events from the running guest),
 * trace_format.c and trace_line.c (lines), trace_filter.c (--trace-filter),
 * trace_host.c (host calls under foreign ones), trace_codec.c,
 * trace_record.c and trace_read.c (recordings), trace_diff.c and
 * trace_norm.c (comparing them), flight.c (the flight recorder).
 */
#ifndef XENO_CORE_TRACE_H
#define XENO_CORE_TRACE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/trace_format.h"

struct xeno_thread;
struct xeno_trap;
struct xeno_sysent;
struct xeno_personality;

#ifdef XENO_NO_TRACE
#define xeno_trace_enabled false
#define xeno_trace_host	   false
#else
extern bool xeno_trace_enabled; /* the hooks below are called */
extern bool xeno_trace_host;	/* host calls are captured (core/host.c) */
#endif

struct xeno_trace_options {
	bool text;		/* --trace: lines */
	const char *path;	/* their file; NULL: standard error */
	bool append;		/* --trace-append: add to the file */
	bool host;		/* --trace=host: host calls under each call */
	enum xt_time_mode time; /* --trace-time[=MODE] */
	bool durations;		/* --trace-durations */
	const char *filter;	/* --trace-filter=EXPR */
	const char *record;	/* --record=FILE */
};

/* Sets tracing up for a program of personality os (argv: its command line,
 * for the recording's header): 0, or -1 with a one-line reason in err (-2
 * when the reason is a bad option). */
int xeno_trace_setup(const struct xeno_trace_options *o, const struct xeno_personality *os,
		     const char *program, int argc, char *const argv[], char *err, size_t errsize);
/* The main thread is attached: threads can be told apart from now on. */
void xeno_trace_start(struct xeno_thread *t);

/* A foreign call is about to run (its handler may not return: exit). */
void xeno_trace_begin(struct xeno_thread *t, const struct xeno_trap *trap,
		      const struct xeno_sysent *e);
/* It returned ret (a host result: value or -host errno). */
void xeno_trace_syscall(struct xeno_thread *t, const struct xeno_trap *trap,
			const struct xeno_sysent *e, long ret);
/* A signal delivered to a guest handler (host number sig). */
void xeno_trace_signal(struct xeno_thread *t, int sig, const siginfo_t *si);
/* A host call made on the guest's behalf (core/host.c). */
void xeno_trace_host_call(long nr, long a, long b, long c, long d, long e, long f, long ret);
/* A new thread t, made by the thread parent, is about to enter the guest. */
void xeno_trace_thread_start(struct xeno_thread *t, pid_t parent);
/* The process ends: exit status, or death by host signal sig.  The trace
 * and the recording are complete afterwards. */
void xeno_trace_exit(struct xeno_thread *t, int status);
void xeno_trace_killed(struct xeno_thread *t, int sig);
/* The current call of t replaces the process image (execve). */
void xeno_trace_before_exec(struct xeno_thread *t);
/* Writes out anything buffered (before fork). */
void xeno_trace_flush(void);
/* In a forked child: the parent's recording is not the child's. */
void xeno_trace_after_fork(void);

#endif
