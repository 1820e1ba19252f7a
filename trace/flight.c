/*
 * Printing the flight recorder (core/flight.h) when the process dies: the
 * report core/ calls through xeno_flight_report (core/tracehook.h).  Only
 * what the ring holds is shown — numbers and argument values, decoded by
 * their kinds — never guest memory, which may have changed since or be the
 * very thing that broke; strings and structures appear as addresses.
 * Other threads go on running meanwhile: their rings are read as they are.
 */
#include <string.h>
#include <unistd.h>

#include "core/flight.h"
#include "core/library.h"
#include "core/ownwrite.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/tracehook.h"
#include "trace/format.h"
#include "trace/trace.h"

#ifdef XENO_NO_TRACE
void xeno_flight_install(void)
{
}
#else
static int out_fd = STDERR_FILENO;

static void write_line(const struct xeno_tline *l)
{
	char buf[sizeof l->buf + 1];
	memcpy(buf, l->buf, l->n);
	buf[l->n] = '\n';
	xeno_own_write_fd(out_fd, buf, l->n + 1);
}

static void dump_thread(const struct xeno_thread *t, const struct xeno_personality *os)
{
	uint64_t count = __atomic_load_n(&t->flight.count, __ATOMIC_ACQUIRE);
	uint64_t first = count > XENO_FLIGHT_CALLS ? count - XENO_FLIGHT_CALLS : 0;
	struct xeno_tline l;
	tl_init(&l, os, NULL);
	tl_printf(&l, "xeno: the last %llu foreign calls of thread %d, oldest first:",
		  (unsigned long long)(count - first), (int)t->tid);
	write_line(&l);
	for (uint64_t i = first; i < count; i++) {
		struct xeno_callrec r = t->flight.ring[i & (XENO_FLIGHT_CALLS - 1)];
		struct xt_event ev = {
		    .type = XT_CALL, .tid = (uint32_t)t->tid, .nr = r.nr, .ret = r.ret};
		memcpy(ev.args, r.args, sizeof r.args);
		if (XENO_LIBCALL_ID(r.nr)) {
			/* a library function: named by its table, which for one
			 * made at run time has no description */
			const struct xeno_calltable *tab;
			const struct xeno_sysent *e = xeno_call_entry(os, r.nr, &tab);
			ev.library = tab ? tab->library : NULL;
			ev.function = e ? e->name : NULL;
			ev.entry = XENO_LIBCALL_ID(r.nr) < XENO_LIBID_RUNTIME ? e : NULL;
		}
		if (r.ret == XENO_CALL_PENDING)
			ev.flags |= XT_UNFINISHED;
		tl_init(&l, os, NULL);
		tl_puts(&l, "  ");
		xt_format_call(&l, &ev);
		write_line(&l);
	}
}

static void dump_other(struct xeno_thread *t, void *current)
{
	if (t != current)
		dump_thread(t, t->os);
}

/* self_sent: into the text trace only (a recording holds every call and
 * the signal already). */
static void report(const char *why, bool self_sent)
{
	static int once;
	if (self_sent)
		out_fd = xt_trace_fd();
	if (out_fd < 0 || __atomic_exchange_n(&once, 1, __ATOMIC_ACQ_REL))
		return;
	const struct xeno_personality *os = xeno_proc.os;
	if (!os)
		return; /* no guest ran */
	struct xeno_tline l;
	tl_init(&l, os, NULL);
	tl_printf(&l, "xeno: flight recorder (%s):", why);
	write_line(&l);
	struct xeno_thread *current = xeno_threads_current();
	if (current)
		dump_thread(current, os);
	xeno_threads_walk_unlocked(dump_other, current);
}

void xeno_flight_install(void)
{
	xeno_flight_report = report;
}
#endif
