/*
 * The library functions a recording names (docs/trace-format.md, record 6):
 * a table from trace numbers (core/library.h) to the library's soname and
 * the function's name, and the reading xeno's own description of the
 * function, found by those names — never by the number, whose function
 * part is a position in a spec that may have changed since the recording.
 */
#ifndef XENO_TRACE_FUNCTIONS_H
#define XENO_TRACE_FUNCTIONS_H

#include <stdint.h>

#include "trace/event.h"

struct xt_recording;

/* Names the function nr from here on (a later record may name it again,
 * after an execve): 0, or -1 with a reason in r->error. */
int xt_functions_add(struct xt_recording *r, uint64_t nr, const char *library, const char *name);
/* Fills a library call's library, function and entry from the table. */
void xt_functions_attach(const struct xt_recording *r, struct xt_event *ev);
void xt_functions_clear(struct xt_recording *r);

#endif
