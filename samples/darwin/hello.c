/*
 * A macOS program: greets through libSystem and exits.  Built as a Mach-O
 * executable with clang (-target x86_64-apple-macos11) and ld64.lld against
 * libSystem.tbd beside it (samples/samples.mk): no macOS SDK, so what it uses
 * of libSystem is declared here, as <unistd.h> and <stdlib.h> declare it.
 * It imports functions (lazily bound, through stubs) and holds pointers to
 * its own data.
 */
typedef unsigned long size_t;
typedef long ssize_t;

ssize_t write(int fd, const void *buf, size_t n);
int getpid(void);
void exit(int status) __attribute__((noreturn));

/* pointers in the program's own data: rebased if it is placed elsewhere */
const char *lines[] = {"hello ", "from ", "macOS\n"};

static size_t length(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int main(void)
{
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		if (write(1, lines[i], length(lines[i])) < 0)
			exit(1);
	exit(getpid() > 0 ? 0 : 2);
}
