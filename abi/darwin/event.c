/*
 * macOS struct kevent <-> the engine's neutral form (abi/bsd/kevent.h),
 * through the shared codec (abi/bsd/kevent.c) with macOS's numbering
 * (xnu bsd/sys/event.h): EVFILT_READ -1 ... EVFILT_USER -10; EV_ADD 0x1,
 * EV_DELETE 0x2, EV_ENABLE 0x4, EV_DISABLE 0x8, EV_ONESHOT 0x10, EV_CLEAR
 * 0x20, EV_RECEIPT 0x40, EV_DISPATCH 0x80, EV_SYSFLAGS 0xf000, EV_ERROR
 * 0x4000, EV_EOF 0x8000; NOTE_LOWAT 1; timers NOTE_SECONDS 1, USECONDS 2,
 * NSECONDS 4, ABSOLUTE 8; processes NOTE_EXIT 0x80000000, FORK 0x40000000,
 * EXEC 0x20000000; EVFILT_USER's control bits as FreeBSD's.
 */
#include "abi/darwin/event.h"

#include "abi/darwin/errno.h"
#include "abi/darwin/signal.h"
#include "core/xlat.h"

#define FILTER(name, v) XENO_ENUM("EVFILT_" #name, v, KQ_FILTER_##name)

static const struct xeno_flag filters[] = {
    FILTER(READ, -1),	FILTER(WRITE, -2), FILTER(AIO, -3), FILTER(VNODE, -4), FILTER(PROC, -5),
    FILTER(SIGNAL, -6), FILTER(TIMER, -7), FILTER(FS, -9),  FILTER(USER, -10),
};
static const struct xeno_flagset kevent_filters = XENO_FLAGSET("kevfilter", filters, 1);

#define EV(name, v) XENO_FLAG(#name, v, KQ_##name)

static const struct xeno_flag evflags[] = {
    EV(EV_ADD, 0x1),	  EV(EV_DELETE, 0x2),	EV(EV_ENABLE, 0x4),   EV(EV_DISABLE, 0x8),
    EV(EV_ONESHOT, 0x10), EV(EV_CLEAR, 0x20),	EV(EV_RECEIPT, 0x40), EV(EV_DISPATCH, 0x80),
    EV(EV_EOF, 0x8000),	  EV(EV_ERROR, 0x4000),
};
static const struct xeno_flagset kevent_flags = XENO_FLAGSET("kevflags", evflags, 0);

static const struct xeno_flag note_rw[] = {EV(NOTE_LOWAT, 0x1)};
static const struct xeno_flagset note_rw_flags = XENO_FLAGSET("kevnote_rw", note_rw, 0);

static const struct xeno_flag note_timer[] = {
    XENO_FLAG("NOTE_SECONDS", 0x1, KQ_NOTE_SECONDS),
    XENO_FLAG("NOTE_USECONDS", 0x2, KQ_NOTE_USECONDS),
    XENO_FLAG("NOTE_NSECONDS", 0x4, KQ_NOTE_NSECONDS),
    XENO_FLAG("NOTE_ABSOLUTE", 0x8, KQ_NOTE_ABSTIME),
};
static const struct xeno_flagset note_timer_flags = XENO_FLAGSET("kevnote_timer", note_timer, 0);

static const struct xeno_flag note_proc[] = {
    EV(NOTE_EXIT, 0x80000000u),
    EV(NOTE_FORK, 0x40000000),
    EV(NOTE_EXEC, 0x20000000),
};
static const struct xeno_flagset note_proc_flags = XENO_FLAGSET("kevnote_proc", note_proc, 0);

#define USERCTL(name, v) XENO_FIELD(#name, 0xc0000000u, v, KQ_NOTE_FFCTRLMASK, KQ_##name)
static const struct xeno_flag note_user[] = {
    EV(NOTE_TRIGGER, 0x01000000),    USERCTL(NOTE_FFAND, 0x40000000),
    USERCTL(NOTE_FFOR, 0x80000000u), USERCTL(NOTE_FFCOPY, 0xc0000000u),
    USERCTL(NOTE_FFNOP, 0),
};
static const struct xeno_flagset note_user_flags = XENO_FLAGSET("kevnote_user", note_user, 0);

static const struct bsd_kevent_facts facts = {
    .filters = &kevent_filters,
    .flags = &kevent_flags,
    .sysflags = 0xf000,
    .zero_filter_skipped = 1, /* no filter is 0 */
    .note_rw = &note_rw_flags,
    .note_timer = &note_timer_flags,
    .note_proc = &note_proc_flags,
    .note_user = &note_user_flags,
    .user_fflagsmask = 0x00ffffff,
    .errno_from_host = darwin_errno_from_host,
    .signal_from_host = darwin_signal_from_host,
};

static int to_host(const void *p, struct kq_kevent *kev)
{
	const struct darwin_kevent *d = p;
	struct bsd_kevent_fields c = {d->ident, d->filter, d->flags, d->fflags, d->data, d->udata};
	return bsd_kevent_to_host(&facts, &c, kev);
}

static int from_host(const struct kq_kevent *kev, void *p)
{
	struct bsd_kevent_fields c;
	int err = bsd_kevent_from_host(&facts, kev, &c);
	if (err)
		return err;
	*(struct darwin_kevent *)p = (struct darwin_kevent){
	    c.ident, (int16_t)c.filter, (uint16_t)c.flags, c.fflags, c.data, c.udata};
	return 0;
}

static void set_error(void *p, int host_errno)
{
	struct darwin_kevent *d = p;
	d->flags = 0x4000; /* EV_ERROR */
	d->data = bsd_kevent_error_data(&facts, host_errno);
}

const struct kq_codec darwin_kevent_codec = {
    sizeof(struct darwin_kevent),
    to_host,
    from_host,
    set_error,
};
