/*
 * Which foreign calls a trace shows, in the spirit of strace's -e trace=:
 * a comma-separated list of call names and %classes (syscalls.master's
 * class words), "all" or "none"; a leading "!" shows everything else.
 * Signals and the end of the process are always shown.
 */
#ifndef XENO_TRACE_FILTER_H
#define XENO_TRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_personality;

struct xt_filter {
	uint8_t *shown; /* one byte per call number of the personality */
	unsigned n;
	bool others; /* numbers beyond the table */
};

/* 0, or -1 with a one-line reason in err. */
int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    char *err, size_t errsize);
void xt_filter_free(struct xt_filter *f);
/* Whether call nr is shown; a NULL filter shows everything. */
static inline bool xt_filter_shows(const struct xt_filter *f, uint64_t nr)
{
	if (!f || !f->shown)
		return true;
	return nr < f->n ? f->shown[nr] : f->others;
}

#endif
