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

const struct bsd_kevent_facts openbsd_kevent_facts = {
    .filters = &openbsd_kevent_filters,
    .flags = &bsd_kevent_flags,
    .sysflags = OPENBSD_EV_SYSFLAGS,
    .zero_filter_skipped = 0,
    .note_rw = &bsd_note_rw_flags,
    .note_timer = &bsd_note_timer_ms_flags, /* data counts milliseconds */
    .note_proc = &bsd_note_proc_flags,
    .note_user = &bsd_note_user_flags,
    .user_fflagsmask = BSD_NOTE_FFLAGSMASK,
    .errno_from_host = openbsd_errno_from_host,
    .signal_from_host = openbsd_signal_from_host,
};

static int to_host(const void *p, struct kq_kevent *kev)
{
	return bsd_kevent32_to_host(&openbsd_kevent_facts, p, kev);
}

static int from_host(const struct kq_kevent *kev, void *p)
{
	return bsd_kevent32_from_host(&openbsd_kevent_facts, kev, p);
}

static void set_error(void *p, int host_errno)
{
	bsd_kevent32_set_error(&openbsd_kevent_facts, p, host_errno);
}

const struct kq_codec openbsd_kevent_codec = {
    sizeof(struct bsd_kevent32),
    to_host,
    from_host,
    set_error,
};
