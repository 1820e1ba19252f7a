/*
 * macOS's struct kevent (xnu bsd/sys/event.h: 32 bytes, ident, a 16-bit
 * filter, 16-bit flags, fflags, data, udata — FreeBSD's before 12) and its
 * numbering, for the shared kqueue engine (abi/bsd/kevent.h).
 */
#ifndef XENO_ABI_DARWIN_EVENT_H
#define XENO_ABI_DARWIN_EVENT_H

#include "abi/bsd/event.h"
#include "abi/bsd/kevent.h"

/* struct kevent is the BSDs' 32-byte one (struct bsd_kevent32). */

extern const struct kq_codec darwin_kevent_codec;

#endif
