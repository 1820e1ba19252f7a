/*
 * Library calls for the tracer, --check and the flight recorder: an
 * initialiser, system call wrappers that succeed and one that fails (errno),
 * a function of a library found on XENO_LIBRARY_PATH (lib/probe.c, whose own
 * initialiser calls libc), a HOST function (strlen) and an import nothing
 * defines (it is linked against a copy of libprobe.so.1 that has it), and
 * one system call made directly, as FreeBSD's own libc makes them all;
 * thread-local variables of its own and of libprobe.so.1 (static TLS).
 *   libcalls [crash]     crash: a NULL store after the calls
 */
#include "libc.h"

ssize_t read(int fd, void *buf, size_t n);
int getpid(void);
int probe_value(int x);		  /* libprobe.so.1 */
extern __thread int probe_tls;	  /* libprobe.so.1's, initial-exec */
static __thread int counter = 5;
int xeno_no_such_function(int x); /* nothing defines it */

/* getppid(2), FreeBSD's number 39 (sys/kern/syscalls.master), trapped */
static long raw_getppid(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(39L) : "rcx", "r11", "memory", "cc");
	return r;
}

static void __attribute__((constructor)) started(void)
{
	write(1, "program initialiser\n", 20);
}

int main(int argc, char **argv)
{
	char buf[8];
	long n = read(-1, buf, sizeof buf);
	printf("read(-1): %ld, errno %d\n", n, errno);
	printf("getpid: %s\n", getpid() > 0 ? "positive" : "not positive");
	printf("getppid: %s\n", raw_getppid() > 0 ? "positive" : "not positive");
	printf("strlen: %d\n", (int)strlen("seven c"));
	printf("probe_value(20): %d\n", probe_value(20));
	counter += probe_tls;
	printf("thread-local: %d\n", counter);
	int r = xeno_no_such_function(7);
	printf("xeno_no_such_function: %d, errno %d\n", r, errno);
	if (argc > 1 && argv[1][0] == 'c')
		*(volatile int *)0 = 1;
	return 0;
}
