/*
 * NetBSD signals: handlers registered with __sigaction_sigtramp and the
 * program's own trampoline, which returns through setcontext; siginfo and
 * the ucontext in NetBSD's layout (a fault handler repairs the registers
 * it returns to), the alternate stack, masks and pending signals,
 * SA_RESETHAND, a signal to one LWP (_lwp_kill), and SIGPWR, which NetBSD
 * ignores by default.  One "name: ok" line per check; exit 0 if all
 * passed.  With argument "term" it ends by sending itself SIGTERM, which
 * it does not catch.
 */
#include "mini.h"

static void sigaddset(struct sigset *s, int sig)
{
	s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
}

static int sigismember(const struct sigset *s, int sig)
{
	return (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

static long on(int sig, void *handler, int flags)
{
	struct sigaction sa = {.handler = handler, .flags = flags | SA_SIGINFO};
	return SYS5(__sigaction_sigtramp, sig, &sa, NULL, nbsd_sigtramp, SIGTRAMP_SIGINFO_VERSION);
}

static void raise_self(int sig)
{
	SYS2(_lwp_kill, SYS0(_lwp_self), sig);
}

static volatile int usr1_count;
static volatile int usr1_ok;

static void usr1(int sig, struct siginfo *si, struct ucontext *uc)
{
	usr1_count++;
	usr1_ok = sig == SIGUSR1 && si->signo == SIGUSR1 && si->code == SI_LWP && uc != NULL &&
		  (uc->flags & UC_CPU) && (uc->flags & UC_SIGMASK) && uc->gregs[REG_RIP] != 0;
}

static void segv(int sig, struct siginfo *si, struct ucontext *uc)
{
	/* the faulting load is 2 bytes long: skip it and supply its value */
	if (sig == SIGSEGV && si->reason.fault.addr == (void *)8 && si->code == SEGV_MAPERR) {
		uc->gregs[REG_RIP] += 2;
		uc->gregs[REG_RAX] = 42;
	}
}

static char altstack[64 * 1024];
static volatile int on_altstack;

static void usr2(int sig, struct siginfo *si, struct ucontext *uc)
{
	(void)sig, (void)si, (void)uc;
	char local;
	struct stack now;
	SYS2(__sigaltstack14, NULL, &now);
	on_altstack =
	    &local >= altstack && &local < altstack + sizeof altstack && (now.flags & SS_ONSTACK);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	mini_check("handler needs a trampoline version",
		   SYS5(__sigaction_sigtramp, SIGUSR1, &(struct sigaction){.handler = usr1}, NULL,
			nbsd_sigtramp, 1) == -EINVAL);
	on(SIGUSR1, usr1, 0);
	raise_self(SIGUSR1);
	mini_check("handler", usr1_count == 1 && usr1_ok);

	on(SIGSEGV, segv, 0);
	long value;
	__asm__ volatile("movl (%1), %%eax" : "=a"(value) : "r"(8L) : "memory");
	mini_check("fault repaired", value == 42);

	struct stack ss = {.sp = altstack, .size = sizeof altstack};
	SYS2(__sigaltstack14, &ss, NULL);
	on(SIGUSR2, usr2, SA_ONSTACK);
	raise_self(SIGUSR2);
	mini_check("alternate stack", on_altstack);

	struct sigset block = {{0}}, pending = {{0}};
	sigaddset(&block, SIGUSR1);
	SYS3(__sigprocmask14, SIG_BLOCK, &block, NULL);
	raise_self(SIGUSR1);
	int held = usr1_count == 1;
	SYS1(__sigpending14, &pending);
	int listed = sigismember(&pending, SIGUSR1);
	SYS3(__sigprocmask14, SIG_UNBLOCK, &block, NULL);
	mini_check("blocked then delivered", held && listed && usr1_count == 2);

	/* the mask the handler ran with is restored by setcontext */
	struct sigset now = {{0}};
	SYS3(__sigprocmask14, SIG_BLOCK, NULL, &now);
	mini_check("mask restored after the handler", !sigismember(&now, SIGUSR1));

	struct timespec ts = {0, 20 * 1000 * 1000};
	long r = SYS6(___lwp_park60, CLOCK_MONOTONIC, 0, &ts, 0, NULL, NULL);
	mini_check("timed wait", r == -ETIMEDOUT);

	on(SIGUSR1, usr1, SA_RESETHAND);
	raise_self(SIGUSR1);
	struct sigaction old;
	SYS5(__sigaction_sigtramp, SIGUSR1, NULL, &old, NULL, 0);
	mini_check("reset to default", usr1_count == 3 && old.handler == NULL);

	/* SIGPWR: NetBSD's own signal 32, ignored by default */
	raise_self(SIGPWR);
	mini_check("SIGPWR ignored by default", 1);

	if (argc > 1 && mini_strcmp(argv[1], "term") == 0) {
		mini_printf("sending SIGTERM\n");
		mini_flush();
		SYS2(kill, SYS0(getpid), SIGTERM);
		mini_printf("still alive\n");
	}
	return mini_failures ? 1 : 0;
}
