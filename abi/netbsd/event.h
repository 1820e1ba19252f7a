/*
 * NetBSD kqueue: filters, EV_* flags and NOTE_* filter flags (sys/sys/
 * event.h rev 1.45), struct kevent as __kevent50 (435) takes it: 40 bytes,
 * unsigned 32-bit filter and flags, EVFILT_READ 0 (NetBSD 10 keeps it as
 * struct kevent100 in sys/compat/sys/event.h for that call), and kqueue1's
 * flags (O_CLOEXEC, O_NONBLOCK, O_NOSIGPIPE of sys/sys/fcntl.h).
 */
#ifndef XENO_ABI_NETBSD_EVENT_H
#define XENO_ABI_NETBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/kevent.h"
#include "core/xlat.h"

enum {
	NETBSD_EVFILT_READ = 0,
	NETBSD_EVFILT_WRITE = 1,
	NETBSD_EVFILT_AIO = 2,
	NETBSD_EVFILT_VNODE = 3,
	NETBSD_EVFILT_PROC = 4,
	NETBSD_EVFILT_SIGNAL = 5,
	NETBSD_EVFILT_TIMER = 6,
	NETBSD_EVFILT_FS = 7,
	NETBSD_EVFILT_USER = 8,
};

#define NETBSD_EV_ADD	   0x0001u
#define NETBSD_EV_DELETE   0x0002u
#define NETBSD_EV_ENABLE   0x0004u
#define NETBSD_EV_DISABLE  0x0008u
#define NETBSD_EV_ONESHOT  0x0010u
#define NETBSD_EV_CLEAR	   0x0020u
#define NETBSD_EV_RECEIPT  0x0040u
#define NETBSD_EV_DISPATCH 0x0080u
#define NETBSD_EV_SYSFLAGS 0xF000u
#define NETBSD_EV_ERROR	   0x4000u
#define NETBSD_EV_EOF	   0x8000u

#define NETBSD_NOTE_LOWAT      0x0001u
#define NETBSD_NOTE_EXIT       0x80000000u
#define NETBSD_NOTE_FORK       0x40000000u
#define NETBSD_NOTE_EXEC       0x20000000u
#define NETBSD_NOTE_TRACK      0x00000001u
#define NETBSD_NOTE_TRACKERR   0x00000002u
#define NETBSD_NOTE_CHILD      0x00000004u
#define NETBSD_NOTE_FFNOP      0x00000000u
#define NETBSD_NOTE_FFAND      0x40000000u
#define NETBSD_NOTE_FFOR       0x80000000u
#define NETBSD_NOTE_FFCOPY     0xc0000000u
#define NETBSD_NOTE_FFCTRLMASK 0xc0000000u
#define NETBSD_NOTE_FFLAGSMASK 0x00ffffffu
#define NETBSD_NOTE_TRIGGER    0x01000000u

struct netbsd_kevent {
	uint64_t ident;
	uint32_t filter;
	uint32_t flags;
	uint32_t fflags;
	uint32_t pad_;
	int64_t data;
	uint64_t udata;
};
_Static_assert(sizeof(struct netbsd_kevent) == 40, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, flags) == 12, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, fflags) == 16, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, data) == 24, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, udata) == 32, "struct kevent layout");

/* Tables, also for the tracer: "kevfilter", "kevflags", "kqueue1", and the
 * fflags of the filters xeno interprets. */
extern const struct xeno_flagset netbsd_kevent_filters;
extern const struct xeno_flagset netbsd_kevent_flags;
extern const struct xeno_flagset netbsd_kqueue1_flags;
extern const struct xeno_flagset netbsd_note_rw_flags;
extern const struct xeno_flagset netbsd_note_timer_flags;
extern const struct xeno_flagset netbsd_note_proc_flags;
extern const struct xeno_flagset netbsd_note_user_flags;

extern const struct bsd_kevent_facts netbsd_kevent_facts;
extern const struct kq_codec netbsd_kevent_codec;

#endif
