/* BSD <-> Linux poll events (abi/bsd/socket.h): the shared bits and each
 * BSD's own through its "pollevents" set. */
#include <errno.h>
#include <poll.h>

#include "abi/bsd/socket.h"

static const struct xeno_flag events[] = {BSD_POLL_EVENTS_SHARED};
const struct xeno_flagset bsd_poll_events = XENO_FLAGSET("pollevents", events, 0);

int bsd_poll_events_to_host(const struct xeno_flagset *events, int ev, short *host)
{
	uint64_t h;
	if (xeno_flags_to_host(events, (uint16_t)ev, &h) < 0)
		return -EINVAL;
	*host = (short)h;
	return 0;
}

/* The host reports what was asked for plus POLLERR, POLLHUP and POLLNVAL;
 * a POLLIN answers whichever of POLLIN and the "ignore EOF" bit was asked. */
int bsd_poll_revents_from_host(const struct xeno_flagset *events, int ignore_eof, int host,
			       int requested)
{
	static const int known = POLLIN | POLLPRI | POLLOUT | POLLERR | POLLHUP | POLLNVAL |
				 POLLRDNORM | POLLRDBAND | POLLWRBAND | POLLRDHUP;
	uint64_t f = 0;
	xeno_flags_from_host(events, (uint16_t)(host & known), &f);
	if (f & BSD_POLLIN) {
		int asked = requested & (BSD_POLLIN | ignore_eof);
		f = (f & ~(uint64_t)BSD_POLLIN) | (asked ? (uint64_t)asked : BSD_POLLIN);
	}
	return (int)f;
}
