/*
 * Kernel threads the FreeBSD way: thr_new with a stack of our own, thr_self,
 * _umtx_op waits and wakes, and thr_exit's state word to join.  Prints the
 * work each thread did, in order, and exits 0 if everything added up.
 */
#include "mini.h"

#define NTHREADS 8
#define STACK	 (64 * 1024)

struct worker {
	long tid_child, tid_parent, self;
	long done; /* thr_exit stores 1 here and wakes us */
	unsigned sum;
	unsigned index;
};

static struct worker workers[NTHREADS];
static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static volatile unsigned started;
static unsigned gate; /* 0 until the main thread opens it */

static void worker_main(void *arg)
{
	struct worker *w = arg;
	SYS1(thr_self, &w->self);
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	/* wait for the gate: the value may change before we sleep */
	while (__atomic_load_n(&gate, __ATOMIC_ACQUIRE) == 0)
		SYS5(_umtx_op, &gate, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0);
	for (unsigned i = 0; i <= 1000 * (w->index + 1); i++)
		w->sum += i;
	SYS1(thr_exit, &w->done);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	long me;
	SYS1(thr_self, &me);
	for (unsigned i = 0; i < NTHREADS; i++) {
		workers[i].index = i;
		struct thr_param p = {
		    .start_func = worker_main,
		    .arg = &workers[i],
		    .stack_base = stacks[i],
		    .stack_size = STACK,
		    .child_tid = &workers[i].tid_child,
		    .parent_tid = &workers[i].tid_parent,
		    .flags = THR_SYSTEM_SCOPE,
		};
		long err = SYS2(thr_new, &p, sizeof p);
		if (err != 0) {
			mini_printf("thr_new: %s\n", mini_errname(-err));
			return 1;
		}
		if (workers[i].tid_parent == 0 || workers[i].tid_parent == me) {
			mini_printf("thread %u: no id stored before thr_new returned\n", i);
			return 1;
		}
	}
	while (started < NTHREADS)
		SYS0(sched_yield);
	__atomic_store_n(&gate, 1, __ATOMIC_RELEASE);
	SYS3(_umtx_op, &gate, UMTX_OP_WAKE_PRIVATE, NTHREADS);
	int ok = 1;
	for (unsigned i = 0; i < NTHREADS; i++) {
		struct worker *w = &workers[i];
		while (__atomic_load_n(&w->done, __ATOMIC_ACQUIRE) == 0)
			SYS5(_umtx_op, &w->done, UMTX_OP_WAIT, 0, 0, 0);
		unsigned n = 1000 * (i + 1);
		unsigned want = n * (n + 1) / 2;
		int ids = w->self == w->tid_child && w->self == w->tid_parent && w->self != me;
		mini_printf("thread %u: sum %u %s, ids %s\n", i, w->sum,
			    w->sum == want ? "ok" : "WRONG", ids ? "ok" : "WRONG");
		ok &= w->sum == want && ids;
	}
	/* a wait whose value already changed returns at once, without error */
	unsigned v = 5;
	long r = SYS5(_umtx_op, &v, UMTX_OP_WAIT_UINT_PRIVATE, 4, 0, 0);
	mini_printf("stale wait: %s\n", r == 0 ? "ok" : mini_errname(-r));
	ok &= r == 0;
	return ok ? 0 : 1;
}
