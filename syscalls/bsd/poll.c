/*
 * poll, ppoll, select and pselect, shared by the BSD personalities.
 * Semantics: FreeBSD sys/kern/sys_generic.c (sys_poll, kern_poll,
 * kern_select, kern_pselect): a negative timeout other than INFTIM is
 * EINVAL, so is an unnormalised timespec/timeval; the timeout given is
 * never written back (Linux's select does write it: xeno passes a copy);
 * none of them restarts after a signal: EINTR.  ppoll and pselect wait
 * under the mask given, which lasts until the call returns to the guest
 * (xeno_sig_set_temporary_mask).  fd_set is 1024 bits on both systems and
 * goes to the host as it is.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/signal.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "core/blocking.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"

#define FD_SETSIZE_BSD 1024
#define POLL_ON_STACK  64

/* What ppoll and pselect wait with, from the guest: a timeout (a timespec
 * at ts; 0: none) and a signal mask (a sigset at set; 0: none), each NULL
 * here when not given. */
struct wait_args {
	struct timespec *timeout, timeout_buf;
	const sigset_t *mask;
	sigset_t mask_buf;
};

/* Reads both, the timeout first: 0, -EFAULT, or -EINVAL for a timespec that
 * is not normalised. */
static long wait_args_in(struct xeno_thread *t, uint64_t ts, uint64_t set, struct wait_args *w)
{
	w->timeout = NULL;
	w->mask = NULL;
	if (ts) {
		struct bsd_timespec g;
		if (xeno_copy_in(&g, ts, sizeof g) < 0)
			return -EFAULT;
		if (g.tv_sec < 0 || g.tv_nsec < 0 || g.tv_nsec >= 1000000000)
			return -EINVAL;
		w->timeout_buf.tv_sec = g.tv_sec;
		w->timeout_buf.tv_nsec = g.tv_nsec;
		w->timeout = &w->timeout_buf;
	}
	if (set) {
		struct bsd_sigset buf;
		if (xeno_copy_in(&buf, set, sizeof buf) < 0)
			return -EFAULT;
		bsd_sigset_in(t, &buf, &w->mask_buf);
		w->mask = &w->mask_buf;
	}
	return 0;
}

/* The guest's pollfds in host form; revents back into the guest's.  One
 * of xeno's own descriptors is no descriptor of the guest's: POLLNVAL, as
 * pollscan reports a closed one; the host is given -1 (ignored) instead.
 * The number of those, or -errno. */
static long pollfds_to_host(struct xeno_thread *t, const struct bsd_pollfd *g, struct pollfd *h,
			    unsigned n)
{
	long invalid = 0;
	for (unsigned i = 0; i < n; i++) {
		h[i].fd = g[i].fd >= 0 && xeno_fd_is_reserved(g[i].fd) ? -1 : g[i].fd;
		invalid += h[i].fd != g[i].fd;
		h[i].revents = 0;
		long r =
		    bsd_poll_events_to_host(bsd_abi_of(t)->poll_events, g[i].events, &h[i].events);
		if (r < 0)
			return r;
	}
	return invalid;
}

static long wait_poll(struct xeno_thread *t, uint64_t fds, unsigned nfds, struct timespec *timeout,
		      const sigset_t *mask)
{
	/* kern_poll: at least FD_SETSIZE entries, at least the descriptor limit */
	if (nfds > FD_SETSIZE_BSD && nfds > xeno_fd_guest_limit())
		return -EINVAL;
	struct bsd_pollfd gstack[POLL_ON_STACK];
	struct pollfd hstack[POLL_ON_STACK];
	struct bsd_pollfd *g = gstack;
	struct pollfd *h = hstack;
	if (nfds > POLL_ON_STACK) {
		g = malloc(nfds * sizeof *g);
		h = malloc(nfds * sizeof *h);
	}
	long r = -ENOMEM;
	if (!g || !h)
		goto out;
	r = -EFAULT;
	if (nfds && xeno_copy_in(g, fds, nfds * sizeof *g) < 0)
		goto out;
	long invalid = pollfds_to_host(t, g, h, nfds);
	if ((r = invalid) < 0)
		goto out;
	struct timespec now = {0, 0};
	if (invalid) /* already something to report: no wait */
		timeout = &now;
	if (mask)
		xeno_sig_set_temporary_mask(t, mask);
	r = host_blocking_syscall(SYS_ppoll, h, nfds, timeout, NULL, 0, 0);
	if (r >= 0) {
		r += invalid;
		for (unsigned i = 0; i < nfds; i++) {
			if (h[i].fd != g[i].fd)
				h[i].revents = POLLNVAL;
			g[i].revents = (int16_t)bsd_poll_revents_from_host(
			    bsd_abi_of(t)->poll_events, bsd_abi_of(t)->poll_ignore_eof,
			    h[i].revents, g[i].events);
		}
		if (nfds && xeno_copy_out(fds, g, nfds * sizeof *g) < 0)
			r = -EFAULT;
	}
out:
	if (g != gstack)
		free(g);
	if (h != hstack)
		free(h);
	return r;
}

long bsd_sys_poll(struct xeno_thread *t, uint64_t fds, unsigned int nfds, int timeout)
{
	if (timeout == bsd_abi_of(t)->poll_inftim)
		return wait_poll(t, fds, nfds, NULL, NULL);
	if (timeout < 0)
		return -EINVAL;
	struct timespec ts = {timeout / 1000, (long)(timeout % 1000) * 1000000};
	return wait_poll(t, fds, nfds, &ts, NULL);
}

long bsd_sys_ppoll(struct xeno_thread *t, uint64_t fds, unsigned int nfds, uint64_t ts,
		   uint64_t set)
{
	struct wait_args w;
	long r = wait_args_in(t, ts, set, &w);
	return r < 0 ? r : wait_poll(t, fds, nfds, w.timeout, w.mask);
}

/* Bits [from, to) of the guest's fd_set at set: -EBADF if any is set
 * (select_check_badfd), -EFAULT if they cannot be read. */
static long stray_bits(uint64_t set, unsigned from, unsigned to)
{
	uint8_t chunk[512];
	for (unsigned byte = from / 8, last = (to - 1) / 8; byte <= last;) {
		unsigned n = last - byte + 1 < sizeof chunk ? last - byte + 1 : sizeof chunk;
		if (xeno_copy_in(chunk, set + byte, n) < 0)
			return -EFAULT;
		for (unsigned i = 0; i < n; i++, byte++) {
			unsigned lo = byte * 8 < from ? from - byte * 8 : 0;
			unsigned hi = byte * 8 + 8 > to ? to - byte * 8 : 8;
			if (chunk[i] & ((0xffu << lo) & (0xffu >> (8 - hi))))
				return -EBADF;
		}
	}
	return 0;
}

/* kern_select cuts nd to the descriptor table and refuses a bit set beyond
 * it (EBADF).  The guest's table ends at its descriptor limit, above which
 * lie xeno's own descriptors: they stay out of reach. */
static long cut_nd(int *nd, uint64_t in, uint64_t ou, uint64_t ex)
{
	unsigned long limit = xeno_fd_guest_limit();
	if ((unsigned long)*nd <= limit)
		return 0;
	const uint64_t sets[3] = {in, ou, ex};
	for (int i = 0; i < 3; i++) {
		long r = sets[i] ? stray_bits(sets[i], (unsigned)limit, (unsigned)*nd) : 0;
		if (r < 0)
			return r;
	}
	*nd = (int)limit;
	return 0;
}

static long wait_select(struct xeno_thread *t, int nd, uint64_t in, uint64_t ou, uint64_t ex,
			struct timespec *timeout, const sigset_t *mask)
{
	if (nd < 0)
		return -EINVAL;
	long r = cut_nd(&nd, in, ou, ex);
	if (r < 0)
		return r;
	if (mask)
		xeno_sig_set_temporary_mask(t, mask);
	return host_blocking_syscall(SYS_pselect6, nd, in, ou, ex, timeout, NULL);
}

long bsd_sys_select(struct xeno_thread *t, int nd, uint64_t in, uint64_t ou, uint64_t ex,
		    uint64_t tv)
{
	struct bsd_timeval gtv;
	struct timespec ts, *tsp = NULL;
	if (tv) {
		if (bsd_copy_in_timeval(t, tv, &gtv) < 0)
			return -EFAULT;
		if (gtv.tv_sec < 0 || gtv.tv_usec < 0 || gtv.tv_usec >= 1000000)
			return -EINVAL;
		ts.tv_sec = gtv.tv_sec;
		ts.tv_nsec = gtv.tv_usec * 1000;
		tsp = &ts;
	}
	return wait_select(t, nd, in, ou, ex, tsp, NULL);
}

/* sys_pselect turns the timespec into a timeval (TIMESPEC_TO_TIMEVAL) for
 * kern_select's checks, which come to the same as a timespec's; the wait
 * keeps the nanoseconds. */
long bsd_sys_pselect(struct xeno_thread *t, int nd, uint64_t in, uint64_t ou, uint64_t ex,
		     uint64_t ts, uint64_t sm)
{
	struct wait_args w;
	long r = wait_args_in(t, ts, sm, &w);
	return r < 0 ? r : wait_select(t, nd, in, ou, ex, w.timeout, w.mask);
}
