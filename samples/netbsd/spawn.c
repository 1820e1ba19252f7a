/*
 * Processes the NetBSD way: fork, execve of another NetBSD program (this
 * one, re-run with "child"), __wait450 with the status in NetBSD's terms (a
 * normal exit, a child killed by a signal), getpid's second result (the
 * parent's pid, in RDX), and the old pipe's two results.
 *
 *   spawn                        the checks above
 *   spawn exec PATH [ARGS...]    execve(PATH, [PATH, ARGS...]): to see what
 *                                a program started by a NetBSD one inherits
 */
#include "mini.h"

#define WNOHANG 1

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && mini_strcmp(argv[1], "child") == 0) {
		long ppid = -1;
		long pid = nbsd_syscall2(NETBSD_SYS_getpid, &ppid, 0, 0, 0);
		mini_printf("child: argc=%d argv[2]=%s, parent known: %s\n", argc, argv[2],
			    pid > 0 && ppid == SYS0(getppid) ? "yes" : "no");
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
	long got = SYS4(__wait450, pid, &status, 0, NULL);
	mini_check("fork+exec+wait4",
		   got == pid && (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 7);

	pid = SYS0(fork);
	if (pid == 0) {
		char *args[] = {argv[0], "wait-for-signal", NULL};
		SYS3(execve, argv[0], args, envp);
		mini_exit(99);
	}
	for (int i = 0; i < 1000; i++)
		SYS0(sched_yield);
	SYS2(kill, pid, SIGUSR1);
	status = -1;
	got = SYS4(__wait450, pid, &status, 0, NULL);
	mini_check("killed child status", got == pid && (status & 0x7f) == SIGUSR1);

	status = -1;
	got = SYS4(__wait450, -1, &status, WNOHANG, NULL);
	mini_check("no child left", got == -ECHILD);

	/* pipe(2) of old: the read end in RAX, the write end in RDX */
	long wfd = -1;
	long rfd = nbsd_syscall2(NETBSD_SYS_pipe, &wfd, 0, 0, 0);
	char c = 0;
	mini_check("pipe's two results", rfd >= 0 && wfd >= 0 && rfd != wfd &&
					     SYS3(write, wfd, "x", 1) == 1 &&
					     SYS3(read, rfd, &c, 1) == 1 && c == 'x');
	return mini_failures ? 1 : 0;
}
