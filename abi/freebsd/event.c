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
#include <sys/wait.h>

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

#define EV(name) XENO_FLAG(#name, FREEBSD_##name, KQ_##name)

static const struct xeno_flag evflags[] = {
    EV(EV_ADD),		 EV(EV_DELETE),	   EV(EV_ENABLE),  EV(EV_DISABLE),
    EV(EV_FORCEONESHOT), EV(EV_KEEPUDATA), EV(EV_ONESHOT), EV(EV_CLEAR),
    EV(EV_RECEIPT),	 EV(EV_DISPATCH),  EV(EV_EOF),	   EV(EV_ERROR),
};
const struct xeno_flagset freebsd_kevent_flags = XENO_FLAGSET("kevflags", evflags, 0);

static const struct xeno_flag kqueuex[] = {
    XENO_FLAG("KQUEUE_CLOEXEC", FREEBSD_KQUEUE_CLOEXEC, EPOLL_CLOEXEC),
};
const struct xeno_flagset freebsd_kqueuex_flags = XENO_FLAGSET("kqueuex", kqueuex, 0);

static const struct xeno_flag note_rw[] = {EV(NOTE_LOWAT), EV(NOTE_FILE_POLL)};
const struct xeno_flagset freebsd_note_rw_flags = XENO_FLAGSET("kevnote_rw", note_rw, 0);

static const struct xeno_flag note_timer[] = {
    EV(NOTE_SECONDS), EV(NOTE_MSECONDS), EV(NOTE_USECONDS), EV(NOTE_NSECONDS), EV(NOTE_ABSTIME),
};
const struct xeno_flagset freebsd_note_timer_flags = XENO_FLAGSET("kevnote_timer", note_timer, 0);

static const struct xeno_flag note_proc[] = {
    EV(NOTE_EXIT), EV(NOTE_FORK), EV(NOTE_EXEC), EV(NOTE_TRACK), EV(NOTE_TRACKERR), EV(NOTE_CHILD),
};
const struct xeno_flagset freebsd_note_proc_flags = XENO_FLAGSET("kevnote_proc", note_proc, 0);

/* The control part of EVFILT_USER's fflags; the low 24 bits are the
 * program's and pass through unchanged.  FFNOP (no control bits) last. */
#define USERCTL(name)                                                                              \
	XENO_FIELD(#name, FREEBSD_NOTE_FFCTRLMASK, FREEBSD_##name, KQ_NOTE_FFCTRLMASK, KQ_##name)
static const struct xeno_flag note_user[] = {
    EV(NOTE_TRIGGER),	  USERCTL(NOTE_FFAND), USERCTL(NOTE_FFOR),
    USERCTL(NOTE_FFCOPY), USERCTL(NOTE_FFNOP),
};
const struct xeno_flagset freebsd_note_user_flags = XENO_FLAGSET("kevnote_user", note_user, 0);

/* The fflags table of a filter, NULL for filters whose fflags xeno passes
 * through without interpreting them (it does not implement those). */
static const struct xeno_flagset *notes_of(int32_t filter)
{
	switch (filter) {
	case KQ_FILTER_READ:
	case KQ_FILTER_WRITE:
		return &freebsd_note_rw_flags;
	case KQ_FILTER_TIMER:
		return &freebsd_note_timer_flags;
	case KQ_FILTER_PROC:
		return &freebsd_note_proc_flags;
	case KQ_FILTER_USER:
		return &freebsd_note_user_flags;
	}
	return NULL;
}

static int fflags_to_host(int32_t filter, uint32_t f, uint32_t *out)
{
	const struct xeno_flagset *s = notes_of(filter);
	uint32_t passed = filter == KQ_FILTER_USER ? f & FREEBSD_NOTE_FFLAGSMASK : 0;
	uint64_t v;
	if (!s) {
		*out = f;
		return 0;
	}
	if (xeno_flags_to_host(s, f & ~passed, &v) < 0)
		return -EINVAL;
	*out = (uint32_t)v | passed;
	return 0;
}

static int fflags_from_host(const struct kq_kevent *kev, uint32_t *out)
{
	const struct xeno_flagset *s = notes_of(kev->filter);
	uint32_t passed = kev->filter == KQ_FILTER_USER ? kev->fflags & KQ_NOTE_FFLAGSMASK : 0;
	uint64_t v;
	/* At end of file a read or write filter reports the socket's error. */
	if ((kev->filter == KQ_FILTER_READ || kev->filter == KQ_FILTER_WRITE) &&
	    (kev->flags & KQ_EV_EOF)) {
		*out = kev->fflags ? (uint32_t)freebsd_errno_from_host((int)kev->fflags) : 0;
		return 0;
	}
	if (!s) {
		*out = kev->fflags;
		return 0;
	}
	if (xeno_flags_from_host(s, kev->fflags & ~passed, &v) < 0)
		return -EINVAL;
	*out = (uint32_t)v | passed;
	return 0;
}

/* A host wait status as FreeBSD encodes it (sys/sys/wait.h: the same
 * shape, exit code << 8 or signal | core flag 0x80), with FreeBSD's
 * signal numbers. */
static int64_t wait_status_from_host(int64_t status)
{
	int s = (int)status;
	if (WIFSIGNALED(s))
		return freebsd_signal_from_host(WTERMSIG(s)) | (WCOREDUMP(s) ? 0x80 : 0);
	return s;
}

static int64_t data_from_host(const struct kq_kevent *kev)
{
	if (kev->flags & KQ_EV_ERROR)
		return kev->data ? freebsd_errno_from_host((int)kev->data) : 0;
	if (kev->filter == KQ_FILTER_PROC && (kev->fflags & KQ_NOTE_EXIT))
		return wait_status_from_host(kev->data);
	return kev->data;
}

/* The fields both layouts share. */
struct common {
	uint64_t ident;
	int16_t filter;
	uint16_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
};

static int common_to_host(const struct common *c, struct kq_kevent *kev)
{
	uint64_t v;
	memset(kev, 0, sizeof *kev);
	kev->ident = c->ident;
	kev->data = c->data;
	kev->udata = c->udata;
	if (c->filter == 0)
		return 0; /* KQ_FILTER_NONE: skipped, nothing else matters */
	if (xeno_flags_to_host(&freebsd_kevent_filters, (uint64_t)(int64_t)c->filter, &v) < 0)
		return -EINVAL;
	kev->filter = (int32_t)v;
	/* the kernel clears the system flags of a change before using it */
	if (xeno_flags_to_host(&freebsd_kevent_flags, c->flags & ~FREEBSD_EV_SYSFLAGS, &v) < 0)
		return -EINVAL;
	kev->flags = (uint32_t)v;
	return fflags_to_host(kev->filter, c->fflags, &kev->fflags);
}

static int common_from_host(const struct kq_kevent *kev, struct common *c)
{
	uint64_t filter = 0, flags;
	if (kev->filter != KQ_FILTER_NONE &&
	    xeno_flags_from_host(&freebsd_kevent_filters, (uint64_t)kev->filter, &filter) < 0)
		return -EINVAL;
	if (xeno_flags_from_host(&freebsd_kevent_flags, kev->flags, &flags) < 0)
		return -EINVAL;
	c->ident = kev->ident;
	c->filter = (int16_t)(int64_t)filter;
	c->flags = (uint16_t)flags;
	c->data = data_from_host(kev);
	c->udata = kev->udata;
	return fflags_from_host(kev, &c->fflags);
}

int freebsd_kevent_to_host(const struct freebsd_kevent *f, struct kq_kevent *kev)
{
	struct common c = {f->ident, f->filter, f->flags, f->fflags, f->data, f->udata};
	int err = common_to_host(&c, kev);
	memcpy(kev->ext, f->ext, sizeof kev->ext);
	return err;
}

int freebsd_kevent_from_host(const struct kq_kevent *kev, struct freebsd_kevent *f)
{
	struct common c;
	int err = common_from_host(kev, &c);
	if (err)
		return err;
	*f = (struct freebsd_kevent){c.ident, c.filter, c.flags, c.fflags, c.data, c.udata, {0}};
	memcpy(f->ext, kev->ext, sizeof f->ext);
	return 0;
}

/* The old layout has no ext: zero on the way in (kevent11_copyin), dropped
 * on the way out. */
int freebsd11_kevent_to_host(const struct freebsd11_kevent *f, struct kq_kevent *kev)
{
	struct common c = {f->ident, f->filter, f->flags, f->fflags, f->data, f->udata};
	return common_to_host(&c, kev);
}

int freebsd11_kevent_from_host(const struct kq_kevent *kev, struct freebsd11_kevent *f)
{
	struct common c;
	int err = common_from_host(kev, &c);
	if (err)
		return err;
	*f = (struct freebsd11_kevent){c.ident, c.filter, c.flags, c.fflags, c.data, c.udata};
	return 0;
}

static int64_t error_data(int host_errno)
{
	return host_errno ? freebsd_errno_from_host(host_errno) : 0;
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
	f->flags = FREEBSD_EV_ERROR;
	f->data = error_data(host_errno);
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
	struct freebsd11_kevent *f = p;
	f->flags = FREEBSD_EV_ERROR;
	f->data = error_data(host_errno);
}

const struct kq_codec freebsd_kevent_codec = {
    sizeof(struct freebsd_kevent),
    to_host12,
    from_host12,
    set_error12,
};
const struct kq_codec freebsd11_kevent_codec = {
    sizeof(struct freebsd11_kevent),
    to_host11,
    from_host11,
    set_error11,
};
