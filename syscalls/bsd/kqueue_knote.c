/*
 * The knotes of a kqueue: the tables, the queue of active knotes, and the
 * two halves of kevent(2) that work on them: kq_register (a change,
 * kqueue_register in sys/kern/kern_event.c) and kq_collect (the events,
 * the loop of kqueue_scan).  Everything here runs with kq->lock held.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/epoll.h>

#include "core/fd.h"
#include "core/host.h"
#include "syscalls/bsd/kqueue_impl.h"

static unsigned knote_bucket(uint64_t ident, int32_t filter)
{
	return (unsigned)((ident ^ (ident >> 8) ^ ((uint64_t)filter * 31)) & (KQ_HASH - 1));
}

struct kq_knote *kq_knote_find(struct kq *kq, uint64_t ident, int32_t filter)
{
	for (struct kq_knote *kn = kq->knotes[knote_bucket(ident, filter)]; kn; kn = kn->hnext)
		if (kn->kev.ident == ident && kn->kev.filter == filter)
			return kn;
	return NULL;
}

static void knote_unhash(struct kq *kq, struct kq_knote *kn)
{
	struct kq_knote **p = &kq->knotes[knote_bucket(kn->kev.ident, kn->kev.filter)];
	while (*p != kn)
		p = &(*p)->hnext;
	*p = kn->hnext;
}

/* ---- the queue of active knotes (kq_head in kern_event.c) ---- */

static void queue_append(struct kq *kq, struct kq_knote *kn)
{
	kn->qnext = NULL;
	kn->qprev = kq->qtail;
	if (kq->qtail)
		kq->qtail->qnext = kn;
	else
		kq->qhead = kn;
	kq->qtail = kn;
}

static void queue_unlink(struct kq *kq, struct kq_knote *kn)
{
	if (kn->qprev)
		kn->qprev->qnext = kn->qnext;
	else
		kq->qhead = kn->qnext;
	if (kn->qnext)
		kn->qnext->qprev = kn->qprev;
	else
		kq->qtail = kn->qprev;
}

void kq_enqueue(struct kq *kq, struct kq_knote *kn)
{
	if (kn->status & KN_QUEUED)
		return;
	queue_append(kq, kn);
	kn->status |= KN_QUEUED;
	kq->nqueued++;
}

void kq_dequeue(struct kq *kq, struct kq_knote *kn)
{
	if (!(kn->status & KN_QUEUED))
		return;
	queue_unlink(kq, kn);
	kn->status &= ~KN_QUEUED;
	kq->nqueued--;
}

/* KNOTE_ACTIVATE: a disabled knote stays active but off the queue, and is
 * queued when it is enabled again. */
void kq_activate(struct kq *kq, struct kq_knote *kn)
{
	kn->status |= KN_ACTIVE;
	if (!(kn->status & KN_DISABLED))
		kq_enqueue(kq, kn);
}

void kq_wake_update(struct kq *kq)
{
	uint64_t v = 1;
	if (kq->nqueued && !kq->wake_set) {
		host_syscall3(SYS_write, kq->wakefd, &v, sizeof v);
		kq->wake_set = true;
	} else if (!kq->nqueued && kq->wake_set) {
		host_syscall3(SYS_read, kq->wakefd, &v, sizeof v);
		kq->wake_set = false;
	}
}

void kq_polled_set(struct kq *kq, struct kq_knote *kn, bool on)
{
	if (on == !!(kn->status & KN_POLLED))
		return;
	if (on) {
		kn->pprev = NULL;
		kn->pnext = kq->polled;
		if (kq->polled)
			kq->polled->pprev = kn;
		kq->polled = kn;
		kn->status |= KN_POLLED;
		return;
	}
	if (kn->pprev)
		kn->pprev->pnext = kn->pnext;
	else
		kq->polled = kn->pnext;
	if (kn->pnext)
		kn->pnext->pprev = kn->pprev;
	kn->status &= ~KN_POLLED;
}

/* ---- watches: host descriptors in the epoll set ---- */

/* Per guest descriptor below FD_COUNTED: how many kqueues are it or watch
 * it (KQ_WATCH_FD).  Read without a lock by the close hook, which runs on
 * the guest's FS base: a program's close of a descriptor no kqueue knows
 * (most of its files) then needs none of glibc's locks. */
#define FD_COUNTED 65536
static uint32_t fd_users[FD_COUNTED];

void kq_fd_users_add(int fd, int delta)
{
	if (fd >= 0 && fd < FD_COUNTED)
		__atomic_add_fetch(&fd_users[fd], (uint32_t)delta, __ATOMIC_ACQ_REL);
}

bool kq_fd_used(int fd)
{
	return fd < 0 || fd >= FD_COUNTED || __atomic_load_n(&fd_users[fd], __ATOMIC_ACQUIRE) != 0;
}

struct kq_watch *kq_watch_find(struct kq *kq, int fd)
{
	for (struct kq_watch *w = kq->watches[(unsigned)fd & (KQ_HASH - 1)]; w; w = w->next)
		if (w->fd == fd)
			return w;
	return NULL;
}

struct kq_watch *kq_watch_new(struct kq *kq, int fd, enum kq_watch_kind kind)
{
	struct kq_watch *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->fd = fd;
	w->kind = (uint8_t)kind;
	w->gen = ++kq->next_gen;
	if (kind == KQ_WATCH_FD)
		kq_fd_users_add(fd, 1);
	struct kq_watch **head = &kq->watches[(unsigned)fd & (KQ_HASH - 1)];
	w->next = *head;
	*head = w;
	return w;
}

void kq_watch_free(struct kq *kq, struct kq_watch *w)
{
	kq_watch_epoll(kq, w, 0);
	struct kq_watch **p = &kq->watches[(unsigned)w->fd & (KQ_HASH - 1)];
	while (*p != w)
		p = &(*p)->next;
	*p = w->next;
	if (w->kind == KQ_WATCH_FD)
		kq_fd_users_add(w->fd, -1);
	free(w);
}

int kq_watch_epoll(struct kq *kq, struct kq_watch *w, uint32_t events)
{
	if (events == 0) {
		if (w->in_epoll)
			host_syscall4(SYS_epoll_ctl, kq->epfd, EPOLL_CTL_DEL, w->fd, NULL);
		w->in_epoll = false;
		return 0;
	}
	/* The generation tells a stale event (for a descriptor since closed
	 * and reused) from a current one. */
	struct epoll_event ev = {.events = events,
				 .data.u64 = (uint64_t)w->gen << 32 | (uint32_t)w->fd};
	long r = -ENOENT;
	/* MOD also re-arms an edge-triggered registration: epoll reports the
	 * descriptor again if it is ready, as kqueue_register re-checks the
	 * filter after every change. */
	if (w->in_epoll)
		r = host_syscall4(SYS_epoll_ctl, kq->epfd, EPOLL_CTL_MOD, w->fd, &ev);
	if (r == -ENOENT) /* not (or no longer) there: the file went away */
		r = host_syscall4(SYS_epoll_ctl, kq->epfd, EPOLL_CTL_ADD, w->fd, &ev);
	w->in_epoll = r == 0;
	return (int)r;
}

/* ---- kqueue_register ---- */

/* The end of every change (done_ev_add): epoll follows the knote's state,
 * and a knote left enabled is checked and queued if its event is there. */
static int settle(struct kq *kq, const struct kq_filterops *ops, struct kq_knote *kn)
{
	int err = ops->sync ? ops->sync(kq, kn) : 0;
	if (err)
		return err;
	if (!(kn->status & KN_DISABLED) && ops->on_register(kq, kn))
		kn->status |= KN_ACTIVE;
	if ((kn->status & (KN_ACTIVE | KN_DISABLED)) == KN_ACTIVE)
		kq_enqueue(kq, kn);
	/* kern_event.c leaves a disabled knote queued for the scan to skip;
	 * taking it off now keeps the wake descriptor honest. */
	if (kn->status & KN_DISABLED)
		kq_dequeue(kq, kn);
	return 0;
}

static int add_knote(struct kq *kq, const struct kq_filterops *ops, struct kq_kevent *kev)
{
	struct kq_knote *kn = calloc(1, sizeof *kn);
	if (!kn)
		return -ENOMEM;
	/* The registered fflags and data are kept apart; the change itself is
	 * cleared, which is what a receipt for it then shows. */
	kn->sfflags = kev->fflags;
	kn->sdata = kev->data;
	kev->fflags = 0;
	kev->data = 0;
	kn->kev = *kev;
	kn->kev.flags &=
	    ~(KQ_EV_ADD | KQ_EV_DELETE | KQ_EV_ENABLE | KQ_EV_DISABLE | KQ_EV_FORCEONESHOT);
	if (kev->flags & KQ_EV_DISABLE)
		kn->status = KN_DISABLED;
	struct kq_knote **head = &kq->knotes[knote_bucket(kev->ident, kev->filter)];
	kn->hnext = *head;
	*head = kn;
	int err = ops->attach(kq, kn);
	if (err) {
		knote_unhash(kq, kn);
		free(kn);
		return err;
	}
	err = settle(kq, ops, kn);
	if (err)
		kq_knote_drop(kq, kn);
	return err;
}

/* One change.  kev is left as the kernel leaves it, for a receipt.
 * 0 or -errno. */
int kq_register(struct kq *kq, struct kq_kevent *kev)
{
	uint32_t f = kev->flags;
	if ((f & (KQ_EV_ENABLE | KQ_EV_DISABLE)) == (KQ_EV_ENABLE | KQ_EV_DISABLE))
		return -EINVAL;
	const struct kq_filterops *ops = kq_filterops(kev->filter);
	if (!ops)
		return -EINVAL;
	if ((f & KQ_EV_ADD) && (f & KQ_EV_KEEPUDATA))
		return -EINVAL;
	if (ops->isfd) {
		if (kev->ident > INT_MAX || xeno_fd_is_reserved((int)kev->ident) ||
		    host_syscall2(SYS_fcntl, (int)kev->ident, F_GETFD) < 0)
			return -EBADF;
		if ((int)kev->ident == kq->fd)
			return -EINVAL; /* a kqueue cannot watch itself */
	}
	struct kq_knote *kn = kq_knote_find(kq, kev->ident, kev->filter);
	if (!kn)
		return (f & KQ_EV_ADD) ? add_knote(kq, ops, kev) : -ENOENT;
	if (f & KQ_EV_DELETE) {
		kq_knote_drop(kq, kn);
		return 0;
	}
	if (f & KQ_EV_FORCEONESHOT) {
		kn->kev.flags |= KQ_EV_ONESHOT;
		kq_activate(kq, kn);
	}
	if (f & KQ_EV_ENABLE)
		kn->status &= ~KN_DISABLED;
	else if (f & KQ_EV_DISABLE)
		kn->status |= KN_DISABLED;
	/* Only udata and the filter's own values change after EV_ADD: the
	 * behaviour flags (EV_CLEAR, EV_ONESHOT...) stay as first given. */
	if (!(f & KQ_EV_KEEPUDATA))
		kn->kev.udata = kev->udata;
	if (ops->touch) {
		int err = ops->touch(kq, kn, kev);
		if (err)
			return err;
	} else {
		kn->sfflags = kev->fflags;
		kn->sdata = kev->data;
	}
	return settle(kq, ops, kn);
}

void kq_knote_drop(struct kq *kq, struct kq_knote *kn)
{
	kq_dequeue(kq, kn);
	kq_polled_set(kq, kn, false);
	knote_unhash(kq, kn);
	kq_filterops(kn->kev.filter)->detach(kq, kn);
	free(kn);
}

/* ---- kqueue_scan ---- */

/* Turns what epoll reported into active knotes, and checks the knotes
 * epoll cannot watch. */
void kq_harvest(struct kq *kq, const void *epoll_events, int n)
{
	const struct epoll_event *ev = epoll_events;
	for (int i = 0; i < n; i++) {
		struct kq_watch *w = kq_watch_find(kq, (int)(uint32_t)ev[i].data.u64);
		if (!w || w->gen != (uint32_t)(ev[i].data.u64 >> 32) || w->kind == KQ_WATCH_WAKE)
			continue;
		if (w->kind == KQ_WATCH_FD)
			kq_fd_filterops.harvest(kq, w, ev[i].events);
		else
			kq_filterops(w->owner->kev.filter)->harvest(kq, w, ev[i].events);
	}
	for (struct kq_knote *kn = kq->polled; kn; kn = kn->pnext)
		if (!(kn->status & KN_DISABLED) && kq_filterops(kn->kev.filter)->event(kq, kn))
			kq_activate(kq, kn);
}

static void requeue(struct kq *kq, struct kq_knote *kn)
{
	queue_unlink(kq, kn);
	queue_append(kq, kn);
}

/* KQ_EV_ASSOC: the descriptor's other knote goes with the one reported,
 * which tells whether the other's event held too.  Whether the other was
 * on the queue. */
static bool end_association(struct kq *kq, struct kq_knote *kn, struct kq_kevent *out)
{
	struct kq_watch *w = kn->watch;
	struct kq_knote *other = w->read == kn ? w->write : w->read;
	if (!other)
		return false;
	bool queued = other->status & KN_QUEUED;
	if (!(other->status & KN_DISABLED) && kq_filterops(other->kev.filter)->event(kq, other))
		out->flags |= KQ_EV_OTHER;
	kq_knote_drop(kq, other);
	return queued;
}

/* Takes up to max events off the queue, as kqueue_scan does: a knote
 * whose event went away is dropped from the queue, EV_ONESHOT deletes,
 * EV_CLEAR resets, EV_DISPATCH disables, and any other knote goes back to
 * the end of the queue, to be checked again at the next scan (that is
 * what makes it level-triggered).  The number of events in out. */
int kq_collect(struct kq *kq, struct kq_kevent *out, int max)
{
	int got = 0;
	unsigned visit = kq->nqueued; /* knotes put back are not seen twice */
	while (visit-- > 0 && got < max && kq->qhead) {
		struct kq_knote *kn = kq->qhead;
		const struct kq_filterops *ops = kq_filterops(kn->kev.filter);
		if (kn->status & KN_DISABLED) {
			kq_dequeue(kq, kn);
			continue;
		}
		if (kn->kev.flags & KQ_EV_DROP) {
			kq_knote_drop(kq, kn);
			continue;
		}
		if (kn->kev.flags & KQ_EV_ONESHOT) {
			/* Reported as it stands, without asking the filter again
			 * nor letting it edit the event: a descriptor's data is
			 * measured now, as the activation did there. */
			if (ops->isfd)
				ops->event(kq, kn);
			out[got] = kn->kev;
			if ((kn->kev.flags & KQ_EV_ASSOC) && ops->isfd &&
			    end_association(kq, kn, &out[got]) && visit > 0)
				visit--;
			got++;
			kq_knote_drop(kq, kn);
			continue;
		}
		if (!ops->event(kq, kn)) {
			kq_dequeue(kq, kn);
			kn->status &= ~KN_ACTIVE;
			continue;
		}
		if (ops->process)
			ops->process(kn, &out[got]);
		else
			out[got] = kn->kev;
		got++;
		if (!(kn->kev.flags & (KQ_EV_CLEAR | KQ_EV_DISPATCH))) {
			requeue(kq, kn);
			continue;
		}
		if (!ops->process && (kn->kev.flags & KQ_EV_CLEAR))
			kn->kev.data = 0, kn->kev.fflags = 0;
		kq_dequeue(kq, kn);
		kn->status &= ~KN_ACTIVE;
		if (kn->kev.flags & KQ_EV_DISPATCH) {
			kn->status |= KN_DISABLED;
			if (ops->sync)
				ops->sync(kq, kn);
		}
	}
	return got;
}
