/*
 * A Windows console program with a TLS directory (a thread-local variable
 * with an initial value, a TLS callback the loader runs before the entry
 * point) and base relocations (the directory's pointers, a table of
 * pointers), without a C runtime.
 *
 * The C runtime usually supplies the TLS directory: lld-link points the TLS
 * data directory at the symbol _tls_used (an IMAGE_TLS_DIRECTORY64), whose
 * template runs from _tls_start (section .tls) to _tls_end (.tls$ZZZ); the
 * compiler puts thread-local variables in .tls$ between them and reaches
 * them through _tls_index and the TEB's ThreadLocalStoragePointer.
 */
#include "win.h"

struct tls_directory { /* IMAGE_TLS_DIRECTORY64, winnt.h */
	void *start, *end;
	unsigned *index;
	void *callbacks;
	DWORD zero_fill, characteristics;
};
typedef void (*tls_callback_fn)(void *module, DWORD reason, void *reserved);

unsigned _tls_index;
__attribute__((section(".tls"))) char _tls_start = 0;
__attribute__((section(".tls$ZZZ"))) char _tls_end = 0;

static _Thread_local int counter = 41;
static volatile int callback_ran;

static void on_tls(void *module, DWORD reason, void *reserved)
{
	(void)module, (void)reserved;
	if (reason == DLL_PROCESS_ATTACH)
		callback_ran = 1;
}

static const tls_callback_fn callbacks[] = {on_tls, 0};

const struct tls_directory _tls_used = {&_tls_start,	   &_tls_end, &_tls_index,
					(void *)callbacks, 0,	      0};

/* Pointers the loader must move with the image if it does not load at its
 * preferred base. */
static const char *const lines[] = {
    "tls: callback ran before the entry point\n",
    "tls: no callback\n",
};

static DWORD length(const char *s)
{
	DWORD n = 0;
	while (s[n])
		n++;
	return n;
}

__attribute__((noreturn)) void start(void)
{
	const char *line = lines[callback_ran ? 0 : 1];
	int ok = put(line, length(line));
	counter++;
	ok = ok && (counter == 42 ? PUT("tls: thread-local counter 42\n")
				  : PUT("tls: thread-local counter wrong\n"));
	ExitProcess(ok && callback_ran ? 0 : 1);
}
