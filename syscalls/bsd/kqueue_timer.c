/*
 * EVFILT_TIMER (filt_timer* in sys/kern/kern_event.c) on a timerfd per
 * knote.  data is the period (or, with NOTE_ABSTIME, the moment) in the
 * unit NOTE_SECONDS/MSECONDS/USECONDS/NSECONDS names, milliseconds when
 * none does; the timer repeats unless EV_ONESHOT or NOTE_ABSTIME.  A
 * relative timer is EV_CLEAR whatever the program asked; an event's data
 * is the number of expirations since the last one reported, which is what
 * a timerfd counts too (also while the knote is disabled).
 */
#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "core/fd.h"
#include "core/host.h"
#include "syscalls/bsd/kqueue_impl.h"

#define PRECISION (KQ_NOTE_SECONDS | KQ_NOTE_MSECONDS | KQ_NOTE_USECONDS | KQ_NOTE_NSECONDS)
#define NSEC	  1000000000LL

/* filt_timervalidate and timer2sbintime: the timerfd setting, or -EINVAL. */
static int timer_setting(struct kq_knote *kn, struct itimerspec *its, bool *absolute)
{
	int64_t unit;
	if (kn->sdata < 0)
		return -EINVAL;
	if (kn->sdata == 0 && !(kn->kev.flags & KQ_EV_ONESHOT))
		kn->sdata = 1;
	if (kn->sfflags & ~(PRECISION | KQ_NOTE_ABSTIME))
		return -EINVAL;
	switch (kn->sfflags & PRECISION) {
	case KQ_NOTE_SECONDS:
		unit = NSEC;
		break;
	case 0:
	case KQ_NOTE_MSECONDS:
		unit = 1000000;
		break;
	case KQ_NOTE_USECONDS:
		unit = 1000;
		break;
	case KQ_NOTE_NSECONDS:
		unit = 1;
		break;
	default:
		return -EINVAL; /* more than one unit */
	}
	int64_t per_second = NSEC / unit;
	struct timespec t = {kn->sdata / per_second, (kn->sdata % per_second) * unit};
	/* sbintime_t holds some 2^31 seconds; FreeBSD saturates there */
	if (t.tv_sec > INT32_MAX)
		t.tv_sec = INT32_MAX, t.tv_nsec = 0;
	*absolute = kn->sfflags & KQ_NOTE_ABSTIME;
	bool periodic = !*absolute && !(kn->kev.flags & KQ_EV_ONESHOT);
	its->it_interval = periodic ? t : (struct timespec){0, 0};
	/* a zero it_value would disarm the timerfd: expire at once instead */
	if (t.tv_sec == 0 && t.tv_nsec == 0)
		t.tv_nsec = 1;
	its->it_value = t;
	return 0;
}

static int timer_attach(struct kq *kq, struct kq_knote *kn)
{
	struct itimerspec its;
	bool absolute;
	int err = timer_setting(kn, &its, &absolute);
	if (err)
		return err;
	if (!absolute)
		kn->kev.flags |= KQ_EV_CLEAR;
	/* NOTE_ABSTIME counts from the epoch (boot time + uptime there) */
	long fd = host_syscall2(SYS_timerfd_create, absolute ? CLOCK_REALTIME : CLOCK_MONOTONIC,
				TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0)
		return (int)fd;
	fd = xeno_fd_move_high((int)fd);
	if (fd < 0)
		return (int)fd;
	long r =
	    host_syscall4(SYS_timerfd_settime, fd, absolute ? TFD_TIMER_ABSTIME : 0, &its, NULL);
	struct kq_watch *w = r < 0 ? NULL : kq_watch_new(kq, (int)fd, KQ_WATCH_TIMER);
	if (!w) {
		host_syscall1(SYS_close, fd);
		return r < 0 ? (int)r : -ENOMEM;
	}
	w->owner = kn;
	kn->watch = w;
	return 0;
}

static void timer_detach(struct kq *kq, struct kq_knote *kn)
{
	struct kq_watch *w = kn->watch;
	if (!w)
		return;
	int fd = w->fd;
	kq_watch_free(kq, w);
	host_syscall1(SYS_close, fd);
	kn->watch = NULL;
}

static int timer_sync(struct kq *kq, struct kq_knote *kn)
{
	if (!kn->watch)
		return 0;
	return kq_watch_epoll(kq, kn->watch, (kn->status & KN_DISABLED) ? 0 : EPOLLIN);
}

static void timer_harvest(struct kq *kq, struct kq_watch *w, uint32_t revents)
{
	uint64_t expirations = 0;
	(void)revents;
	if (host_syscall3(SYS_read, w->fd, &expirations, sizeof expirations) != sizeof expirations)
		return; /* another thread read it first */
	w->owner->kev.data += (int64_t)expirations;
	kq_activate(kq, w->owner);
}

static bool timer_event(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	return kn->kev.data != 0;
}

/* filt_timertouch: EV_ADD on an existing timer starts it afresh with the
 * new values and forgets expirations not yet reported.  Where FreeBSD
 * would keep such a timer and report the error as its event, xeno fails
 * the change and leaves the timer stopped. */
static int timer_touch(struct kq *kq, struct kq_knote *kn, struct kq_kevent *kev)
{
	if (!(kev->flags & KQ_EV_ADD))
		return 0;
	kq_dequeue(kq, kn);
	kn->status &= ~KN_ACTIVE;
	kn->kev.data = 0;
	kn->sfflags = kev->fflags;
	kn->sdata = kev->data;
	timer_detach(kq, kn);
	return timer_attach(kq, kn);
}

static void timer_process(struct kq_knote *kn, struct kq_kevent *out)
{
	*out = kn->kev;
	if (kn->kev.flags & KQ_EV_CLEAR)
		kn->kev.data = 0, kn->kev.fflags = 0;
}

const struct kq_filterops kq_timer_filterops = {
    .attach = timer_attach,
    .detach = timer_detach,
    .event = timer_event,
    .on_register = timer_event,
    .touch = timer_touch,
    .process = timer_process,
    .sync = timer_sync,
    .harvest = timer_harvest,
};
