/* Normalising and comparing traces (core/trace_diff.h). */
#include "trace/diff.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/personality.h"
#include "trace/filter.h"
#include "trace/format.h"
#include "trace/norm.h"
#include "trace/read.h"

#define NORMALISED_MAGIC "# xeno normalised trace 1"
#define MAX_EDITS	 1000 /* beyond this many differences, no alignment */

/* ---- thread lists ---- */

static void lines_add(struct xt_lines *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			xeno_fatal("out of memory comparing traces");
	}
	char *c = malloc(n + 1);
	if (!c)
		xeno_fatal("out of memory comparing traces");
	memcpy(c, s, n);
	c[n] = '\0';
	l->v[l->n++] = c;
}

static struct xt_lines *thread_add(struct xt_threads *th, uint32_t tid)
{
	struct xt_lines *t = realloc(th->t, (th->n + 1) * sizeof *t);
	if (!t)
		xeno_fatal("out of memory comparing traces");
	th->t = t;
	memset(&t[th->n], 0, sizeof t[th->n]);
	t[th->n].tid = tid;
	return &t[th->n++];
}

void xt_threads_free(struct xt_threads *th)
{
	for (size_t i = 0; i < th->n; i++) {
		for (size_t j = 0; j < th->t[i].n; j++)
			free(th->t[i].v[j]);
		free(th->t[i].v);
	}
	free(th->t);
	memset(th, 0, sizeof *th);
}

/* ---- from a recording ---- */

/* The thread of tid, created on first sight (threads whose creation was
 * not recorded count from their first event). */
static size_t thread_index(struct xt_threads *th, struct xt_norm **norms, uint32_t tid)
{
	for (size_t i = 0; i < th->n; i++)
		if (th->t[i].tid == tid)
			return i;
	thread_add(th, tid);
	struct xt_norm *n = realloc(*norms, th->n * sizeof *n);
	if (!n)
		xeno_fatal("out of memory comparing traces");
	*norms = n;
	xt_norm_init(&n[th->n - 1]);
	return th->n - 1;
}

int xt_normalise(struct xt_recording *r, const struct xt_filter *filter, struct xt_threads *out,
		 char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	const struct xeno_personality *os = xeno_personality_named(r->header.os);
	if (!os) {
		snprintf(err, errsize, "a recording of a %s program, which this xeno does not know",
			 r->header.os);
		return -1;
	}
	struct xt_norm *norms = NULL;
	const struct xt_format plain = {.show_tid = false, .time = XT_TIME_NONE};
	struct xt_event ev;
	int rc;
	xt_rewind(r);
	while ((rc = xt_next_event(r, &ev)) > 0) {
		size_t i = thread_index(out, &norms, ev.tid);
		if (ev.type == XT_CALL && !xt_filter_shows_event(filter, &ev))
			continue;
		struct xeno_tline l;
		tl_init(&l, os, &norms[i]);
		if (xt_format_event(&l, &ev, &plain))
			lines_add(&out->t[i], l.buf, l.n);
	}
	for (size_t i = 0; i < out->n; i++)
		xt_norm_free(&norms[i]);
	free(norms);
	if (rc < 0 || r->error[0]) {
		snprintf(err, errsize, "%s", r->error);
		xt_threads_free(out);
		return -1;
	}
	return 0;
}

/* ---- the text form ---- */

void xt_write_normalised(FILE *f, const struct xt_threads *th)
{
	fprintf(f, "%s\n", NORMALISED_MAGIC);
	for (size_t i = 0; i < th->n; i++) {
		fprintf(f, "thread %zu\n", i + 1);
		for (size_t j = 0; j < th->t[i].n; j++)
			fprintf(f, "%s\n", th->t[i].v[j]);
	}
}

int xt_read_normalised(const char *path, struct xt_threads *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsize, "%m");
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool first = true;
	struct xt_lines *cur = NULL;
	int rc = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (first && strcmp(line, NORMALISED_MAGIC) != 0) {
			snprintf(err, errsize, "neither a recording nor a normalised trace");
			rc = -1;
			break;
		}
		first = false;
		if (line[0] == '#')
			continue;
		if (strncmp(line, "thread ", 7) == 0)
			cur = thread_add(out, (uint32_t)out->n + 1);
		else if (!cur) {
			snprintf(err, errsize, "a line before the first \"thread\" header");
			rc = -1;
			break;
		} else
			lines_add(cur, line, (size_t)n);
	}
	if (first && rc == 0) {
		snprintf(err, errsize, "empty file");
		rc = -1;
	}
	free(line);
	fclose(f);
	if (rc)
		xt_threads_free(out);
	return rc;
}

/* ---- the difference: Myers' O(ND) algorithm ---- */

enum op { EQ, DEL, INS };

struct edits {
	unsigned char *op;
	size_t n, cap;
};

static void edit_add(struct edits *e, enum op o)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 256;
		e->op = realloc(e->op, e->cap);
		if (!e->op)
			xeno_fatal("out of memory comparing traces");
	}
	e->op[e->n++] = (unsigned char)o;
}

/* The shortest edit script from a to b in forward order; false when it
 * needs more than MAX_EDITS edits (then e is empty). */
static bool myers(char *const *a, size_t n, char *const *b, size_t m, struct edits *e)
{
	long max = (long)(n + m);
	long dmax = max < MAX_EDITS ? max : MAX_EDITS;
	long off = dmax + 1;
	long *v = calloc((size_t)(2 * off + 1), sizeof *v);
	long **trace = calloc((size_t)dmax + 1, sizeof *trace);
	if (!v || !trace)
		xeno_fatal("out of memory comparing traces");
	long found = -1;
	for (long d = 0; d <= dmax && found < 0; d++) {
		/* V before step d, over k = -d-1 .. d+1 */
		trace[d] = malloc((size_t)(2 * d + 3) * sizeof **trace);
		if (!trace[d])
			xeno_fatal("out of memory comparing traces");
		memcpy(trace[d], v + off - d - 1, (size_t)(2 * d + 3) * sizeof *v);
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				     ? v[off + k + 1]
				     : v[off + k - 1] + 1;
			long y = x - k;
			while (x < (long)n && y < (long)m && strcmp(a[x], b[y]) == 0)
				x++, y++;
			v[off + k] = x;
			if (x >= (long)n && y >= (long)m) {
				found = d;
				break;
			}
		}
	}
	bool ok = found >= 0;
	if (ok) {
		/* Walk back from the end, collecting edits in reverse. */
		struct edits rev = {0};
		long x = (long)n, y = (long)m;
		for (long d = found; d >= 0; d--) {
			long *pv = trace[d] + d + 1; /* pv[k] for k in -d-1 .. d+1 */
			long k = x - y;
			long pk = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
			long px = pv[pk], py = px - pk;
			while (x > px && y > py)
				edit_add(&rev, EQ), x--, y--;
			if (d > 0)
				edit_add(&rev, x == px ? INS : DEL);
			x = px, y = py;
		}
		for (size_t i = rev.n; i-- > 0;)
			edit_add(e, (enum op)rev.op[i]);
		free(rev.op);
	}
	for (long d = 0; d <= dmax; d++)
		free(trace[d]);
	free(trace);
	free(v);
	return ok;
}

/* Prints the hunks of one thread's edit script. */
static void print_hunks(const struct xt_lines *a, const struct xt_lines *b, const struct edits *e,
			int context, FILE *out)
{
	size_t i = 0;
	while (i < e->n) {
		if (e->op[i] == EQ) {
			i++;
			continue;
		}
		/* A hunk: from context lines before this change to context
		 * lines after the last change closer than 2 * context. */
		size_t start = i >= (size_t)context ? i - (size_t)context : 0;
		size_t end = i;
		for (size_t j = i; j < e->n; j++) {
			if (e->op[j] != EQ)
				end = j + 1;
			else if (j - end >= (size_t)(2 * context))
				break;
		}
		end = end + (size_t)context < e->n ? end + (size_t)context : e->n;
		size_t ai = 0, bi = 0;
		for (size_t j = 0; j < start; j++) {
			ai += e->op[j] != INS;
			bi += e->op[j] != DEL;
		}
		size_t al = 0, bl = 0;
		for (size_t j = start; j < end; j++) {
			al += e->op[j] != INS;
			bl += e->op[j] != DEL;
		}
		fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ai + (al > 0), al, bi + (bl > 0), bl);
		for (size_t j = start; j < end; j++) {
			if (e->op[j] == EQ)
				fprintf(out, " %s\n", a->v[ai++]), bi++;
			else if (e->op[j] == DEL)
				fprintf(out, "-%s\n", a->v[ai++]);
			else
				fprintf(out, "+%s\n", b->v[bi++]);
		}
		i = end;
	}
}

static const struct xt_lines empty;

int xt_diff(const struct xt_threads *a, const struct xt_threads *b, const char *name_a,
	    const char *name_b, int context, FILE *out)
{
	int differ = 0;
	size_t threads = a->n > b->n ? a->n : b->n;
	for (size_t t = 0; t < threads; t++) {
		const struct xt_lines *la = t < a->n ? &a->t[t] : &empty;
		const struct xt_lines *lb = t < b->n ? &b->t[t] : &empty;
		struct edits e = {0};
		if (!myers(la->v, la->n, lb->v, lb->n, &e)) {
			fprintf(out, "--- %s (thread %zu)\n+++ %s (thread %zu)\n", name_a, t + 1,
				name_b, t + 1);
			fprintf(out, "@@ more than %d lines differ: not aligned @@\n", MAX_EDITS);
			differ = 1;
			continue;
		}
		bool same = true;
		for (size_t i = 0; i < e.n && same; i++)
			same = e.op[i] == EQ;
		if (!same) {
			fprintf(out, "--- %s (thread %zu)\n+++ %s (thread %zu)\n", name_a, t + 1,
				name_b, t + 1);
			print_hunks(la, lb, &e, context, out);
			differ = 1;
		}
		free(e.op);
	}
	return differ;
}
