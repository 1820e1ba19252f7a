/*
 * illumos event ports (usr/src/uts/common/sys/port.h): port_event_t,
 * the event sources and port_alert's flags; the poll(2) event bits ports
 * report for descriptors (usr/src/uts/common/sys/poll.h).
 */
#ifndef XENO_ABI_ILLUMOS_PORT_H
#define XENO_ABI_ILLUMOS_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct illumos_port_event {
	int32_t portev_events;	/* the event's bits (for descriptors: POLL*) */
	uint16_t portev_source; /* PORT_SOURCE_* */
	uint16_t portev_pad;
	uint64_t portev_object; /* the descriptor, for PORT_SOURCE_FD */
	uint64_t portev_user;	/* what port_associate was given */
};
_Static_assert(sizeof(struct illumos_port_event) == 24, "port_event_t");
_Static_assert(offsetof(struct illumos_port_event, portev_object) == 8, "portev_object");

#define ILLUMOS_PORT_SOURCE_AIO	  1
#define ILLUMOS_PORT_SOURCE_TIMER 2
#define ILLUMOS_PORT_SOURCE_USER  3
#define ILLUMOS_PORT_SOURCE_FD	  4
#define ILLUMOS_PORT_SOURCE_ALERT 5
#define ILLUMOS_PORT_SOURCE_MQ	  6
#define ILLUMOS_PORT_SOURCE_FILE  7

#define ILLUMOS_PORT_ALERT_SET	   0x01
#define ILLUMOS_PORT_ALERT_UPDATE  0x02
#define ILLUMOS_PORT_ALERT_INVALID (ILLUMOS_PORT_ALERT_SET | ILLUMOS_PORT_ALERT_UPDATE)

#define ILLUMOS_POLLIN	   0x0001
#define ILLUMOS_POLLPRI	   0x0002
#define ILLUMOS_POLLOUT	   0x0004
#define ILLUMOS_POLLERR	   0x0008
#define ILLUMOS_POLLHUP	   0x0010
#define ILLUMOS_POLLNVAL   0x0020
#define ILLUMOS_POLLRDNORM 0x0040
#define ILLUMOS_POLLRDBAND 0x0080
#define ILLUMOS_POLLWRBAND 0x0100
#define ILLUMOS_POLLWRNORM ILLUMOS_POLLOUT

extern const struct xeno_flagset illumos_port_sources, illumos_poll_events, illumos_alert_flags;

#endif
