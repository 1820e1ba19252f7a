/*
 * readloop for Linux, run natively: the same measurements as
 * bench/freebsd/readloop.c (a small read(2) of a regular file, and getpid),
 * made directly with the host's system calls, for bench/read.sh to compare.
 *
 *   readloop FILE CALLS SIZE
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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
	if (argc != 4) {
		fprintf(stderr, "usage: readloop FILE CALLS SIZE\n");
		return 2;
	}
	long calls = atol(argv[2]), size = atol(argv[3]);
	static char buf[1 << 16];
	if (calls <= 0 || size <= 0 || size > (long)sizeof buf)
		return 2;
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	long t0 = now_ns();
	for (long i = 0; i < calls; i++)
		if (syscall(SYS_read, fd, buf, size) != size)
			return 1;
	long t1 = now_ns();
	for (long i = 0; i < calls; i++)
		syscall(SYS_getpid);
	long t2 = now_ns();
	printf("read %ld ns\ngetpid %ld ns\n", (t1 - t0) / calls, (t2 - t1) / calls);
	return 0;
}
