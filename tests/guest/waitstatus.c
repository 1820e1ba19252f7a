/*
 * How a command ended, exactly: "exit N" or "signal N" (a shell's $? cannot
 * tell exit(143) from death by SIGTERM).
 *
 *   waitstatus FILE [-k SIGNAL MS] COMMAND [ARGS...]
 *
 * Runs COMMAND with core dumps off, writes how it ended to FILE, and exits
 * with its status (or 128 + the signal).  With -k it sends SIGNAL to the
 * command MS milliseconds after starting it: the outcome does not depend on
 * where the command is by then.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int sig = 0, at = 2;
	long ms = 0;
	if (argc > 5 && strcmp(argv[2], "-k") == 0) {
		sig = atoi(argv[3]);
		ms = atol(argv[4]);
		at = 5;
	}
	if (argc <= at) {
		fprintf(stderr, "usage: waitstatus FILE [-k SIGNAL MS] COMMAND [ARGS...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		struct rlimit none = {0, 0};
		setrlimit(RLIMIT_CORE, &none);
		execvp(argv[at], argv + at);
		perror(argv[at]);
		_exit(127);
	}
	if (sig) {
		struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
		nanosleep(&ts, NULL);
		kill(pid, sig);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 2;
	FILE *f = fopen(argv[1], "w");
	if (!f)
		return 2;
	if (WIFSIGNALED(st))
		fprintf(f, "signal %d\n", WTERMSIG(st));
	else
		fprintf(f, "exit %d\n", WEXITSTATUS(st));
	fclose(f);
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}
