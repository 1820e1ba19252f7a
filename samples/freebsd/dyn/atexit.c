/*
 * The end of a dynamically linked program, in FreeBSD's order: exit runs
 * the atexit handlers newest first (lib/libc/stdlib/exit.c, atexit.c);
 * among them, registered first of the program's by __libc_start1, rtld's
 * cleanup runs the finalisers — the program's (its .fini_array backwards,
 * a destructor function among them) before its libraries' — and last come
 * the handlers a library's constructor registered before main began.
 */
#include "libc.h"

const char *greet_name(void);

static void first(void)
{
	puts("atexit: registered first");
}

static void second(void)
{
	puts("atexit: registered second");
}

__attribute__((constructor)) static void constructor(void)
{
	puts("program: constructor");
}

__attribute__((destructor)) static void destructor(void)
{
	puts("program: destructor");
}

static void fini_entry(void)
{
	puts("program: .fini_array entry");
}
__attribute__((section(".fini_array"), used)) static void (*fini_pointer)(void) = fini_entry;

int main(void)
{
	printf("main, with %s\n", greet_name());
	atexit(first);
	atexit(second);
	exit(7);
}
