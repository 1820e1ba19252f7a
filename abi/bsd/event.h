/*
 * The kqueue numbering the BSDs share (FreeBSD sys/sys/event.h, NetBSD
 * sys/sys/event.h rev 1.45, OpenBSD sys/sys/event.h rev 1.74): the EV_*
 * flags all three have, the NOTE_* flags of the filters xeno interprets,
 * and the 32-byte struct kevent of OpenBSD and of FreeBSD 11; macOS (xnu
 * bsd/sys/event.h) has that struct, the flags, NOTE_LOWAT and EVFILT_USER's
 * fflags too.  Each OS keeps its filters, its own flags and its
 * EV_SYSFLAGS; its tables (abi/<os>/event.c) take the shared ones below
 * where they are the same.
 */
#ifndef XENO_ABI_BSD_EVENT_H
#define XENO_ABI_BSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/kevent.h"
#include "core/xlat.h"

/* flags */
#define BSD_EV_ADD	0x0001u
#define BSD_EV_DELETE	0x0002u
#define BSD_EV_ENABLE	0x0004u
#define BSD_EV_DISABLE	0x0008u
#define BSD_EV_ONESHOT	0x0010u
#define BSD_EV_CLEAR	0x0020u
#define BSD_EV_RECEIPT	0x0040u
#define BSD_EV_DISPATCH 0x0080u
#define BSD_EV_ERROR	0x4000u
#define BSD_EV_EOF	0x8000u

/* EVFILT_READ / EVFILT_WRITE */
#define BSD_NOTE_LOWAT 0x0001u

/* EVFILT_PROC */
#define BSD_NOTE_EXIT	  0x80000000u
#define BSD_NOTE_FORK	  0x40000000u
#define BSD_NOTE_EXEC	  0x20000000u
#define BSD_NOTE_TRACK	  0x00000001u
#define BSD_NOTE_TRACKERR 0x00000002u
#define BSD_NOTE_CHILD	  0x00000004u

/* EVFILT_USER */
#define BSD_NOTE_FFNOP	    0x00000000u
#define BSD_NOTE_FFAND	    0x40000000u
#define BSD_NOTE_FFOR	    0x80000000u
#define BSD_NOTE_FFCOPY	    0xc0000000u
#define BSD_NOTE_FFCTRLMASK 0xc0000000u
#define BSD_NOTE_FFLAGSMASK 0x00ffffffu
#define BSD_NOTE_TRIGGER    0x01000000u

/* A flag of the shared numbering and its twin in the engine's form. */
#define BSD_KQ_FLAG(name) XENO_FLAG(#name, BSD_##name, KQ_##name)

/* struct kevent: OpenBSD's, macOS's, and FreeBSD's struct freebsd11_kevent
 * (data is an intptr_t: 64 bits) */
struct bsd_kevent32 {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
};
_Static_assert(sizeof(struct bsd_kevent32) == 32, "struct kevent layout");
_Static_assert(offsetof(struct bsd_kevent32, flags) == 10, "struct kevent layout");
_Static_assert(offsetof(struct bsd_kevent32, fflags) == 12, "struct kevent layout");
_Static_assert(offsetof(struct bsd_kevent32, data) == 16, "struct kevent layout");
_Static_assert(offsetof(struct bsd_kevent32, udata) == 24, "struct kevent layout");

/* Tables of the shared numbering, also for the tracer: "kevflags",
 * "kevnote_rw" (NetBSD's, OpenBSD's, macOS's), "kevnote_timer" where data
 * counts milliseconds and fflags are none (NetBSD's, OpenBSD's),
 * "kevnote_proc" (the three BSDs'), "kevnote_user" (all four's). */
extern const struct xeno_flagset bsd_kevent_flags;
extern const struct xeno_flagset bsd_note_rw_flags;
extern const struct xeno_flagset bsd_note_timer_ms_flags;
extern const struct xeno_flagset bsd_note_proc_flags;
extern const struct xeno_flagset bsd_note_user_flags;

/* struct bsd_kevent32 <-> the engine's form through an OS's numbering: the
 * bodies of that layout's struct kq_codec.  0, or -EINVAL for a value the
 * OS (or the engine's form) does not define. */
int bsd_kevent32_to_host(const struct bsd_kevent_facts *f, const struct bsd_kevent32 *k,
			 struct kq_kevent *kev);
int bsd_kevent32_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev,
			   struct bsd_kevent32 *k);
/* An entry that reports a change's failure: EV_ERROR, data the errno. */
void bsd_kevent32_set_error(const struct bsd_kevent_facts *f, struct bsd_kevent32 *k,
			    int host_errno);

#endif
