/*
 * kqueue and kevent the NetBSD way: kqueue1 and __kevent50 with NetBSD's
 * 40-byte struct kevent (unsigned 32-bit filter and flags, EVFILT_READ 0,
 * EVFILT_USER 8), user events, timers, EV_CLEAR and EV_ONESHOT, receipts of
 * errors, waits with and without a timeout, a pipe's read and EOF events,
 * a child's exit (EVFILT_PROC), and what close does to a knote.  One
 * "name: ok" line per check; exit 0 if all passed.
 */
#include "mini.h"

#define WNOHANG 1

static struct kevent ev_set(unsigned long ident, unsigned filter, unsigned flags, unsigned fflags,
			    long data, void *udata)
{
	return (struct kevent){ident, filter, flags, fflags, data, udata};
}

/* __kevent50(kq, changelist, nchanges, eventlist, nevents, timeout) */
static long kevent(int kq, const struct kevent *ch, size_t nch, struct kevent *ev, size_t nev,
		   const struct timespec *ts)
{
	return SYS6(compat_100___kevent50, kq, ch, nch, ev, nev, ts);
}

static long change(int kq, struct kevent c)
{
	return kevent(kq, &c, 1, NULL, 0, NULL);
}

static const struct timespec zero = {0, 0};

static long poll_events(int kq, struct kevent *ev, int n)
{
	return kevent(kq, NULL, 0, ev, n, &zero);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	long kq = SYS1(kqueue1, O_CLOEXEC);
	mini_check("kqueue1(O_CLOEXEC)", kq >= 0 && SYS2(fcntl, kq, F_GETFD) == FD_CLOEXEC);
	mini_check("kqueue1(bad flag)", SYS1(kqueue1, O_APPEND) == -EINVAL);
	long nb = SYS1(kqueue1, O_NONBLOCK);
	mini_check("kqueue1(O_NONBLOCK)", nb >= 0 && (SYS2(fcntl, nb, F_GETFL) & O_NONBLOCK));
	SYS1(close, nb);

	struct kevent ev[4];
	mini_check("empty queue", poll_events(kq, ev, 4) == 0);

	/* a user event: added, triggered, reported with its udata */
	static int cookie;
	change(kq, ev_set(7, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, &cookie));
	change(kq, ev_set(7, EVFILT_USER, 0, NOTE_TRIGGER, 0, &cookie));
	long n = poll_events(kq, ev, 4);
	mini_check("EVFILT_USER", n == 1 && ev[0].ident == 7 && ev[0].filter == EVFILT_USER &&
				      ev[0].udata == &cookie);
	mini_check("EV_CLEAR: reported once", poll_events(kq, ev, 4) == 0);

	/* a timer of 10 ms, one shot: the wait is ended by it */
	change(kq, ev_set(1, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 10, NULL));
	struct timespec second = {1, 0};
	n = kevent(kq, NULL, 0, ev, 4, &second);
	mini_check("EVFILT_TIMER", n == 1 && ev[0].filter == EVFILT_TIMER && ev[0].data >= 1);
	struct timespec ms20 = {0, 20 * 1000 * 1000};
	mini_check("EV_ONESHOT: gone, the wait times out", kevent(kq, NULL, 0, ev, 4, &ms20) == 0);

	/* an error is a receipt when there is room for it */
	struct kevent bad = ev_set(12345, EVFILT_READ, EV_ADD, 0, 0, NULL);
	n = kevent(kq, &bad, 1, ev, 4, &zero);
	mini_check("EV_ERROR receipt", n == 1 && (ev[0].flags & EV_ERROR) && ev[0].data == EBADF &&
					   ev[0].ident == 12345);
	mini_check("error without room", kevent(kq, &bad, 1, NULL, 0, &zero) == -EBADF);
	mini_check("EV_DELETE of nothing",
		   change(kq, ev_set(5, EVFILT_USER, EV_DELETE, 0, 0, NULL)) == -ENOENT);

	/* a pipe: readable with its byte count, then EOF once the writer goes */
	int p[2];
	SYS2(pipe2, p, O_CLOEXEC);
	change(kq, ev_set((unsigned)p[0], EVFILT_READ, EV_ADD, 0, 0, NULL));
	SYS3(write, p[1], "abc", 3);
	n = poll_events(kq, ev, 4);
	mini_check("pipe readable", n == 1 && ev[0].ident == (unsigned)p[0] && ev[0].data == 3);
	SYS1(close, p[1]);
	n = poll_events(kq, ev, 4);
	mini_check("pipe EOF", n == 1 && (ev[0].flags & EV_EOF));
	SYS1(close, p[0]);
	mini_check("close drops the knote", poll_events(kq, ev, 4) == 0);

	/* a child's exit */
	mini_flush();
	long pid = SYS0(fork);
	if (pid == 0) {
		struct timespec t = {0, 30 * 1000 * 1000};
		SYS2(__nanosleep50, &t, NULL);
		SYS1(exit, 3);
	}
	change(kq, ev_set((unsigned long)pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, NULL));
	n = kevent(kq, NULL, 0, ev, 4, &second);
	mini_check("EVFILT_PROC NOTE_EXIT", n == 1 && ev[0].ident == (unsigned long)pid &&
						(ev[0].fflags & NOTE_EXIT) &&
						((ev[0].data >> 8) & 0xff) == 3);
	int status;
	SYS4(__wait450, pid, &status, 0, NULL);
	SYS1(close, kq);
	mini_check("closed kqueue", poll_events((int)kq, ev, 4) == -EBADF);
	return mini_failures ? 1 : 0;
}
