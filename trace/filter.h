/*
 * Which foreign calls a trace shows, in the spirit of strace's -e trace=:
 * a comma-separated list of call names and %classes (syscalls.master's
 * and the library specs' class words), "all" or "none"; a leading "!"
 * shows everything else.  Names are the system calls' and the shim
 * libraries' functions alike.
 * Signals and the end of the process are always shown.
 */
#ifndef XENO_TRACE_FILTER_H
#define XENO_TRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_personality;

#define XT_FILTER_TABLES 16 /* the system calls and up to 15 shim libraries */

struct xt_filter {
	uint8_t *shown; /* one byte per call of each table, the tables in turn */
	unsigned ntables;
	struct {
		unsigned id;	/* 0: the system calls; else a library's (core/library.h) */
		unsigned n;	/* its calls */
		unsigned first; /* its first byte in shown */
	} tables[XT_FILTER_TABLES];
	bool others; /* numbers beyond the tables */
};

/* 0, or -1 with a one-line reason in err. */
int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    char *err, size_t errsize);
void xt_filter_free(struct xt_filter *f);
/* Whether call nr (as traces number it, core/call.h) is shown; a NULL
 * filter shows everything. */
static inline bool xt_filter_shows(const struct xt_filter *f, uint64_t nr)
{
	if (!f || !f->shown)
		return true;
	unsigned id = (unsigned)(nr >> 16);
	uint64_t i = id ? nr & 0xffff : nr;
	for (unsigned t = 0; t < f->ntables; t++)
		if (f->tables[t].id == id)
			return i < f->tables[t].n ? f->shown[f->tables[t].first + i] : f->others;
	return f->others;
}

#endif
