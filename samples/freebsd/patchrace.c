/*
 * System call sites run by several threads at once from their first
 * execution on, so that under xeno a site is patched (core/patch.h) while
 * other threads run it, trap at it or are interrupted in it; and signals
 * sent to the threads all along, whose handlers check that the context
 * they interrupted is the program's own (an address of its code, its own
 * stack), never a trampoline's or xeno's.  A forked child then patches a
 * site the parent has not run yet, which the parent runs afterwards.
 * Prints one "name: ok" line per check; exits 0 if all passed.  Under
 * xeno it must behave the same with patching on and off.
 */
#include "mini.h"

#define NTHREADS   3
#define STACK	   (64 * 1024)
#define MIN_ROUNDS 200
#define SIGNALS	   300 /* sent to each thread at least */

extern const char __executable_start[], etext[];

/* Sites of the form Go's runtime uses, mov $nr,%eax; syscall: getpid. */
#define SITE(n)                                                                                    \
	static __attribute__((noinline)) long site##n(void)                                        \
	{                                                                                          \
		long r;                                                                            \
		__asm__ volatile("mov %1, %%eax\n\tsyscall"                                        \
				 : "=a"(r)                                                         \
				 : "i"(FREEBSD_SYS_getpid)                                         \
				 : "rcx", "r11", "rdx", "memory", "cc");                           \
		return r;                                                                          \
	}
#define SITES8(n)                                                                                  \
	SITE(n##0) SITE(n##1) SITE(n##2) SITE(n##3) SITE(n##4) SITE(n##5) SITE(n##6) SITE(n##7)
SITES8(1)
SITES8(2)
SITES8(3)
SITES8(4)
SITE(50)
#define P8(n)                                                                                      \
	site##n##0, site##n##1, site##n##2, site##n##3, site##n##4, site##n##5, site##n##6,        \
	    site##n##7
static long (*const sites[])(void) = {P8(1), P8(2), P8(3), P8(4)};
#define NSITES (sizeof sites / sizeof sites[0])

/* clock_gettime(CLOCK_MONOTONIC) the same way: xeno answers it from the
 * vDSO once patched. */
static long monotonic(struct timespec *ts)
{
	long r;
	__asm__ volatile("mov %3, %%eax\n\tsyscall"
			 : "=a"(r)
			 : "D"((long)CLOCK_MONOTONIC), "S"(ts), "i"(FREEBSD_SYS_clock_gettime)
			 : "rcx", "r11", "rdx", "memory", "cc");
	return r;
}

struct worker {
	long tid, done;
	unsigned index, rounds, wrong, clock_wrong;
	volatile unsigned signals, bad_context;
};

static struct worker workers[NTHREADS];
static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static volatile unsigned started, stop;
static unsigned gate;
static long pid;

static void on_usr1(int sig, struct siginfo *si, struct ucontext *uc)
{
	(void)sig, (void)si;
	const char *sp = (const char *)uc->mc.rsp, *ip = (const char *)uc->mc.rip;
	for (unsigned i = 0; i < NTHREADS; i++) {
		if (sp < stacks[i] || sp >= stacks[i] + STACK)
			continue;
		workers[i].signals++;
		if (ip < __executable_start || ip >= etext)
			workers[i].bad_context++;
		if (sites[i]() != pid) /* a call from the handler, too */
			workers[i].wrong++;
		return;
	}
	workers[0].bad_context++; /* on no worker's stack */
}

static void worker_main(void *arg)
{
	struct worker *w = arg;
	SYS1(thr_self, &w->tid);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&gate, __ATOMIC_ACQUIRE) == 0)
		SYS5(_umtx_op, &gate, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0);
	struct timespec last = {0, 0}, now;
	while (w->rounds < MIN_ROUNDS || !stop) {
		/* each thread starts at a different site: every site is first
		 * run by one thread while the others run others */
		for (unsigned k = 0; k < NSITES; k++)
			if (sites[(k + w->index * 7) % NSITES]() != pid)
				w->wrong++;
		if (monotonic(&now) != 0 || now.tv_sec < last.tv_sec ||
		    (now.tv_sec == last.tv_sec && now.tv_nsec < last.tv_nsec))
			w->clock_wrong++;
		last = now;
		w->rounds++;
	}
	SYS1(thr_exit, &w->done);
}

/* Runs in a forked child: site50 is new there. */
static int child_runs_new_site(void)
{
	mini_flush();
	long child = SYS0(fork);
	if (child == 0) {
		long me = SYS0(getpid);
		mini_exit(site50() == me && site50() == me && site10() == me ? 0 : 1);
	}
	int status = -1;
	return SYS4(wait4, child, &status, 0, NULL) == child && status == 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	pid = SYS0(getpid);
	struct sigaction sa = {.handler = on_usr1, .flags = SA_SIGINFO | SA_RESTART};
	SYS3(sigaction, SIGUSR1, &sa, NULL);
	for (unsigned i = 0; i < NTHREADS; i++) {
		workers[i].index = i;
		struct thr_param p = {
		    .start_func = worker_main,
		    .arg = &workers[i],
		    .stack_base = stacks[i],
		    .stack_size = STACK,
		    .flags = THR_SYSTEM_SCOPE,
		};
		if (SYS2(thr_new, &p, sizeof p) != 0)
			return 1;
	}
	while (started < NTHREADS)
		SYS0(sched_yield);
	__atomic_store_n(&gate, 1, __ATOMIC_RELEASE);
	SYS3(_umtx_op, &gate, UMTX_OP_WAKE_PRIVATE, NTHREADS);
	/* signals until every thread has had its share and done its rounds */
	for (unsigned sent = 0;; sent++) {
		unsigned ready = 0;
		for (unsigned i = 0; i < NTHREADS; i++) {
			if (sent < SIGNALS)
				SYS2(thr_kill, workers[i].tid, SIGUSR1);
			ready += workers[i].signals > 0 && workers[i].rounds >= MIN_ROUNDS;
		}
		if (sent >= SIGNALS && ready == NTHREADS)
			break;
		SYS0(sched_yield);
	}
	stop = 1;
	unsigned wrong = 0, clock_wrong = 0, bad_context = 0;
	for (unsigned i = 0; i < NTHREADS; i++) {
		while (__atomic_load_n(&workers[i].done, __ATOMIC_ACQUIRE) == 0)
			SYS5(_umtx_op, &workers[i].done, UMTX_OP_WAIT, 0, 0, 0);
		wrong += workers[i].wrong;
		clock_wrong += workers[i].clock_wrong;
		bad_context += workers[i].bad_context;
	}
	mini_check("every call's result", wrong == 0);
	mini_check("the clock never goes back", clock_wrong == 0);
	mini_check("signals see the program's own context", bad_context == 0);
	mini_check("a forked child patches a site of its own", child_runs_new_site());
	mini_check("the parent runs it after", site50() == pid && site50() == pid);
	return mini_failures ? 1 : 0;
}
