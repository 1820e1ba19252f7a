/*
 * Processes the FreeBSD way: fork, execve of another FreeBSD program (this
 * one, re-run with "child"), and wait4/wait6 with the status in FreeBSD's
 * terms: a normal exit, and a child killed by a signal.
 *
 *   spawn                        the checks above
 *   spawn exec PATH [ARGS...]    execve(PATH, [PATH, ARGS...]): to see what
 *                                a program started by a FreeBSD one inherits
 */
#include "mini.h"

/* sys/sys/wait.h */
#define WNOHANG 1
#define P_PID	0
#define WEXITED 16

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && mini_strcmp(argv[1], "child") == 0) {
		mini_printf("child: argc=%d argv[2]=%s\n", argc, argv[2]);
		return 7;
	}
	if (argc > 2 && mini_strcmp(argv[1], "exec") == 0) {
		long err = SYS3(execve, argv[2], argv + 2, envp);
		mini_dprintf(2, "spawn: %s: %s\n", argv[2], mini_errname(-err));
		return 127;
	}
	if (argc > 1 && mini_strcmp(argv[1], "wait-for-signal") == 0) {
		for (;;)
			SYS0(sched_yield);
	}
	mini_flush();

	long pid = SYS0(fork);
	if (pid == 0) {
		char *args[] = {argv[0], "child", "extra", NULL};
		SYS3(execve, argv[0], args, envp);
		mini_exit(99); /* exec failed */
	}
	int status = -1;
	long got = SYS4(wait4, pid, &status, 0, NULL);
	mini_check("fork+exec+wait4",
		   got == pid && (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 7);

	pid = SYS0(fork);
	if (pid == 0) {
		char *args[] = {argv[0], "wait-for-signal", NULL};
		SYS3(execve, argv[0], args, envp);
		mini_exit(99);
	}
	/* let it start, then kill it with a FreeBSD signal number */
	for (int i = 0; i < 1000; i++)
		SYS0(sched_yield);
	SYS2(kill, pid, SIGUSR1);
	status = -1;
	char info[80];
	got = SYS5(wait6, P_PID, pid, &status, WEXITED, NULL);
	(void)info;
	mini_check("killed child status", got == pid && (status & 0x7f) == SIGUSR1);

	status = -1;
	got = SYS4(wait4, -1, &status, WNOHANG, NULL);
	mini_check("no child left", got == -10 /* ECHILD */);
	return mini_failures ? 1 : 0;
}
