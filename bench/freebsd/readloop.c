/*
 * readloop: the cost of one small read(2) of a regular file, and of a
 * getpid for comparison (a trap and nothing else), in nanoseconds per call.
 *
 *   readloop FILE CALLS SIZE
 *
 * Reads SIZE bytes at a time from FILE (which should hold CALLS * SIZE
 * bytes: a read at the end of the file costs less), then makes CALLS
 * getpid calls; prints "read N ns" and "getpid N ns".
 */
#include "mini.h"

static long now_ns(void)
{
	long ts[2];
	SYS2(clock_gettime, CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000L + ts[1];
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc != 4) {
		mini_dprintf(2, "usage: readloop FILE CALLS SIZE\n");
		return 2;
	}
	long calls = mini_atol(argv[2]), size = mini_atol(argv[3]);
	static char buf[1 << 16];
	if (calls <= 0 || size <= 0 || size > (long)sizeof buf)
		return 2;
	long fd = SYS3(open, argv[1], O_RDONLY, 0);
	if (fd < 0) {
		mini_dprintf(2, "readloop: %s: %s\n", argv[1], mini_errname(-fd));
		return 1;
	}
	long t0 = now_ns();
	for (long i = 0; i < calls; i++)
		if (SYS3(read, fd, buf, size) != size)
			return 1;
	long t1 = now_ns();
	for (long i = 0; i < calls; i++)
		SYS0(getpid);
	long t2 = now_ns();
	mini_printf("read %ld ns\ngetpid %ld ns\n", (t1 - t0) / calls, (t2 - t1) / calls);
	return 0;
}
