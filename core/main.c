/* xeno: load a foreign program and run it (the command line: core/options.c). */
#include <errno.h>
#include <setjmp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/binfmt.h"
#include "core/check.h"
#include "core/crossing.h"
#include "core/fd.h"
#include "core/launch.h"
#include "core/hostmem.h"
#include "core/log.h"
#include "core/options.h"
#include "core/process.h"
#include "core/root.h"
#include "core/sigstate.h"
#include "core/threads.h"
#include "core/thread.h"
#include "loader/link.h"
#include "trace/cmd.h"
#include "trace/trace.h"

/* The guest starts with the signal mask xeno was started with. */
static void initial_guest_mask(sigset_t *mask)
{
	sigprocmask(SIG_SETMASK, NULL, mask);
}

int main(int argc, char **argv)
{
	xeno_hostmem_init(); /* before the guest's image takes any memory */
	xeno_flight_install();
	if (argc > 1 && strcmp(argv[1], "trace") == 0)
		return xeno_trace_command(argc - 1, argv + 1);
	struct xeno_options o;
	xeno_parse_options(argc, argv, &o);
	if (o.binfmt)
		return xeno_binfmt(o.binfmt);

	xeno_fd_init();
	int err;
	if (o.root && (err = xeno_root_init(o.root)) < 0) {
		xeno_msg("%s: cannot use as the compat root: %s", o.root, strerror(-err));
		return 126;
	}
	struct xeno_launch l;
	xeno_link_traced = o.trace.text || o.trace.record;
	if ((err = xeno_launch_prepare(&l, o.path, o.argv, environ)))
		return err;
	if (o.check) {
		xeno_check_report(stdout, o.path, &l);
		return fflush(stdout) == 0 ? 0 : 126;
	}

	if (o.trace.text || o.trace.record) {
		char why[512];
		int argn = 0;
		while (o.argv[argn])
			argn++;
		int rc = xeno_trace_setup(&o.trace, l.os, xeno_proc.exe_path, argn, o.argv, why,
					  sizeof why);
		if (rc < 0) {
			xeno_msg("%s", why);
			return rc == -2 ? 2 : 126;
		}
	}
	xeno_locator_init(l.os->segment);
	struct xeno_thread *t = xeno_thread_new(l.os);
	if (!t || (err = xeno_crossing_init()) < 0 || (err = xeno_thread_attach(t)) < 0) {
		xeno_msg("cannot set up system call interception: %s%s", strerror(t ? -err : errno),
			 err == -EINVAL ? " (Syscall User Dispatch needs Linux 5.11 or later)"
					: "");
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
	xeno_enter_guest(&l.entry, &host);
}
