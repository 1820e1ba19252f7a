/*
 * Tracing foreign calls: --trace (strace-style lines) and --record (a
 * recording for `xeno trace show|diff`).  trace/trace.c implements the hooks
 * of core/tracehook.h and installs them when tracing is asked for; the
 * process VM knows tracing through those hooks only.
 *
 * The parts: capture.c (events from the running guest),
 * format.c and line.c (lines), filter.c (--trace-filter),
 * host.c (host calls under foreign ones), codec.c,
 * record.c and read.c (recordings), diff.c and
 * norm.c (comparing them), flight.c (the flight recorder's report), cmd.c
 * (`xeno trace show|diff`).
 */
#ifndef XENO_TRACE_TRACE_H
#define XENO_TRACE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "trace/format.h"

struct xeno_thread;
struct xeno_personality;

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
 * for the recording's header) and installs the hooks: 0, or -1 with a
 * one-line reason in err (-2 when the reason is a bad option). */
int xeno_trace_setup(const struct xeno_trace_options *o, const struct xeno_personality *os,
		     const char *program, int argc, char *const argv[], char *err, size_t errsize);
/* The main thread is attached: threads can be told apart from now on. */
void xeno_trace_start(struct xeno_thread *t);

/* Installs the flight recorder's report (trace/flight.c). */
void xeno_flight_install(void);
/* Where the text trace goes (--trace: its file or standard error), or -1. */
int xt_trace_fd(void);

/* The host call hook (trace/host.c). */
void xt_host_call(long nr, long a, long b, long c, long d, long e, long f, long ret);

#endif
