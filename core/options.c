/* xeno's command line: options, the program and its arguments. */
#include "core/options.h"

#include <linux/binfmts.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "core/dispatch.h"
#include "core/process.h"

#ifndef XENO_VERSION
#define XENO_VERSION "0.1.0"
#endif

const char xeno_usage[] =
    "usage: xeno [OPTIONS] PROGRAM [ARGUMENTS...]\n"
    "       xeno --check PROGRAM\n"
    "       xeno --binfmt=install|uninstall|status\n"
    "Runs an x86-64 program built for FreeBSD on Linux, in this process.\n"
    "\n"
    "Options (they end at the program's name):\n"
    "  --trace[=FILE]  print each foreign system call, to FILE or standard error\n"
    "                  (XENO_TRACE=1 in the environment does the same)\n"
    "  --strict        an unimplemented system call ends the program (SIGSYS)\n"
    "                  instead of failing with ENOSYS\n"
    "  --stats         at exit, say how many system calls were trapped and\n"
    "                  signals delivered\n"
    "  --argv0=NAME    the program's argv[0] (default: PROGRAM as given)\n"
    "  --root=DIR      look absolute paths up under DIR first, then on the host\n"
    "                  (a compat root; XENO_ROOT=DIR in the environment does the same)\n"
    "  --check         load and prepare PROGRAM without running it: print what\n"
    "                  was found (format, OS, segments, entry, stack) and exit 0,\n"
    "                  or say why it cannot run and exit 126\n"
    "  --binfmt=ACTION install, uninstall or show (status) the binfmt_misc entries\n"
    "                  that let the kernel start FreeBSD, NetBSD and OpenBSD\n"
    "                  programs through xeno directly (./program)\n"
    "  -h, --help      show this help and exit\n"
    "  -V, --version   show the version and exit\n"
    "\n"
    "Exit status: the program's own; 126 if the file is not a program xeno can\n"
    "run (the reason is printed), 127 if it does not exist.\n";

__attribute__((format(printf, 1, 2))) static _Noreturn void bad_command_line(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("xeno: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", xeno_usage);
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

static void read_environment(struct xeno_options *o)
{
	const char *env = getenv("XENO_TRACE");
	if (env && *env && strcmp(env, "0") != 0)
		o->trace = true;
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
			fputs(xeno_usage, stdout);
			exit(0);
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("xeno %s\n", XENO_VERSION);
			exit(0);
		} else if (strcmp(a, "--strict") == 0) {
			xeno_strict = true;
		} else if (strcmp(a, "--stats") == 0) {
			xeno_stats = true;
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
		} else if (strcmp(a, "--trace") == 0) {
			o->trace = true;
		} else if (strncmp(a, "--trace=", 8) == 0) {
			o->trace = true;
			o->trace_path = a + 8;
		} else {
			bad_command_line("unknown option '%s'", a);
		}
		xeno_proc.options[xeno_proc.noptions++] = argv[i];
	}
	read_environment(o);
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
