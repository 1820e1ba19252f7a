/*
 * Formatting trace events as strace-style lines: one event, however it was
 * obtained (captured live or read back from a recording), one line.
 */
#ifndef XENO_TRACE_FORMAT_H
#define XENO_TRACE_FORMAT_H

#include <stdbool.h>
#include <stdint.h>

#include "trace/event.h"
#include "trace/line.h"

struct xeno_personality;
struct xeno_flagset;

enum xt_time_mode {
	XT_TIME_NONE,
	XT_TIME_WALL,	 /* 12:34:56.123456, local time (strace -tt) */
	XT_TIME_ELAPSED, /* seconds since the trace began, 0.000123 */
};

struct xt_format {
	bool show_tid;
	enum xt_time_mode time;
	bool durations;		     /* <0.000012> after each call (strace -T) */
	int64_t wall_sec, wall_nsec; /* when the trace began */
};

/* The line of ev into l (without newline): false if ev makes no line. */
bool xt_format_event(struct xeno_tline *l, const struct xt_event *ev, const struct xt_format *f);
/* One host call made for a foreign call, indented under it. */
void xt_format_host(struct xeno_tline *l, const struct xeno_callrec *h);
/* The arguments and result of a call, without prefix: name(args) = result. */
void xt_format_call(struct xeno_tline *l, const struct xt_event *ev);

/* The personality's flag set or structure decoder called name, or NULL. */
const struct xeno_flagset *xt_find_flagset(const struct xeno_personality *os, const char *name);
const struct xeno_trace_decoder *xt_find_decoder(const struct xeno_personality *os,
						 const char *name);

/* The Linux name of host system call nr, or NULL (build/gen, from the
 * host's <asm/unistd_64.h>). */
const char *xt_linux_syscall_name(uint64_t nr);

#endif
