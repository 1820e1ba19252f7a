/*
 * illumos event ports (usr/src/uts/common/fs/portfs/port.c, port_fd.c;
 * usr/src/lib/libc/port/gen/event_port.c) on the kqueue engine
 * (syscalls/bsd/kqueue.h): a port is a kqueue.  A descriptor's
 * association is its READ and WRITE knotes, one-shot and joined
 * (KQ_EV_ASSOC): the first event retrieved ends the association, which
 * the program renews with port_associate, and reports POLLIN and POLLOUT
 * together when both hold.  An association with no events is two disabled
 * knotes: it exists (port_dissociate finds it) but reports nothing, where
 * illumos would still report POLLHUP and POLLERR.  port_alert puts the
 * port in alert mode, kept here, and triggers a user knote, which wakes
 * the threads waiting in port_getn; while the port is in alert mode every
 * port_getn returns the alert event at once.  A waiter woken by the alert
 * also gets what descriptors reported with it.  A port_send event is a
 * one-shot user knote whose identifier carries the event's bits.
 *
 * port_getn with a zero timeout is what Go's scheduler calls all the time:
 * when the port's epoll descriptor has nothing ready it answers without
 * glibc's thread state (the handler is NOTLS until then).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>

#include "abi/bsd/kevent.h"
#include "abi/illumos/port.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/vdso.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"
#include "syscalls/bsd/kqueue.h"

#define ALERT_IDENT UINT64_MAX
#define NSEC	    1000000000L

/* ---- the ports and their alert mode ---- */

#define MAX_PORTS 64

static struct port {
	int fd; /* -1: free */
	bool alert;
	int32_t events;
	uint64_t user;
} ports[MAX_PORTS] = {[0 ... MAX_PORTS - 1] = {.fd = -1}};
static int ports_lock; /* a spinlock: the NOTLS path looks here */
static uint64_t next_send_ident = 1;

static void lock(void)
{
	while (__atomic_exchange_n(&ports_lock, 1, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
}

static void unlock(void)
{
	__atomic_store_n(&ports_lock, 0, __ATOMIC_RELEASE);
}

/* (lock held) */
static struct port *find(int fd)
{
	for (int i = 0; i < MAX_PORTS; i++)
		if (ports[i].fd == fd && fd >= 0)
			return &ports[i];
	return NULL;
}

void illumos_port_closed(int fd)
{
	lock();
	struct port *p = find(fd);
	if (p)
		p->fd = -1;
	unlock();
}

/* A port's alert state (copied), or -EBADFD if fd is not a port. */
static long port_state(int fd, struct port *out)
{
	lock();
	struct port *p = find(fd);
	if (p)
		*out = *p;
	unlock();
	return p ? 0 : -EBADFD;
}

/* ---- how changes and events are laid out ---- */

/* Changes go to the engine in its own form, from xeno's memory. */
static int same_to(const void *f, struct kq_kevent *kev)
{
	memcpy(kev, f, sizeof *kev);
	return 0;
}

static int same_from(const struct kq_kevent *kev, void *f)
{
	memcpy(f, kev, sizeof *kev);
	return 0;
}

static void same_error(void *f, int host_errno)
{
	struct kq_kevent *kev = f;
	kev->flags = KQ_EV_ERROR;
	kev->data = host_errno;
}

static const struct kq_codec neutral = {sizeof(struct kq_kevent), same_to, same_from, same_error};

/* Events go to the guest as port_event_t. */
static int event_to(const void *f, struct kq_kevent *kev)
{
	(void)f, (void)kev;
	return -EINVAL; /* no changes come in this form */
}

static int event_from(const struct kq_kevent *kev, void *f)
{
	struct illumos_port_event *pe = f;
	*pe = (struct illumos_port_event){.portev_object = kev->ident, .portev_user = kev->udata};
	switch (kev->filter) {
	case KQ_FILTER_READ:
	case KQ_FILTER_WRITE: {
		bool reading = kev->filter == KQ_FILTER_READ, other = kev->flags & KQ_EV_OTHER;
		pe->portev_source = ILLUMOS_PORT_SOURCE_FD;
		if (reading || other)
			pe->portev_events |= ILLUMOS_POLLIN;
		if (!reading || other)
			pe->portev_events |= ILLUMOS_POLLOUT;
		if (kev->flags & KQ_EV_EOF)
			pe->portev_events |= ILLUMOS_POLLHUP;
		return 0;
	}
	case KQ_FILTER_USER:
		pe->portev_object = 0;
		if (kev->ident == ALERT_IDENT) {
			pe->portev_source = ILLUMOS_PORT_SOURCE_ALERT;
			pe->portev_events = (int32_t)(kev->fflags & KQ_NOTE_FFLAGSMASK);
		} else { /* port_send: the events are the identifier's low half */
			pe->portev_source = ILLUMOS_PORT_SOURCE_USER;
			pe->portev_events = (int32_t)(uint32_t)kev->ident;
		}
		return 0;
	}
	return -EINVAL;
}

static void event_error(void *f, int host_errno)
{
	(void)f, (void)host_errno;
}

static const struct kq_codec port_events = {sizeof(struct illumos_port_event), event_to, event_from,
					    event_error};

/* Applies changes to the port's kqueue: 0 or the first error. */
static long apply(int port, struct kq_kevent *changes, int n)
{
	return kq_kevent(port, (uint64_t)changes, n, 0, 0, 0, &neutral);
}

/* ---- the calls ---- */

long illumos_libc_port_create(struct xeno_thread *t)
{
	(void)t;
	long fd = kq_create(0);
	if (fd < 0)
		return fd;
	lock();
	struct port *p = find((int)fd);
	for (int i = 0; !p && i < MAX_PORTS; i++)
		if (ports[i].fd < 0)
			p = &ports[i];
	if (p)
		*p = (struct port){.fd = (int)fd};
	unlock();
	if (!p) { /* the process.port-max-ids control of illumos, here 64 */
		xeno_kqueue_fd_closed((int)fd);
		host_syscall1(SYS_close, fd);
		return -EAGAIN;
	}
	return fd;
}

/* EBADF from the engine names the port or the object: illumos says EBADF
 * for a port that is no descriptor, EBADFD for one that is no port and for
 * an object that is no descriptor. */
static long port_error(int port, long err)
{
	struct port p;
	if (err != -EBADF)
		return err;
	if (port_state(port, &p) == 0)
		return -EBADFD;
	return host_syscall2(SYS_fcntl, port, F_GETFD) < 0 ? -EBADF : -EBADFD;
}

long illumos_libc_port_associate(struct xeno_thread *t, int port, int source, uint64_t object,
				 int events, uint64_t user)
{
	(void)t;
	struct port p;
	if (port_state(port, &p) < 0)
		return port_error(port, -EBADF);
	if (source != ILLUMOS_PORT_SOURCE_FD)
		return -EINVAL; /* PORT_SOURCE_FILE is not implemented */
	if (object > INT_MAX)
		return -EBADFD;
	bool in =
	    events & (ILLUMOS_POLLIN | ILLUMOS_POLLRDNORM | ILLUMOS_POLLRDBAND | ILLUMOS_POLLPRI);
	bool out = events & (ILLUMOS_POLLOUT | ILLUMOS_POLLWRBAND);
	uint32_t flags = KQ_EV_ADD | KQ_EV_ONESHOT | KQ_EV_ASSOC;
	struct kq_kevent changes[2] = {
	    {.ident = object,
	     .filter = KQ_FILTER_READ,
	     .flags = flags | (in ? KQ_EV_ENABLE : KQ_EV_DISABLE),
	     .fflags = KQ_NOTE_FILE_POLL, /* a file is readable at its end, as poll says */
	     .udata = user},
	    {.ident = object,
	     .filter = KQ_FILTER_WRITE,
	     .flags = flags | (out ? KQ_EV_ENABLE : KQ_EV_DISABLE),
	     .udata = user},
	};
	long r = apply(port, changes, 2);
	return r == -EBADF ? -EBADFD : r;
}

long illumos_libc_port_dissociate(struct xeno_thread *t, int port, int source, uint64_t object)
{
	(void)t;
	struct port p;
	if (port_state(port, &p) < 0)
		return port_error(port, -EBADF);
	if (source != ILLUMOS_PORT_SOURCE_FD)
		return -EINVAL;
	if (object > INT_MAX)
		return -EBADFD;
	long found = 0;
	for (int f = KQ_FILTER_READ; f <= KQ_FILTER_WRITE; f++) {
		struct kq_kevent del = {.ident = object, .filter = f, .flags = KQ_EV_DELETE};
		long r = apply(port, &del, 1);
		if (r == -EBADF)
			return -EBADFD;
		if (r == 0)
			found = 1;
		else if (r != -ENOENT)
			return r;
	}
	return found ? 0 : -ENOENT;
}

static long write_alert(const struct port *p, uint64_t list)
{
	struct illumos_port_event pe = {.portev_events = p->events,
					.portev_source = ILLUMOS_PORT_SOURCE_ALERT,
					.portev_user = p->user};
	return xeno_copy_out(list, &pe, sizeof pe);
}

static long read_timeout(uint64_t timeout, struct timespec *ts)
{
	if (xeno_copy_in(ts, timeout, sizeof *ts) < 0)
		return -EFAULT;
	if (ts->tv_sec == 0 && ts->tv_nsec == 0)
		return 0;
	return ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC ? -EINVAL : 0;
}

/* What is left until deadline (monotonic), false once it has passed. */
static bool left_until(const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;
	xeno_clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0)
		left->tv_sec--, left->tv_nsec += NSEC;
	return left->tv_sec > 0 || (left->tv_sec == 0 && left->tv_nsec > 0);
}

/*
 * Gathers events into list until want have come or the time is up:
 * port_getn's kernel side.  poll: a zero timeout; ts: otherwise the
 * relative timeout, NULL for none.  The number gathered, in *got; 0,
 * -ETIME (time up before want; *got may still be positive), -EINTR (none
 * gathered) or another error.
 */
static long gather(int port, uint64_t list, unsigned max, unsigned want, bool poll,
		   const struct timespec *ts, unsigned *got)
{
	struct timespec deadline, left, zero = {0, 0};
	if (ts) {
		xeno_clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += ts->tv_sec;
		deadline.tv_nsec += ts->tv_nsec;
		if (deadline.tv_nsec >= NSEC)
			deadline.tv_sec++, deadline.tv_nsec -= NSEC;
	}
	*got = 0;
	for (;;) {
		const struct timespec *wait = poll ? &zero : NULL;
		if (!poll && ts && !left_until(&deadline, &left))
			return *got >= want ? 0 : -ETIME;
		if (!poll && ts)
			wait = &left;
		long n =
		    kq_kevent(port, 0, 0, list + (uint64_t)*got * sizeof(struct illumos_port_event),
			      (int)(max - *got), (uint64_t)wait, &port_events);
		if (n == -EINTR)
			return *got ? 0 : -EINTR;
		if (n < 0)
			return *got ? 0 : n;
		*got += (unsigned)n;
		if (*got >= want || poll)
			return 0;
	}
}

/* Whether the port's epoll descriptor has anything for a zero-timeout
 * port_getn: when not, nothing is queued (the engine keeps its wake
 * descriptor readable while knotes are) and nothing is ready. */
static bool nothing_ready(int port)
{
	struct pollfd pfd = {port, POLLIN, 0};
	return host_syscall3(SYS_poll, &pfd, 1, 0) == 0;
}

long illumos_libc_port_getn(struct xeno_thread *t, int port, uint64_t list, unsigned int max,
			    uint64_t nget, uint64_t timeout)
{
	uint32_t want;
	struct port p;
	struct timespec ts;
	bool poll = false;
	if (!nget || xeno_copy_in(&want, nget, sizeof want) < 0)
		return nget ? -EFAULT : -EINVAL;
	long err = port_state(port, &p);
	if (err)
		return port_error(port, -EBADF);
	if (want > max && max > 0)
		return -EINVAL;
	if (timeout) {
		if ((err = read_timeout(timeout, &ts)) < 0)
			return err;
		poll = ts.tv_sec == 0 && ts.tv_nsec == 0;
	}
	uint32_t got = 0;
	if (max == 0 || want == 0) { /* how many are pending: xeno can only say whether any */
		got = max == 0 && !nothing_ready(port) ? 1 : 0;
		return xeno_copy_out(nget, &got, sizeof got);
	}
	if (p.alert) {
		if ((err = write_alert(&p, list)) < 0)
			return err;
		got = 1;
		return xeno_copy_out(nget, &got, sizeof got);
	}
	if (poll && nothing_ready(port))
		return xeno_copy_out(nget, &got, sizeof got);
	xeno_host_tls(t); /* the engine takes glibc's locks */
	long r = gather(port, list, max, want, poll, timeout ? &ts : NULL, &got);
	if ((r == 0 || r == -ETIME) && xeno_copy_out(nget, &got, sizeof got) < 0)
		return -EFAULT;
	return r;
}

/* port_get: one event; a timeout is -1 with ETIME. */
long illumos_libc_port_get(struct xeno_thread *t, int port, uint64_t pe, uint64_t timeout)
{
	struct port p;
	struct timespec ts;
	bool poll = false;
	long err = port_state(port, &p);
	if (err)
		return port_error(port, -EBADF);
	if (timeout) {
		if ((err = read_timeout(timeout, &ts)) < 0)
			return err;
		poll = ts.tv_sec == 0 && ts.tv_nsec == 0;
	}
	if (p.alert)
		return write_alert(&p, pe);
	xeno_host_tls(t);
	unsigned got;
	err = gather(port, pe, 1, 1, poll, timeout ? &ts : NULL, &got);
	return err ? err : got ? 0 : -ETIME;
}

/* port_alert: PORT_ALERT_SET replaces the alert, PORT_ALERT_UPDATE sets it
 * only if the port is not in alert mode (EBUSY); events 0 ends alert mode. */
long illumos_libc_port_alert(struct xeno_thread *t, int port, int flags, int events, uint64_t user)
{
	(void)t;
	if ((flags & ILLUMOS_PORT_ALERT_INVALID) == ILLUMOS_PORT_ALERT_INVALID)
		return -EINVAL;
	lock();
	struct port *p = find(port);
	long err = !p							      ? -EBADFD
		   : events && flags == ILLUMOS_PORT_ALERT_UPDATE && p->alert ? -EBUSY
									      : 0;
	if (!err && events)
		p->alert = true, p->events = events, p->user = user;
	else if (!err)
		p->alert = false;
	unlock();
	if (err)
		return err == -EBADFD ? port_error(port, -EBADF) : err;
	if (!events) {
		struct kq_kevent del = {
		    .ident = ALERT_IDENT, .filter = KQ_FILTER_USER, .flags = KQ_EV_DELETE};
		long r = apply(port, &del, 1);
		return r == -ENOENT ? 0 : r;
	}
	/* wakes the waiters; the knote stays triggered until the alert ends */
	uint32_t ev = (uint32_t)events & KQ_NOTE_FFLAGSMASK;
	struct kq_kevent set[2] = {
	    {.ident = ALERT_IDENT, .filter = KQ_FILTER_USER, .flags = KQ_EV_ADD, .udata = user},
	    {.ident = ALERT_IDENT,
	     .filter = KQ_FILTER_USER,
	     .fflags = KQ_NOTE_TRIGGER | KQ_NOTE_FFCOPY | ev,
	     .udata = user},
	};
	return apply(port, set, 2);
}

/* port_send: a PORT_SOURCE_USER event, retrieved once. */
long illumos_libc_port_send(struct xeno_thread *t, int port, int events, uint64_t user)
{
	(void)t;
	struct port p;
	if (port_state(port, &p) < 0)
		return port_error(port, -EBADF);
	uint64_t n = __atomic_fetch_add(&next_send_ident, 1, __ATOMIC_RELAXED) % 0xffffffffULL;
	uint64_t ident = n << 32 | (uint32_t)events; /* never ALERT_IDENT */
	struct kq_kevent send[2] = {
	    {.ident = ident,
	     .filter = KQ_FILTER_USER,
	     .flags = KQ_EV_ADD | KQ_EV_ONESHOT,
	     .udata = user},
	    {.ident = ident, .filter = KQ_FILTER_USER, .fflags = KQ_NOTE_TRIGGER, .udata = user},
	};
	return apply(port, send, 2);
}
