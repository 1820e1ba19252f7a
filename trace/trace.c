/*
 * Live tracing: the hooks of core/tracehook.h turn what happens into events,
 * show them as lines (--trace) and hand them to the recorder (--record).
 */
#include "trace/trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/fd.h"
#include "core/library.h"
#include "core/ownwrite.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/tracehook.h"
#include "trace/capture.h"
#include "trace/filter.h"
#include "trace/record.h"

static struct {
	int fd;			 /* the lines' file, -1 if none */
	struct xeno_own_out out; /* on fd */
	bool show_host;
	bool host_wanted; /* capture host calls once threads are attached */
	struct xt_format fmt;
	struct xt_filter filter;
	const struct xeno_personality *os;
	struct timespec t0; /* CLOCK_MONOTONIC when the trace began */
	bool ended;
} tr = {.fd = -1};
static bool tracing; /* hooks installed once the main thread is attached */
static const struct xeno_trace_hooks hooks __attribute__((unused));

int xt_trace_fd(void)
{
	return tr.fd;
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)(ts.tv_sec - tr.t0.tv_sec) * 1000000000 + (ts.tv_nsec - tr.t0.tv_nsec);
}

static int open_text(const char *path, bool append)
{
	int fd =
	    path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (append ? 0 : O_TRUNC),
			0644)
		 : dup(STDERR_FILENO);
	if (fd < 0)
		return -errno;
	tr.fd = xeno_fd_move_high(fd);
	if (tr.fd < 0)
		return tr.fd;
	xeno_own_out_init(&tr.out, tr.fd);
	return 0;
}

int xeno_trace_setup(const struct xeno_trace_options *o, const struct xeno_personality *os,
		     const char *program, int argc, char *const argv[], char *err, size_t errsize)
{
#ifdef XENO_NO_TRACE
	snprintf(err, errsize, "this xeno was built without tracing (XENO_NO_TRACE)");
	return -1;
#endif
	tr.os = os;
	clock_gettime(CLOCK_MONOTONIC, &tr.t0);
	struct timespec wall;
	clock_gettime(CLOCK_REALTIME, &wall);
	tr.fmt = (struct xt_format){.show_tid = true,
				    .time = o->time,
				    .durations = o->durations,
				    .wall_sec = wall.tv_sec,
				    .wall_nsec = wall.tv_nsec};
	char why[256];
	if (o->filter && xt_filter_parse(&tr.filter, os, o->filter, false, why, sizeof why) < 0) {
		snprintf(err, errsize, "--trace-filter: %s", why);
		return -2;
	}
	int rc;
	if (o->text && (rc = open_text(o->path, o->append)) < 0) {
		snprintf(err, errsize, "cannot open the trace file %s: %s", o->path, strerror(-rc));
		return -1;
	}
	if (o->record) {
		struct xt_header h = {.os = os->name,
				      .program = program,
				      .xeno_version = XENO_VERSION,
				      .argc = (uint32_t)argc,
				      .argv = (const char *const *)argv,
				      .wall_sec = wall.tv_sec,
				      .wall_nsec = wall.tv_nsec,
				      .pid = (uint32_t)getpid()};
		if ((rc = xt_record_open(o->record, &h)) < 0) {
			snprintf(err, errsize, "cannot write the recording %s: %s", o->record,
				 strerror(-rc));
			return -1;
		}
	}
	tr.show_host = o->host && o->text;
	/* A recording keeps the host calls too: `trace show --host` shows them. */
	tr.host_wanted = tr.show_host || o->record;
	tracing = o->text || o->record;
	return 0;
}

void xeno_trace_start(struct xeno_thread *t)
{
#ifndef XENO_NO_TRACE
	if (!tracing)
		return;
	/* From now on every thread making host calls is an attached one. */
	xeno_trace_host = tr.host_wanted;
	xeno_tracer = &hooks;
	xeno_trace_thread_start(t, 0);
#else
	(void)t;
#endif
}

/* ---- output ---- */

/* Lines are gathered and written at once, so a call's block of lines does
 * not mix with another thread's. */
struct out {
	char buf[16384];
	size_t n;
};

/* A trace whose reader went away (`--trace ... 2>&1 | head -1`) ends there
 * without a word; the program goes on as it would untraced. */
static void out_flush(struct out *o)
{
	xeno_own_write(&tr.out, o->buf, o->n);
	o->n = 0;
}

static void out_line(struct out *o, const struct xeno_tline *l)
{
	if (o->n + l->n + 1 > sizeof o->buf)
		out_flush(o);
	memcpy(o->buf + o->n, l->buf, l->n);
	o->n += l->n;
	o->buf[o->n++] = '\n';
}

/* Shows ev as lines (if shown) and records it. */
static void emit(const struct xt_event *ev, bool shown)
{
	if (tr.fd >= 0 && shown) {
		struct out o = {.n = 0};
		struct xeno_tline l;
		tl_init(&l, tr.os, NULL);
		if (xt_format_event(&l, ev, &tr.fmt)) {
			out_line(&o, &l);
			for (unsigned i = 0; tr.show_host && i < ev->nhost; i++) {
				tl_init(&l, tr.os, NULL);
				xt_format_host(&l, &ev->host[i]);
				out_line(&o, &l);
			}
			if (tr.show_host && ev->host_dropped) {
				tl_init(&l, tr.os, NULL);
				tl_printf(&l, "  > ... %u more host calls", ev->host_dropped);
				out_line(&o, &l);
			}
			out_flush(&o);
		}
	}
	xt_record_event(ev);
}

/* ---- the hooks ---- */

/* Whether the call is shown (--trace-filter). */
static bool shown(const struct xeno_call *trap, const struct xeno_sysent *e)
{
	const struct xeno_calltable *tab = trap->table;
	return xt_filter_shows(&tr.filter, xeno_trace_number(tab, trap->nr),
			       tab ? tab->library : NULL, e ? e->name : NULL);
}

/* The host calls of the innermost call begin after those of the call it
 * interrupted (library calls nest), which get theirs back when it ends. */
static uint16_t host_base(const struct xeno_trace_frame *outer)
{
	return outer->in_call ? outer->nhost : 0;
}

static void call_begin(struct xeno_thread *t, const struct xeno_call *trap,
		       const struct xeno_sysent *e, struct xeno_trace_frame *outer)
{
	*outer = (struct xeno_trace_frame){.trap = t->trace_trap,
					   .entry = t->trace_entry,
					   .start = t->trace_start,
					   .in_call = t->trace_in_call,
					   .nhost = t->trace_nhost,
					   .host_dropped = t->trace_host_dropped};
	t->trace_trap = trap;
	t->trace_entry = e;
	t->trace_start = now_ns();
	t->trace_nhost = host_base(outer);
	t->trace_host_dropped = outer->in_call ? outer->host_dropped : 0;
	t->trace_in_call = true;
	if (e && xeno_syscall_thunk(&trap->table->calls[trap->nr]) && e->ret_kind == XA_NORETURN) {
		/* exit, thr_exit, __libc_start1: traced now, for they do not
		 * come back; what they do meanwhile is not theirs to show */
		struct xt_capture c;
		xt_capture_init(&c, XT_CALL, (uint32_t)t->tid);
		xt_capture_call(&c, t, trap, e, 0, true);
		emit(&c.ev, shown(trap, e));
		t->trace_in_call = false;
	}
}

static void call_end(struct xeno_thread *t, const struct xeno_call *trap,
		     const struct xeno_sysent *e, long ret, const struct xeno_trace_frame *outer)
{
	uint16_t base = host_base(outer);
	bool show = shown(trap, e);
	if (show || xt_recording()) {
		struct xt_capture c;
		xt_capture_init(&c, XT_CALL, (uint32_t)t->tid);
		xt_capture_call(&c, t, trap, e, ret, false);
		c.ev.end = now_ns();
		c.ev.host = t->trace_host + base;
		c.ev.nhost = t->trace_nhost > base ? (uint16_t)(t->trace_nhost - base) : 0;
		c.ev.host_dropped =
		    t->trace_host_dropped - (outer->in_call ? outer->host_dropped : 0);
		emit(&c.ev, show);
	}
	t->trace_trap = outer->trap;
	t->trace_entry = outer->entry;
	t->trace_start = outer->start;
	t->trace_in_call = outer->in_call;
	t->trace_nhost = outer->nhost;
	t->trace_host_dropped = outer->host_dropped;
}

static void signal_delivered(struct xeno_thread *t, int sig, const siginfo_t *si)
{
	struct xt_capture c;
	xt_capture_init(&c, XT_SIGNAL, (uint32_t)t->tid);
	c.ev.start = now_ns();
	xt_capture_signal(&c, t, sig, si);
	emit(&c.ev, true);
}

static void thread_start(struct xeno_thread *t, pid_t parent)
{
	struct xt_event ev = {.type = XT_THREAD,
			      .tid = (uint32_t)t->tid,
			      .parent = (uint32_t)parent,
			      .start = now_ns()};
	emit(&ev, true);
}

static void end(struct xeno_thread *t, uint64_t kind, int value)
{
	if (tr.ended)
		return;
	tr.ended = true;
	struct xt_event ev = {.type = XT_EXIT,
			      .tid = t ? (uint32_t)t->tid : 0,
			      .nr = kind,
			      .ret = value,
			      .start = now_ns()};
	emit(&ev, true);
	xt_record_flush(true);
}

static void exited(struct xeno_thread *t, int status)
{
	end(t, XT_EXITED, status & 0xff);
}

static void killed(struct xeno_thread *t, int sig)
{
	end(t, XT_KILLED, sig);
}

static void before_exec(struct xeno_thread *t)
{
	if (t->trace_trap) {
		/* If the execve succeeds, this is all the trace sees of it. */
		struct xt_capture c;
		xt_capture_init(&c, XT_CALL, (uint32_t)t->tid);
		xt_capture_call(&c, t, t->trace_trap, t->trace_entry, 0, true);
		emit(&c.ev, shown(t->trace_trap, t->trace_entry));
	}
	/* A new zlib stream starts if the execve fails and the process goes on. */
	xt_record_flush(true);
}

static void flush(void)
{
	xt_record_flush(false);
}

static void after_fork(void)
{
	xt_record_forget();
}

static const struct xeno_trace_hooks hooks __attribute__((unused)) = {
    .call_begin = call_begin,
    .call_end = call_end,
    .signal = signal_delivered,
    .host_call = xt_host_call,
    .thread_start = thread_start,
    .exit = exited,
    .killed = killed,
    .before_exec = before_exec,
    .flush = flush,
    .after_fork = after_fork,
};
