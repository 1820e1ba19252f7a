/*
 * What the tracer knows about one moment of a traced process: an event.
 * Live tracing captures an event from the running thread (trace_capture.c)
 * and formats it (trace_format.c); --record encodes the same event
 * (trace_codec.c) and `xeno trace show` decodes and formats it later, so the
 * formatter never reads guest memory: everything it shows of strings,
 * buffers and structures is in the event's blobs.
 */
#ifndef XENO_TRACE_EVENT_H
#define XENO_TRACE_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/flight.h"

#define XT_STR_SHOWN	32 /* bytes of a string or buffer shown, as strace's -s 32 */
#define XT_ELEMS_SHOWN	8  /* elements of an array of structures shown */
#define XT_MAX_BLOBS	8
#define XT_POOL_SIZE	2048 /* bytes of guest memory one event keeps */
#define XT_BLOB_SIGINFO 0xff /* blob.arg of a signal's foreign siginfo */

enum xt_type {
	XT_HEADER = 1,	 /* recordings only: what was traced */
	XT_CALL = 2,	 /* a foreign call */
	XT_SIGNAL = 3,	 /* a signal delivered to a guest handler */
	XT_THREAD = 4,	 /* a thread began */
	XT_EXIT = 5,	 /* the process ended */
	XT_FUNCTION = 6, /* recordings only: a library function's trace number named */
};

/* XT_CALL flags */
enum {
	XT_UNFINISHED = 1 << 0, /* no result: the call does not return (exit, execve) */
	XT_RVAL2 = 1 << 1,	/* rval2 holds a second result (RDX) */
	XT_RESTART = 1 << 2,	/* interrupted: the guest re-issues it */
	XT_RAW_RESULT = 1 << 3, /* ret is what the handler left in RAX itself */
};

/* XT_EXIT kinds */
enum { XT_EXITED = 0, XT_KILLED = 1 };

/* Guest bytes the formatter needs, captured when the event happened. */
enum { XT_CAP_OK = 0, XT_CAP_FAULT = 1 };

struct xt_blob {
	uint8_t arg;   /* the argument's index, or XT_BLOB_SIGINFO */
	uint8_t state; /* XT_CAP_* */
	uint8_t more;  /* the guest had more than was kept */
	uint32_t len;
	const uint8_t *data;
};

struct xeno_sysent;

struct xt_event {
	uint8_t type;
	uint8_t flags;
	uint32_t tid;
	uint32_t parent; /* XT_THREAD: the creating thread (0: the first) */
	uint64_t nr;	 /* XT_CALL: trace number (core/library.h); XT_SIGNAL: host
			  * signal; XT_EXIT: XT_EXITED or XT_KILLED */
	/* XT_CALL of a library function: its description (NULL when xeno has
	 * none: a function made at run time, or one the reading xeno does not
	 * know), its library's soname and its name (NULL if unknown).  A system
	 * call's description is the personality's, found by its number. */
	const struct xeno_sysent *entry;
	const char *library;
	const char *function;
	uint64_t args[8];
	int64_t ret; /* XT_CALL: host result (value or -host errno);
		      * XT_EXIT: exit status or host signal */
	uint64_t rval2;
	int64_t start, end; /* ns since the trace began */
	uint8_t nblobs;
	struct xt_blob blobs[XT_MAX_BLOBS];
	uint16_t nhost; /* host calls made for this call */
	uint32_t host_dropped;
	const struct xeno_callrec *host;
};

/* What a recording's XT_HEADER says. */
struct xt_header {
	const char *os;	     /* personality name: "freebsd" */
	const char *program; /* the guest program's path */
	const char *xeno_version;
	uint32_t argc;
	const char *const *argv;
	int64_t wall_sec, wall_nsec; /* when the trace began (CLOCK_REALTIME) */
	uint32_t pid;
};

/* The blob of argument arg, or NULL. */
static inline const struct xt_blob *xt_blob_of(const struct xt_event *ev, unsigned arg)
{
	for (unsigned i = 0; i < ev->nblobs; i++)
		if (ev->blobs[i].arg == arg)
			return &ev->blobs[i];
	return NULL;
}

#endif
