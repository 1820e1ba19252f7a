/*
 * Which foreign calls a trace shows, in the spirit of strace's -e trace=:
 * a comma-separated list of words, "all" or "none"; a leading "!" shows
 * everything else.  A word is
 *   NAME        the system call NAME and the library functions NAME
 *   LIB:NAME    the function NAME of the library LIB (its soname)
 *   LIB:        every function of the library LIB
 *   %CLASS      the calls syscalls.master or a spec gives that class
 *   %lib        every library function (so "!%lib": system calls only)
 * and a leading "?" keeps quiet about a word that names nothing.  Signals
 * and the end of the process are always shown.
 */
#ifndef XENO_TRACE_FILTER_H
#define XENO_TRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/event.h"

struct xeno_personality;

/* The functions of one of the personality's libraries the filter shows. */
struct xt_filter_lib {
	unsigned id;
	uint8_t *shown; /* one byte per function */
	unsigned n;
};

struct xt_filter {
	uint8_t *shown; /* one byte per system call number of the personality */
	unsigned n;
	bool others; /* numbers beyond the table */
	struct xt_filter_lib *libs;
	unsigned nlibs;
	/* The words, for the functions of tables made at run time (imports
	 * nothing defines), which are matched by library and name when called. */
	char **words;
	unsigned nwords;
	bool negate;
};

/* 0, or -1 with a one-line reason in err.  Tables made at run time so far
 * (core/library.h) count as names the words may use; for calls read from a
 * recording (recorded), whose functions made at run time are not known in
 * advance, a LIB: or LIB:NAME word is taken as it is. */
int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    bool recorded, char *err, size_t errsize);
void xt_filter_free(struct xt_filter *f);
/* Whether the call with trace number tnr (core/library.h) is shown: its
 * library's soname and its name say which it is when the number cannot
 * (a table made at run time).  A NULL filter shows everything. */
bool xt_filter_shows(const struct xt_filter *f, uint64_t tnr, const char *library,
		     const char *name);
/* The same for a call event. */
bool xt_filter_shows_event(const struct xt_filter *f, const struct xt_event *ev);

#endif
