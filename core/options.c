/* xeno's command line: options, the program and its arguments. */
#include "core/options.h"

#include <linux/binfmts.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "core/brand.h"
#include "core/call.h"
#include "core/patch.h"
#include "core/stats.h"
#include "core/process.h"

#ifndef XENO_VERSION
#define XENO_VERSION "0.1.0"
#endif

/* The usage text; the OSes it names come from the brand records. */
static const char usage_format[] =
    "usage: xeno [OPTIONS] PROGRAM [ARGUMENTS...]\n"
    "       xeno --check PROGRAM\n"
    "       xeno --binfmt=install|uninstall|status\n"
    "       xeno trace show|diff ...   (xeno trace --help says more)\n"
    "Runs an x86-64 program built for %s on Linux, in this process.\n"
    "\n"
    "Options (they end at the program's name):\n"
    "  --trace[=FILE]  print each foreign system call, strace-style, to FILE or\n"
    "                  standard error (XENO_TRACE=1 in the environment does the same)\n"
    "  --trace=host[:FILE]  the same, with the host system calls xeno made for each\n"
    "                  call indented under it\n"
    "  --trace-filter=EXPR  trace only these calls: names and classes, comma-\n"
    "                  separated (read,write,%%file); !EXPR: all but these; classes:\n"
    "                  %%file %%desc %%process %%signal %%memory %%network %%ipc %%clock %%creds;\n"
    "                  library functions: LIB:NAME (libc.so.7:open), LIB: (all of\n"
    "                  the library), %%lib (every library function)\n"
    "  --trace-time[=wall|elapsed]  start each line with the time (wall: local\n"
    "                  time of day, 12:34:56.123456; elapsed: seconds since start)\n"
    "  --trace-durations  end each line with the time the call took, <0.000012>\n"
    "  --trace-append  add to the trace FILE instead of replacing it\n"
    "  --record=FILE   write a compressed recording of the run to FILE, for\n"
    "                  `xeno trace show FILE` and `xeno trace diff A B`\n"
    "  --strict        an unimplemented system call ends the program (SIGSYS)\n"
    "                  instead of failing with ENOSYS\n"
    "  --stats         at exit, say how many system calls were trapped, how many\n"
    "                  went through patched call sites (and how many sites were\n"
    "                  patched), and how many signals were delivered\n"
    "  --no-patch      trap every system call: patch no call site to enter xeno\n"
    "                  directly (XENO_PATCH=0 in the environment does the same)\n"
    "  --argv0=NAME    the program's argv[0] (default: PROGRAM as given)\n"
    "  --root=DIR      look absolute paths up under DIR first, then on the host\n"
    "                  (a compat root; XENO_ROOT=DIR in the environment does the same)\n"
    "  --check         load and prepare PROGRAM without running it: print what\n"
    "                  was found (format, OS, segments, entry, stack) and exit 0,\n"
    "                  or say why it cannot run and exit 126\n"
    "  --binfmt=ACTION install, uninstall or show (status) the binfmt_misc entries\n"
    "                  that let the kernel start %s\n"
    "                  programs through xeno directly (./program)\n"
    "  -h, --help      show this help and exit\n"
    "  -V, --version   show the version and exit\n"
    "\n"
    "When the program dies of a crash signal (SIGSEGV, SIGBUS...) or xeno of an\n"
    "internal error, the last 64 system calls of each thread are printed on\n"
    "standard error; not for a signal the program sent itself (abort), which\n"
    "prints them only into the --trace output.  A program named \"trace\" runs\n"
    "as xeno ./trace.\n"
    "\n"
    "Exit status: the program's own; 126 if the file is not a program xeno can\n"
    "run (the reason is printed), 127 if it does not exist.\n";

static int runs(const struct xeno_brand *b)
{
	return b->personality != NULL;
}

static int has_binfmt_entry(const struct xeno_brand *b)
{
	return b->format == XENO_FORMAT_ELF && b->elf_osabi != 0;
}

void xeno_print_usage(FILE *out)
{
	char run[256], binfmt[256];
	xeno_brand_titles(run, sizeof run, runs);
	xeno_brand_titles(binfmt, sizeof binfmt, has_binfmt_entry);
	fprintf(out, usage_format, run, binfmt);
}

__attribute__((format(printf, 1, 2))) static _Noreturn void bad_command_line(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("xeno: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	xeno_print_usage(stderr);
	exit(2);
}

/* The value of "--name=VALUE" or "--name VALUE" (which consumes the next
 * argument), or NULL if a is not the option name. */
static const char *option_value(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc)
		bad_command_line("option '%s' needs a value", name);
	return argv[++*i];
}

/*
 * A binfmt_misc entry with the P flag (preserve argv[0]) makes the kernel
 * start "xeno PATH ARGV0 ARGUMENTS..." and say so in the auxiliary vector:
 * AT_FLAGS bit AT_FLAGS_PRESERVE_ARGV0 (Linux 5.12, fs/binfmt_misc.c and
 * include/uapi/linux/binfmts.h).  A normal exec passes AT_FLAGS 0, so a
 * program argument that looks like an option can never be mistaken.
 */
static bool started_by_binfmt(int argc)
{
	return argc >= 3 && (getauxval(AT_FLAGS) & AT_FLAGS_PRESERVE_ARGV0);
}

/* --trace, --trace=FILE, --trace=host, --trace=host:FILE */
static void trace_option(struct xeno_options *o, const char *a)
{
	o->trace.text = true;
	if (a[7] == '\0')
		return;
	const char *spec = a + 8;
	if (strcmp(spec, "host") == 0 || strncmp(spec, "host:", 5) == 0) {
		o->trace.host = true;
		spec = spec[4] ? spec + 5 : NULL;
	}
	if (spec && !*spec)
		bad_command_line("%s: no file name", a);
	if (spec)
		o->trace.path = spec;
}

/* The tracing options; false if a is none of them. */
static bool tracing_option(struct xeno_options *o, const char *a)
{
	if (strcmp(a, "--trace") == 0 || strncmp(a, "--trace=", 8) == 0)
		trace_option(o, a);
	else if (strncmp(a, "--trace-filter=", 15) == 0)
		o->trace.filter = a + 15;
	else if (strcmp(a, "--trace-time") == 0 || strcmp(a, "--trace-time=wall") == 0)
		o->trace.time = XT_TIME_WALL;
	else if (strcmp(a, "--trace-time=elapsed") == 0)
		o->trace.time = XT_TIME_ELAPSED;
	else if (strncmp(a, "--trace-time=", 13) == 0)
		bad_command_line("%s: the time is wall or elapsed", a);
	else if (strcmp(a, "--trace-durations") == 0)
		o->trace.durations = true;
	else if (strcmp(a, "--trace-append") == 0)
		o->trace.append = true;
	else
		return false;
	return true;
}

static void read_environment(struct xeno_options *o)
{
	const char *env = getenv("XENO_TRACE");
	if (env && *env && strcmp(env, "0") != 0)
		o->trace.text = true;
	env = getenv("XENO_PATCH");
	if (env && strcmp(env, "0") == 0)
		xeno_patching = false;
	env = getenv("XENO_ROOT");
	if (!o->root && env && *env)
		o->root = env;
}

void xeno_parse_options(int argc, char **argv, struct xeno_options *o)
{
	static char *passed_on[64];
	const char *argv0 = NULL;
	memset(o, 0, sizeof *o);
	xeno_proc.options = passed_on;
	if (started_by_binfmt(argc)) {
		o->via_binfmt = true;
		o->path = argv[1];
		o->argv = argv + 2;
		read_environment(o);
		return;
	}
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && xeno_proc.noptions < 62; i++) {
		const char *a = argv[i], *v;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			xeno_print_usage(stdout);
			exit(0);
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("xeno %s\n", XENO_VERSION);
			exit(0);
		} else if (strcmp(a, "--strict") == 0) {
			xeno_strict = true;
		} else if (strcmp(a, "--stats") == 0) {
			xeno_stats = true;
		} else if (strcmp(a, "--no-patch") == 0) {
			xeno_patching = false;
		} else if (strncmp(a, "--argv0=", 8) == 0) {
			argv0 = a + 8;
			continue; /* not passed on: each program has its own */
		} else if (strcmp(a, "--check") == 0) {
			o->check = true;
			continue;
		} else if ((v = option_value("--binfmt", argc, argv, &i))) {
			o->binfmt = v;
			continue;
		} else if ((v = option_value("--root", argc, argv, &i))) {
			if (!*v)
				bad_command_line("%s: an empty directory name", "--root");
			o->root = v;
			continue; /* passed on once made absolute (core/root.c) */
		} else if (strncmp(a, "--record=", 9) == 0 && a[9]) {
			o->trace.record = a + 9;
			continue; /* a recording follows one process image */
		} else if (!tracing_option(o, a)) {
			bad_command_line("unknown option '%s'", a);
		}
		xeno_proc.options[xeno_proc.noptions++] = argv[i];
	}
	read_environment(o);
	/* A filter means "trace these" (a recording keeps every call). */
	if (o->trace.filter)
		o->trace.text = true;
	/* A program this one execs goes on writing the same trace file. */
	if (o->trace.path && !o->trace.append)
		xeno_proc.options[xeno_proc.noptions++] = "--trace-append";
	if (o->binfmt) {
		if (i < argc)
			bad_command_line("--binfmt takes no program (%s)", argv[i]);
		return;
	}
	if (i >= argc)
		bad_command_line("%s", "no program given");
	o->path = argv[i];
	o->argv = argv + i;
	if (argv0)
		o->argv[0] = (char *)argv0;
}
