#include "core/threads.h"

#include <errno.h>
#include <linux/futex.h>
#include <linux/prctl.h>
#include <pthread.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/dispatch.h"
#include "core/host.h"
#include "core/log.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/trace.h"
#include "core/uaccess.h"

#define HOST_STACK_SIZE (256 * 1024)

static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct xeno_thread *threads;
static int live;

static void list_add(struct xeno_thread *t)
{
	pthread_mutex_lock(&list_lock);
	t->next = threads;
	threads = t;
	live++;
	pthread_mutex_unlock(&list_lock);
}

/* Removes t; returns how many remain. */
static int list_remove(struct xeno_thread *t)
{
	pthread_mutex_lock(&list_lock);
	for (struct xeno_thread **p = &threads; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			break;
		}
	int left = --live;
	pthread_mutex_unlock(&list_lock);
	return left;
}

void xeno_threads_init(struct xeno_thread *main_thread)
{
	main_thread->is_main = true;
	list_add(main_thread);
}

struct xeno_thread *xeno_threads_current(void)
{
	pid_t self = gettid();
	for (struct xeno_thread *t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next)
		if (t->tid == self)
			return t;
	return NULL;
}

void xeno_threads_walk_unlocked(void (*fn)(struct xeno_thread *, void *), void *arg)
{
	for (struct xeno_thread *t = __atomic_load_n(&threads, __ATOMIC_ACQUIRE); t; t = t->next)
		fn(t, arg);
}

void xeno_threads_after_fork(struct xeno_thread *t)
{
	/* The other threads' states belong to threads that do not exist here;
	 * their memory stays (it is not worth tracking down). */
	pthread_mutex_init(&list_lock, NULL);
	xeno_trace_after_fork();
	threads = NULL;
	live = 0;
	list_add(t);
	/* The child runs on t's signal stack already, with the same GS base;
	 * it has a thread id of its own, and Syscall User Dispatch is set up
	 * again in case the kernel did not carry it over. */
	t->tid = gettid();
	if (xeno_thread_enable_sud(t) < 0)
		xeno_fatal("cannot set up system call interception in a forked child");
}

int xeno_thread_count(void)
{
	pthread_mutex_lock(&list_lock);
	int n = live;
	pthread_mutex_unlock(&list_lock);
	return n;
}

int xeno_thread_with(long id, void (*fn)(struct xeno_thread *, void *), void *arg)
{
	int found = 0;
	pthread_mutex_lock(&list_lock);
	for (struct xeno_thread *t = threads; t; t = t->next)
		if (id == -1 || t->tid == id) {
			fn(t, arg);
			found = 1;
			if (id != -1)
				break;
		}
	pthread_mutex_unlock(&list_lock);
	return found ? 0 : -ESRCH;
}

/* The hand-over between the creating thread and the new one. */
struct spawn {
	struct xeno_thread_start start;
	struct xeno_thread *t;
	pid_t parent_tid;
	uint32_t done; /* futex: 0 until the new thread reports */
	long result;   /* its id, or -errno */
};

static void report(struct spawn *s, long result)
{
	s->result = result;
	__atomic_store_n(&s->done, 1, __ATOMIC_RELEASE);
	host_syscall3(SYS_futex, &s->done, FUTEX_WAKE_PRIVATE, 1);
}

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
	int err = xeno_thread_attach(t);
	if (!err)
		err = store_ids(&s->start, t->tid);
	if (err) {
		report(s, err);
		detach(t);
		return NULL;
	}
	struct xeno_thread_start start = s->start; /* s dies with the report */
	t->sigmask = start.sigmask;
	xeno_sig_apply_mask(t);
	list_add(t);
	if (xeno_trace_enabled)
		xeno_trace_thread_start(t, s->parent_tid);
	report(s, t->tid);
	if (sigsetjmp(t->exit_jmp, 0) == 0) {
		sigset_t host;
		memcpy(&host, &t->wait_mask, sizeof t->wait_mask);
		xeno_enter_guest(&start.entry, start.fs, &host);
	}
	xeno_thread_exited(t);
}

long xeno_thread_spawn(struct xeno_thread *parent, const struct xeno_thread_start *start)
{
	struct spawn s = {.start = *start, .parent_tid = parent->tid, .done = 0};
	s.t = xeno_thread_new(parent->os);
	if (!s.t)
		return -ENOMEM;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, HOST_STACK_SIZE);
	pthread_t th;
	int err = pthread_create(&th, &attr, thread_main, &s);
	pthread_attr_destroy(&attr);
	if (err) {
		xeno_thread_free(s.t);
		return err == EAGAIN ? -EAGAIN : -err;
	}
	while (!__atomic_load_n(&s.done, __ATOMIC_ACQUIRE))
		host_syscall4(SYS_futex, &s.done, FUTEX_WAIT_PRIVATE, 0, NULL);
	return s.result;
}

noreturn void xeno_thread_exit(struct xeno_thread *t)
{
	if (list_remove(t) == 0) {
		xeno_host_tls(t);
		xeno_trace_exit(t, 0);
		xeno_stats_report();
		host_syscall1(SYS_exit_group, 0);
	}
	t->uc = NULL;
	xeno_host_tls(t); /* siglongjmp demangles with glibc's pointer guard */
	siglongjmp(t->exit_jmp, 1); /* off the signal stack, to thread_main or main */
}

noreturn void xeno_thread_exited(struct xeno_thread *t)
{
	detach(t);
	pthread_exit(NULL); /* the main thread too: the process lives on */
}
