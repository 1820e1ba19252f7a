/*
 * errno through __error() (lib/libc/sys/__error.c) after failing calls,
 * with FreeBSD's numbers (sys/sys/errno.h), and libc's memory functions.
 */
#include "libc.h"

int main(void)
{
	errno = 0;
	int fd = open("/nonexistent/xeno-sample", O_RDONLY);
	printf("open: %d errno=%d (%s)\n", fd, errno, strerror(errno));
	printf("errno is the same place each time: %s\n", __error() == __error() ? "yes" : "no");
	/* (each call before the printf that shows errno: the order in
	 * which a call's arguments are evaluated is the compiler's) */
	errno = 0;
	int r = close(-1);
	printf("close(-1): %d errno=%d\n", r, errno);
	errno = 0;
	long w = (long)write(99, "x", 1);
	printf("write(99): %ld errno=%d\n", w, errno);
	errno = 1234;
	int fds[2];
	r = pipe(fds);
	printf("a success leaves errno alone: pipe %d, errno=%d\n", r, errno);
	printf("strerror(ENOSYS): %s\n", strerror(ENOSYS));
	printf("strerror(1000): %s\n", strerror(1000));

	char *p = malloc(100);
	memset(p, 'a', 100);
	p = realloc(p, 10000);
	int kept = 1;
	for (int i = 0; i < 100; i++)
		kept &= p[i] == 'a';
	printf("realloc kept the bytes: %s\n", kept ? "yes" : "no");
	free(p);
	int *z = calloc(1000, sizeof *z), zero = 1;
	for (int i = 0; i < 1000; i++)
		zero &= z[i] == 0;
	printf("calloc zeroed: %s\n", zero ? "yes" : "no");
	free(z);
	void *aligned = NULL;
	r = posix_memalign(&aligned, 4096, 100);
	printf("posix_memalign(4096): %d, aligned: %s\n", r,
	       (uintptr_t)aligned % 4096 == 0 ? "yes" : "no");
	free(aligned);
	errno = 0;
	void *huge = malloc((size_t)-1 / 2 + 16);
	printf("malloc too much: %s errno=%d\n", huge ? "memory" : "NULL", errno);
	char *s = strdup("duplicated");
	printf("strdup: %s\n", s);
	free(s);
	return 0;
}
