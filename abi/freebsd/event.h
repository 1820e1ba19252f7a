/*
 * FreeBSD kqueue: filters, its own EV_* flags and NOTE_* filter flags (the
 * ones every BSD has are abi/bsd/event.h's), kqueuex flags and the two
 * struct kevent layouts (sys/sys/event.h, FreeBSD 14/15): the one of
 * FreeBSD 12 and later (64 bytes, with ext[4]) used by kevent (560), and
 * struct freebsd11_kevent (32 bytes) used by freebsd11_kevent (363).
 */
#ifndef XENO_ABI_FREEBSD_EVENT_H
#define XENO_ABI_FREEBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/event.h"
#include "abi/bsd/kevent.h"
#include "core/xlat.h"

/* sys/sys/event.h: EVFILT_* */
enum {
	FREEBSD_EVFILT_READ = -1,
	FREEBSD_EVFILT_WRITE = -2,
	FREEBSD_EVFILT_AIO = -3,
	FREEBSD_EVFILT_VNODE = -4,
	FREEBSD_EVFILT_PROC = -5,
	FREEBSD_EVFILT_SIGNAL = -6,
	FREEBSD_EVFILT_TIMER = -7,
	FREEBSD_EVFILT_PROCDESC = -8,
	FREEBSD_EVFILT_FS = -9,
	FREEBSD_EVFILT_LIO = -10,
	FREEBSD_EVFILT_USER = -11,
	FREEBSD_EVFILT_SENDFILE = -12,
	FREEBSD_EVFILT_EMPTY = -13,
	FREEBSD_EVFILT_SYSCOUNT = 13,
};

/* sys/sys/event.h: flags beyond the shared ones */
#define FREEBSD_EV_FORCEONESHOT 0x0100
#define FREEBSD_EV_KEEPUDATA	0x0200
#define FREEBSD_EV_SYSFLAGS	0xF000 /* the kernel clears these in changes */
#define FREEBSD_EV_DROP		0x1000
#define FREEBSD_EV_FLAG1	0x2000
#define FREEBSD_EV_FLAG2	0x4000

/* sys/sys/event.h: EVFILT_READ / EVFILT_WRITE, beyond NOTE_LOWAT */
#define FREEBSD_NOTE_FILE_POLL 0x0002u

/* sys/sys/event.h: EVFILT_TIMER */
#define FREEBSD_NOTE_SECONDS  0x00000001u
#define FREEBSD_NOTE_MSECONDS 0x00000002u
#define FREEBSD_NOTE_USECONDS 0x00000004u
#define FREEBSD_NOTE_NSECONDS 0x00000008u
#define FREEBSD_NOTE_ABSTIME  0x00000010u

/* sys/sys/event.h: kqueuex(2) */
#define FREEBSD_KQUEUE_CLOEXEC 0x00000001u

/* sys/sys/event.h: struct kevent (FreeBSD 12 and later) */
struct freebsd_kevent {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
	uint64_t ext[4];
};
_Static_assert(sizeof(struct freebsd_kevent) == 64, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, filter) == 8, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, flags) == 10, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, fflags) == 12, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, data) == 16, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, udata) == 24, "struct kevent layout");
_Static_assert(offsetof(struct freebsd_kevent, ext) == 32, "struct kevent layout");

/* struct freebsd11_kevent is the BSDs' 32-byte struct kevent (struct bsd_kevent32). */

/* Tables, also for the tracer: "kevfilter" (enum), "kevflags", "kqueuex",
 * and the fflags of the filters xeno interprets (EVFILT_PROC's and
 * EVFILT_USER's are the BSDs' sets, abi/bsd/event.h). */
extern const struct xeno_flagset freebsd_kevent_filters;
extern const struct xeno_flagset freebsd_kevent_flags;
extern const struct xeno_flagset freebsd_kqueuex_flags;
extern const struct xeno_flagset freebsd_note_rw_flags;
extern const struct xeno_flagset freebsd_note_timer_flags;

/* FreeBSD's numbering for the shared codec, and the two layouts for the
 * engine (abi/bsd/kevent.h). */
extern const struct bsd_kevent_facts freebsd_kevent_facts;
extern const struct kq_codec freebsd_kevent_codec;
extern const struct kq_codec freebsd11_kevent_codec;

/* One entry each way: 0, or -EINVAL for a value FreeBSD (or xeno's neutral
 * form) does not define. */
int freebsd_kevent_to_host(const struct freebsd_kevent *f, struct kq_kevent *kev);
int freebsd_kevent_from_host(const struct kq_kevent *kev, struct freebsd_kevent *f);
int freebsd11_kevent_to_host(const struct bsd_kevent32 *f, struct kq_kevent *kev);
int freebsd11_kevent_from_host(const struct kq_kevent *kev, struct bsd_kevent32 *f);

#endif
