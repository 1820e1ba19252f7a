/*
 * Signals with a dynamically linked program: handlers installed with
 * sigaction, signals raised, sent with kill and pthread_kill, blocked and
 * let go of, and arriving while libc blocks in read or in
 * pthread_cond_wait — the handler runs, then read fails with EINTR or
 * carries on (SA_RESTART), and the condition wait goes on as the program
 * asks.  Another thread sends them once the main thread said it is about
 * to block; the handler notes whether that was so.
 */
#include "libc.h"

static volatile sig_atomic_t caught, code, during, blocking;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int done;
static pthread_t main_thread;
static int fds[2];

static void on_signal(int sig)
{
	caught = sig;
	during = blocking;
}

static void on_signal_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	caught = sig;
	code = si->si_code;
}

static void install(int sig, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* The helper: once the main thread is about to block, a signal; then, for
 * the read that restarts, a byte, and for the condition wait, the
 * condition.  If the main thread does not come back (the signal came
 * before it blocked, and it waits for ever), a byte after two seconds. */
static void *helper(void *arg)
{
	int step = (int)(intptr_t)arg;
	while (!blocking)
		usleep(1000);
	usleep(50000);
	pthread_kill(main_thread, SIGUSR1);
	usleep(50000);
	if (step == 2) {
		if (write(fds[1], "x", 1) != 1)
			puts("write failed");
	} else if (step == 3) {
		pthread_mutex_lock(&lock);
		done = 1;
		pthread_cond_signal(&cond);
		pthread_mutex_unlock(&lock);
	}
	if (step == 1) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 2;
		pthread_mutex_lock(&lock);
		while (!done && pthread_cond_timedwait(&cond, &lock, &until) == 0)
			;
		int late = !done;
		pthread_mutex_unlock(&lock);
		if (late && write(fds[1], "y", 1) != 1)
			puts("write failed");
	}
	return NULL;
}

static void finish_step(void)
{
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
}

int main(void)
{
	main_thread = pthread_self();
	install(SIGUSR1, 0);
	int r = raise(SIGUSR1);
	printf("raise: %d, handler got %d\n", r, caught);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	caught = 0;
	r = kill(getpid(), SIGUSR2);
	printf("kill: %d, handler got %d, si_code %#x (SI_USER)\n", r, caught, code);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	caught = 0;
	raise(SIGUSR1);
	printf("blocked: handler got %d\n", caught);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked: handler got %d\n", caught);

	/* read, no SA_RESTART: EINTR */
	pipe(fds);
	pthread_t t;
	caught = 0;
	pthread_create(&t, NULL, helper, (void *)(intptr_t)1);
	char c;
	blocking = 1;
	errno = 0;
	ssize_t n = read(fds[0], &c, 1);
	blocking = 0;
	int e = errno;
	finish_step();
	pthread_join(t, NULL);
	printf("read: %ld errno=%d, handler got %d while blocked: %s\n", (long)n, e, caught,
	       during ? "yes" : "no");

	/* read with SA_RESTART: the handler, then the read goes on */
	install(SIGUSR1, SA_RESTART);
	caught = 0, during = 0, done = 0;
	pthread_create(&t, NULL, helper, (void *)(intptr_t)2);
	blocking = 1;
	n = read(fds[0], &c, 1);
	blocking = 0;
	pthread_join(t, NULL);
	printf("restarted read: %ld byte '%c', handler got %d while blocked: %s\n", (long)n, c,
	       caught, during ? "yes" : "no");

	/* pthread_cond_wait */
	caught = 0, during = 0, done = 0;
	pthread_create(&t, NULL, helper, (void *)(intptr_t)3);
	pthread_mutex_lock(&lock);
	blocking = 1;
	while (!done)
		pthread_cond_wait(&cond, &lock);
	blocking = 0;
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("condition wait: done, handler got %d while blocked: %s\n", caught,
	       during ? "yes" : "no");
	return 0;
}
