/*
 * FreeBSD's streams: stdin, stdout and stderr (the variables __stdinp,
 * __stdoutp, __stderrp), formatted and plain output, the inline
 * putc_unlocked and getc_unlocked of <stdio.h> (which reach into the FILE
 * and call __swbuf and __srget), lines from stdin, a file written and read
 * back, and the end-of-file and error flags.  Run with two lines on stdin.
 */
#include "libc.h"

int main(void)
{
	fprintf(stdout, "fprintf to stdout: %d %s\n", 42, "ok");
	fputs("fputs to stdout\n", stdout);
	putc('p', stdout);
	putchar('\n');
	for (const char *s = "putc_unlocked, inline\n"; *s; s++)
		putc_unlocked(*s, stdout);
	fwrite("fwrite\n", 1, 7, stdout);
	fflush(stdout);
	fprintf(stderr, "to stderr: %s\n", "unbuffered");
	printf("fileno: %d %d %d\n", fileno(stdin), fileno(stdout), fileno(stderr));

	char line[64];
	int lines = 0;
	while (fgets(line, sizeof line, stdin))
		printf("line %d: %s", ++lines, line);
	printf("feof(stdin) %d, ferror(stdin) %d\n", feof(stdin), ferror(stdin));
	clearerr(stdin);
	printf("after clearerr: feof %d\n", feof(stdin));

	FILE *f = fopen("stdio-sample.txt", "w");
	fprintf(f, "written %d\n", 1);
	fputs("second\n", f);
	printf("fclose: %d\n", fclose(f));
	f = fopen("stdio-sample.txt", "r");
	int n = 0;
	while (getc_unlocked(f) != EOF)
		n++;
	printf("read back %d bytes with getc_unlocked, feof %d\n", n, feof(f));
	fclose(f);
	f = fopen("stdio-sample.txt", "r");
	char buf[64];
	size_t got = fread(buf, 1, sizeof buf, f);
	printf("fread: %d bytes, feof %d, first line: %.9s\n", (int)got, feof(f), buf);
	fclose(f);
	unlink("stdio-sample.txt");

	errno = 0;
	f = fopen("/nonexistent/stdio-sample", "r");
	int e = errno;
	printf("fopen of a missing file: %s errno=%d\n", f ? "a stream" : "NULL", e);
	perror("perror");
	return 0;
}
