/*
 * FreeBSD <-> Linux poll events (sys/sys/poll.h).  POLLWRNORM is POLLOUT
 * on FreeBSD; POLLWRBAND and POLLRDHUP sit elsewhere than on Linux;
 * POLLINIGNEOF ("like POLLIN, except ignore EOF") has no Linux twin and
 * asks the host for POLLIN.
 */
#include <errno.h>
#include <poll.h>

#include "abi/freebsd/socket.h"

static const struct xeno_flag events[] = {
    XENO_FLAG("POLLIN", FREEBSD_POLLIN, POLLIN),
    XENO_FLAG("POLLPRI", FREEBSD_POLLPRI, POLLPRI),
    XENO_FLAG("POLLOUT", FREEBSD_POLLOUT, POLLOUT),
    XENO_FLAG("POLLERR", FREEBSD_POLLERR, POLLERR),
    XENO_FLAG("POLLHUP", FREEBSD_POLLHUP, POLLHUP),
    XENO_FLAG("POLLNVAL", FREEBSD_POLLNVAL, POLLNVAL),
    XENO_FLAG("POLLRDNORM", FREEBSD_POLLRDNORM, POLLRDNORM),
    XENO_FLAG("POLLRDBAND", FREEBSD_POLLRDBAND, POLLRDBAND),
    XENO_FLAG("POLLWRBAND", FREEBSD_POLLWRBAND, POLLWRBAND),
    XENO_FLAG("POLLINIGNEOF", FREEBSD_POLLINIGNEOF, POLLIN),
    XENO_FLAG("POLLRDHUP", FREEBSD_POLLRDHUP, POLLRDHUP),
};
const struct xeno_flagset freebsd_poll_events = XENO_FLAGSET("pollevents", events, 0);

int freebsd_poll_events_to_host(int ev, short *host)
{
	uint64_t h;
	if (xeno_flags_to_host(&freebsd_poll_events, (uint16_t)ev, &h) < 0)
		return -EINVAL;
	*host = (short)h;
	return 0;
}

/* The host reports what was asked for plus POLLERR, POLLHUP and POLLNVAL;
 * a POLLIN answers whichever of POLLIN and POLLINIGNEOF was asked. */
int freebsd_poll_revents_from_host(int host, int requested)
{
	static const int known = POLLIN | POLLPRI | POLLOUT | POLLERR | POLLHUP | POLLNVAL |
				 POLLRDNORM | POLLRDBAND | POLLWRBAND | POLLRDHUP;
	uint64_t f = 0;
	xeno_flags_from_host(&freebsd_poll_events, (uint16_t)(host & known), &f);
	if (f & FREEBSD_POLLIN) {
		int asked = requested & (FREEBSD_POLLIN | FREEBSD_POLLINIGNEOF);
		f = (f & ~(uint64_t)FREEBSD_POLLIN) | (asked ? (uint64_t)asked : FREEBSD_POLLIN);
	}
	return (int)f;
}
