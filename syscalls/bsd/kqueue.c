/*
 * kqueue objects and kevent(2): the registry of kqueues by descriptor,
 * their life, and the call itself (kern_kevent / kqueue_kevent /
 * kqueue_scan in sys/kern/kern_event.c): changes first, each failure (or,
 * with EV_RECEIPT, each change) reported in the event list while there is
 * room, then the wait.
 *
 * Not done yet: FreeBSD does not pass kqueues to a child across fork; the
 * descriptors xeno keeps for a kqueue are close-on-exec but a forked child
 * would inherit the epoll instance and this registry.  When fork comes,
 * the child must drop every kqueue (close the guest descriptor, free the
 * state).  A kqueue descriptor duplicated with dup/dup2/fcntl is not known
 * here either: kevent on the copy fails with EBADF.
 */
#include "syscalls/bsd/kqueue.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>

#include "core/blocking.h"
#include "core/fd.h"
#include "core/xlat.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "syscalls/bsd/kqueue_impl.h"

#define KQ_CHANGE_BATCH 8   /* changes read at a time (KQ_NEVENTS there) */
#define KQ_EVENT_BATCH	64  /* events gathered at a time */
#define KQ_MAX_KEVENT	128 /* bytes: room for any BSD's struct kevent */

/* (the neutral form too, which the unit tests use as a guest layout) */
_Static_assert(sizeof(struct kq_kevent) <= KQ_MAX_KEVENT, "kevent buffer");

/* ---- the registry: every kqueue, by guest descriptor ---- */

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct kq *registry;
static int registry_count; /* read without the lock by the close hook */

static void kq_destroy(struct kq *kq)
{
	for (unsigned i = 0; i < KQ_HASH; i++)
		while (kq->knotes[i])
			kq_knote_drop(kq, kq->knotes[i]);
	for (unsigned i = 0; i < KQ_HASH; i++)
		while (kq->watches[i])
			kq_watch_free(kq, kq->watches[i]);
	host_syscall1(SYS_close, kq->wakefd);
	host_syscall1(SYS_close, kq->epfd);
	pthread_mutex_destroy(&kq->lock);
	free(kq);
}

static void kq_release(struct kq *kq)
{
	if (__atomic_sub_fetch(&kq->refs, 1, __ATOMIC_ACQ_REL) == 0)
		kq_destroy(kq);
}

/* Takes the kqueue out of the registry: it is closing.  Registry lock held. */
static void unregister(struct kq *kq)
{
	struct kq **p = &registry;
	while (*p != kq)
		p = &(*p)->next;
	*p = kq->next;
	__atomic_store_n(&registry_count, registry_count - 1, __ATOMIC_RELEASE);
	kq_fd_users_add(kq->fd, -1);
	__atomic_store_n(&kq->closing, true, __ATOMIC_RELEASE);
}

static struct kq *kq_acquire(int fd)
{
	struct kq *found = NULL;
	pthread_mutex_lock(&registry_lock);
	for (struct kq *kq = registry; kq; kq = kq->next)
		if (kq->fd == fd) {
			found = kq;
			__atomic_add_fetch(&kq->refs, 1, __ATOMIC_ACQ_REL);
			break;
		}
	pthread_mutex_unlock(&registry_lock);
	return found;
}

/* FreeBSD does not pass kqueues on to a forked child (kqueue's file ops
 * lack DFLAG_PASSABLE: sys/kern/kern_descrip.c fdcopy skips them).  The
 * registry is held across the fork, so the child sees it whole; there each
 * kqueue's descriptors are closed and its state left behind unused (the
 * other threads that might have held its lock do not exist there). */
static void lock_registry(void)
{
	pthread_mutex_lock(&registry_lock);
}

static void unlock_registry_after_fork(bool child)
{
	if (child) {
		for (struct kq *kq = registry; kq; kq = kq->next) {
			host_syscall1(SYS_close, kq->fd);
			host_syscall1(SYS_close, kq->epfd);
			host_syscall1(SYS_close, kq->wakefd);
		}
		registry = NULL;
		__atomic_store_n(&registry_count, 0, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&registry_lock);
}

XENO_FORK_LOCK(kqueues, 10, lock_registry, unlock_registry_after_fork);

bool kq_is_kqueue_fd(int fd)
{
	bool found = false;
	pthread_mutex_lock(&registry_lock);
	for (struct kq *kq = registry; kq && !found; kq = kq->next)
		found = kq->fd == fd;
	pthread_mutex_unlock(&registry_lock);
	return found;
}

/* A duplicate of fd among xeno's own descriptors, or -errno. */
static int dup_high(int fd)
{
	long d = host_syscall3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 0);
	return d < 0 ? (int)d : xeno_fd_move_high((int)d);
}

static int kq_init(struct kq *kq, int fd)
{
	kq->fd = fd;
	kq->refs = 1; /* the registry's */
	pthread_mutex_init(&kq->lock, NULL);
	kq->epfd = dup_high(fd);
	if (kq->epfd < 0)
		return kq->epfd;
	long wake = host_syscall2(SYS_eventfd2, 0, EFD_NONBLOCK | EFD_CLOEXEC);
	kq->wakefd = wake < 0 ? (int)wake : xeno_fd_move_high((int)wake);
	if (kq->wakefd < 0) {
		host_syscall1(SYS_close, kq->epfd);
		return kq->wakefd;
	}
	struct kq_watch *w = kq_watch_new(kq, kq->wakefd, KQ_WATCH_WAKE);
	int err = w ? kq_watch_epoll(kq, w, EPOLLIN) : -ENOMEM;
	if (err) {
		if (w)
			kq_watch_free(kq, w);
		host_syscall1(SYS_close, kq->wakefd);
		host_syscall1(SYS_close, kq->epfd);
	}
	return err;
}

long kq_create(int host_flags)
{
	if (host_flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	long fd = xeno_fd_guest_new(host_syscall1(SYS_epoll_create1, host_flags));
	if (fd < 0)
		return fd;
	struct kq *kq = calloc(1, sizeof *kq);
	int err = kq ? kq_init(kq, (int)fd) : -ENOMEM;
	if (err) {
		free(kq);
		host_syscall1(SYS_close, fd);
		return err;
	}
	pthread_mutex_lock(&registry_lock);
	/* A kqueue whose descriptor was closed behind xeno's back (exec,
	 * a close path without the hook) is stale: this one replaces it. */
	struct kq *stale = NULL;
	for (struct kq *k = registry; k; k = k->next)
		if (k->fd == (int)fd)
			stale = k;
	if (stale)
		unregister(stale);
	kq->next = registry;
	registry = kq;
	kq_fd_users_add(kq->fd, 1);
	__atomic_store_n(&registry_count, registry_count + 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&registry_lock);
	if (stale)
		kq_release(stale);
	return fd;
}

long kq_create_flags(const struct xeno_flagset *s, int flags)
{
	uint64_t host;
	if (xeno_flags_to_host(s, (uint32_t)flags, &host) < 0)
		return -EINVAL;
	long fd = kq_create((int)(host & EPOLL_CLOEXEC));
	/* NetBSD's O_NONBLOCK: kept by the descriptor, which kevent ignores */
	if (fd >= 0 && (host & O_NONBLOCK))
		host_syscall3(SYS_fcntl, fd, F_SETFL, O_NONBLOCK);
	return fd;
}

/* knote_fdclose for one kqueue. */
static void drop_fd_knotes(struct kq *kq, int fd)
{
	pthread_mutex_lock(&kq->lock);
	struct kq_watch *w = kq_watch_find(kq, fd);
	if (w && w->kind == KQ_WATCH_FD) {
		struct kq_knote *r = w->read, *wr = w->write;
		if (r)
			kq_knote_drop(kq, r);
		if (wr)
			kq_knote_drop(kq, wr);
	}
	kq_wake_update(kq);
	pthread_mutex_unlock(&kq->lock);
}

bool xeno_kqueue_fd_watched(int fd)
{
	return __atomic_load_n(&registry_count, __ATOMIC_ACQUIRE) != 0 && kq_fd_used(fd);
}

void xeno_kqueue_fd_closed(int fd)
{
	if (!xeno_kqueue_fd_watched(fd))
		return;
	/* Each kqueue is visited with the registry unlocked: the engine takes
	 * a kqueue's lock first and the registry's second, never the other
	 * way round. */
	struct kq *closed = NULL, *few[16], **list = few;
	int n = 0, room = 16;
	pthread_mutex_lock(&registry_lock);
	if (registry_count > room) {
		struct kq **big = malloc((size_t)registry_count * sizeof *big);
		if (big)
			list = big, room = registry_count;
	}
	for (struct kq *kq = registry; kq; kq = kq->next) {
		if (kq->fd == fd) {
			closed = kq;
		} else if (n < room) {
			list[n++] = kq;
			__atomic_add_fetch(&kq->refs, 1, __ATOMIC_ACQ_REL);
		}
	}
	if (closed)
		unregister(closed);
	pthread_mutex_unlock(&registry_lock);
	for (int i = 0; i < n; i++) {
		drop_fd_knotes(list[i], fd);
		kq_release(list[i]);
	}
	if (list != few)
		free(list);
	if (closed)
		kq_release(closed); /* the registry's reference */
}

void xeno_kqueue_fds_closed(unsigned lo, unsigned hi)
{
	for (unsigned fd = lo; fd <= hi && fd <= INT32_MAX; fd++) {
		if (__atomic_load_n(&registry_count, __ATOMIC_ACQUIRE) == 0)
			return;
		xeno_kqueue_fd_closed((int)fd);
	}
}

/* ---- kevent ---- */

/* The changes (kqueue_kevent).  A change that fails, or any change with
 * EV_RECEIPT, becomes an EV_ERROR event while the event list has room;
 * without room the call fails with that error and the remaining changes
 * are not made.  0, or the -errno the call fails with. */
static long apply_changes(struct kq *kq, uint64_t changes, int n, uint64_t *events, int *room,
			  const struct kq_codec *codec, int *nerrors)
{
	uint64_t buf[KQ_CHANGE_BATCH * KQ_MAX_KEVENT / 8];
	size_t size = codec->size;
	while (n > 0) {
		int batch = n < KQ_CHANGE_BATCH ? n : KQ_CHANGE_BATCH;
		if (xeno_copy_in(buf, changes, (size_t)batch * size) < 0)
			return -EFAULT;
		changes += (uint64_t)batch * size;
		n -= batch;
		for (int i = 0; i < batch; i++) {
			void *f = (char *)buf + (size_t)i * size;
			struct kq_kevent kev;
			int err = codec->to_host(f, &kev);
			bool converted = err == 0;
			if (converted && kev.filter == KQ_FILTER_NONE)
				continue;
			if (converted) {
				pthread_mutex_lock(&kq->lock);
				err = kq_register(kq, &kev);
				kq_wake_update(kq);
				pthread_mutex_unlock(&kq->lock);
				if (!err && !(kev.flags & KQ_EV_RECEIPT))
					continue;
			}
			if (*room == 0)
				return err;
			if (converted) /* the change as the kernel left it */
				codec->from_host(&kev, f);
			codec->set_error(f, -err);
			xeno_copy_out(*events, f, size); /* a fault here is ignored there too */
			*events += size;
			(*room)--;
			(*nerrors)++;
		}
	}
	return 0;
}

/* Writes n events to the guest: 0 or -errno. */
static long copy_out_events(uint64_t to, const struct kq_kevent *ev, int n,
			    const struct kq_codec *codec)
{
	uint64_t f[KQ_MAX_KEVENT / 8];
	for (int i = 0; i < n; i++, to += codec->size) {
		int err = codec->from_host(&ev[i], f);
		if (err)
			return err; /* an engine value the OS cannot express: a bug */
		if (xeno_copy_out(to, f, codec->size) < 0)
			return -EFAULT;
	}
	return 0;
}

static int gather(struct kq *kq, struct kq_kevent *out, int max, void *epoll_events, int nev,
		  bool harvest)
{
	pthread_mutex_lock(&kq->lock);
	if (__atomic_load_n(&kq->closing, __ATOMIC_ACQUIRE)) {
		pthread_mutex_unlock(&kq->lock);
		return -EBADF;
	}
	if (harvest) {
		if (nev == 0) {
			long r = host_syscall4(SYS_epoll_wait, kq->epfd, epoll_events,
					       KQ_EVENT_BATCH, 0);
			nev = r < 0 ? 0 : (int)r;
		}
		kq_harvest(kq, epoll_events, nev);
	}
	int got = kq_collect(kq, out, max);
	kq_wake_update(kq);
	pthread_mutex_unlock(&kq->lock);
	return got;
}

/* Time left until deadline: false once it has passed. */
static bool time_left(const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0)
		left->tv_nsec += 1000000000, left->tv_sec--;
	return left->tv_sec > 0 || (left->tv_sec == 0 && left->tv_nsec > 0);
}

/*
 * kqueue_scan: events while there are any, up to max; else wait for one
 * until the timeout (NULL: for ever; zero: not at all).  The wait is in
 * epoll_pwait2, interruptible: a signal ends it with EINTR, never
 * restarted.  A kqueue closed by another thread ends it with EBADF
 * (FreeBSD would go on waiting on the closed kqueue).
 */
static long scan(struct kq *kq, uint64_t events, int max, const struct timespec *ts,
		 const struct kq_codec *codec)
{
	struct epoll_event ep[KQ_EVENT_BATCH];
	struct kq_kevent out[KQ_EVENT_BATCH];
	struct timespec deadline, left;
	bool forever = !ts, poll_only = false;
	if (max == 0)
		return 0;
	if (ts) {
		if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
			return -EINVAL;
		poll_only = ts->tv_sec == 0 && ts->tv_nsec == 0;
		forever = ts->tv_sec > INT32_MAX; /* FreeBSD then waits without limit */
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += ts->tv_sec;
		deadline.tv_nsec += ts->tv_nsec;
		if (deadline.tv_nsec >= 1000000000)
			deadline.tv_nsec -= 1000000000, deadline.tv_sec++;
	}
	int nev = 0, got;
	for (;;) {
		got = gather(kq, out, max < KQ_EVENT_BATCH ? max : KQ_EVENT_BATCH, ep, nev, true);
		if (got != 0)
			break;
		if (poll_only || (!forever && !time_left(&deadline, &left)))
			return 0;
		long r = host_blocking_syscall(SYS_epoll_pwait2, kq->epfd, ep, KQ_EVENT_BATCH,
					       forever ? NULL : &left, NULL, 8);
		if (r < 0)
			return r; /* -EINTR among others */
		nev = (int)r;
		if (nev == 0)
			nev = -1; /* woke for nothing: do not poll epoll again */
	}
	if (got < 0)
		return got;
	/* Then whatever else is queued, without waiting. */
	long total = 0;
	while (got > 0) {
		long err = copy_out_events(events + (uint64_t)total * codec->size, out, got, codec);
		if (err)
			return err;
		total += got;
		if (got < KQ_EVENT_BATCH || total >= max)
			break;
		int want = max - (int)total;
		got = gather(kq, out, want < KQ_EVENT_BATCH ? want : KQ_EVENT_BATCH, ep, 0, false);
	}
	return total;
}

long kq_kevent(int kqfd, uint64_t changelist, int nchanges, uint64_t eventlist, int nevents,
	       uint64_t timeout, const struct kq_codec *codec)
{
	struct timespec ts;
	if (codec->size > KQ_MAX_KEVENT)
		return -EINVAL; /* a personality's layout xeno has no room for */
	if (timeout) {
		int64_t t[2];
		if (xeno_copy_in(t, timeout, sizeof t) < 0)
			return -EFAULT;
		ts.tv_sec = t[0];
		ts.tv_nsec = t[1];
	}
	struct kq *kq = kq_acquire(kqfd);
	if (!kq)
		return -EBADF; /* not a descriptor, or not a kqueue */
	long r;
	int nerrors = 0;
	if (nchanges < 0 || nevents < 0)
		r = -EINVAL;
	else
		r = apply_changes(kq, changelist, nchanges, &eventlist, &nevents, codec, &nerrors);
	if (r == 0)
		r = nerrors ? nerrors : scan(kq, eventlist, nevents, timeout ? &ts : NULL, codec);
	kq_release(kq);
	return r;
}
