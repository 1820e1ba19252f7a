/*
 * OpenBSD struct kevent and its numbering (sys/sys/event.h rev 1.74):
 * struct kevent is the BSDs' 32-byte one (struct bsd_kevent32, FreeBSD
 * 11's layout: a 16-bit filter and flags), the EV_* and NOTE_* values the
 * BSDs' (abi/bsd/event.h); filters counted down from -1, EVFILT_USER -10.
 */
#ifndef XENO_ABI_OPENBSD_EVENT_H
#define XENO_ABI_OPENBSD_EVENT_H

#include "abi/bsd/event.h"
#include "abi/bsd/kevent.h"
#include "core/xlat.h"

enum {
	OPENBSD_EVFILT_READ = -1,
	OPENBSD_EVFILT_WRITE = -2,
	OPENBSD_EVFILT_AIO = -3,
	OPENBSD_EVFILT_VNODE = -4,
	OPENBSD_EVFILT_PROC = -5,
	OPENBSD_EVFILT_SIGNAL = -6,
	OPENBSD_EVFILT_TIMER = -7,
	OPENBSD_EVFILT_DEVICE = -8,
	OPENBSD_EVFILT_EXCEPT = -9,
	OPENBSD_EVFILT_USER = -10,
};

#define OPENBSD_EV_SYSFLAGS 0xf800u

/* the filters; the flags and the filters' fflags are the BSDs' sets */
extern const struct xeno_flagset openbsd_kevent_filters;

extern const struct bsd_kevent_facts openbsd_kevent_facts;
extern const struct kq_codec openbsd_kevent_codec;

#endif
