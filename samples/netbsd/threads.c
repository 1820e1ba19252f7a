/*
 * NetBSD light-weight processes: each thread starts from a ucontext
 * (_lwp_create, as libpthread and Go start theirs: getcontext, then the
 * registers of the entry point), gets its own TLS base through
 * _lwp_setprivate, learns its id from _lwp_self, and reports back by
 * unparking the main thread (___lwp_park60, _lwp_unpark).  Then the park
 * rules: a pending unpark, a timeout, and _lwp_wakeup.
 */
#include "mini.h"

#define NTHREADS 8
#define STACK	 (64 * 1024)

static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static struct {
	void *self; /* %fs:0, as the ELF TLS ABI has it */
	int index;  /* what the thread finds through %fs */
	int lid;    /* _lwp_create stored it here before the thread ran */
	long sum;   /* 1 + 2 + ... + 1000 * (index + 1) */
	int ids_ok; /* its _lwp_self and %fs agreed */
	volatile int done;
} slot[NTHREADS];
static int main_lid;

static long park(const struct timespec *ts)
{
	/* ___lwp_park60(clock, flags, ts, unpark, hint, unparkhint) */
	struct timespec t;
	if (ts)
		t = *ts;
	return SYS6(___lwp_park60, CLOCK_MONOTONIC, 0, ts ? &t : NULL, 0, NULL, NULL);
}

static void worker(long i)
{
	SYS1(_lwp_setprivate, &slot[i]);
	int via_fs;
	__asm__ volatile("movq %%fs:0, %%rax; movl 8(%%rax), %0" : "=r"(via_fs) : : "rax");
	long sum = 0;
	for (long k = 1; k <= 1000 * (i + 1); k++)
		sum += k;
	slot[i].sum = sum;
	slot[i].ids_ok = via_fs == i && SYS0(_lwp_self) == slot[i].lid &&
			 SYS0(_lwp_getprivate) == (long)&slot[i];
	__atomic_store_n(&slot[i].done, 1, __ATOMIC_RELEASE);
	SYS2(_lwp_unpark, main_lid, NULL);
	SYS0(_lwp_exit);
}

static int all_done(void)
{
	for (int i = 0; i < NTHREADS; i++)
		if (!__atomic_load_n(&slot[i].done, __ATOMIC_ACQUIRE))
			return 0;
	return 1;
}

static volatile int sleeper_result = 1;

static void sleeper(long arg)
{
	(void)arg;
	sleeper_result = (int)park(NULL);
	SYS2(_lwp_unpark, main_lid, NULL);
	SYS0(_lwp_exit);
}

static long start(void (*fn)(long), long arg, char *stack, int *lid)
{
	static struct ucontext uc; /* _lwp_create copies it in */
	SYS1(getcontext, &uc);
	uc.flags = UC_CPU;
	uc.gregs[REG_RIP] = (unsigned long)fn;
	uc.gregs[REG_RDI] = (unsigned long)arg;
	uc.gregs[REG_RSP] = (unsigned long)(stack + STACK) - 8; /* as after a call */
	return SYS3(_lwp_create, &uc, LWP_DETACHED, lid);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	main_lid = (int)SYS0(_lwp_self);
	for (int i = 0; i < NTHREADS; i++) {
		slot[i].self = &slot[i];
		slot[i].index = i;
		if (start(worker, i, stacks[i], &slot[i].lid) != 0)
			mini_printf("thread %d: _lwp_create failed\n", i);
	}
	while (!all_done())
		park(NULL);
	for (int i = 0; i < NTHREADS; i++) {
		long n = 1000L * (i + 1), want = n * (n + 1) / 2;
		mini_printf("thread %d: sum %ld %s, ids %s\n", i, slot[i].sum,
			    slot[i].sum == want ? "ok" : "WRONG", slot[i].ids_ok ? "ok" : "WRONG");
		mini_failures += slot[i].sum != want || !slot[i].ids_ok;
	}

	/* an unpark that comes first makes the next park return at once */
	SYS2(_lwp_unpark, main_lid, NULL);
	mini_check("pending unpark", park(NULL) == -EALREADY);
	struct timespec ts = {0, 20 * 1000 * 1000};
	mini_check("park timeout", park(&ts) == -ETIMEDOUT);
	mini_check("unpark of no LWP", SYS2(_lwp_unpark, 999999, NULL) == -ESRCH);

	/* _lwp_wakeup ends a park with EINTR */
	int lid = 0;
	start(sleeper, 0, stacks[0], &lid);
	long w = -ENODEV;
	for (int i = 0; i < 100000 && w == -ENODEV; i++) {
		SYS0(sched_yield);
		w = SYS1(_lwp_wakeup, lid);
	}
	while (sleeper_result == 1)
		park(NULL);
	mini_check("_lwp_wakeup", w == 0 && sleeper_result == -EINTR);
	return mini_failures ? 1 : 0;
}
