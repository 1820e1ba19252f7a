/*
 * _Unwind_Backtrace (libgcc_s.so.1) walking the program's own frames and a
 * library's: main -> outer -> greet_callback (libgreet.so.1) -> inner ->
 * show, each frame named by the function _Unwind_FindEnclosingFunction
 * finds for its IP, with _Unwind_GetIPInfo and _Unwind_GetCFA; a callback
 * that stops the walk, whose answer _Unwind_Backtrace returns; a walk to
 * the end of the stack.
 */
#include "libc.h"

int greet_callback(int (*fn)(int), int x);

/* unwind.h */
struct _Unwind_Context;
typedef int (*_Unwind_Trace_Fn)(struct _Unwind_Context *, void *);
int _Unwind_Backtrace(_Unwind_Trace_Fn trace, void *arg);
unsigned long _Unwind_GetIPInfo(struct _Unwind_Context *context, int *ip_before_insn);
unsigned long _Unwind_GetCFA(struct _Unwind_Context *context);
void *_Unwind_FindEnclosingFunction(void *pc);
#define URC_NO_REASON	 0
#define URC_NORMAL_STOP	 4
#define URC_END_OF_STACK 5

#define MAX_FRAMES 16

struct walk {
	int frames, stop_at_main, main_seen, cfa_grows, before_insn;
	unsigned long last_cfa;
	void *fn[MAX_FRAMES];
};

int main(int argc, char **argv);
static int inner(int x);
static int show(int x);
static int outer(int x);

static const char *name_of(void *fn)
{
	if (fn == (void *)show)
		return "show";
	if (fn == (void *)inner)
		return "inner";
	if (fn == (void *)greet_callback)
		return "greet_callback (libgreet.so.1)";
	if (fn == (void *)outer)
		return "outer";
	if (fn == (void *)main)
		return "main";
	return "?";
}

static int trace(struct _Unwind_Context *context, void *arg)
{
	struct walk *w = arg;
	int before = -1;
	unsigned long ip = _Unwind_GetIPInfo(context, &before);
	unsigned long cfa = _Unwind_GetCFA(context);
	if (w->frames > 0 && cfa <= w->last_cfa)
		w->cfa_grows = 0;
	if (before != 0)
		w->before_insn = 1;
	w->last_cfa = cfa;
	void *fn = _Unwind_FindEnclosingFunction((void *)ip);
	if (w->frames < MAX_FRAMES)
		w->fn[w->frames] = fn;
	w->frames++;
	if (fn == (void *)main) {
		w->main_seen = 1;
		if (w->stop_at_main)
			return URC_NORMAL_STOP;
	}
	return URC_NO_REASON;
}

static volatile int sink;

__attribute__((noinline)) static int show(int x)
{
	struct walk w = {.stop_at_main = 1, .cfa_grows = 1};
	int r = _Unwind_Backtrace(trace, &w);
	printf("walk stopped at main: %s (%d)\n", r == URC_NORMAL_STOP ? "yes" : "no", r);
	for (int i = 0; i < w.frames && i < MAX_FRAMES; i++)
		printf("  frame %d: %s\n", i, name_of(w.fn[i]));
	printf("stack addresses grow outwards: %s\n", w.cfa_grows ? "yes" : "no");
	printf("IPs are return addresses: %s\n", w.before_insn ? "no" : "yes");
	struct walk all = {.cfa_grows = 1};
	r = _Unwind_Backtrace(trace, &all);
	printf("full walk: %s, main seen: %s\n", r == URC_END_OF_STACK ? "end of stack" : "stopped",
	       all.main_seen ? "yes" : "no");
	sink = x;
	return x + 1;
}

__attribute__((noinline)) static int inner(int x)
{
	int r = show(x * 3);
	sink = r;
	return r + 1;
}

__attribute__((noinline)) static int outer(int x)
{
	int r = greet_callback(inner, x);
	sink = r;
	return r + 1;
}

int main(int argc, char **argv)
{
	(void)argv;
	int r = outer(argc);
	sink = r;
	printf("result: %d\n", r);
	return 0;
}
