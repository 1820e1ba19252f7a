/*
 * EVFILT_READ and EVFILT_WRITE: one epoll registration per descriptor
 * serves both knotes (epoll keys by descriptor); what it reports is turned
 * back into one event per active knote.  Readiness and data are measured
 * with poll(2) and ioctls when the event is collected, the way FreeBSD's
 * filters (filt_soread, filt_piperead, filt_vfsread...) measure them.
 *
 * Where epoll differs:
 * - epoll refuses regular files and directories (EPERM).  FreeBSD's vnode
 *   filters accept them: READ is ready while data = size - offset is not 0
 *   (or always, with NOTE_FILE_POLL), WRITE always, data 0
 *   (filt_vfsread/filt_vfswrite, sys/kern/vfs_subr.c).  xeno checks a
 *   level-triggered such knote at every scan; an EV_CLEAR one is reported
 *   once after each EV_ADD or EV_ENABLE, because the vnode events that
 *   re-arm it on FreeBSD (a write to the file) are not seen here.  Other
 *   descriptors epoll refuses are always ready, data 0.
 * - Edge or level: the registration is edge-triggered (EPOLLET) unless
 *   every enabled knote of the descriptor is level-triggered without
 *   NOTE_LOWAT.  Level-triggered knotes stay on the engine's queue while
 *   their event holds (as kqueue_scan re-queues them), so a level knote
 *   beside an EV_CLEAR one on the same descriptor still behaves as FreeBSD's.
 * - EV_EOF's fflags (the socket's pending error on FreeBSD) is always 0:
 *   Linux has no way to read a socket's error without clearing it, and
 *   clearing it would hide a failed connect from the program.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/host.h"
#include "syscalls/bsd/kqueue_impl.h"

static bool polled_type(const struct kq_watch *w)
{
	return w->fdtype == KQ_FD_VNODE || w->fdtype == KQ_FD_ALWAYS;
}

static enum kq_fd_type classify(int fd, const struct stat *st)
{
	if (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))
		return KQ_FD_VNODE;
	if (S_ISFIFO(st->st_mode))
		return KQ_FD_PIPE;
	if (S_ISSOCK(st->st_mode)) {
		int listening = 0;
		socklen_t len = sizeof listening;
		host_syscall5(SYS_getsockopt, fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
		return listening ? KQ_FD_LISTEN : KQ_FD_SOCKET;
	}
	if (kq_is_kqueue_fd(fd))
		return KQ_FD_KQUEUE;
	return KQ_FD_OTHER;
}

static int fd_attach(struct kq *kq, struct kq_knote *kn)
{
	int fd = (int)kn->kev.ident;
	bool reading = kn->kev.filter == KQ_FILTER_READ;
	struct kq_watch *w = kq_watch_find(kq, fd);
	if (w && w->kind != KQ_WATCH_FD)
		return -EBADF; /* one of xeno's own descriptors */
	if (!w) {
		struct stat st;
		long r = host_syscall2(SYS_fstat, fd, &st);
		if (r < 0)
			return (int)r;
		enum kq_fd_type type = classify(fd, &st);
		/* kqueue_kqfilter: a kqueue has only a read filter */
		if (type == KQ_FD_KQUEUE && !reading)
			return -EINVAL;
		w = kq_watch_new(kq, fd, KQ_WATCH_FD);
		if (!w)
			return -ENOMEM;
		w->fdtype = (uint8_t)type;
	} else if (w->fdtype == KQ_FD_KQUEUE && !reading) {
		return -EINVAL;
	}
	if (reading)
		w->read = kn;
	else
		w->write = kn;
	kn->watch = w;
	return 0;
}

static bool enabled(const struct kq_knote *kn)
{
	return kn && !(kn->status & KN_DISABLED);
}

static bool wants_edge(const struct kq_knote *kn)
{
	return enabled(kn) && (kn->kev.flags & KQ_EV_CLEAR || kn->sfflags & KQ_NOTE_LOWAT);
}

static int fd_sync_watch(struct kq *kq, struct kq_watch *w)
{
	if (polled_type(w)) {
		struct kq_knote *kns[2] = {w->read, w->write};
		for (int i = 0; i < 2; i++)
			if (kns[i])
				kq_polled_set(kq, kns[i],
					      enabled(kns[i]) &&
						  !(kns[i]->kev.flags & KQ_EV_CLEAR));
		return 0;
	}
	uint32_t events = 0;
	if (enabled(w->read))
		events |= EPOLLIN | EPOLLRDHUP;
	if (enabled(w->write))
		events |= EPOLLOUT;
	if (events && (wants_edge(w->read) || wants_edge(w->write)))
		events |= EPOLLET;
	int r = kq_watch_epoll(kq, w, events);
	if (r == -EPERM) { /* epoll cannot watch it: always ready */
		w->fdtype = KQ_FD_ALWAYS;
		return fd_sync_watch(kq, w);
	}
	return r;
}

static int fd_sync(struct kq *kq, struct kq_knote *kn)
{
	return fd_sync_watch(kq, kn->watch);
}

static void fd_detach(struct kq *kq, struct kq_knote *kn)
{
	struct kq_watch *w = kn->watch;
	if (w->read == kn)
		w->read = NULL;
	if (w->write == kn)
		w->write = NULL;
	if (!w->read && !w->write)
		kq_watch_free(kq, w);
	else
		fd_sync_watch(kq, w);
}

/* Epoll tells of a change; the knote is checked when collected. */
static bool fd_on_register(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	return polled_type(kn->watch);
}

static void fd_harvest(struct kq *kq, struct kq_watch *w, uint32_t revents)
{
	if (w->read && (revents & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
		kq_activate(kq, w->read);
	if (w->write && (revents & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
		kq_activate(kq, w->write);
}

static int64_t ioctl_int(int fd, unsigned long request)
{
	int v = 0;
	return host_syscall3(SYS_ioctl, fd, request, &v) < 0 || v < 0 ? 0 : v;
}

/* Bytes ready to read: FIONREAD (a pipe's, a stream socket's buffer; a
 * datagram socket reports its first datagram).  A listening socket counts
 * its pending connections on FreeBSD; Linux cannot tell, so 1. */
static int64_t read_data(const struct kq_watch *w, short revents)
{
	if (w->fdtype == KQ_FD_LISTEN || w->fdtype == KQ_FD_KQUEUE)
		return (revents & POLLIN) ? 1 : 0;
	return ioctl_int(w->fd, FIONREAD);
}

/* Room to write: a pipe's free buffer, a socket's free send buffer. */
static int64_t write_space(const struct kq_watch *w)
{
	int64_t size = 0, used = 0;
	if (w->fdtype == KQ_FD_PIPE) {
		long r = host_syscall2(SYS_fcntl, w->fd, F_GETPIPE_SZ);
		size = r < 0 ? 0 : r;
		used = ioctl_int(w->fd, FIONREAD);
	} else if (w->fdtype == KQ_FD_SOCKET || w->fdtype == KQ_FD_LISTEN) {
		int sndbuf = 0;
		socklen_t len = sizeof sndbuf;
		host_syscall5(SYS_getsockopt, w->fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &len);
		size = sndbuf;
		used = ioctl_int(w->fd, SIOCOUTQ);
	}
	return size > used ? size - used : 0;
}

static bool vnode_event(struct kq_knote *kn, bool reading)
{
	struct stat st;
	if (!reading)
		return true;
	if (host_syscall2(SYS_fstat, kn->watch->fd, &st) < 0)
		return false;
	long off = host_syscall3(SYS_lseek, kn->watch->fd, 0, SEEK_CUR);
	kn->kev.data = (int64_t)st.st_size - (off < 0 ? 0 : off);
	return (kn->sfflags & KQ_NOTE_FILE_POLL) || kn->kev.data != 0;
}

static bool fd_event(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	struct kq_watch *w = kn->watch;
	bool reading = kn->kev.filter == KQ_FILTER_READ;
	kn->kev.flags &= ~KQ_EV_EOF;
	kn->kev.fflags = 0;
	kn->kev.data = 0;
	if (w->fdtype == KQ_FD_VNODE)
		return vnode_event(kn, reading);
	if (w->fdtype == KQ_FD_ALWAYS)
		return true;
	struct pollfd p = {w->fd, reading ? POLLIN | POLLRDHUP : POLLOUT, 0};
	if (host_syscall3(SYS_poll, &p, 1, 0) < 0 || (p.revents & POLLNVAL))
		return false;
	bool eof, error = p.revents & POLLERR;
	if (reading) {
		/* the writer went away (pipe), the peer shut down (socket) */
		eof = p.revents & (POLLHUP | POLLRDHUP);
		kn->kev.data = read_data(w, p.revents);
	} else {
		/* a pipe without readers reports POLLERR on Linux */
		eof = (p.revents & POLLHUP) || (w->fdtype == KQ_FD_PIPE && error);
		kn->kev.data = eof ? 0 : write_space(w);
	}
	if (eof)
		kn->kev.flags |= KQ_EV_EOF;
	if (eof || error)
		return true;
	if (kn->sfflags & KQ_NOTE_LOWAT)
		return kn->kev.data >= kn->sdata;
	return p.revents & (reading ? POLLIN : POLLOUT);
}

const struct kq_filterops kq_fd_filterops = {
    .isfd = true,
    .attach = fd_attach,
    .detach = fd_detach,
    .event = fd_event,
    .on_register = fd_on_register,
    .sync = fd_sync,
    .harvest = fd_harvest,
};
