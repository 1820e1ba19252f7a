/*
 * EVFILT_USER (filt_user* in sys/kern/kern_event.c), the table of filters,
 * and the filters xeno knows of but does not implement.
 */
#include <errno.h>

#include "core/log.h"
#include "syscalls/bsd/kqueue_impl.h"

/*
 * A user knote is triggered by a change with NOTE_TRIGGER and stays so
 * until EV_CLEAR resets it.  Its stored fflags take the low 24 bits of each
 * change as NOTE_FFAND/FFOR/FFCOPY say; reported events carry the stored
 * fflags and data.
 *
 * As in kern_event.c, the EV_ADD that creates the knote never triggers it
 * (filt_userattach looks at the knote's own fflags, which kqueue_register
 * has just cleared) and stores its fflags whole, control bits included.
 */
static int user_attach(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	kn->triggered = false;
	return 0;
}

static void user_detach(struct kq *kq, struct kq_knote *kn)
{
	(void)kq, (void)kn;
}

static bool user_event(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	return kn->triggered;
}

static void user_clear(struct kq_knote *kn)
{
	kn->triggered = false;
	kn->kev.data = 0;
	kn->kev.fflags = 0;
}

static int user_touch(struct kq *kq, struct kq_knote *kn, struct kq_kevent *kev)
{
	(void)kq;
	if (kev->fflags & KQ_NOTE_TRIGGER)
		kn->triggered = true;
	uint32_t ctrl = kev->fflags & KQ_NOTE_FFCTRLMASK;
	kev->fflags &= KQ_NOTE_FFLAGSMASK;
	switch (ctrl) {
	case KQ_NOTE_FFAND:
		kn->sfflags &= kev->fflags;
		break;
	case KQ_NOTE_FFOR:
		kn->sfflags |= kev->fflags;
		break;
	case KQ_NOTE_FFCOPY:
		kn->sfflags = kev->fflags;
		break;
	}
	kn->sdata = kev->data;
	if (kev->flags & KQ_EV_CLEAR)
		user_clear(kn);
	return 0;
}

static void user_process(struct kq_knote *kn, struct kq_kevent *out)
{
	*out = kn->kev;
	out->fflags = kn->sfflags;
	out->data = kn->sdata;
	if (kn->kev.flags & KQ_EV_CLEAR)
		user_clear(kn);
}

const struct kq_filterops kq_user_filterops = {
    .attach = user_attach,
    .detach = user_detach,
    .event = user_event,
    .on_register = user_event,
    .touch = user_touch,
    .process = user_process,
};

/* ---- filters xeno does not implement ---- */

static const char *const filter_names[KQ_FILTER_COUNT] = {
    [KQ_FILTER_AIO] = "EVFILT_AIO",
    [KQ_FILTER_VNODE] = "EVFILT_VNODE",
    [KQ_FILTER_SIGNAL] = "EVFILT_SIGNAL",
    [KQ_FILTER_PROCDESC] = "EVFILT_PROCDESC",
    [KQ_FILTER_FS] = "EVFILT_FS",
    [KQ_FILTER_LIO] = "EVFILT_LIO",
    [KQ_FILTER_SENDFILE] = "EVFILT_SENDFILE",
    [KQ_FILTER_EMPTY] = "EVFILT_EMPTY",
};

/* ENOSYS, and once per filter a message saying so. */
static int unsupported_attach(struct kq *kq, struct kq_knote *kn)
{
	static bool told[KQ_FILTER_COUNT];
	(void)kq;
	if (!__atomic_exchange_n(&told[kn->kev.filter], true, __ATOMIC_RELAXED))
		xeno_msg("kevent filter %s not implemented", filter_names[kn->kev.filter]);
	return -ENOSYS;
}

static bool never(struct kq *kq, struct kq_knote *kn)
{
	(void)kq, (void)kn;
	return false;
}

const struct kq_filterops kq_unsupported_filterops = {
    .attach = unsupported_attach,
    .detach = user_detach,
    .event = never,
    .on_register = never,
};

const struct kq_filterops *kq_filterops(int32_t filter)
{
	switch (filter) {
	case KQ_FILTER_READ:
	case KQ_FILTER_WRITE:
		return &kq_fd_filterops;
	case KQ_FILTER_USER:
		return &kq_user_filterops;
	case KQ_FILTER_TIMER:
		return &kq_timer_filterops;
	case KQ_FILTER_PROC:
		return &kq_proc_filterops;
	}
	if (filter > KQ_FILTER_NONE && filter < KQ_FILTER_COUNT)
		return &kq_unsupported_filterops;
	return NULL;
}
