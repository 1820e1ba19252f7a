/*
 * A BSD's struct kevent <-> the engine's neutral form (abi/bsd/kevent.h),
 * once for every BSD: what the kernel does with a change's fields before
 * looking at them (clearing EV_SYSFLAGS; FreeBSD also skips filter 0) is in
 * kqueue_kevent() of FreeBSD's sys/kern/kern_event.c and kevent1() of
 * NetBSD's.
 */
#include "abi/bsd/kevent.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include "core/xlat.h"

/* The fflags table of a filter, NULL for filters whose fflags xeno passes
 * through without interpreting them (it does not implement those). */
static const struct xeno_flagset *notes_of(const struct bsd_kevent_facts *f, int32_t filter)
{
	switch (filter) {
	case KQ_FILTER_READ:
	case KQ_FILTER_WRITE:
		return f->note_rw;
	case KQ_FILTER_TIMER:
		return f->note_timer;
	case KQ_FILTER_PROC:
		return f->note_proc;
	case KQ_FILTER_USER:
		return f->note_user;
	}
	return NULL;
}

static int fflags_to_host(const struct bsd_kevent_facts *f, int32_t filter, uint32_t ff,
			  uint32_t *out)
{
	const struct xeno_flagset *s = notes_of(f, filter);
	uint32_t passed = filter == KQ_FILTER_USER ? ff & f->user_fflagsmask : 0;
	uint64_t v;
	if (!s) {
		*out = ff;
		return 0;
	}
	if (xeno_flags_to_host(s, ff & ~passed, &v) < 0)
		return -EINVAL;
	*out = (uint32_t)v | passed;
	return 0;
}

static int fflags_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev,
			    uint32_t *out)
{
	const struct xeno_flagset *s = notes_of(f, kev->filter);
	uint32_t passed = kev->filter == KQ_FILTER_USER ? kev->fflags & KQ_NOTE_FFLAGSMASK : 0;
	uint64_t v;
	/* At end of file a read or write filter reports the socket's error. */
	if ((kev->filter == KQ_FILTER_READ || kev->filter == KQ_FILTER_WRITE) &&
	    (kev->flags & KQ_EV_EOF)) {
		*out = kev->fflags ? (uint32_t)f->errno_from_host((int)kev->fflags) : 0;
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

/* A host wait status as the BSDs encode it (sys/sys/wait.h: the same
 * shape, exit code << 8 or signal | core flag 0x80), with the BSD's
 * signal numbers. */
static int64_t wait_status_from_host(const struct bsd_kevent_facts *f, int64_t status)
{
	int s = (int)status;
	if (WIFSIGNALED(s))
		return f->signal_from_host(WTERMSIG(s)) | (WCOREDUMP(s) ? 0x80 : 0);
	return s;
}

int64_t bsd_kevent_error_data(const struct bsd_kevent_facts *f, int host_errno)
{
	return host_errno ? f->errno_from_host(host_errno) : 0;
}

static int64_t data_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev)
{
	if (kev->flags & KQ_EV_ERROR)
		return bsd_kevent_error_data(f, (int)kev->data);
	if (kev->filter == KQ_FILTER_PROC && (kev->fflags & KQ_NOTE_EXIT))
		return wait_status_from_host(f, kev->data);
	return kev->data;
}

int bsd_kevent_to_host(const struct bsd_kevent_facts *f, const struct bsd_kevent_fields *c,
		       struct kq_kevent *kev)
{
	uint64_t v;
	memset(kev, 0, sizeof *kev);
	kev->ident = c->ident;
	kev->data = c->data;
	kev->udata = c->udata;
	if (c->filter == 0 && f->zero_filter_skipped)
		return 0; /* KQ_FILTER_NONE: skipped, nothing else matters */
	if (xeno_flags_to_host(f->filters, (uint64_t)c->filter, &v) < 0)
		return -EINVAL;
	kev->filter = (int32_t)v;
	/* the kernel clears the system flags of a change before using it */
	if (xeno_flags_to_host(f->flags, c->flags & ~f->sysflags, &v) < 0)
		return -EINVAL;
	kev->flags = (uint32_t)v;
	return fflags_to_host(f, kev->filter, c->fflags, &kev->fflags);
}

int bsd_kevent_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev,
			 struct bsd_kevent_fields *c)
{
	uint64_t filter = 0, flags;
	if (kev->filter != KQ_FILTER_NONE &&
	    xeno_flags_from_host(f->filters, (uint64_t)kev->filter, &filter) < 0)
		return -EINVAL;
	if (xeno_flags_from_host(f->flags, kev->flags, &flags) < 0)
		return -EINVAL;
	c->ident = kev->ident;
	c->filter = (int64_t)filter;
	c->flags = (uint32_t)flags;
	c->data = data_from_host(f, kev);
	c->udata = kev->udata;
	return fflags_from_host(f, kev, &c->fflags);
}
