/*
 * Reads a recording from memory and uses every part of it as `xeno trace
 * show` and `diff` would: shared by the fuzz target and the unit test that
 * replays the seeds and past crashes (tests/unit/test_trace_corpus.c).
 */
#ifndef XENO_TESTS_FUZZ_TRACE_WALK_H
#define XENO_TESTS_FUZZ_TRACE_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "core/personality.h"
#include "trace/diff.h"
#include "trace/format.h"
#include "trace/read.h"
#include "loader/image.h"

/* Returns the number of events read. */
static inline size_t xt_fuzz_walk(const uint8_t *data, size_t size)
{
	xt_read_limit = (size_t)16 << 20; /* bombs stop early, not out of memory */
	struct xt_recording r;
	size_t events = 0;
	if (xt_load_memory(data, size, &r) == 0 || r.have_header) {
		const struct xeno_personality *os = xeno_personality_named(r.header.os);
		if (!os)
			os = xeno_personality_named("freebsd");
		const struct xt_format f[2] = {
		    {.show_tid = true, .time = XT_TIME_ELAPSED, .durations = true},
		    {.time = XT_TIME_WALL,
		     .wall_sec = r.header.wall_sec,
		     .wall_nsec = r.header.wall_nsec},
		};
		struct xt_event ev;
		while (xt_next_event(&r, &ev) > 0) {
			struct xeno_tline l;
			tl_init(&l, os, NULL);
			xt_format_event(&l, &ev, &f[events % 2]);
			for (unsigned i = 0; i < ev.nhost; i++) {
				tl_init(&l, os, NULL);
				xt_format_host(&l, &ev.host[i]);
			}
			events++;
		}
		struct xt_threads th;
		char err[256];
		if (r.header.os && xt_normalise(&r, NULL, &th, err, sizeof err) == 0)
			xt_threads_free(&th);
	}
	xt_recording_free(&r);
	return events;
}

#endif
