/*
 * FreeBSD <-> Linux poll events (sys/sys/poll.h): the shared bits
 * (abi/bsd/socket.h), then FreeBSD's POLLINIGNEOF ("like POLLIN, except
 * ignore EOF"), which has no Linux twin and asks the host for POLLIN, and
 * POLLRDHUP, which sits elsewhere than on Linux.
 */
#include <errno.h>
#include <poll.h>

#include "abi/freebsd/socket.h"

static const struct xeno_flag events[] = {
    BSD_POLL_EVENTS_SHARED,
    XENO_FLAG("POLLINIGNEOF", FREEBSD_POLLINIGNEOF, POLLIN),
    XENO_FLAG("POLLRDHUP", FREEBSD_POLLRDHUP, POLLRDHUP),
};
const struct xeno_flagset freebsd_poll_events = XENO_FLAGSET("pollevents", events, 0);

int freebsd_poll_events_to_host(int ev, short *host)
{
	return bsd_poll_events_to_host(&freebsd_poll_events, ev, host);
}

int freebsd_poll_revents_from_host(int host, int requested)
{
	return bsd_poll_revents_from_host(&freebsd_poll_events, FREEBSD_POLLINIGNEOF, host,
					  requested);
}
