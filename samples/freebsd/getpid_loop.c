/*
 * Calls getpid COUNT times (default 1000000): the cheapest trapped system
 * call, for measuring what a trap costs (bench/trace-overhead.sh).
 *
 *   getpid_loop [COUNT]
 */
#include "mini.h"

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	long count = argc > 1 ? mini_atol(argv[1]) : 1000000;
	if (count < 0) {
		mini_dprintf(2, "usage: getpid_loop [COUNT]\n");
		return 2;
	}
	long pid = 0;
	for (long i = 0; i < count; i++)
		pid = SYS0(getpid);
	return pid > 0 ? 0 : 1;
}
