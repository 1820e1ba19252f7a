/* FreeBSD <-> Linux poll events (sys/sys/poll.h). */
#include "unit.h"

#include <errno.h>
#include <poll.h>

#include "abi/freebsd/socket.h"

static void events_to_host(void **state)
{
	(void)state;
	short h = 0;
	assert_int_equal(freebsd_poll_events_to_host(0x1 | 0x4 | 0x40, &h), 0);
	assert_int_equal(h, POLLIN | POLLOUT | POLLRDNORM);
	assert_int_equal(freebsd_poll_events_to_host(0x100, &h), 0); /* POLLWRBAND */
	assert_int_equal(h, POLLWRBAND);
	assert_int_equal(freebsd_poll_events_to_host(0x4000, &h), 0); /* POLLRDHUP */
	assert_int_equal(h, POLLRDHUP);
	assert_int_equal(freebsd_poll_events_to_host(0x2000, &h), 0); /* POLLINIGNEOF */
	assert_int_equal(h, POLLIN);
	assert_int_equal(freebsd_poll_events_to_host(0x2 | 0x80 | 0x8 | 0x10 | 0x20, &h), 0);
	assert_int_equal(h, POLLPRI | POLLRDBAND | POLLERR | POLLHUP | POLLNVAL);
	assert_int_equal(freebsd_poll_events_to_host(0x200, &h), -EINVAL);
	assert_int_equal(freebsd_poll_events_to_host(0x1000, &h), -EINVAL);
}

static void revents_from_host(void **state)
{
	(void)state;
	assert_int_equal(freebsd_poll_revents_from_host(POLLIN | POLLRDNORM, 0x41), 0x41);
	assert_int_equal(freebsd_poll_revents_from_host(POLLOUT, 0x4), 0x4);
	assert_int_equal(freebsd_poll_revents_from_host(POLLWRBAND, 0x100), 0x100);
	assert_int_equal(freebsd_poll_revents_from_host(POLLRDHUP | POLLIN, 0x4001), 0x4001);
	assert_int_equal(freebsd_poll_revents_from_host(POLLHUP | POLLERR, 0x1), 0x18);
	assert_int_equal(freebsd_poll_revents_from_host(POLLNVAL, 0x1), 0x20);
	/* POLLIN answers POLLINIGNEOF when that is what was asked */
	assert_int_equal(freebsd_poll_revents_from_host(POLLIN, 0x2000), 0x2000);
	assert_int_equal(freebsd_poll_revents_from_host(POLLIN, 0x2001), 0x2001);
	/* host bits FreeBSD has no name for are dropped */
	assert_int_equal(freebsd_poll_revents_from_host(POLLMSG | POLLWRNORM, 0x4), 0);
}

int main(void)
{
	RUN(cmocka_unit_test(events_to_host), cmocka_unit_test(revents_from_host));
}
