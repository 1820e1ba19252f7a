/*
 * The smallest Windows console program: no C runtime, an entry point of our
 * own; writes a line to standard output through kernel32 and exits 0.
 */
#include "win.h"

__attribute__((noreturn)) void start(void)
{
	ExitProcess(PUT("hello from a Windows program\n") ? 0 : 1);
}
