/* xeno's command line: load a foreign program and run it. */
#include <errno.h>
#include <setjmp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/dispatch.h"
#include "core/fd.h"
#include "core/hostmem.h"
#include "core/log.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/sigstate.h"
#include "core/threads.h"
#include "core/thread.h"
#include "core/trace.h"
#include "loader/image.h"

#ifndef XENO_VERSION
#define XENO_VERSION "0.1.0"
#endif


static const char usage[] =
	"usage: xeno [OPTIONS] PROGRAM [ARGUMENTS...]\n"
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
	"  -h, --help      show this help and exit\n"
	"  -V, --version   show the version and exit\n"
	"\n"
	"Exit status: the program's own; 126 if the file is not a program xeno can\n"
	"run (the reason is printed), 127 if it does not exist.\n";

struct options {
	const char *trace_path;
	const char *argv0;
	int trace;
	int prog; /* index of the program in argv */
};

static int parse_options(int argc, char **argv, struct options *o)
{
	static char *passed_on[64];
	xeno_proc.options = passed_on;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && xeno_proc.noptions < 63; i++) {
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
		} else if (strcmp(a, "--trace") == 0) {
			o->trace = 1;
		} else if (strncmp(a, "--trace=", 8) == 0) {
			o->trace = 1;
			o->trace_path = a + 8;
		} else {
			fprintf(stderr, "xeno: unknown option '%s'\n%s", a, usage);
			exit(2);
		}
		xeno_proc.options[xeno_proc.noptions++] = argv[i];
	}
	if (i >= argc) {
		fprintf(stderr, "xeno: no program given\n%s", usage);
		exit(2);
	}
	const char *env = getenv("XENO_TRACE");
	if (env && *env && strcmp(env, "0") != 0)
		o->trace = 1;
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
	xeno_hostmem_init(); /* before the guest's image takes any memory */
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

	if (o.trace && (err = xeno_trace_open(o.trace_path)) < 0) {
		xeno_msg("cannot open trace file %s: %s", o.trace_path, strerror(-err));
		return 126;
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
	initial_guest_mask(&t->sigmask);
	xeno_sig_apply_mask(t);
	if (sigsetjmp(t->exit_jmp, 0) != 0)
		xeno_thread_exited(t); /* the main thread ended; others go on */
	sigset_t host;
	memcpy(&host, &t->wait_mask, sizeof t->wait_mask);
	xeno_enter_guest(&entry, 0, &host);
}
