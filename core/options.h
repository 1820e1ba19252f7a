/*
 * xeno's command line.  Two calling conventions reach main():
 *
 *   xeno [OPTIONS] PROGRAM [ARGUMENTS...]      run by hand or by xeno itself
 *   xeno PATH ARGV0 [ARGUMENTS...]             run by the kernel through a
 *                                              binfmt_misc entry with flag P
 *
 * The second is told apart by the auxiliary vector, not by guessing from the
 * arguments (see core/options.c).
 */
#ifndef XENO_CORE_OPTIONS_H
#define XENO_CORE_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "trace/trace.h"

struct xeno_options {
	const char *path;		 /* the program's file, as given */
	char **argv;			 /* the program's argv, argv[0] included */
	const char *root;		 /* --root DIR, or XENO_ROOT; NULL for none */
	const char *binfmt;		 /* --binfmt=ACTION; NULL to run a program */
	struct xeno_trace_options trace; /* --trace*, --record */
	bool check;			 /* --check: prepare the program, report, exit */
	bool via_binfmt;		 /* started by the kernel for a binfmt_misc entry */
};

/* Parses argv into o.  Handles --help and --version, and a bad command line
 * (message, exit status 2), itself.  Options that a further program run
 * through execve must see too are kept in xeno_proc.options. */
void xeno_parse_options(int argc, char **argv, struct xeno_options *o);

/* The usage text, for --help. */
void xeno_print_usage(FILE *out);

#endif
