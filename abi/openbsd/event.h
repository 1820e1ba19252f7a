/*
 * OpenBSD struct kevent and its numbering (sys/sys/event.h rev 1.74):
 * 32 bytes, a 16-bit filter and flags (FreeBSD 11's layout); filters
 * counted down from -1, EVFILT_USER -10.
 */
#ifndef XENO_ABI_OPENBSD_EVENT_H
#define XENO_ABI_OPENBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

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

#define OPENBSD_EV_ADD	    0x0001u
#define OPENBSD_EV_DELETE   0x0002u
#define OPENBSD_EV_ENABLE   0x0004u
#define OPENBSD_EV_DISABLE  0x0008u
#define OPENBSD_EV_ONESHOT  0x0010u
#define OPENBSD_EV_CLEAR    0x0020u
#define OPENBSD_EV_RECEIPT  0x0040u
#define OPENBSD_EV_DISPATCH 0x0080u
#define OPENBSD_EV_SYSFLAGS 0xf800u
#define OPENBSD_EV_ERROR    0x4000u
#define OPENBSD_EV_EOF	    0x8000u

#define OPENBSD_NOTE_LOWAT	0x0001u
#define OPENBSD_NOTE_EXIT	0x80000000u
#define OPENBSD_NOTE_FORK	0x40000000u
#define OPENBSD_NOTE_EXEC	0x20000000u
#define OPENBSD_NOTE_TRACK	0x00000001u
#define OPENBSD_NOTE_TRACKERR	0x00000002u
#define OPENBSD_NOTE_CHILD	0x00000004u
#define OPENBSD_NOTE_FFNOP	0x00000000u
#define OPENBSD_NOTE_FFAND	0x40000000u
#define OPENBSD_NOTE_FFOR	0x80000000u
#define OPENBSD_NOTE_FFCOPY	0xc0000000u
#define OPENBSD_NOTE_FFCTRLMASK 0xc0000000u
#define OPENBSD_NOTE_FFLAGSMASK 0x00ffffffu
#define OPENBSD_NOTE_TRIGGER	0x01000000u

struct openbsd_kevent {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
};
_Static_assert(sizeof(struct openbsd_kevent) == 32, "struct kevent layout");
_Static_assert(offsetof(struct openbsd_kevent, flags) == 10, "struct kevent layout");
_Static_assert(offsetof(struct openbsd_kevent, fflags) == 12, "struct kevent layout");
_Static_assert(offsetof(struct openbsd_kevent, data) == 16, "struct kevent layout");
_Static_assert(offsetof(struct openbsd_kevent, udata) == 24, "struct kevent layout");

extern const struct xeno_flagset openbsd_kevent_filters;
extern const struct xeno_flagset openbsd_kevent_flags;
extern const struct xeno_flagset openbsd_note_rw_flags;
extern const struct xeno_flagset openbsd_note_timer_flags;
extern const struct xeno_flagset openbsd_note_proc_flags;
extern const struct xeno_flagset openbsd_note_user_flags;

extern const struct bsd_kevent_facts openbsd_kevent_facts;
extern const struct kq_codec openbsd_kevent_codec;

#endif
