/* The kqueue numbering the BSDs share, and their 32-byte struct kevent
 * (abi/bsd/event.h). */
#include "abi/bsd/event.h"

static const struct xeno_flag evflags[] = {
    BSD_KQ_FLAG(EV_ADD),     BSD_KQ_FLAG(EV_DELETE),   BSD_KQ_FLAG(EV_ENABLE),
    BSD_KQ_FLAG(EV_DISABLE), BSD_KQ_FLAG(EV_ONESHOT),  BSD_KQ_FLAG(EV_CLEAR),
    BSD_KQ_FLAG(EV_RECEIPT), BSD_KQ_FLAG(EV_DISPATCH), BSD_KQ_FLAG(EV_EOF),
    BSD_KQ_FLAG(EV_ERROR),
};
const struct xeno_flagset bsd_kevent_flags = XENO_FLAGSET("kevflags", evflags, 0);

static const struct xeno_flag note_rw[] = {BSD_KQ_FLAG(NOTE_LOWAT)};
const struct xeno_flagset bsd_note_rw_flags = XENO_FLAGSET("kevnote_rw", note_rw, 0);

/* EVFILT_TIMER takes no fflags where its data counts milliseconds. */
static const struct xeno_flag note_timer_ms[] = {XENO_FLAG_FOREIGN("0", 0)};
const struct xeno_flagset bsd_note_timer_ms_flags = XENO_FLAGSET("kevnote_timer", note_timer_ms, 0);

static const struct xeno_flag note_proc[] = {
    BSD_KQ_FLAG(NOTE_EXIT),  BSD_KQ_FLAG(NOTE_FORK),	 BSD_KQ_FLAG(NOTE_EXEC),
    BSD_KQ_FLAG(NOTE_TRACK), BSD_KQ_FLAG(NOTE_TRACKERR), BSD_KQ_FLAG(NOTE_CHILD),
};
const struct xeno_flagset bsd_note_proc_flags = XENO_FLAGSET("kevnote_proc", note_proc, 0);

/* The control part of EVFILT_USER's fflags; the low 24 bits are the
 * program's and pass through unchanged.  FFNOP (no control bits) last. */
#define USERCTL(name)                                                                              \
	XENO_FIELD(#name, BSD_NOTE_FFCTRLMASK, BSD_##name, KQ_NOTE_FFCTRLMASK, KQ_##name)
static const struct xeno_flag note_user[] = {
    BSD_KQ_FLAG(NOTE_TRIGGER), USERCTL(NOTE_FFAND), USERCTL(NOTE_FFOR),
    USERCTL(NOTE_FFCOPY),      USERCTL(NOTE_FFNOP),
};
const struct xeno_flagset bsd_note_user_flags = XENO_FLAGSET("kevnote_user", note_user, 0);

int bsd_kevent32_to_host(const struct bsd_kevent_facts *f, const struct bsd_kevent32 *k,
			 struct kq_kevent *kev)
{
	struct bsd_kevent_fields c = {k->ident, k->filter, k->flags, k->fflags, k->data, k->udata};
	return bsd_kevent_to_host(f, &c, kev);
}

int bsd_kevent32_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev,
			   struct bsd_kevent32 *k)
{
	struct bsd_kevent_fields c;
	int err = bsd_kevent_from_host(f, kev, &c);
	if (err)
		return err;
	*k = (struct bsd_kevent32){c.ident, (int16_t)c.filter, (uint16_t)c.flags, c.fflags, c.data,
				   c.udata};
	return 0;
}

void bsd_kevent32_set_error(const struct bsd_kevent_facts *f, struct bsd_kevent32 *k,
			    int host_errno)
{
	k->flags = BSD_EV_ERROR;
	k->data = bsd_kevent_error_data(f, host_errno);
}
