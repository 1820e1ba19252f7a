/*
 * OpenBSD struct kevent <-> the engine's neutral form (abi/bsd/kevent.h),
 * through the shared codec (abi/bsd/kevent.c) with OpenBSD's numbering
 * (sys/sys/event.h; a change's EV_SYSFLAGS are cleared, sys/kern/
 * kern_event.c kqueue_register).
 */
#include "abi/openbsd/event.h"

#include "abi/openbsd/errno.h"
#include "abi/openbsd/signal.h"

#define FILTER(name) XENO_ENUM("EVFILT_" #name, OPENBSD_EVFILT_##name, KQ_FILTER_##name)

/* EVFILT_DEVICE and EVFILT_EXCEPT have no counterpart in the engine. */
static const struct xeno_flag filters[] = {
    FILTER(READ),
    FILTER(WRITE),
    FILTER(AIO),
    FILTER(VNODE),
    FILTER(PROC),
    FILTER(SIGNAL),
    FILTER(TIMER),
    FILTER(USER),
    XENO_ENUM_FOREIGN("EVFILT_DEVICE", OPENBSD_EVFILT_DEVICE),
    XENO_ENUM_FOREIGN("EVFILT_EXCEPT", OPENBSD_EVFILT_EXCEPT),
};
const struct xeno_flagset openbsd_kevent_filters = XENO_FLAGSET("kevfilter", filters, 1);

#define EV(name) XENO_FLAG(#name, OPENBSD_##name, KQ_##name)

static const struct xeno_flag evflags[] = {
    EV(EV_ADD),	  EV(EV_DELETE),  EV(EV_ENABLE),   EV(EV_DISABLE), EV(EV_ONESHOT),
    EV(EV_CLEAR), EV(EV_RECEIPT), EV(EV_DISPATCH), EV(EV_EOF),	   EV(EV_ERROR),
};
const struct xeno_flagset openbsd_kevent_flags = XENO_FLAGSET("kevflags", evflags, 0);

static const struct xeno_flag note_rw[] = {EV(NOTE_LOWAT)};
const struct xeno_flagset openbsd_note_rw_flags = XENO_FLAGSET("kevnote_rw", note_rw, 0);

/* EVFILT_TIMER: data counts milliseconds */
static const struct xeno_flag note_timer[] = {XENO_FLAG_FOREIGN("0", 0)};
const struct xeno_flagset openbsd_note_timer_flags = XENO_FLAGSET("kevnote_timer", note_timer, 0);

static const struct xeno_flag note_proc[] = {
    EV(NOTE_EXIT), EV(NOTE_FORK), EV(NOTE_EXEC), EV(NOTE_TRACK), EV(NOTE_TRACKERR), EV(NOTE_CHILD),
};
const struct xeno_flagset openbsd_note_proc_flags = XENO_FLAGSET("kevnote_proc", note_proc, 0);

#define USERCTL(name)                                                                              \
	XENO_FIELD(#name, OPENBSD_NOTE_FFCTRLMASK, OPENBSD_##name, KQ_NOTE_FFCTRLMASK, KQ_##name)
static const struct xeno_flag note_user[] = {
    EV(NOTE_TRIGGER),	  USERCTL(NOTE_FFAND), USERCTL(NOTE_FFOR),
    USERCTL(NOTE_FFCOPY), USERCTL(NOTE_FFNOP),
};
const struct xeno_flagset openbsd_note_user_flags = XENO_FLAGSET("kevnote_user", note_user, 0);

const struct bsd_kevent_facts openbsd_kevent_facts = {
    .filters = &openbsd_kevent_filters,
    .flags = &openbsd_kevent_flags,
    .sysflags = OPENBSD_EV_SYSFLAGS,
    .zero_filter_skipped = 0,
    .note_rw = &openbsd_note_rw_flags,
    .note_timer = &openbsd_note_timer_flags,
    .note_proc = &openbsd_note_proc_flags,
    .note_user = &openbsd_note_user_flags,
    .user_fflagsmask = OPENBSD_NOTE_FFLAGSMASK,
    .errno_from_host = openbsd_errno_from_host,
    .signal_from_host = openbsd_signal_from_host,
};

static int to_host(const void *p, struct kq_kevent *kev)
{
	const struct openbsd_kevent *o = p;
	struct bsd_kevent_fields c = {o->ident, o->filter, o->flags, o->fflags, o->data, o->udata};
	return bsd_kevent_to_host(&openbsd_kevent_facts, &c, kev);
}

static int from_host(const struct kq_kevent *kev, void *p)
{
	struct bsd_kevent_fields c;
	int err = bsd_kevent_from_host(&openbsd_kevent_facts, kev, &c);
	if (err)
		return err;
	*(struct openbsd_kevent *)p = (struct openbsd_kevent){
	    c.ident, (int16_t)c.filter, (uint16_t)c.flags, c.fflags, c.data, c.udata};
	return 0;
}

static void set_error(void *p, int host_errno)
{
	struct openbsd_kevent *o = p;
	o->flags = OPENBSD_EV_ERROR;
	o->data = bsd_kevent_error_data(&openbsd_kevent_facts, host_errno);
}

const struct kq_codec openbsd_kevent_codec = {
    sizeof(struct openbsd_kevent),
    to_host,
    from_host,
    set_error,
};
