/* xeno's command line: load a foreign program and run it. */
#include <errno.h>
#include <setjmp.h>
#include <sched.h>
#include <signal.h>
#include <stdnoreturn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/dispatch.h"
#include "core/fd.h"
#include "core/log.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/sigstate.h"
#include "core/threads.h"
#include "core/thread.h"
#include "core/trace.h"
#include "core/tracecmd.h"
#include "loader/image.h"

#ifndef XENO_VERSION
#define XENO_VERSION "0.1.0"
#endif


static const char usage[] =
	"usage: xeno [OPTIONS] PROGRAM [ARGUMENTS...]\n"
	"       xeno trace show|diff ...   (xeno trace --help says more)\n"
	"Runs an x86-64 program built for FreeBSD on Linux, in this process.\n"
	"\n"
	"Options (they end at the program's name):\n"
	"  --trace[=FILE]  print each foreign system call, strace-style, to FILE or\n"
	"                  standard error (XENO_TRACE=1 in the environment does the same)\n"
	"  --trace=host[:FILE]  the same, with the host system calls xeno made for each\n"
	"                  call indented under it\n"
	"  --trace-filter=EXPR  trace only these calls: names and classes, comma-\n"
	"                  separated (read,write,%file); !EXPR: all but these; classes:\n"
	"                  %file %desc %process %signal %memory %network %ipc %clock %creds\n"
	"  --trace-time[=wall|elapsed]  start each line with the time (wall: local\n"
	"                  time of day, 12:34:56.123456; elapsed: seconds since start)\n"
	"  --trace-durations  end each line with the time the call took, <0.000012>\n"
	"  --trace-append  add to the trace FILE instead of replacing it\n"
	"  --record=FILE   write a compressed recording of the run to FILE, for\n"
	"                  `xeno trace show FILE` and `xeno trace diff A B`\n"
	"  --strict        an unimplemented system call ends the program (SIGSYS)\n"
	"                  instead of failing with ENOSYS\n"
	"  --stats         at exit, say how many system calls were trapped and\n"
	"                  signals delivered\n"
	"  --argv0=NAME    the program's argv[0] (default: PROGRAM as given)\n"
	"  -h, --help      show this help and exit\n"
	"  -V, --version   show the version and exit\n"
	"\n"
	"When the program dies of a crash signal (SIGSEGV, SIGABRT...) or xeno of an\n"
	"internal error, the last 64 system calls of each thread are printed on\n"
	"standard error.  A program named \"trace\" runs as xeno ./trace.\n"
	"\n"
	"Exit status: the program's own; 126 if the file is not a program xeno can\n"
	"run (the reason is printed), 127 if it does not exist.\n";

struct options {
	struct xeno_trace_options trace;
	const char *argv0;
	int prog; /* index of the program in argv */
};

static noreturn void bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "xeno: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	exit(2);
}

/* --trace, --trace=FILE, --trace=host, --trace=host:FILE */
static void trace_option(struct options *o, const char *a)
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
		bad_usage("%s: no file name", a);
	if (spec)
		o->trace.path = spec;
}

/* The tracing options; false if a is none of them. */
static bool tracing_option(struct options *o, const char *a)
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
		bad_usage("%s: the time is wall or elapsed", a);
	else if (strcmp(a, "--trace-durations") == 0)
		o->trace.durations = true;
	else if (strcmp(a, "--trace-append") == 0)
		o->trace.append = true;
	else
		return false;
	return true;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static char *passed_on[64];
	xeno_proc.options = passed_on;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && xeno_proc.noptions < 62; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			exit(0);
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("xeno %s\n", XENO_VERSION);
			exit(0);
		} else if (strcmp(a, "--strict") == 0) {
			xeno_strict = true;
		} else if (strcmp(a, "--stats") == 0) {
			xeno_stats = true;
		} else if (strncmp(a, "--argv0=", 8) == 0) {
			o->argv0 = a + 8;
			continue; /* not passed on: each program has its own */
		} else if (strncmp(a, "--record=", 9) == 0 && a[9]) {
			o->trace.record = a + 9;
			continue; /* a recording follows one process image */
		} else if (!tracing_option(o, a)) {
			bad_usage("unknown option '%s'", a);
		}
		xeno_proc.options[xeno_proc.noptions++] = argv[i];
	}
	if (i >= argc)
		bad_usage("%s", "no program given");
	const char *env = getenv("XENO_TRACE");
	if (env && *env && strcmp(env, "0") != 0)
		o->trace.text = true;
	/* A filter means "trace these" (a recording keeps every call). */
	if (o->trace.filter)
		o->trace.text = true;
	/* A program this one execs goes on writing the same trace file. */
	if (o->trace.path && !o->trace.append)
		xeno_proc.options[xeno_proc.noptions++] = "--trace-append";
	o->prog = i;
	return 0;
}

static int count_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* Loads the program; on failure says why and returns the exit status. */
static int load(struct xeno_image *img, const char *path)
{
	int err = xeno_image_open(img, path);
	if (!err && img->os == XENO_OS_LINUX)
		err = (snprintf(img->reason, sizeof img->reason,
				"a Linux program: run it directly, without xeno"),
		       XENO_LOAD_BAD);
	else if (!err && img->os == XENO_OS_UNKNOWN)
		err = (snprintf(img->reason, sizeof img->reason,
				"not marked for any OS xeno knows (no ELF OS/ABI, ABI note or "
				"interpreter says which); Linux programs run without xeno"),
		       XENO_LOAD_BAD);
	else if (!err && !xeno_personality_for(img->os))
		err = (snprintf(img->reason, sizeof img->reason,
				"a %s program; xeno does not run %s programs yet",
				xeno_os_name(img->os), xeno_os_name(img->os)),
		       XENO_LOAD_BAD);
	else if (!err && img->interp[0])
		err = (snprintf(img->reason, sizeof img->reason,
				"dynamically linked (interpreter %s); xeno runs statically "
				"linked programs only for now",
				img->interp),
		       XENO_LOAD_BAD);
	if (!err)
		err = xeno_image_map(img);
	if (err)
		xeno_msg("%s: %s", path, img->reason);
	return err;
}

/* The guest starts with the signal mask xeno was started with. */
static void initial_guest_mask(sigset_t *mask)
{
	sigprocmask(SIG_SETMASK, NULL, mask);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "trace") == 0)
		return xeno_trace_command(argc - 1, argv + 1);
	struct options o = {0};
	parse_options(argc, argv, &o);
	const char *path = argv[o.prog];

	xeno_fd_init();
	struct xeno_image img;
	int err = load(&img, path);
	if (err)
		return err;
	const struct xeno_personality *os = xeno_personality_for(img.os);
	xeno_proc.os = os;
	xeno_proc.ncpus = count_cpus();
	xeno_proc.image_base = img.bias;
	if (!realpath(path, xeno_proc.exe_path))
		snprintf(xeno_proc.exe_path, sizeof xeno_proc.exe_path, "%s", path);
	ssize_t n = readlink("/proc/self/exe", xeno_proc.self_exe, sizeof xeno_proc.self_exe - 1);
	xeno_proc.self_exe[n > 0 ? n : 0] = '\0';
	if (o.argv0)
		argv[o.prog] = (char *)o.argv0;

	struct xeno_trace_options *to = &o.trace;
	char why[512];
	if (to->text || to->record) {
		int rc = xeno_trace_setup(to, os, xeno_proc.exe_path, argc - o.prog, argv + o.prog,
					  why, sizeof why);
		if (rc < 0) {
			xeno_msg("%s", why);
			return rc == -2 ? 2 : 126;
		}
	}

	struct xeno_entry entry;
	if ((err = os->build_stack(&img, argv + o.prog, environ, &entry)) < 0) {
		xeno_msg("%s: cannot build the initial stack: %s", path, strerror(-err));
		return 126;
	}
	xeno_image_close(&img);

	struct xeno_thread *t = xeno_thread_new(os);
	if (!t || (err = xeno_crossing_init()) < 0 || (err = xeno_thread_attach(t)) < 0) {
		xeno_msg("cannot set up system call interception: %s%s",
			 strerror(t ? -err : errno),
			 err == -EINVAL ? " (Syscall User Dispatch needs Linux 5.11 or later)" : "");
		return 126;
	}
	xeno_sig_init();
	xeno_threads_init(t);
	xeno_trace_start(t);
	initial_guest_mask(&t->sigmask);
	xeno_sig_apply_mask(t);
	if (sigsetjmp(t->exit_jmp, 0) != 0)
		xeno_thread_exited(t); /* the main thread ended; others go on */
	sigset_t host;
	memcpy(&host, &t->wait_mask, sizeof t->wait_mask);
	xeno_enter_guest(&entry, 0, &host);
}
