/* OpenBSD processes: fork, execve of a program (this one again, with other
 * arguments and environment), and the wait status waitpid reports as
 * OpenBSD lays it out, with OpenBSD's signal numbers (SIGUSR1 30, SIGTERM
 * 15) and errno numbers (ECHILD 10, ENOENT 2). */
#include "openbsd.h"

static int exec_child(char **argv, char **envp)
{
	put("exec'd child: ");
	put(argv[1]);
	for (char **e = envp; *e; e++)
		if (e[0][0] == 'G') {
			put(", ");
			put(*e);
		}
	put("\n");
	return 7;
}

static int reap(const char *what, pid_t pid)
{
	int status = 0;
	pid_t r = waitpid(pid, &status, 0);
	put(what);
	say(": waitpid found it", r == pid);
	if (WIFEXITED(status))
		say("  exited with", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		say("  killed by signal", WTERMSIG(status));
	return status;
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && argv[1][0] == 'c')
		return exec_child(argv, envp);
	int fds[2], go[2];
	if (pipe2(fds, 0) < 0 || pipe2(go, 0) < 0)
		return 2;
	pid_t me = getpid(), pid = fork();
	if (pid == 0) {
		int ok = getppid() == me && getpid() != me;
		write(fds[1], &ok, sizeof ok);
		read(go[0], &ok, sizeof ok); /* the parent has said its line */
		char *args[] = {argv[0], "child", NULL};
		char *env[] = {"GREETING=from the parent", "OTHER=1", NULL};
		execve(argv[0], args, env);
		_exit(99);
	}
	int ok = 0;
	read(fds[0], &ok, sizeof ok);
	say("fork: the child has its own pid and this one as parent", ok);
	write(go[1], &ok, sizeof ok); /* before the exec'd child says its own */
	reap("exec'd child", pid);

	if ((pid = fork()) == 0) {
		kill(getpid(), SIGUSR1);
		_exit(98);
	}
	reap("child that sent itself SIGUSR1", pid);

	if ((pid = fork()) == 0) {
		struct timespec ts = {30, 0};
		nanosleep(&ts, NULL);
		_exit(97);
	}
	int status = -1;
	say("WNOHANG while it runs", waitpid(pid, &status, WNOHANG));
	kill(pid, SIGTERM);
	reap("child sent SIGTERM", pid);

	errno = 0;
	say("waitpid with no children", waitpid(-1, &status, 0));
	say("errno (ECHILD)", errno);
	char *none[] = {"nothing", NULL};
	errno = 0;
	say("execve of a missing file", execve("/no/such/program", none, envp));
	say("errno (ENOENT)", errno);
	return 0;
}
