/*
 * Ends with the exit status it is given, or by a signal it sends itself.
 *
 *   exitcode STATUS     exit(STATUS), STATUS in 0..255
 *   exitcode kill SIG   kill(getpid(), SIG); exits 99 if it is still alive
 */
#include "mini.h"

/* A decimal number in 0..max, or -1. */
static long parse_number(const char *s, long max)
{
	long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	return v;
}

static int usage(void)
{
	mini_dprintf(2, "usage: exitcode STATUS | exitcode kill SIGNAL\n");
	return 2;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc == 2) {
		long status = parse_number(argv[1], 255);
		return status < 0 ? usage() : (int)status;
	}
	if (argc == 3 && mini_strcmp(argv[1], "kill") == 0) {
		/* FreeBSD signals are 1..128 (_SIG_MAXSIG, sys/sys/signal.h). */
		long sig = parse_number(argv[2], 128);
		if (sig < 1)
			return usage();
		long err = SYS2(kill, SYS0(getpid), sig);
		mini_dprintf(2, "exitcode: still alive after kill(getpid(), %ld): %s\n", sig,
			     err < 0 ? mini_errname(-err) : "no error");
		return 99;
	}
	return usage();
}
