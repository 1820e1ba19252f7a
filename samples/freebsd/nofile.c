/*
 * nofile: the descriptor limit a program sees (getrlimit RLIMIT_NOFILE) and
 * the one it meets: it opens /dev/null until an open fails, and says which
 * descriptor it got last and how the open failed (kern_descrip.c fdalloc:
 * EMFILE once no descriptor below the soft limit is free).
 *   "limit CUR/MAX, descriptors up to LAST, then ERRNO"
 * With an argument N it first sets its soft limit to N (setrlimit).
 */
#include "mini.h"

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	struct rlimit rl;
	if (argc > 1) {
		SYS2(getrlimit, RLIMIT_NOFILE, &rl);
		rl.cur = mini_atol(argv[1]);
		long r = SYS2(setrlimit, RLIMIT_NOFILE, &rl);
		if (r < 0)
			mini_printf("setrlimit: %s\n", mini_errname(-r));
	}
	long r = SYS2(getrlimit, RLIMIT_NOFILE, &rl);
	if (r < 0) {
		mini_printf("getrlimit: %s\n", mini_errname(-r));
		return 1;
	}
	long fd, last = -1;
	while ((fd = SYS3(open, "/dev/null", O_RDONLY, 0)) >= 0)
		last = fd;
	mini_printf("limit %ld/%ld, descriptors up to %ld, then %s\n", rl.cur, rl.max, last,
		    mini_errname(-fd));
	return 0;
}
