/* kqueue and the 32-byte struct kevent: a pipe's read end becomes ready
 * once written, with the byte count in data; a timeout returns nothing. */
#include "openbsd.h"

int main(void)
{
	int fds[2], kq = kqueue();
	if (kq < 0 || pipe2(fds, O_CLOEXEC) < 0)
		return 2;
	struct kevent ch = {(uintptr_t)fds[0], EVFILT_READ, EV_ADD, 0, 0, (void *)0x1234}, ev;
	struct timespec ts = {0, 20000000};
	say("register", kevent(kq, &ch, 1, NULL, 0, NULL));
	say("nothing yet", kevent(kq, NULL, 0, &ev, 1, &ts));
	write(fds[1], "abc", 3);
	int n = kevent(kq, NULL, 0, &ev, 1, &ts);
	say("ready", n);
	say("ident is the read end", ev.ident == (uintptr_t)fds[0]);
	say("filter", ev.filter);
	say("data", (long)ev.data);
	say("udata kept", ev.udata == (void *)0x1234);
	struct kevent bad = {9999, EVFILT_READ, EV_ADD, 0, 0, 0};
	say("bad descriptor fails", kevent(kq, &bad, 1, NULL, 0, NULL) < 0 ? errno : 0);
	return 0;
}
