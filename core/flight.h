/*
 * The flight recorder: each thread keeps its last XENO_FLIGHT_CALLS foreign
 * calls (number, arguments, result) in a ring inside its struct xeno_thread,
 * always, whether tracing is on or not.  Recording one is a handful of
 * stores on the dispatcher's path; the ring is printed only when the guest
 * dies of a crash signal or xeno hits an internal error (xeno_fatal).
 * Building with -DXENO_NO_TRACE compiles the recorder out.
 */
#ifndef XENO_CORE_FLIGHT_H
#define XENO_CORE_FLIGHT_H

#include <stdint.h>
#include <string.h>

#define XENO_FLIGHT_CALLS 64 /* a power of two */

/* A call as trapped and its host result (a value or -host errno); the
 * shape of the flight recorder's entries and of captured host calls. */
struct xeno_callrec {
	uint64_t nr;
	uint64_t args[6];
	int64_t ret;
};

/* ret of a call that has not returned (yet, or ever). */
#define XENO_CALL_PENDING INT64_MIN

struct xeno_flight {
	uint64_t count; /* calls recorded so far */
	struct xeno_callrec ring[XENO_FLIGHT_CALLS];
};

/* Notes a call about to run (nr: its trace number, core/library.h): what
 * xeno_flight_leave completes.  Library calls nest (a shim calls guest code
 * that calls the library again), so the entry is found again by its place
 * in the sequence: one overwritten meanwhile is left alone. */
static inline uint64_t xeno_flight_enter(struct xeno_flight *f, uint64_t nr, const uint64_t *args)
{
#ifdef XENO_NO_TRACE
	(void)f, (void)nr, (void)args;
	return 0;
#else
	uint64_t seq = f->count++;
	struct xeno_callrec *r = &f->ring[seq & (XENO_FLIGHT_CALLS - 1)];
	r->nr = nr;
	memcpy(r->args, args, sizeof r->args);
	r->ret = XENO_CALL_PENDING;
	return seq;
#endif
}

static inline void xeno_flight_leave(struct xeno_flight *f, uint64_t seq, long ret)
{
#ifdef XENO_NO_TRACE
	(void)f, (void)seq, (void)ret;
#else
	if (f->count - seq <= XENO_FLIGHT_CALLS)
		f->ring[seq & (XENO_FLIGHT_CALLS - 1)].ret = ret;
#endif
}

#endif
