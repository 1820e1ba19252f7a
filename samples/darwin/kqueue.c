/*
 * kqueue on macOS's terms (xnu bsd/sys/event.h): the 32-byte struct kevent
 * (a 16-bit filter and flags), EVFILT_USER (-10, FreeBSD's is -11)
 * triggered with NOTE_TRIGGER as Go's netpoller wakes itself, and an
 * EVFILT_TIMER of 5 ms; a wait with a timeout that expires returns 0.
 */
#include "darwin.h"

struct kevent_ {
	uint64_t ident;
	short filter;
	unsigned short flags;
	uint32_t fflags;
	long data;
	void *udata;
};
_Static_assert(sizeof(struct kevent_) == 32, "struct kevent");
struct timespec {
	long tv_sec, tv_nsec;
};
int kqueue(void);
int kevent(int, const struct kevent_ *, int, struct kevent_ *, int, const struct timespec *);

#define EVFILT_TIMER (-7)
#define EVFILT_USER  (-10)
#define EV_ADD	     0x1
#define EV_ONESHOT   0x10
#define EV_CLEAR     0x20
#define NOTE_TRIGGER 0x01000000

int main(void)
{
	int kq = kqueue();
	if (kq < 0)
		fail("kqueue");
	struct timespec zero = {0, 0}, wait = {5, 0};
	struct kevent_ ch = {0xee1eb9f4, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, 0}, ev;
	if (kevent(kq, &ch, 1, 0, 0, 0) != 0)
		fail("add EVFILT_USER");
	if (kevent(kq, 0, 0, &ev, 1, &zero) != 0)
		fail("an event before the trigger");
	ch.flags = 0;
	ch.fflags = NOTE_TRIGGER;
	if (kevent(kq, &ch, 1, &ev, 1, &wait) != 1 || ev.filter != EVFILT_USER ||
	    ev.ident != 0xee1eb9f4)
		fail("EVFILT_USER trigger");
	put("kqueue: EVFILT_USER ");
	put_num(ev.filter);
	struct kevent_ t = {7, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 5, (void *)0x1234};
	if (kevent(kq, &t, 1, &ev, 1, &wait) != 1 || ev.filter != EVFILT_TIMER || ev.ident != 7 ||
	    ev.udata != (void *)0x1234)
		fail("EVFILT_TIMER");
	put(", EVFILT_TIMER ");
	put_num(ev.filter);
	put(" with its udata\n");
	close(kq);
	return 0;
}
