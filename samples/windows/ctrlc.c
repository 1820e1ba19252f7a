/*
 * Console control handlers: SIGINT to xeno (Ctrl-C) calls them as Windows
 * delivers CTRL_C_EVENT, on a new thread, the last registered first; one
 * that returns TRUE ends the search.  With the argument "default" the
 * program registers a handler that returns FALSE: nothing handles the
 * event and the process ends as Windows' default handler ends it.
 *
 * The program says "ready" once its handlers are in place, then waits (at
 * most about 10 s) for the handler to have run, and says on which thread.
 */
#include "win.h"

static volatile DWORD handled_event = 99, handler_thread;
static volatile int calls;

static BOOL refuse(DWORD event)
{
	(void)event;
	calls++;
	return 0;
}

static BOOL take(DWORD event)
{
	calls++;
	handler_thread = GetCurrentThreadId();
	handled_event = event;
	return 1;
}

/* Whether the command line (GetCommandLineA) ends in "default". */
__declspec(dllimport) char *GetCommandLineA(void);
static int wants_default(void)
{
	const char *s = GetCommandLineA(), *end = s;
	while (*end)
		end++;
	const char *w = "default";
	return end - s >= 7 && end[-7] == w[0] && end[-1] == w[6] && end[-4] == w[3];
}

__attribute__((noreturn)) void start(void)
{
	int dflt = wants_default();
	if (!SetConsoleCtrlHandler(refuse, 1) || (!dflt && !SetConsoleCtrlHandler(take, 1))) {
		PUT("ctrlc: SetConsoleCtrlHandler failed\n");
		ExitProcess(1);
	}
	PUT("ready\n");
	for (int i = 0; i < 1000 && handled_event == 99; i++)
		Sleep(10);
	if (handled_event == CTRL_C_EVENT && handler_thread &&
	    handler_thread != GetCurrentThreadId() && calls == 1)
		PUT("ctrlc: CTRL_C_EVENT handled on another thread, the last handler only\n");
	else
		PUT("ctrlc: no CTRL_C_EVENT handled\n");
	ExitProcess(handled_event == CTRL_C_EVENT ? 0 : 1);
}
