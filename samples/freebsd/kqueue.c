/*
 * kqueue and kevent the FreeBSD way: user events, timers, receipts and
 * errors, EV_CLEAR/ONESHOT/DISPATCH, waits with and without a timeout, a
 * wait woken by another thread and one ended by a signal, both struct
 * kevent layouts, descriptors (stdout, kqueues, a pipe) and what close
 * does to their knotes.  One "name: ok" line per check; exit 0 if all
 * passed.  The pipe check needs pipe2 and says "skipped" without it.
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h: sys/sys/event.h */
#define EVFILT_WRITE   (-2)
#define EVFILT_TIMER   (-7)
#define EV_DELETE      0x0002
#define EV_ENABLE      0x0004
#define EV_DISABLE     0x0008
#define EV_ONESHOT     0x0010
#define EV_RECEIPT     0x0040
#define EV_EOF	       0x8000
#define EV_ERROR       0x4000
#define NOTE_FFCOPY    0xc0000000u
#define NOTE_SECONDS   0x00000001u
#define NOTE_USECONDS  0x00000004u
#define NOTE_ABSTIME   0x00000010u
#define KQUEUE_CLOEXEC 0x00000001u

/* struct kevent before FreeBSD 12, without ext[] */
struct freebsd11_kevent {
	unsigned long ident;
	short filter;
	unsigned short flags;
	unsigned int fflags;
	long data;
	void *udata;
};

static struct kevent ev_set(unsigned long ident, short filter, unsigned short flags,
			    unsigned fflags, long data, void *udata)
{
	return (struct kevent){ident, filter, flags, fflags, data, udata, {0}};
}

static long kevent(int kq, const struct kevent *ch, int nch, struct kevent *ev, int nev,
		   const struct timespec *ts)
{
	return SYS6(kevent, kq, ch, nch, ev, nev, ts);
}

/* One change, no events: 0 or -errno. */
static long change(int kq, struct kevent c)
{
	return kevent(kq, &c, 1, NULL, 0, NULL);
}

static const struct timespec zero = {0, 0};

static long poll_events(int kq, struct kevent *ev, int n)
{
	return kevent(kq, NULL, 0, ev, n, &zero);
}

#define WNOHANG 1 /* sys/sys/wait.h */
#define SIGKILL 9 /* sys/sys/signal.h */

/* ---- a thread, thr_new style ---- */

static char stack[64 * 1024] __attribute__((aligned(16)));
static long tid_child, tid_parent;
static long thread_done;

static void start_thread(void (*fn)(void *), void *arg)
{
	thread_done = 0;
	struct thr_param p = {
	    .start_func = fn,
	    .arg = arg,
	    .stack_base = stack,
	    .stack_size = sizeof stack,
	    .child_tid = &tid_child,
	    .parent_tid = &tid_parent,
	    .flags = THR_SYSTEM_SCOPE,
	};
	SYS2(thr_new, &p, sizeof p);
}

static void join_thread(void)
{
	while (__atomic_load_n(&thread_done, __ATOMIC_ACQUIRE) == 0)
		SYS5(_umtx_op, &thread_done, UMTX_OP_WAIT, 0, 0, 0);
}

static void sleep_ms(long ms)
{
	int kq = (int)SYS0(kqueue);
	struct timespec ts = {0, ms * 1000000};
	struct kevent ev;
	kevent(kq, NULL, 0, &ev, 1, &ts);
	SYS1(close, kq);
}

struct wake_test {
	int kq;
	long result;
	struct kevent ev;
};

static void waiter(void *arg)
{
	struct wake_test *w = arg;
	w->result = kevent(w->kq, NULL, 0, &w->ev, 1, NULL);
	SYS1(thr_exit, &thread_done);
}

static long main_tid;
static volatile int main_waiting;
static volatile int usr1_seen;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen = 1;
}

static void signaller(void *arg)
{
	(void)arg;
	while (!main_waiting)
		sleep_ms(1);
	sleep_ms(30);
	SYS2(thr_kill, main_tid, SIGUSR1);
	SYS1(thr_exit, &thread_done);
}

/* ---- the checks ---- */

static void user_events(int kq)
{
	struct kevent ev[4];
	int tag;
	long r = change(kq, ev_set(1, EVFILT_USER, EV_ADD, 0, 0, &tag));
	int quiet = poll_events(kq, ev, 4) == 0;
	r |= change(kq, ev_set(1, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFCOPY | 42, 7, &tag));
	long n = poll_events(kq, ev, 4);
	mini_check("user trigger", r == 0 && quiet && n == 1 && ev[0].ident == 1 &&
				       ev[0].filter == EVFILT_USER && ev[0].fflags == 42 &&
				       ev[0].data == 7 && ev[0].udata == &tag);

	change(kq, ev_set(2, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, NULL));
	change(kq, ev_set(2, EVFILT_USER, 0, NOTE_TRIGGER, 0, NULL));
	change(kq, ev_set(1, EVFILT_USER, EV_DELETE, 0, 0, NULL));
	n = poll_events(kq, ev, 4);
	mini_check("user clear", n == 1 && ev[0].ident == 2 && poll_events(kq, ev, 4) == 0);

	change(kq, ev_set(3, EVFILT_USER, EV_ADD | EV_ONESHOT, 0, 0, NULL));
	change(kq, ev_set(3, EVFILT_USER, 0, NOTE_TRIGGER, 0, NULL));
	n = poll_events(kq, ev, 4);
	mini_check("oneshot",
		   n == 1 && ev[0].ident == 3 && poll_events(kq, ev, 4) == 0 &&
		       change(kq, ev_set(3, EVFILT_USER, EV_DELETE, 0, 0, NULL)) == -ENOENT);

	/* Go's netpollBreak: EV_ENABLE|NOTE_TRIGGER, drained by EV_DISABLE */
	unsigned long go = 0xee1eb9f4;
	change(kq, ev_set(go, EVFILT_USER, EV_ADD, 0, 0, NULL));
	change(kq, ev_set(go, EVFILT_USER, EV_ENABLE, NOTE_TRIGGER, 0, NULL));
	int woke = poll_events(kq, ev, 4) == 1 && ev[0].ident == go;
	change(kq, ev_set(go, EVFILT_USER, EV_DISABLE, 0, 0, NULL));
	int drained = poll_events(kq, ev, 4) == 0;
	change(kq, ev_set(go, EVFILT_USER, EV_ENABLE, NOTE_TRIGGER, 0, NULL));
	mini_check("enable and disable", woke && drained && poll_events(kq, ev, 4) == 1);
	change(kq, ev_set(go, EVFILT_USER, EV_DELETE, 0, 0, NULL));
	change(kq, ev_set(2, EVFILT_USER, EV_DELETE, 0, 0, NULL));
}

static void receipts_and_errors(int kq)
{
	struct kevent ev[4];
	struct kevent ch[2] = {
	    ev_set(10, EVFILT_USER, EV_ADD | EV_RECEIPT, 0, 0, NULL),
	    ev_set(11, EVFILT_USER, EV_DELETE, 0, 0, NULL),
	};
	long n = kevent(kq, ch, 2, ev, 4, &zero);
	mini_check("receipt", n == 2 && ev[0].ident == 10 && ev[0].flags == EV_ERROR &&
				  ev[0].data == 0 && ev[1].ident == 11 && ev[1].flags == EV_ERROR &&
				  ev[1].data == ENOENT);
	int in_list = kevent(kq, &ch[1], 1, NULL, 0, NULL) == -ENOENT;
	int filter = change(kq, ev_set(1, -20, EV_ADD, 0, 0, NULL)) == -EINVAL;
	int badfd = change(kq, ev_set(1000, EVFILT_READ, EV_ADD, 0, 0, NULL)) == -EBADF;
	int notkq = kevent(1, NULL, 0, ev, 1, &zero) == -EBADF;
	int negative = kevent(kq, NULL, -1, ev, 1, &zero) == -EINVAL;
	mini_check("errors", in_list && filter && badfd && notkq && negative);
	change(kq, ev_set(10, EVFILT_USER, EV_DELETE, 0, 0, NULL));
}

static void timers(int kq)
{
	struct kevent ev[2];
	change(kq, ev_set(1, EVFILT_TIMER, EV_ADD, 0, 5, NULL));
	long n = kevent(kq, NULL, 0, ev, 2, NULL);
	mini_check("timer", n == 1 && ev[0].filter == EVFILT_TIMER && ev[0].data >= 1 &&
				(ev[0].flags & EV_CLEAR));
	change(kq, ev_set(1, EVFILT_TIMER, EV_DELETE, 0, 0, NULL));

	change(kq, ev_set(2, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_USECONDS, 10000, NULL));
	n = kevent(kq, NULL, 0, ev, 2, NULL);
	mini_check("timer oneshot",
		   n == 1 && ev[0].ident == 2 && ev[0].data == 1 &&
		       change(kq, ev_set(2, EVFILT_TIMER, EV_DELETE, 0, 0, NULL)) == -ENOENT);

	change(kq,
	       ev_set(3, EVFILT_TIMER, EV_ADD | EV_ONESHOT, NOTE_SECONDS | NOTE_ABSTIME, 1, NULL));
	struct timespec second = {1, 0};
	n = kevent(kq, NULL, 0, ev, 2, &second);
	mini_check("timer absolute", n == 1 && ev[0].ident == 3 && ev[0].data == 1);

	struct timespec ms20 = {0, 20 * 1000 * 1000};
	mini_check("timeout", kevent(kq, NULL, 0, ev, 2, &ms20) == 0);
}

static void old_layout(int kq)
{
	struct freebsd11_kevent c = {7, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, &c};
	struct freebsd11_kevent ev[2];
	long r = SYS6(freebsd11_kevent, kq, &c, 1, 0, 0, 0);
	c.flags = 0;
	c.fflags = NOTE_TRIGGER | NOTE_FFCOPY | 5;
	r |= SYS6(freebsd11_kevent, kq, &c, 1, 0, 0, 0);
	long n = SYS6(freebsd11_kevent, kq, 0, 0, ev, 2, &zero);
	mini_check("freebsd11 kevent", r == 0 && n == 1 && ev[0].ident == 7 && ev[0].fflags == 5 &&
					   ev[0].udata == &c && ev[0].flags == EV_CLEAR);
	change(kq, ev_set(7, EVFILT_USER, EV_DELETE, 0, 0, NULL));
}

static void descriptors(int kq)
{
	struct kevent ev[4];
	change(kq, ev_set(1, EVFILT_WRITE, EV_ADD | EV_ONESHOT, 0, 0, NULL));
	long n = poll_events(kq, ev, 4);
	mini_check("stdout writable", n == 1 && ev[0].ident == 1 && ev[0].filter == EVFILT_WRITE);

	int inner = (int)SYS0(kqueue);
	change(inner, ev_set(1, EVFILT_USER, EV_ADD, 0, 0, NULL));
	change(kq, ev_set((unsigned long)inner, EVFILT_READ, EV_ADD, 0, 0, NULL));
	int quiet = poll_events(kq, ev, 4) == 0;
	change(inner, ev_set(1, EVFILT_USER, 0, NOTE_TRIGGER, 0, NULL));
	n = poll_events(kq, ev, 4);
	mini_check("kqueue in kqueue", quiet && n == 1 && ev[0].ident == (unsigned long)inner);

	/* close takes the knotes of the descriptor with it */
	SYS1(close, inner);
	int gone = poll_events(kq, ev, 4) == 0 && kevent(inner, NULL, 0, ev, 1, &zero) == -EBADF;
	int again = (int)SYS0(kqueue);
	long del = change(kq, ev_set((unsigned long)again, EVFILT_READ, EV_DELETE, 0, 0, NULL));
	mini_check("close", gone && again == inner && del == -ENOENT);
	SYS1(close, again);
}

static void pipe_events(int kq)
{
	int p[2];
	long r = SYS2(pipe2, p, O_NONBLOCK);
	if (r == -ENOSYS) {
		mini_printf("pipe: skipped (pipe2 not implemented)\n");
		return;
	}
	struct kevent ev[4];
	struct kevent ch[2] = {
	    ev_set((unsigned long)p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, &p[0]),
	    ev_set((unsigned long)p[1], EVFILT_WRITE, EV_ADD | EV_CLEAR, 0, 0, &p[1]),
	};
	r |= kevent(kq, ch, 2, NULL, 0, NULL);
	long n = poll_events(kq, ev, 4);
	int writable = n == 1 && ev[0].ident == (unsigned long)p[1] && ev[0].udata == &p[1];
	SYS3(write, p[1], "hello", 5);
	n = poll_events(kq, ev, 4);
	int readable =
	    n >= 1 && ev[0].ident == (unsigned long)p[0] && ev[0].data == 5 && ev[0].udata == &p[0];
	int edge = poll_events(kq, ev, 4) == 0;
	SYS1(close, p[1]);
	n = poll_events(kq, ev, 4);
	int eof = n == 1 && ev[0].ident == (unsigned long)p[0] && (ev[0].flags & EV_EOF);
	mini_check("pipe", r == 0 && writable && readable && edge && eof);
	SYS1(close, p[0]);
}

static void threads(int kq)
{
	struct wake_test w = {.kq = kq};
	change(kq, ev_set(20, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, NULL));
	start_thread(waiter, &w);
	sleep_ms(20);
	change(kq, ev_set(20, EVFILT_USER, 0, NOTE_TRIGGER, 0, NULL));
	join_thread();
	mini_check("wake from another thread", w.result == 1 && w.ev.ident == 20);

	struct sigaction sa = {.handler = on_usr1};
	SYS3(sigaction, SIGUSR1, &sa, NULL);
	SYS1(thr_self, &main_tid);
	start_thread(signaller, NULL);
	struct kevent ev;
	main_waiting = 1;
	long r = kevent(kq, NULL, 0, &ev, 1, NULL);
	join_thread();
	mini_check("interrupted by a signal", r == -EINTR && usr1_seen);
}

/* A forked child exits with status 0 if check() holds in it, 1 if not;
 * the parent waits at most about ten seconds for it (a child stuck on a lock
 * another thread held at the fork is killed and counted as failing). */
static int child_passes(int (*check)(int), int kq)
{
	mini_flush();
	long pid = SYS0(fork);
	if (pid == 0)
		mini_exit(check(kq) ? 0 : 1);
	int status = -1;
	for (int tries = 0; tries < 10000; tries++) {
		if (SYS4(wait4, pid, &status, WNOHANG, NULL) == pid)
			return status == 0;
		struct timespec ms = {0, 1000000};
		SYS2(nanosleep, &ms, NULL);
	}
	SYS2(kill, pid, SIGKILL);
	SYS4(wait4, pid, &status, 0, NULL);
	return 0;
}

/* FreeBSD does not pass kqueues on to a forked child. */
static int kqueue_gone(int kq)
{
	return SYS2(fcntl, kq, F_GETFD) == -EBADF;
}

/* Closing a descriptor in the child, which goes past the kqueues. */
static int closes_fine(int kq)
{
	(void)kq;
	return SYS2(dup2, 1, 9) == 9 && SYS1(close, 9) == 0;
}

static volatile int stop_polling;

static void poller(void *arg)
{
	int kq = *(int *)arg;
	struct kevent ev;
	while (!stop_polling)
		kevent(kq, NULL, 0, &ev, 1, &zero);
	SYS1(thr_exit, &thread_done);
}

static void forks(int kq)
{
	mini_check("fork: the child has no kqueue", child_passes(kqueue_gone, kq));
	/* with another thread in kevent all along, so that some forks land
	 * while it holds the kqueue */
	change(kq, ev_set(30, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, NULL));
	stop_polling = 0;
	start_thread(poller, &kq);
	int all = 1;
	for (int i = 0; i < 100 && all; i++)
		all = child_passes(closes_fine, kq);
	stop_polling = 1;
	join_thread();
	mini_check("fork while another thread polls", all);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	int kq = (int)SYS0(kqueue);
	mini_check("kqueue", kq >= 0);
	long kqx = SYS1(kqueuex, KQUEUE_CLOEXEC);
	mini_check("kqueuex", kqx >= 0 && SYS1(kqueuex, 2) == -EINVAL);
	SYS1(close, kqx);
	user_events(kq);
	receipts_and_errors(kq);
	timers(kq);
	old_layout(kq);
	descriptors(kq);
	pipe_events(kq);
	threads(kq);
	forks(kq);
	return mini_failures ? 1 : 0;
}
