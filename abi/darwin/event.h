/*
 * macOS's struct kevent (xnu bsd/sys/event.h: 32 bytes, ident, a 16-bit
 * filter, 16-bit flags, fflags, data, udata — FreeBSD's before 12) and its
 * numbering, for the shared kqueue engine (abi/bsd/kevent.h).
 */
#ifndef XENO_ABI_DARWIN_EVENT_H
#define XENO_ABI_DARWIN_EVENT_H

#include <stdint.h>

#include "abi/bsd/kevent.h"

struct darwin_kevent {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
};
_Static_assert(sizeof(struct darwin_kevent) == 32, "struct kevent (bsd/sys/event.h)");

extern const struct kq_codec darwin_kevent_codec;

#endif
