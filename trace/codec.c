/*
 * Record layout of recordings (docs/trace-format.md is the reference): each
 * record is a type byte, the payload's length as a varint, the payload.
 * Integers are LEB128 varints; signed ones zigzag-encoded first.
 */
#include "trace/codec.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---- */

void xt_buf_free(struct xt_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

static void reserve(struct xt_buf *b, size_t more)
{
	if (b->failed || b->n + more <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + more)
		cap *= 2;
	uint8_t *p = realloc(b->p, cap);
	if (!p) {
		b->failed = true;
		return;
	}
	b->p = p;
	b->cap = cap;
}

static void put_raw(struct xt_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return; /* p may be NULL (an absent string) */
	reserve(b, n);
	if (b->failed)
		return;
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void put_u8(struct xt_buf *b, uint8_t v)
{
	put_raw(b, &v, 1);
}

static void put_uv(struct xt_buf *b, uint64_t v)
{
	uint8_t tmp[10];
	size_t n = 0;
	do {
		uint8_t byte = v & 0x7f;
		v >>= 7;
		tmp[n++] = byte | (v ? 0x80 : 0);
	} while (v);
	put_raw(b, tmp, n);
}

static void put_sv(struct xt_buf *b, int64_t v)
{
	put_uv(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_str(struct xt_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_uv(b, n);
	put_raw(b, s, n);
}

/* A record: its payload is built in a scratch buffer first, since the
 * length that precedes it is a varint. */
static void put_record(struct xt_buf *b, uint8_t type, const struct xt_buf *payload)
{
	if (payload->failed) {
		b->failed = true;
		return;
	}
	put_u8(b, type);
	put_uv(b, payload->n);
	put_raw(b, payload->p, payload->n);
}

static void put_blobs(struct xt_buf *p, const struct xt_event *ev)
{
	put_u8(p, ev->nblobs);
	for (unsigned i = 0; i < ev->nblobs; i++) {
		const struct xt_blob *bl = &ev->blobs[i];
		put_u8(p, bl->arg);
		put_u8(p, bl->state);
		put_u8(p, bl->more);
		put_uv(p, bl->len);
		put_raw(p, bl->data, bl->len);
	}
}

void xt_encode_event(struct xt_buf *b, const struct xt_event *ev)
{
	struct xt_buf p = {0};
	put_uv(&p, ev->tid);
	put_uv(&p, (uint64_t)ev->start);
	switch (ev->type) {
	case XT_CALL:
		put_uv(&p, ev->flags);
		put_uv(&p, ev->nr);
		put_u8(&p, 8);
		for (int i = 0; i < 8; i++)
			put_uv(&p, ev->args[i]);
		put_sv(&p, ev->ret);
		put_uv(&p, ev->rval2);
		put_uv(&p, (uint64_t)(ev->end >= ev->start ? ev->end - ev->start : 0));
		put_blobs(&p, ev);
		put_uv(&p, ev->nhost);
		put_uv(&p, ev->host_dropped);
		for (unsigned i = 0; i < ev->nhost; i++) {
			put_uv(&p, ev->host[i].nr);
			for (int a = 0; a < 6; a++)
				put_uv(&p, ev->host[i].args[a]);
			put_sv(&p, ev->host[i].ret);
		}
		break;
	case XT_SIGNAL:
		put_uv(&p, ev->nr);
		put_blobs(&p, ev);
		break;
	case XT_THREAD:
		put_uv(&p, ev->parent);
		break;
	case XT_EXIT:
		put_uv(&p, ev->nr);
		put_sv(&p, ev->ret);
		break;
	}
	put_record(b, ev->type, &p);
	xt_buf_free(&p);
}

void xt_encode_header(struct xt_buf *b, const struct xt_header *h)
{
	struct xt_buf p = {0};
	put_str(&p, h->os);
	put_str(&p, h->program);
	put_str(&p, h->xeno_version);
	put_sv(&p, h->wall_sec);
	put_sv(&p, h->wall_nsec);
	put_uv(&p, h->pid);
	put_uv(&p, h->argc);
	for (uint32_t i = 0; i < h->argc; i++)
		put_str(&p, h->argv[i]);
	put_record(b, XT_HEADER, &p);
	xt_buf_free(&p);
}

void xt_encode_function(struct xt_buf *b, uint64_t nr, const char *library, const char *name)
{
	struct xt_buf p = {0};
	put_uv(&p, nr);
	put_str(&p, library);
	put_str(&p, name);
	put_record(b, XT_FUNCTION, &p);
	xt_buf_free(&p);
}

void xt_preamble(uint8_t out[XT_PREAMBLE])
{
	memcpy(out, XT_MAGIC, XT_MAGIC_SIZE);
	out[8] = XT_VERSION & 0xff;
	out[9] = XT_VERSION >> 8;
	out[10] = out[11] = 0;
}

/* ---- reading ---- */

/* A bounded reader over one payload: any overrun sets bad. */
struct rd {
	const uint8_t *p, *end;
	bool bad;
	const char *why;
};

static void fail(struct rd *r, const char *why)
{
	if (!r->bad)
		r->why = why;
	r->bad = true;
	r->p = r->end;
}

static uint64_t get_uv(struct rd *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			fail(r, "a number runs past the end of its record");
			return 0;
		}
		uint8_t byte = *r->p++;
		v |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80))
			return v;
	}
	fail(r, "a number is longer than 64 bits");
	return 0;
}

static int64_t get_sv(struct rd *r)
{
	uint64_t u = get_uv(r);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

static uint8_t get_u8(struct rd *r)
{
	if (r->p >= r->end) {
		fail(r, "a field runs past the end of its record");
		return 0;
	}
	return *r->p++;
}

static const uint8_t *get_raw(struct rd *r, uint64_t n)
{
	if (n > (uint64_t)(r->end - r->p)) {
		fail(r, "bytes run past the end of their record");
		return NULL;
	}
	const uint8_t *q = r->p;
	r->p += n;
	return q;
}

static char *get_str(struct rd *r)
{
	uint64_t n = get_uv(r);
	const uint8_t *q = get_raw(r, n);
	if (!q)
		return NULL;
	if (memchr(q, '\0', (size_t)n)) {
		fail(r, "a string holds a NUL byte");
		return NULL;
	}
	char *s = malloc((size_t)n + 1);
	if (!s) {
		fail(r, "out of memory");
		return NULL;
	}
	memcpy(s, q, (size_t)n);
	s[n] = '\0';
	return s;
}

static void get_blobs(struct rd *r, struct xt_event *ev)
{
	uint8_t n = get_u8(r);
	if (n > XT_MAX_BLOBS) {
		fail(r, "too many captured arguments");
		return;
	}
	for (unsigned i = 0; i < n && !r->bad; i++) {
		struct xt_blob *bl = &ev->blobs[i];
		bl->arg = get_u8(r);
		bl->state = get_u8(r);
		bl->more = get_u8(r);
		uint64_t len = get_uv(r);
		if (len > XT_POOL_SIZE) {
			fail(r, "a captured argument is larger than any xeno keeps");
			return;
		}
		bl->len = (uint32_t)len;
		bl->data = get_raw(r, len);
		if ((bl->arg >= 8 && bl->arg != XT_BLOB_SIGINFO) || bl->state > XT_CAP_FAULT) {
			fail(r, "a captured argument is malformed");
			return;
		}
	}
	ev->nblobs = r->bad ? 0 : n;
}

static void get_host(struct rd *r, struct xt_event *ev, struct xeno_callrec **store, size_t *cap)
{
	uint64_t n = get_uv(r);
	ev->host_dropped = (uint32_t)get_uv(r);
	if (n > XT_MAX_HOST || n > (uint64_t)(r->end - r->p) / 8) {
		fail(r, "too many host calls");
		return;
	}
	if (n > *cap) {
		struct xeno_callrec *s = realloc(*store, (size_t)n * sizeof *s);
		if (!s) {
			fail(r, "out of memory");
			return;
		}
		*store = s;
		*cap = (size_t)n;
	}
	for (uint64_t i = 0; i < n && !r->bad; i++) {
		struct xeno_callrec *h = &(*store)[i];
		h->nr = get_uv(r);
		for (int a = 0; a < 6; a++)
			h->args[a] = get_uv(r);
		h->ret = get_sv(r);
	}
	ev->nhost = (uint16_t)n;
	ev->host = *store;
}

static void get_call(struct rd *r, struct xt_event *ev, struct xeno_callrec **store, size_t *cap)
{
	ev->flags = (uint8_t)get_uv(r);
	ev->nr = get_uv(r);
	uint8_t nargs = get_u8(r);
	if (nargs > 8) {
		fail(r, "more than eight arguments");
		return;
	}
	for (unsigned i = 0; i < nargs; i++)
		ev->args[i] = get_uv(r);
	ev->ret = get_sv(r);
	ev->rval2 = get_uv(r);
	/* start is below 2^63 (get_event masks it): saturate, do not wrap. */
	uint64_t took = get_uv(r);
	ev->end = took > (uint64_t)(INT64_MAX - ev->start) ? INT64_MAX : ev->start + (int64_t)took;
	get_blobs(r, ev);
	get_host(r, ev, store, cap);
}

static void get_header(struct rd *r, struct xt_header *h)
{
	memset(h, 0, sizeof *h);
	h->os = get_str(r);
	h->program = get_str(r);
	h->xeno_version = get_str(r);
	h->wall_sec = get_sv(r);
	h->wall_nsec = get_sv(r);
	if (h->wall_nsec < 0 || h->wall_nsec >= 1000000000 || h->wall_sec < 0 ||
	    h->wall_sec > ((int64_t)1 << 40))
		fail(r, "the start time is out of range");
	h->pid = (uint32_t)get_uv(r);
	uint64_t argc = get_uv(r);
	if (r->bad)
		return;
	if (argc > XT_MAX_ARGV || argc > (uint64_t)(r->end - r->p)) {
		fail(r, "too many program arguments");
		return;
	}
	const char **argv = calloc((size_t)argc + 1, sizeof *argv);
	if (!argv) {
		fail(r, "out of memory");
		return;
	}
	h->argv = argv;
	for (uint64_t i = 0; i < argc && !r->bad; i++) {
		argv[i] = get_str(r);
		h->argc = (uint32_t)i + 1;
	}
}

/* A name of a function record into out: 1 to XT_MAX_NAME bytes, no NUL. */
static void get_name(struct rd *r, char out[XT_MAX_NAME + 1])
{
	uint64_t n = get_uv(r);
	const uint8_t *q = get_raw(r, n);
	if (!q)
		return;
	if (n == 0 || n > XT_MAX_NAME || memchr(q, '\0', (size_t)n)) {
		fail(r, "a function's or library's name is empty, too long or holds a NUL");
		return;
	}
	memcpy(out, q, (size_t)n);
	out[n] = '\0';
}

static void get_function(struct rd *r, struct xt_event *ev, struct xt_fn_names *names)
{
	ev->nr = get_uv(r);
	get_name(r, names->library);
	get_name(r, names->function);
	if (!r->bad && (ev->nr >> 32) == 0)
		fail(r, "a function record names a system call's number");
	ev->library = names->library;
	ev->function = names->function;
}

void xt_header_free(struct xt_header *h)
{
	free((char *)h->os);
	free((char *)h->program);
	free((char *)h->xeno_version);
	for (uint32_t i = 0; h->argv && i < h->argc; i++)
		free((char *)h->argv[i]);
	free((void *)h->argv);
	memset(h, 0, sizeof *h);
}

enum xt_decode xt_decode_record(struct xt_cursor *c, struct xt_event *ev, struct xt_header *h,
				bool *is_header, struct xeno_callrec **host_store, size_t *host_cap,
				struct xt_fn_names *fn_names, char *err, size_t errsize)
{
	*is_header = false;
	if (c->p >= c->end)
		return XT_END;
	size_t at = (size_t)(c->p - c->start);
	struct rd outer = {c->p, c->end, false, NULL};
	uint8_t type = get_u8(&outer);
	uint64_t len = get_uv(&outer);
	const uint8_t *payload = outer.bad ? NULL : get_raw(&outer, len);
	if (!payload) {
		snprintf(err, errsize, "truncated: the record at byte %zu ends early", at);
		return XT_CORRUPT;
	}
	c->p = outer.p;
	struct rd r = {payload, payload + len, false, NULL};
	memset(ev, 0, sizeof *ev);
	ev->type = type;
	if (type == XT_HEADER) {
		*is_header = true;
		get_header(&r, h);
	} else if (type == XT_FUNCTION) {
		get_function(&r, ev, fn_names);
	} else if (type >= XT_CALL && type <= XT_EXIT) {
		uint64_t tid = get_uv(&r);
		ev->tid = (uint32_t)tid;
		ev->start = (int64_t)(get_uv(&r) & INT64_MAX);
		if (tid > UINT32_MAX)
			fail(&r, "a thread id is out of range");
		else if (type == XT_CALL)
			get_call(&r, ev, host_store, host_cap);
		else if (type == XT_SIGNAL) {
			ev->nr = get_uv(&r);
			get_blobs(&r, ev);
		} else if (type == XT_THREAD) {
			ev->parent = (uint32_t)get_uv(&r);
		} else {
			ev->nr = get_uv(&r);
			ev->ret = get_sv(&r);
		}
	} else {
		return XT_SKIPPED; /* newer minor kinds of record are skipped */
	}
	if (r.bad) {
		snprintf(err, errsize, "corrupt record at byte %zu: %s", at, r.why);
		if (*is_header)
			xt_header_free(h);
		return XT_CORRUPT;
	}
	return XT_DECODED;
}
