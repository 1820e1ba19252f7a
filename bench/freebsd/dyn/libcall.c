/*
 * libcall: what a call of xeno's libc.so.7 costs a dynamically linked
 * FreeBSD program, per call, in nanoseconds: a system-call wrapper that is a
 * direct call into xeno (getpid, write of one byte to descriptor 3, which
 * bench/libcall.sh points at /dev/null), a function bound straight to the
 * host's (strlen), and for scale the same getpid made as a trapped system
 * call.  bench/native/libcall.c is its native Linux twin.
 *
 *   libcall CALLS          prints "getpid N", "write N", "strlen N", "trap N"
 */
#include "libc.h"

int getpid(void);

/* FreeBSD's system calls, trapped (sys/kern/syscalls.master): getpid 20,
 * clock_gettime 232; CLOCK_MONOTONIC is 4 (sys/sys/_clock_id.h). */
static long syscall2(long nr, long a, long b)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b) : "rcx", "r11", "memory", "cc");
	return r;
}

static long now_ns(void)
{
	long ts[2];
	syscall2(232, 4, (long)ts);
	return ts[0] * 1000000000L + ts[1];
}

static long number(const char *s)
{
	long n = 0;
	while (*s >= '0' && *s <= '9')
		n = n * 10 + *s++ - '0';
	return n;
}

int main(int argc, char **argv)
{
	long calls = argc > 1 ? number(argv[1]) : 0;
	if (calls <= 0)
		return 2;
	static const char *volatile text = "a string of some thirty-two bytes";
	long t0 = now_ns();
	for (long i = 0; i < calls; i++)
		getpid();
	long t1 = now_ns();
	for (long i = 0; i < calls; i++)
		write(3, "x", 1);
	long t2 = now_ns();
	size_t sum = 0;
	for (long i = 0; i < calls * 10; i++)
		sum += strlen(text);
	long t3 = now_ns();
	for (long i = 0; i < calls; i++)
		syscall2(20, 0, 0);
	long t4 = now_ns();
	printf("getpid %ld\nwrite %ld\nstrlen %ld.%ld\ntrap %ld\n", (t1 - t0) / calls,
	       (t2 - t1) / calls, (t3 - t2) / (calls * 10), (t3 - t2) * 10 / (calls * 10) % 10,
	       (t4 - t3) / calls);
	return sum == (size_t)calls * 10 * 33 ? 0 : 1;
}
