/*
 * Writing a recording (--record=FILE): the preamble, then the records of
 * core/trace_codec.h through zlib.  Safe to call from several threads.
 */
#ifndef XENO_TRACE_RECORD_H
#define XENO_TRACE_RECORD_H

#include <stdbool.h>

#include "trace/event.h"

/* Creates FILE and writes the preamble and header: 0 or -errno. */
int xt_record_open(const char *path, const struct xt_header *h);
bool xt_recording(void);
void xt_record_event(const struct xt_event *ev);
/* Pushes what is buffered to the file; finish ends the zlib stream (the
 * process is about to end or be replaced).  A finished recording takes
 * further events in a new stream. */
void xt_record_flush(bool finish);
/* In a forked child: stop recording without touching the parent's file. */
void xt_record_forget(void);

#endif
