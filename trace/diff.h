/*
 * Comparing traces: each is turned into normalised lines per thread
 * (threads in order of creation, values that differ from run to run
 * renumbered or masked, core/trace_line.h), then the threads are compared
 * pairwise and their differences shown as unified diffs.
 */
#ifndef XENO_TRACE_DIFF_H
#define XENO_TRACE_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct xt_recording;
struct xt_filter;
struct xeno_personality;

struct xt_lines {
	uint32_t tid; /* in the trace it came from (0 if unknown) */
	char **v;
	size_t n, cap;
};

/* A trace as normalised lines, one list per thread. */
struct xt_threads {
	struct xt_lines *t;
	size_t n;
};

void xt_threads_free(struct xt_threads *th);

/* Normalises a loaded recording (filter may be NULL): 0, or -1 with err. */
int xt_normalise(struct xt_recording *r, const struct xt_filter *filter, struct xt_threads *out,
		 char *err, size_t errsize);
/* Reads the text form xt_write_normalised writes (a golden trace). */
int xt_read_normalised(const char *path, struct xt_threads *out, char *err, size_t errsize);
/* Writes the text form: "thread N" headers, then the lines. */
void xt_write_normalised(FILE *f, const struct xt_threads *th);

/* Shows how b differs from a as unified diffs per thread, with context
 * lines: 0 if they are the same, 1 if not. */
int xt_diff(const struct xt_threads *a, const struct xt_threads *b, const char *name_a,
	    const char *name_b, int context, FILE *out);

#endif
