/*
 * Console control handlers (SetConsoleCtrlHandler): Ctrl-C, SIGINT to
 * xeno, reaches them as Windows delivers CTRL_C_EVENT — on a new thread of
 * the process, running kernel32's CtrlRoutine, which calls the handlers
 * from the last registered to the first until one returns TRUE (Microsoft's
 * "HandlerRoutine callback function" and "CTRL+C and CTRL+BREAK Signals";
 * Wine's dlls/kernelbase/console.c).  When none does, Windows' default
 * handler ends the process (ExitProcess(STATUS_CONTROL_C_EXIT)); xeno ends
 * it by SIGINT instead, which is what that means to a Linux parent (a
 * shell stops its script as for any program interrupted by Ctrl-C).
 * SetConsoleCtrlHandler(NULL, TRUE) ignores Ctrl-C, and so does a process
 * whose SIGINT was ignored when it started (nohup, a shell's background
 * job): Windows hands the ignore flag down to child processes.
 *
 * SIGINT is taken over at the first SetConsoleCtrlHandler; before it, the
 * host's default ends the process the same way.
 */
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "abi/windows/exception.h"
#include "core/libcall.h"
#include "core/libgate_ms.h"
#include "core/library.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "libs/windows/windows.h"
#include "loader/pe_module.h"
#include "windows_kernel32_proto.h"

#define MAX_CTRL_HANDLERS 64

static struct {
	pthread_mutex_t lock;
	uint64_t fn[MAX_CTRL_HANDLERS];
	unsigned n;
	bool ignore_ctrl_c, taken;
} ctrl = {.lock = PTHREAD_MUTEX_INITIALIZER};

long windows_kernel32_SetConsoleCtrlHandler(struct xeno_thread *t, uint64_t routine, int add)
{
	(void)t;
	long ok = 1;
	pthread_mutex_lock(&ctrl.lock);
	if (!routine) {
		ctrl.ignore_ctrl_c = add != 0;
	} else if (add) {
		if (ctrl.n < MAX_CTRL_HANDLERS)
			ctrl.fn[ctrl.n++] = routine;
		else
			ok = win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	} else {
		ok = win_fail(WIN_ERROR_INVALID_PARAMETER);
		for (unsigned i = ctrl.n; i-- > 0;)
			if (ctrl.fn[i] == routine) {
				memmove(ctrl.fn + i, ctrl.fn + i + 1,
					(ctrl.n - i - 1) * sizeof ctrl.fn[0]);
				ctrl.n--;
				ok = 1;
				break;
			}
	}
	bool take = !ctrl.taken;
	if (take) {
		/* a process started with Ctrl-C ignored ignores it (Windows
		 * hands the ignore flag to child processes) */
		struct xeno_sigaction was = {.handler = XENO_SIG_DFL};
		xeno_sig_get_action(SIGINT, &was);
		ctrl.ignore_ctrl_c |= was.handler == XENO_SIG_IGN;
		ctrl.taken = true;
	}
	pthread_mutex_unlock(&ctrl.lock);
	if (take)
		win_take_signal(SIGINT);
	return ok;
}

/* The thread Windows starts for a console control event. */
long windows_kernel32_CtrlRoutine(struct xeno_thread *t, unsigned int event)
{
	(void)t;
	pthread_mutex_lock(&ctrl.lock);
	uint64_t fn[MAX_CTRL_HANDLERS];
	unsigned n = ctrl.n;
	memcpy(fn, ctrl.fn, sizeof fn);
	pthread_mutex_unlock(&ctrl.lock);
	for (unsigned i = n; i-- > 0;) {
		struct xeno_guest_call gc = {.fn = fn[i], .args = {(uint32_t)event}};
		if ((uint32_t)xeno_guest_call_ms(&gc) != 0)
			return 0;
	}
	xeno_sig_die(SIGINT, NULL);
}

bool win_console_signal(struct xeno_thread *t, int sig)
{
	if (sig != SIGINT)
		return false;
	pthread_mutex_lock(&ctrl.lock);
	bool ignore = ctrl.ignore_ctrl_c;
	pthread_mutex_unlock(&ctrl.lock);
	if (ignore)
		return true;
	const struct xeno_library *k32 = pe_shim_named(t->os, "kernel32.dll");
	uint64_t routine = k32 ? pe_shim_export(k32, "CtrlRoutine", 0) : 0;
	long h =
	    routine ? windows_kernel32_CreateThread(t, 0, 0, routine, WIN_CTRL_C_EVENT, 0, 0) : 0;
	if (!h)
		xeno_sig_die(SIGINT, NULL);
	windows_kernel32_CloseHandle(t, (uint64_t)h);
	return true;
}
