#include "core/dispatch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/forklock.h"
#include "core/log.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/tracehook.h"

bool xeno_strict;
bool xeno_stats;
uint64_t xeno_stats_traps, xeno_stats_signals;

void xeno_stats_report(void)
{
	if (xeno_stats)
		xeno_msg(
		    "%llu system calls trapped, %llu signals delivered",
		    (unsigned long long)__atomic_load_n(&xeno_stats_traps, __ATOMIC_RELAXED),
		    (unsigned long long)__atomic_load_n(&xeno_stats_signals, __ATOMIC_RELAXED));
}

/* One bit per syscall number already reported as unimplemented. */
#define WARN_NUMBERS 4096
static uint64_t warned[WARN_NUMBERS / 64];

static bool first_report(uint64_t nr)
{
	if (nr >= WARN_NUMBERS)
		nr = WARN_NUMBERS - 1;
	uint64_t bit = 1ULL << (nr % 64);
	return !(__atomic_fetch_or(&warned[nr / 64], bit, __ATOMIC_RELAXED) & bit);
}

/* --strict: end as a FreeBSD kernel ends a program that calls nosys(). */
static void strict_abort(void)
{
	xeno_sig_die(SIGSYS);
}

static long unimplemented(const struct xeno_personality *os, const struct xeno_trap *trap,
			  const struct xeno_sysent *e)
{
	const char *name = e && e->name[0] ? e->name : "unknown";
	if (xeno_strict || first_report(trap->nr))
		xeno_msg("%s syscall %llu (%s) not implemented", os->name,
			 (unsigned long long)trap->nr, name);
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

/* Runs on the guest's FS base when the gate left it (core/gate.h): the
 * handler's table entry says whether it may stay so (NOTLS). */
void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc)
{
	const struct xeno_personality *os = t->os;
	greg_t *g = uc->uc_mcontext.gregs;
	struct xeno_trap trap;
	os->decode_trap(g, &trap);
	if (__builtin_expect(xeno_stats, 0))
		__atomic_add_fetch(&xeno_stats_traps, 1, __ATOMIC_RELAXED);

	const struct xeno_syscall *sc = trap.nr < os->nsysent ? &os->syscalls[trap.nr] : NULL;
	if (!sc || !sc->call || !(sc->flags & XENO_SYF_NOTLS) || xeno_trace_enabled)
		xeno_host_tls(t);
	const struct xeno_sysent *e = sc ? &os->sysent[trap.nr] : NULL;
	t->have_rval2 = 0;
	t->uc = uc;
	struct xeno_callrec *flight = xeno_flight_enter(&t->flight, trap.nr, trap.args);
	if (__builtin_expect(xeno_trace_enabled, 0))
		xeno_tracer->call_begin(t, &trap, e);
	long ret;
	if (sc && sc->call)
		ret = sc->call(t, trap.args);
	else
		ret = unimplemented(os, &trap, e);
	if (ret == -XENO_ERESTARTSYS) {
		xeno_host_tls(t);
		ret = xeno_sig_queued_restart(t) ? -XENO_ERESTART : -EINTR;
	}
	xeno_flight_leave(flight, ret);
	if (__builtin_expect(xeno_trace_enabled, 0))
		xeno_tracer->call_end(t, &trap, e, ret);
	os->set_result(t, g, ret);
	if (t->sigpending || t->has_saved_mask) {
		xeno_host_tls(t);
		xeno_sig_deliver_queued(t, uc);
	}
	t->uc = NULL;
}
