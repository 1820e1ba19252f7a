/* illumos signals: System V numbers, sigaction with siginfo, masks, the
 * alternate stack, a signal to another thread, and a handler that moves
 * the interrupted context somewhere else (as Go's preemption does). */
#include "illumos.h"

static volatile int got, code, onstack, landed;
static char altstack[65536];

static void handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got = sig;
	code = si ? si->si_code : 99;
	char here;
	onstack = &here >= altstack && &here < altstack + sizeof altstack;
}

static void landing(void)
{
	printf("landed where the handler sent it: %d\n", ++landed);
	exit(0);
}

static void mover(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	ucontext_part_t *uc = ctx;
	uc->gregs[REG_RIP] = (long)landing;
	uc->gregs[REG_RSP] = (uc->gregs[REG_RSP] & ~15L) - 8;
}

static sem_t started, stop;
static void *sleeper(void *arg)
{
	(void)arg;
	sem_post(&started);
	while (sem_wait(&stop) < 0 && errno == EINTR)
		;
	return 0;
}

static volatile int spinning, spun, give_up;
static void spun_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)si, (void)ctx;
	spun = sig;
}

static void *spinner(void *arg)
{
	(void)arg;
	sigset_t none = {{0}};
	sigprocmask(SIG_SETMASK, &none, 0);
	spinning = 1;
	while (!spun && !give_up)
		; /* guest code only: the signal must interrupt it */
	return 0;
}

/* A thread created while every signal is blocked inherits the mask; once it
 * unblocks them with a library call, a signal sent to it arrives. */
static void kill_spinner(void)
{
	struct sigaction sa = {.sa_flags = SA_SIGINFO, .sa_sigaction = spun_handler};
	sigaction(SIGUSR2, &sa, 0);
	sigset_t all, old;
	memset(&all, 0xff, sizeof all);
	sigprocmask(SIG_SETMASK, &all, &old);
	pthread_t t;
	pthread_create(&t, 0, spinner, 0);
	sigprocmask(SIG_SETMASK, &old, 0);
	while (!spinning)
		usleep(1000);
	pthread_kill(t, SIGUSR2);
	for (int ms = 0; !spun && ms < 5000; ms++)
		usleep(1000);
	give_up = 1;
	pthread_join(t, 0);
	printf("to a thread that unblocked it: signal %d\n", spun);
}

int main(void)
{
	struct sigaction sa = {.sa_flags = SA_SIGINFO, .sa_sigaction = handler};
	if (sigaction(SIGUSR1, &sa, 0) < 0)
		return 2;
	raise(SIGUSR1);
	printf("raise: signal %d, si_code %d\n", got, code);
	sigset_t block = {{1u << (SIGUSR1 - 1)}};
	got = 0;
	sigprocmask(SIG_BLOCK, &block, 0);
	kill(getpid(), SIGUSR1);
	printf("blocked: %d\n", got);
	sigprocmask(SIG_UNBLOCK, &block, 0);
	printf("unblocked: signal %d, si_code %d\n", got, code);
	stack_t ss = {altstack, sizeof altstack, 0};
	sigaltstack(&ss, 0);
	sa.sa_flags |= SA_ONSTACK;
	sigaction(SIGUSR2, &sa, 0);
	raise(SIGUSR2);
	printf("on the alternate stack: signal %d %s\n", got, onstack ? "yes" : "no");
	pthread_t t;
	sem_init(&started, 0, 0);
	sem_init(&stop, 0, 0);
	pthread_create(&t, 0, sleeper, 0);
	sem_wait(&started);
	got = 0;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGURG, &sa, 0);
	pthread_kill(t, SIGURG);
	while (!got)
		usleep(1000);
	printf("pthread_kill: signal %d, si_code %d\n", got, code);
	sem_post(&stop);
	pthread_join(t, 0);
	kill_spinner();
	struct sigaction mv = {.sa_flags = SA_SIGINFO, .sa_sigaction = mover};
	sigaction(SIGUSR1, &mv, 0);
	raise(SIGUSR1);
	printf("not reached\n");
	return 1;
}
