/*
 * FreeBSD struct kevent <-> the engine's neutral form (abi/bsd/kevent.h).
 * Values: sys/sys/event.h.  What the kernel does with a change's fields
 * before looking at them (clearing EV_SYSFLAGS, skipping filter 0) is in
 * kqueue_kevent(), sys/kern/kern_event.c.
 */
#include "abi/freebsd/event.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>

#include "abi/freebsd/errno.h"
#include "abi/freebsd/signal.h"

#define FILTER(name)                                                                               \
	XENO_ENUM("EVFILT_" #name, (uint64_t)(int64_t)FREEBSD_EVFILT_##name, KQ_FILTER_##name)

static const struct xeno_flag filters[] = {
    FILTER(READ),   FILTER(WRITE),    FILTER(AIO),	FILTER(VNODE), FILTER(PROC),
    FILTER(SIGNAL), FILTER(TIMER),    FILTER(PROCDESC), FILTER(FS),    FILTER(LIO),
    FILTER(USER),   FILTER(SENDFILE), FILTER(EMPTY),
};
const struct xeno_flagset freebsd_kevent_filters = XENO_FLAGSET("kevfilter", filters, 1);

/* FreeBSD's own flags and filter flags; the rest are the BSDs' (BSD_KQ_FLAG) */
#define EV(name) XENO_FLAG(#name, FREEBSD_##name, KQ_##name)

static const struct xeno_flag evflags[] = {
    BSD_KQ_FLAG(EV_ADD),      BSD_KQ_FLAG(EV_DELETE), BSD_KQ_FLAG(EV_ENABLE),
    BSD_KQ_FLAG(EV_DISABLE),  EV(EV_FORCEONESHOT),    EV(EV_KEEPUDATA),
    BSD_KQ_FLAG(EV_ONESHOT),  BSD_KQ_FLAG(EV_CLEAR),  BSD_KQ_FLAG(EV_RECEIPT),
    BSD_KQ_FLAG(EV_DISPATCH), BSD_KQ_FLAG(EV_EOF),    BSD_KQ_FLAG(EV_ERROR),
};
const struct xeno_flagset freebsd_kevent_flags = XENO_FLAGSET("kevflags", evflags, 0);

static const struct xeno_flag kqueuex[] = {
    XENO_FLAG("KQUEUE_CLOEXEC", FREEBSD_KQUEUE_CLOEXEC, EPOLL_CLOEXEC),
};
const struct xeno_flagset freebsd_kqueuex_flags = XENO_FLAGSET("kqueuex", kqueuex, 0);

static const struct xeno_flag note_rw[] = {BSD_KQ_FLAG(NOTE_LOWAT), EV(NOTE_FILE_POLL)};
const struct xeno_flagset freebsd_note_rw_flags = XENO_FLAGSET("kevnote_rw", note_rw, 0);

static const struct xeno_flag note_timer[] = {
    EV(NOTE_SECONDS), EV(NOTE_MSECONDS), EV(NOTE_USECONDS), EV(NOTE_NSECONDS), EV(NOTE_ABSTIME),
};
const struct xeno_flagset freebsd_note_timer_flags = XENO_FLAGSET("kevnote_timer", note_timer, 0);

const struct bsd_kevent_facts freebsd_kevent_facts = {
    .filters = &freebsd_kevent_filters,
    .flags = &freebsd_kevent_flags,
    .sysflags = FREEBSD_EV_SYSFLAGS,
    .zero_filter_skipped = 1,
    .note_rw = &freebsd_note_rw_flags,
    .note_timer = &freebsd_note_timer_flags,
    .note_proc = &bsd_note_proc_flags,
    .note_user = &bsd_note_user_flags,
    .user_fflagsmask = BSD_NOTE_FFLAGSMASK,
    .errno_from_host = freebsd_errno_from_host,
    .signal_from_host = freebsd_signal_from_host,
};

int freebsd_kevent_to_host(const struct freebsd_kevent *f, struct kq_kevent *kev)
{
	struct bsd_kevent_fields c = {f->ident, f->filter, f->flags, f->fflags, f->data, f->udata};
	int err = bsd_kevent_to_host(&freebsd_kevent_facts, &c, kev);
	memcpy(kev->ext, f->ext, sizeof kev->ext);
	return err;
}

int freebsd_kevent_from_host(const struct kq_kevent *kev, struct freebsd_kevent *f)
{
	struct bsd_kevent_fields c;
	int err = bsd_kevent_from_host(&freebsd_kevent_facts, kev, &c);
	if (err)
		return err;
	*f = (struct freebsd_kevent){
	    c.ident, (int16_t)c.filter, (uint16_t)c.flags, c.fflags, c.data, c.udata, {0}};
	memcpy(f->ext, kev->ext, sizeof f->ext);
	return 0;
}

/* The old layout has no ext: zero on the way in (kevent11_copyin), dropped
 * on the way out. */
int freebsd11_kevent_to_host(const struct bsd_kevent32 *f, struct kq_kevent *kev)
{
	return bsd_kevent32_to_host(&freebsd_kevent_facts, f, kev);
}

int freebsd11_kevent_from_host(const struct kq_kevent *kev, struct bsd_kevent32 *f)
{
	return bsd_kevent32_from_host(&freebsd_kevent_facts, kev, f);
}

static int to_host12(const void *f, struct kq_kevent *kev)
{
	return freebsd_kevent_to_host(f, kev);
}
static int from_host12(const struct kq_kevent *kev, void *f)
{
	return freebsd_kevent_from_host(kev, f);
}
static void set_error12(void *p, int host_errno)
{
	struct freebsd_kevent *f = p;
	f->flags = BSD_EV_ERROR;
	f->data = bsd_kevent_error_data(&freebsd_kevent_facts, host_errno);
}

static int to_host11(const void *f, struct kq_kevent *kev)
{
	return freebsd11_kevent_to_host(f, kev);
}
static int from_host11(const struct kq_kevent *kev, void *f)
{
	return freebsd11_kevent_from_host(kev, f);
}
static void set_error11(void *p, int host_errno)
{
	bsd_kevent32_set_error(&freebsd_kevent_facts, p, host_errno);
}

const struct kq_codec freebsd_kevent_codec = {
    sizeof(struct freebsd_kevent),
    to_host12,
    from_host12,
    set_error12,
};
const struct kq_codec freebsd11_kevent_codec = {
    sizeof(struct bsd_kevent32),
    to_host11,
    from_host11,
    set_error11,
};
