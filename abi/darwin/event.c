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

/* The flags, NOTE_LOWAT and EVFILT_USER's fflags are the BSDs' (abi/bsd/event.h). */
#define EV(name, v) XENO_FLAG(#name, v, KQ_##name)

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

static const struct bsd_kevent_facts facts = {
    .filters = &kevent_filters,
    .flags = &bsd_kevent_flags,
    .sysflags = 0xf000,
    .zero_filter_skipped = 1, /* no filter is 0 */
    .note_rw = &bsd_note_rw_flags,
    .note_timer = &note_timer_flags,
    .note_proc = &note_proc_flags,
    .note_user = &bsd_note_user_flags,
    .user_fflagsmask = BSD_NOTE_FFLAGSMASK,
    .errno_from_host = darwin_errno_from_host,
    .signal_from_host = darwin_signal_from_host,
};

static int to_host(const void *p, struct kq_kevent *kev)
{
	return bsd_kevent32_to_host(&facts, p, kev);
}

static int from_host(const struct kq_kevent *kev, void *p)
{
	return bsd_kevent32_from_host(&facts, kev, p);
}

static void set_error(void *p, int host_errno)
{
	bsd_kevent32_set_error(&facts, p, host_errno);
}

const struct kq_codec darwin_kevent_codec = {
    sizeof(struct bsd_kevent32),
    to_host,
    from_host,
    set_error,
};
