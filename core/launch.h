/*
 * Getting a foreign program ready to run: its file parsed and judged, its
 * segments mapped, its initial stack built — everything short of entering
 * it.  `xeno PROGRAM` then enters it; `xeno --check PROGRAM` reports what
 * was prepared instead (core/check.c); the loader fuzzer (tests/fuzz/) runs
 * the same steps on bytes in memory.
 */
#ifndef XENO_CORE_LAUNCH_H
#define XENO_CORE_LAUNCH_H

#include <stdbool.h>

#include "core/personality.h"
#include "loader/image.h"

struct xeno_launch {
	struct xeno_image img;
	const struct xeno_personality *os;
	struct xeno_entry entry;
	bool dynamic; /* linked by xeno (loader/link.h) */
};

/* Whether xeno can run the parsed image (its OS, whether it is dynamically
 * linked): 0, or XENO_LOAD_BAD with img->reason set. */
int xeno_image_check_runnable(struct xeno_image *img);

/* The second half of xeno_launch_prepare, for an image parsed, judged and
 * mapped (l->os set): links a dynamically linked program (loader/link.h),
 * builds the initial stack, sets the entry.  0, or XENO_LOAD_BAD with the
 * reason in l->img.reason.  The loader fuzzer runs it on images in memory. */
int xeno_launch_finish(struct xeno_launch *l, char **argv, char **envp);

/* Parses, judges and maps the program at path and builds its initial stack
 * from argv and envp; sets what xeno_proc records of the program.  0, or
 * the exit status (XENO_LOAD_BAD, XENO_LOAD_MISSING) after a one-line
 * message "xeno: PATH: reason". */
int xeno_launch_prepare(struct xeno_launch *l, const char *path, char **argv, char **envp);

#endif
