#include "core/threads.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/prctl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/hostmem.h"
#include "core/log.h"
#include "core/sigstate.h"
#include "core/stats.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/tracehook.h"
#include "core/uaccess.h"

#define HOST_STACK_SIZE (256 * 1024)
#define STACK_GUARD	4096

/*
 * Host thread stacks are xeno's own memory (core/hostmem.h): glibc would map
 * them where xeno's record of its memory cannot see, and keep them cached
 * after their threads end.  A stack goes back into use once the thread that
 * ran on it is gone, which is when the kernel no longer knows its id
 * (tgkill answers ESRCH); stacks are never unmapped.
 */
struct host_stack {
	void *base; /* the guard page; the stack is above it */
	pid_t tid;  /* its thread; 0: free, -1: being handed out */
	struct host_stack *next;
};

static pthread_mutex_t stacks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct host_stack *stacks;
static __thread struct host_stack *own_stack; /* the calling thread's, if a pool one */

static bool stack_free(const struct host_stack *s, pid_t pid)
{
	pid_t tid = __atomic_load_n(&s->tid, __ATOMIC_ACQUIRE);
	return tid == 0 || (tid > 0 && host_syscall3(SYS_tgkill, pid, tid, 0) == -ESRCH);
}

/* A stack for a new thread, marked in use: NULL when none can be had. */
static struct host_stack *stack_take(void)
{
	pid_t pid = getpid();
	pthread_mutex_lock(&stacks_lock);
	struct host_stack *s = stacks;
	while (s && !stack_free(s, pid))
		s = s->next;
	if (!s && (s = calloc(1, sizeof *s)) != NULL) {
		s->base = xeno_hostmem_map(STACK_GUARD + HOST_STACK_SIZE);
		if (s->base) {
			mprotect(s->base, STACK_GUARD, PROT_NONE);
			s->next = stacks;
			stacks = s;
		} else {
			free(s);
			s = NULL;
		}
	}
	if (s)
		__atomic_store_n(&s->tid, -1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&stacks_lock);
	return s;
}

void xeno_threads_init(struct xeno_thread *main_thread)
{
	main_thread->is_main = true;
	xeno_threadlist_add(main_thread);
}

static void lock_stacks(void)
{
	pthread_mutex_lock(&stacks_lock);
}

static void unlock_stacks(bool child)
{
	(void)child;
	pthread_mutex_unlock(&stacks_lock);
}

XENO_FORK_LOCK(host_stacks, XENO_FORK_RANK_CORE + 10, lock_stacks, unlock_stacks);

/* In the child of a fork: t is the only thread left. */
static void after_fork(struct xeno_thread *t)
{
	/* The other threads' states belong to threads that do not exist here;
	 * their memory stays (it is not worth tracking down). */
	xeno_trace_after_fork();
	xeno_threadlist_reset(t);
	/* The child runs on t's signal stack already, with the same GS base;
	 * it has a thread id of its own, and Syscall User Dispatch is set up
	 * again in case the kernel did not carry it over. */
	t->tid = gettid();
	if (own_stack) /* the other threads' stacks are free: not this one */
		__atomic_store_n(&own_stack->tid, t->tid, __ATOMIC_RELEASE);
	if (xeno_thread_enable_sud(t) < 0)
		xeno_fatal("cannot set up system call interception in a forked child");
}

pid_t xeno_fork(struct xeno_thread *t)
{
	xeno_trace_flush();
	xeno_fork_lock_all();
	pid_t pid = fork();
	int err = errno;
	xeno_fork_unlock_all(pid == 0);
	if (pid == 0)
		after_fork(t);
	return pid < 0 ? -err : pid;
}

/* What the new thread needs to start: the creating thread does not wait for
 * it (FreeBSD's thr_new does not), so this is the new thread's to free. */
struct spawn {
	struct xeno_thread_start start;
	struct xeno_thread *t;
	struct host_stack *stack;
	pid_t parent_tid;
};

static int store_ids(const struct xeno_thread_start *st, pid_t tid)
{
	for (int i = 0; i < 2; i++) {
		if (!st->tid_out[i])
			continue;
		uint64_t v = (uint64_t)tid;
		if (xeno_copy_out(st->tid_out[i], &v, st->id_size) < 0)
			return -EFAULT;
	}
	return 0;
}

/* Whether the id slots can be written, before there is a thread: thr_new
 * fails with EFAULT rather than start a thread it cannot name. */
static int ids_writable(const struct xeno_thread_start *st)
{
	for (int i = 0; i < 2; i++) {
		uint64_t v;
		if (st->tid_out[i] && (xeno_copy_in(&v, st->tid_out[i], st->id_size) < 0 ||
				       xeno_copy_out(st->tid_out[i], &v, st->id_size) < 0))
			return -EFAULT;
	}
	return 0;
}

/* Takes the thread's xeno state down once it no longer runs on it. */
static void detach(struct xeno_thread *t)
{
	prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	stack_t off = {.ss_flags = SS_DISABLE};
	sigaltstack(&off, NULL);
	xeno_thread_free(t);
}

static void *thread_main(void *arg)
{
	struct spawn *s = arg;
	struct xeno_thread *t = s->t;
	struct xeno_thread_start start = s->start;
	pid_t parent_tid = s->parent_tid;
	own_stack = s->stack;
	free(s);
	if (xeno_thread_attach(t) != 0)
		xeno_fatal("cannot set up a new thread for the guest");
	/* The ids are in place before the thread runs guest code, whichever of
	 * it and its creator stores them first (the same values). */
	store_ids(&start, t->tid);
	t->sigmask = start.sigmask;
	t->sigstack = start.sigstack;
	xeno_sig_apply_mask(t);
	if (xeno_trace_enabled)
		xeno_trace_thread_start(t, parent_tid);
	if (sigsetjmp(t->exit_jmp, 0) == 0) {
		sigset_t host;
		memcpy(&host, &t->wait_mask, sizeof t->wait_mask);
		xeno_enter_guest(&start.entry, &host);
	}
	xeno_thread_exited(t);
}

/* The kernel's id of a thread just created, read without waiting for it:
 * glibc gives out its CPU-time clock, which Linux numbers after the thread
 * id (MAKE_THREAD_CPUCLOCK in include/linux/posix-timers.h: ~tid << 3 | 6).
 * 0 when the thread has ended already. */
static pid_t created_tid(pthread_t th)
{
	clockid_t clk;
	if (pthread_getcpuclockid(th, &clk) != 0 || (clk & 7) != 6)
		return 0;
	return (pid_t) ~(clk >> 3);
}

long xeno_thread_spawn(struct xeno_thread *parent, const struct xeno_thread_start *start)
{
	if (ids_writable(start) < 0)
		return -EFAULT;
	struct spawn *s = malloc(sizeof *s);
	if (!s)
		return -ENOMEM;
	*s = (struct spawn){.start = *start, .parent_tid = parent->tid};
	struct xeno_thread *t = s->t = xeno_thread_new(parent->os);
	struct host_stack *stack = t ? stack_take() : NULL;
	if (!stack) {
		if (t)
			xeno_thread_free(t);
		free(s);
		return t ? -EAGAIN : -ENOMEM; /* EAGAIN: thr_new with no room */
	}
	s->stack = stack;
	/* Listed before it runs: its exit counts it out. */
	xeno_threadlist_add(t);
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstack(&attr, (char *)stack->base + STACK_GUARD, HOST_STACK_SIZE);
	pthread_t th;
	int err = pthread_create(&th, &attr, thread_main, s);
	pthread_attr_destroy(&attr);
	if (err) {
		xeno_threadlist_remove(t);
		__atomic_store_n(&stack->tid, 0, __ATOMIC_RELEASE);
		xeno_thread_free(t);
		free(s);
		return err == EAGAIN ? -EAGAIN : -err;
	}
	/* Read while the stack cannot be handed out again (its tid is -1):
	 * glibc keeps the thread's descriptor on it. */
	pid_t tid = created_tid(th);
	__atomic_store_n(&stack->tid, tid, __ATOMIC_RELEASE);
	if (tid > 0) {
		/* not t->tid directly: a short-lived thread may be gone, t freed */
		xeno_threadlist_set_tid(t, tid);
		store_ids(start, tid);
	}
	return tid;
}

noreturn void xeno_thread_exit(struct xeno_thread *t)
{
	if (xeno_threadlist_remove(t) == 0) {
		xeno_host_tls(t);
		xeno_trace_exit(t, 0);
		xeno_stats_report();
		host_syscall1(SYS_exit_group, 0);
	}
	t->uc = NULL;
	/* A call from a patched site runs with the guest's mask: the thread
	 * takes its state down with every signal blocked, as after a trap. */
	sigset_t all;
	sigfillset(&all);
	host_syscall4(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, sizeof(uint64_t));
	xeno_host_tls(t);	    /* siglongjmp demangles with glibc's pointer guard */
	siglongjmp(t->exit_jmp, 1); /* off the signal stack, to thread_main or main */
}

noreturn void xeno_thread_exited(struct xeno_thread *t)
{
	if (t->exit_state) { /* off the guest's stack now (core/thread.h) */
		__atomic_store_n((uint32_t *)t->exit_state, 1, __ATOMIC_RELEASE);
		host_syscall3(SYS_futex, t->exit_state, FUTEX_WAKE_PRIVATE, INT_MAX);
	}
	detach(t);
	pthread_exit(NULL); /* the main thread too: the process lives on */
}
