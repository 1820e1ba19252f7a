/*
 * Concatenates files to standard output, as cat(1) does without options:
 * open, read, write, close.  No argument, or "-", means standard input.
 * A file that cannot be read is reported as "cat: NAME: ERRNO" on standard
 * error, the others are still copied, and the exit status is 1.
 *
 *   cat [FILE...]
 */
#include "mini.h"

static char buf[16384];

/* Copies fd to standard output: 0, or the negated errno of the failure. */
static long copy(int fd)
{
	for (;;) {
		long n = SYS3(read, fd, buf, sizeof buf);
		if (n <= 0)
			return n;
		long err = mini_write_all(1, buf, (size_t)n);
		if (err < 0)
			return err;
	}
}

/* Copies one named file: 0 on success, 1 after reporting a failure. */
static int cat_file(const char *name)
{
	int from_stdin = mini_strcmp(name, "-") == 0;
	long fd = from_stdin ? 0 : SYS3(open, name, O_RDONLY, 0);
	long err = fd < 0 ? fd : copy((int)fd);
	if (!from_stdin && fd >= 0)
		SYS1(close, fd);
	if (err < 0) {
		mini_dprintf(2, "cat: %s: %s\n", name, mini_errname(-err));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc < 2)
		return cat_file("-");
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
