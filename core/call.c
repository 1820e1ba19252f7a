#include "core/call.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>

#include "core/forklock.h"
#include "core/library.h"
#include "core/log.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/tracehook.h"

bool xeno_strict;

/* One bit per call number already reported as unimplemented (a library
 * function's: its table's address and number, folded; a collision only
 * silences a message). */
#define WARN_NUMBERS 4096
static uint64_t warned[WARN_NUMBERS / 64];

static bool first_report(uint64_t nr)
{
	nr = (nr ^ nr >> 16) % WARN_NUMBERS;
	uint64_t bit = 1ULL << (nr % 64);
	return !(__atomic_fetch_or(&warned[nr / 64], bit, __ATOMIC_RELAXED) & bit);
}

/* --strict: end as a FreeBSD kernel ends a program that calls nosys(). */
static void strict_abort(void)
{
	xeno_sig_die(SIGSYS, NULL);
}

/* The library functions already reported as unimplemented: each is one
 * call table (a shim library's, or a missing import's own, loader/
 * link_missing.c) and its number there, kept as table << 16 | nr (user
 * addresses fit in 47 bits, library numbers in 16) in a set that only
 * grows, lock-free.  When it is full, every call is reported. */
#define WARN_FUNCTIONS 4096
static uint64_t warned_functions[WARN_FUNCTIONS];

static bool first_report_in(const struct xeno_calltable *tab, uint64_t nr)
{
	uint64_t key = (uint64_t)(uintptr_t)tab << 16 | (nr & 0xffff);
	uint64_t i = (key ^ key >> 17) * 0x9e3779b97f4a7c15ULL >> 52;
	for (unsigned n = 0; n < WARN_FUNCTIONS; n++, i = (i + 1) % WARN_FUNCTIONS) {
		uint64_t seen = 0;
		if (__atomic_compare_exchange_n(&warned_functions[i], &seen, key, false,
						__ATOMIC_RELAXED, __ATOMIC_RELAXED))
			return true;
		if (seen == key)
			return false;
	}
	return true;
}

/* A library function: `xeno: libc.so.7: kqueuex not implemented`; a system
 * call: `xeno: freebsd syscall 45 (ktrace) not implemented`. */
static long unimplemented(const struct xeno_personality *os, const struct xeno_call *c,
			  const struct xeno_sysent *e)
{
	const char *name = e && e->name[0] ? e->name : "unknown";
	const struct xeno_calltable *tab = c->table;
	if (tab && tab->library) {
		if (xeno_strict || first_report_in(tab, c->nr))
			xeno_msg("%s: %s not implemented", tab->library, name);
	} else if (xeno_strict || first_report(c->nr)) {
		xeno_msg("%s syscall %llu (%s) not implemented", os->name,
			 (unsigned long long)c->nr, name);
	}
	if (xeno_strict)
		strict_abort();
	return -ENOSYS;
}

/* The operations xeno_unimplemented_op has named already. */
static struct {
	const char *call;
	long op;
} seen[64];
static int nseen;
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;

static void lock_seen(void)
{
	pthread_mutex_lock(&seen_lock);
}

static void unlock_seen(bool child)
{
	(void)child;
	pthread_mutex_unlock(&seen_lock);
}

XENO_FORK_LOCK(unimplemented_ops, XENO_FORK_RANK_CORE + 40, lock_seen, unlock_seen);

long xeno_unimplemented_op(struct xeno_thread *t, const char *call, long op)
{
	xeno_host_tls(t);
	pthread_mutex_lock(&seen_lock);
	int found = 0;
	for (int i = 0; i < nseen; i++)
		found |= seen[i].call == call && seen[i].op == op;
	if (!found && nseen < 64)
		seen[nseen].call = call, seen[nseen++].op = op;
	pthread_mutex_unlock(&seen_lock);
	if (!found || xeno_strict)
		xeno_msg("%s %s operation %ld not implemented", t->os->name, call, op);
	if (xeno_strict)
		strict_abort();
	return -ENOSYS;
}

/* Runs on the guest's FS base when the entry left it (core/gate.h): the
 * handler's table entry says whether it may stay so (NOTLS). */
long xeno_call(struct xeno_thread *t, const struct xeno_call *c)
{
	const struct xeno_calltable *tab = c->table;
	const struct xeno_syscall *sc = tab && c->nr < tab->n ? &tab->calls[c->nr] : NULL;
	xeno_thunk call = sc ? xeno_syscall_thunk(sc) : NULL;
	if (!call || !(sc->flags & XENO_SYF_NOTLS) || xeno_trace_enabled)
		xeno_host_tls(t);
	const struct xeno_sysent *e = sc ? &tab->sysent[c->nr] : NULL;
	uint64_t flight = xeno_flight_enter(&t->flight, xeno_trace_number(tab, c->nr), c->args);
	struct xeno_trace_frame outer;
	if (__builtin_expect(xeno_trace_enabled, 0))
		xeno_tracer->call_begin(t, c, e, &outer);
	long ret;
	if (call)
		ret = call(t, c->args);
	else
		ret = unimplemented(t->os, c, e);
	if (ret == -XENO_ERESTARTSYS) {
		xeno_host_tls(t);
		ret = xeno_sig_queued_restart(t) ? -XENO_ERESTART : -EINTR;
	}
	xeno_flight_leave(&t->flight, flight, ret);
	if (__builtin_expect(xeno_trace_enabled, 0))
		xeno_tracer->call_end(t, c, e, ret, &outer);
	return ret;
}
