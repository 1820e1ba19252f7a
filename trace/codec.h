/*
 * The records of a recording (docs/trace-format.md), both ways: events to
 * bytes for the writer (trace_record.c), bytes to events for the reader
 * (trace_read.c).  Compression and files are theirs; this is the layout.
 */
#ifndef XENO_TRACE_CODEC_H
#define XENO_TRACE_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/event.h"

#define XT_MAGIC       "XENOTRC\n"
#define XT_MAGIC_SIZE  8
#define XT_VERSION     2    /* what the writer writes */
#define XT_VERSION_MIN 1    /* the oldest the reader reads: version 1 has no library calls */
#define XT_PREAMBLE    12   /* magic, version (u16 LE), flags (u16 LE) */
#define XT_MAX_HOST    4096 /* host calls one call record may carry */
#define XT_MAX_ARGV    4096

/* A growing byte buffer; failed is set (and nothing more appended) when
 * memory runs out. */
struct xt_buf {
	uint8_t *p;
	size_t n, cap;
	bool failed;
};

void xt_buf_free(struct xt_buf *b);
/* Appends one record for ev (XT_CALL, XT_SIGNAL, XT_THREAD, XT_EXIT). */
void xt_encode_event(struct xt_buf *b, const struct xt_event *ev);
void xt_encode_header(struct xt_buf *b, const struct xt_header *h);
/* Appends the record naming the library function whose trace number is nr
 * (core/library.h), written before the first call of it. */
void xt_encode_function(struct xt_buf *b, uint64_t nr, const char *library, const char *name);
/* The uncompressed preamble of a recording file. */
void xt_preamble(uint8_t out[XT_PREAMBLE]);

/* Reading records from memory. */
struct xt_cursor {
	const uint8_t *p, *end;
	const uint8_t *start; /* for offsets in messages */
};

enum xt_decode {
	XT_DECODED = 0,	 /* a record: *ev or *h was filled (an XT_FUNCTION record:
			  * ev->nr, and ev->library and ev->function pointing at
			  * fn_names, NUL-terminated) */
	XT_END = 1,	 /* no more records */
	XT_SKIPPED = 2,	 /* a record of a type this reader does not know */
	XT_CORRUPT = -1, /* err says why */
};

/* Decodes the next record.  Events' blobs and host calls point into the
 * cursor's memory (host calls into *host_store, an array grown as needed
 * and freed by the caller); a header's strings are allocated (free with
 * xt_header_free).  On XT_CORRUPT err holds a reason. */
#define XT_MAX_NAME 256 /* bytes of a library's or a function's name */
struct xt_fn_names {
	char library[XT_MAX_NAME + 1], function[XT_MAX_NAME + 1];
};
enum xt_decode xt_decode_record(struct xt_cursor *c, struct xt_event *ev, struct xt_header *h,
				bool *is_header, struct xeno_callrec **host_store, size_t *host_cap,
				struct xt_fn_names *fn_names, char *err, size_t errsize);
void xt_header_free(struct xt_header *h);

#endif
