/*
 * Reading recordings (docs/trace-format.md): the whole body is inflated into
 * memory, then walked record by record.  Nothing a file holds can make the
 * reader overrun a buffer; a corrupt or truncated file gives one message.
 */
#ifndef XENO_TRACE_READ_H
#define XENO_TRACE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/codec.h"
#include "trace/event.h"

/* The largest body the reader inflates (a guard against zlib bombs). */
extern size_t xt_read_limit;

/* A library function a recording named (its XT_FUNCTION record). */
struct xt_function {
	uint64_t nr; /* its trace number; 0: a free slot */
	char *library, *name;
	const struct xeno_sysent *entry; /* the reading xeno's description, or NULL */
};

struct xt_recording {
	uint8_t *body; /* the inflated records */
	size_t size;
	struct xt_header header;
	bool have_header;
	/* iteration */
	struct xt_cursor cursor;
	struct xeno_callrec *host;
	size_t host_cap;
	/* the library functions named so far: a table by number */
	struct xt_function *functions;
	size_t nfunctions, functions_cap;
	struct xt_fn_names names;
	char error[256]; /* why reading stopped early, "" if it did not */
};

/* Loads a recording: 0, or -1 with r->error set.  After a failure the
 * records inflated before the damage may still be walked. */
int xt_load_file(const char *path, struct xt_recording *r);
int xt_load_memory(const uint8_t *p, size_t n, struct xt_recording *r);
void xt_recording_free(struct xt_recording *r);

/* The next event (the header and the names of library functions are taken
 * in passing: a call of a library function comes with its library, name
 * and, when the reading xeno knows it, description): 1, 0 at the end, or
 * -1 with r->error set. */
int xt_next_event(struct xt_recording *r, struct xt_event *ev);
/* Restarts the walk from the first record. */
void xt_rewind(struct xt_recording *r);

#endif
