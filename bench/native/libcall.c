/*
 * The native Linux twin of bench/freebsd/dyn/libcall.c: the same calls of
 * glibc, dynamically linked as the FreeBSD program is against libc.so.7 —
 * getpid (a system call: glibc caches no pid), write of one byte to
 * descriptor 3, strlen — and getpid as a raw system call for "trap", which
 * natively traps nothing.
 *
 *   libcall CALLS          prints "getpid N", "write N", "strlen N", "trap N"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long calls = argc > 1 ? atol(argv[1]) : 0;
	if (calls <= 0)
		return 2;
	static const char *volatile text = "a string of some thirty-two bytes";
	long t0 = now_ns();
	for (long i = 0; i < calls; i++)
		getpid();
	long t1 = now_ns();
	for (long i = 0; i < calls; i++)
		if (write(3, "x", 1) != 1)
			return 1;
	long t2 = now_ns();
	size_t sum = 0;
	for (long i = 0; i < calls * 10; i++)
		sum += strlen(text);
	long t3 = now_ns();
	for (long i = 0; i < calls; i++)
		syscall(SYS_getpid);
	long t4 = now_ns();
	printf("getpid %ld\nwrite %ld\nstrlen %ld.%ld\ntrap %ld\n", (t1 - t0) / calls,
	       (t2 - t1) / calls, (t3 - t2) / (calls * 10), (t3 - t2) * 10 / (calls * 10) % 10,
	       (t4 - t3) / calls);
	return sum == (size_t)calls * 10 * 33 ? 0 : 1;
}
