/* Reading recordings (core/trace_read.h). */
#include "trace/read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "trace/functions.h"

size_t xt_read_limit = (size_t)1 << 30;

#define MAX_FILE ((size_t)1 << 31)

static int failed(struct xt_recording *r, const char *fmt, const char *detail)
{
	snprintf(r->error, sizeof r->error, fmt, detail);
	return -1;
}

/* Inflates the zlib streams that follow the preamble, back to back. */
static int inflate_body(struct xt_recording *r, const uint8_t *p, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return failed(r, "%s", "cannot start zlib");
	size_t cap = n * 4 + 4096 < xt_read_limit ? n * 4 + 4096 : xt_read_limit;
	r->body = malloc(cap);
	if (!r->body) {
		inflateEnd(&z);
		return failed(r, "%s", "out of memory");
	}
	z.next_in = (Bytef *)p;
	z.avail_in = (uInt)n;
	int rc = Z_OK;
	for (;;) {
		if (r->size == cap) {
			if (cap >= xt_read_limit) {
				inflateEnd(&z);
				return failed(
				    r, "%s",
				    "corrupt: the records inflate beyond the reader's limit");
			}
			size_t ncap = cap * 2 < xt_read_limit ? cap * 2 : xt_read_limit;
			uint8_t *b = realloc(r->body, ncap);
			if (!b) {
				inflateEnd(&z);
				return failed(r, "%s", "out of memory");
			}
			r->body = b;
			cap = ncap;
		}
		z.next_out = r->body + r->size;
		z.avail_out = (uInt)(cap - r->size);
		rc = inflate(&z, Z_NO_FLUSH);
		r->size = cap - z.avail_out;
		if (rc == Z_STREAM_END) {
			if (z.avail_in == 0)
				break;
			inflateReset(&z); /* another stream follows (after an execve) */
			continue;
		}
		if (rc == Z_BUF_ERROR && z.avail_in == 0) {
			inflateEnd(&z);
			return failed(r, "%s", "truncated: the compressed records end early");
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			inflateEnd(&z);
			return failed(r, "corrupt: zlib says \"%s\"", z.msg ? z.msg : "data error");
		}
	}
	inflateEnd(&z);
	return 0;
}

int xt_load_memory(const uint8_t *p, size_t n, struct xt_recording *r)
{
	memset(r, 0, sizeof *r);
	if (n < XT_PREAMBLE || memcmp(p, XT_MAGIC, XT_MAGIC_SIZE) != 0)
		return failed(r, "%s", "not a xeno recording (no XENOTRC magic)");
	unsigned version = p[8] | p[9] << 8;
	if (version < XT_VERSION_MIN || version > XT_VERSION) {
		char v[16];
		snprintf(v, sizeof v, "%u", version);
		return failed(
		    r, "a recording of format version %s; this xeno reads versions 1 and 2", v);
	}
	int rc = inflate_body(r, p + XT_PREAMBLE, n - XT_PREAMBLE);
	r->cursor = (struct xt_cursor){r->body, r->body + r->size, r->body};
	if (rc == 0 && r->size == 0)
		return failed(r, "%s", "truncated: no records");
	/* The header comes first: read it now, so callers have it. */
	struct xt_event ev;
	bool is_header;
	char err[200];
	if (r->size > 0) {
		enum xt_decode d =
		    xt_decode_record(&r->cursor, &ev, &r->header, &is_header, &r->host,
				     &r->host_cap, &r->names, err, sizeof err);
		if (d == XT_CORRUPT)
			return failed(r, "%s", err);
		if (d != XT_DECODED || !is_header)
			return failed(r, "%s", "corrupt: the first record is not the header");
		r->have_header = true;
	}
	return rc;
}

int xt_load_file(const char *path, struct xt_recording *r)
{
	memset(r, 0, sizeof *r);
	FILE *f = fopen(path, "rb");
	if (!f)
		return failed(r, "%s", strerror(errno));
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			uint8_t *b = cap <= MAX_FILE ? realloc(buf, cap) : NULL;
			if (!b) {
				free(buf);
				fclose(f);
				return failed(r, "%s", "too large to read");
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		return failed(r, "%s", "read error");
	}
	int rc = xt_load_memory(buf, n, r);
	free(buf);
	return rc;
}

void xt_recording_free(struct xt_recording *r)
{
	free(r->body);
	free(r->host);
	xt_functions_clear(r);
	if (r->have_header)
		xt_header_free(&r->header);
	memset(r, 0, sizeof *r);
}

void xt_rewind(struct xt_recording *r)
{
	r->cursor.p = r->body;
	xt_functions_clear(r);
	struct xt_event ev;
	struct xt_header h;
	bool is_header;
	char err[200];
	/* Skip the header (already read by xt_load_memory). */
	if (r->have_header &&
	    xt_decode_record(&r->cursor, &ev, &h, &is_header, &r->host, &r->host_cap, &r->names,
			     err, sizeof err) == XT_DECODED &&
	    is_header)
		xt_header_free(&h);
}

int xt_next_event(struct xt_recording *r, struct xt_event *ev)
{
	for (;;) {
		struct xt_header h;
		bool is_header;
		char err[200];
		enum xt_decode d = xt_decode_record(&r->cursor, ev, &h, &is_header, &r->host,
						    &r->host_cap, &r->names, err, sizeof err);
		if (d == XT_END)
			return 0;
		if (d == XT_CORRUPT) {
			snprintf(r->error, sizeof r->error, "%s", err);
			r->cursor.p = r->cursor.end;
			return -1;
		}
		if (d == XT_SKIPPED)
			continue;
		if (is_header) {
			xt_header_free(&h);
			snprintf(r->error, sizeof r->error, "corrupt: a second header record");
			r->cursor.p = r->cursor.end;
			return -1;
		}
		if (ev->type == XT_FUNCTION) {
			if (xt_functions_add(r, ev->nr, ev->library, ev->function) < 0) {
				r->cursor.p = r->cursor.end;
				return -1;
			}
			continue;
		}
		if (ev->type == XT_CALL)
			xt_functions_attach(r, ev);
		return 1;
	}
}
