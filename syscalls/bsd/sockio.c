/*
 * Sending and receiving on sockets, shared by the BSD personalities.
 * Semantics: FreeBSD sys/kern/uipc_syscalls.c kern_sendit and kern_recvit.
 *
 * SIGPIPE: the host never raises it for a send (MSG_NOSIGNAL); a send that
 * fails with EPIPE raises it for the calling thread here, unless the call
 * passed the OS's MSG_NOSIGNAL or the socket has the emulated SO_NOSIGPIPE,
 * as kern_sendit does.  (write(2) on a socket is the file handlers' and
 * gets the host's own SIGPIPE.)
 *
 * Restarts: an interrupted send or receive restarts under SA_RESTART,
 * unless the socket has a timeout in that direction (then EINTR: sbwait
 * does not restart a timed wait).
 *
 * Lengths and iovecs are checked as kern_sendit and kern_recvit check them
 * (a total beyond SSIZE_MAX is EINVAL) and cut where user space ends
 * (syscalls/bsd/iov.h); the host gets a checked copy of the iovecs.
 */
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/iov.h"

#define ADDR_MAX 256
#define CMSG_BUF 4096 /* more than any control data xeno translates */

/* EINTR from a socket wait: restart unless the socket times that wait. */
static long interrupted(int s, int timeout_option, long r)
{
	if (r != -EINTR)
		return r;
	struct timeval tv = {0, 0};
	socklen_t len = sizeof tv;
	if (host_syscall5(SYS_getsockopt, s, SOL_SOCKET, timeout_option, &tv, &len) == 0 &&
	    (tv.tv_sec || tv.tv_usec))
		return -EINTR;
	return -XENO_ERESTARTSYS;
}

/* After a send: SIGPIPE, restarts, and MSG_EOF (data completes the
 * connection: a stream protocol's send then shuts the writing side, as
 * sosend does for protocols with PR_IMPLOPCL, which is TCP). */
static long sent(struct xeno_thread *t, int s, long r, size_t len, int flags)
{
	if (r == -EPIPE && !(flags & bsd_abi_of(t)->msg_nosignal) && !bsd_socket_nosigpipe(s))
		host_syscall3(SYS_tgkill, host_syscall0(SYS_getpid), t->tid, SIGPIPE);
	if (r >= 0 && (size_t)r == len && (flags & bsd_abi_of(t)->msg_eof)) {
		int proto = 0;
		socklen_t plen = sizeof proto;
		if (host_syscall5(SYS_getsockopt, s, SOL_SOCKET, SO_PROTOCOL, &proto, &plen) == 0 &&
		    proto == IPPROTO_TCP)
			host_syscall2(SYS_shutdown, s, SHUT_WR);
	}
	return interrupted(s, SO_SNDTIMEO, r);
}

long bsd_sys_sendto(struct xeno_thread *t, int s, uint64_t buf, size_t len, int flags, uint64_t to,
		    unsigned int tolen)
{
	int hflags;
	long r = bsd_msg_flags_to_host(bsd_abi_of(t)->msg_flags, flags, &hflags);
	if (r < 0)
		return r;
	struct sockaddr_storage ss;
	unsigned sl = 0;
	if (to && (r = bsd_sockaddr_in(t, to, tolen, &ss, &sl)) < 0)
		return r;
	if ((r = bsd_fd(s)) < 0 || (r = bsd_io_len(buf, &len)) < 0)
		return r;
	r = host_blocking_syscall(SYS_sendto, s, buf, len, hflags | MSG_NOSIGNAL, to ? &ss : NULL,
				  sl);
	return sent(t, s, r, len, flags);
}

long bsd_sys_recvfrom(struct xeno_thread *t, int s, uint64_t buf, size_t len, int flags,
		      uint64_t from, uint64_t fromlenaddr)
{
	int hflags;
	long r = bsd_msg_flags_to_host(bsd_abi_of(t)->msg_flags, flags, &hflags);
	if (r < 0)
		return r;
	/* kern_recvit reports an address only when both pointers are given. */
	bool want = from && fromlenaddr;
	uint32_t room = 0;
	if (want && xeno_copy_in(&room, fromlenaddr, sizeof room) < 0)
		return -EFAULT;
	if ((r = bsd_fd(s)) < 0 || (r = bsd_io_len(buf, &len)) < 0)
		return r;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	r = host_blocking_syscall(SYS_recvfrom, s, buf, len, hflags, want ? &ss : NULL,
				  want ? &sl : NULL);
	if (r < 0)
		return interrupted(s, SO_RCVTIMEO, r);
	if (want && bsd_sockaddr_out(t, &ss, sl, from, fromlenaddr, room) < 0)
		return -EFAULT;
	return r;
}

/* The guest's message header and its iovecs, checked as copyiniov checks
 * them (too many: EMSGSIZE) and kern_sendit/kern_recvit their total. */
static long msghdr_in(struct xeno_thread *t, int s, uint64_t umsg, struct bsd_msghdr *m,
		      struct iovec *iov, size_t *total)
{
	if (xeno_copy_in(m, umsg, sizeof *m) < 0)
		return -EFAULT;
	if ((uint32_t)m->msg_iovlen > bsd_abi_of(t)->uio_maxiov)
		return -EMSGSIZE;
	long r = bsd_iov_in(m->msg_iov, (unsigned)m->msg_iovlen, iov, total);
	if (r == -EINVAL && bsd_fd(s) < 0)
		return -EBADF; /* the descriptor is looked at before the total */
	return r < 0 ? r : bsd_fd(s);
}

long bsd_sys_sendmsg(struct xeno_thread *t, int s, uint64_t umsg, int flags)
{
	const struct bsd_abi *a = bsd_abi_of(t);
	struct bsd_msghdr m;
	struct iovec iov[BSD_UIO_MAXIOV];
	size_t total;
	int hflags;
	long r = bsd_msg_flags_to_host(a->msg_flags, flags, &hflags);
	if (r < 0 || (r = msghdr_in(t, s, umsg, &m, iov, &total)) < 0)
		return r;
	struct sockaddr_storage ss;
	unsigned sl = 0;
	if (m.msg_name && (r = bsd_sockaddr_in(t, m.msg_name, m.msg_namelen, &ss, &sl)) < 0)
		return r;
	char fctl[CMSG_BUF], hctl[CMSG_BUF + 16];
	long hlen = 0;
	if (m.msg_control) {
		/* kern_sendit and sockargs: at least one header, at most MCLBYTES */
		if (m.msg_controllen < a->cmsghdr_size || m.msg_controllen > a->cmsg_max ||
		    m.msg_controllen > sizeof fctl)
			return -EINVAL;
		if (xeno_copy_in(fctl, m.msg_control, m.msg_controllen) < 0)
			return -EFAULT;
		hlen =
		    a->socket_codecs
			? a->socket_codecs->cmsgs_to_host(fctl, m.msg_controllen, hctl, sizeof hctl)
			: bsd_cmsgs_to_host(a->cmsg, fctl, m.msg_controllen, hctl, sizeof hctl);
		if (hlen < 0)
			return hlen;
	}
	struct msghdr hm = {.msg_name = m.msg_name ? &ss : NULL,
			    .msg_namelen = sl,
			    .msg_iov = iov,
			    .msg_iovlen = (size_t)m.msg_iovlen,
			    .msg_control = hlen ? hctl : NULL,
			    .msg_controllen = (size_t)hlen};
	r = host_blocking_syscall(SYS_sendmsg, s, &hm, hflags | MSG_NOSIGNAL, 0, 0, 0);
	return sent(t, s, r, total, flags); /* MSG_EOF needs to know the send was whole */
}

/* Descriptors received in host control data the guest could not be given. */
static void close_rights(const void *ctl, size_t len)
{
	struct msghdr hm = {.msg_control = (void *)ctl, .msg_controllen = len};
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&hm); c; c = CMSG_NXTHDR(&hm, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < n; i++) {
			int fd;
			memcpy(&fd, CMSG_DATA(c) + i * sizeof fd, sizeof fd);
			host_syscall1(SYS_close, fd);
		}
	}
}

/* The received message's address, control data and flags, to the guest. */
static long recvmsg_out(struct xeno_thread *t, uint64_t umsg, struct bsd_msghdr *m,
			const struct msghdr *hm, int flags)
{
	const struct bsd_abi *a = bsd_abi_of(t);
	/* soreceive reports the flags it was given (but MSG_EOR) with its own */
	int oflags = (flags & ~a->msg_eor) | bsd_msg_flags_from_host(a->msg_flags, hm->msg_flags);
	if (m->msg_name) {
		uint8_t addr[ADDR_MAX];
		size_t full = bsd_sockaddr_encode(t, hm->msg_name, hm->msg_namelen, addr);
		uint32_t n = bsd_sockaddr_reported_len(m->msg_namelen, full);
		if (n && xeno_copy_out(m->msg_name, addr, n) < 0)
			return -EFAULT;
		m->msg_namelen = n;
	}
	if (m->msg_control) {
		char fctl[CMSG_BUF];
		size_t room = m->msg_controllen < sizeof fctl ? m->msg_controllen : sizeof fctl;
		size_t n = a->socket_codecs
			       ? a->socket_codecs->cmsgs_from_host(
				     hm->msg_control, hm->msg_controllen, fctl, room, &oflags)
			       : bsd_cmsgs_from_host(a->cmsg, hm->msg_control, hm->msg_controllen,
						     fctl, room, &oflags);
		if (n && xeno_copy_out(m->msg_control, fctl, n) < 0)
			return -EFAULT;
		m->msg_controllen = (uint32_t)n;
	}
	m->msg_flags = oflags;
	return xeno_copy_out(umsg, m, sizeof *m);
}

long bsd_sys_recvmsg(struct xeno_thread *t, int s, uint64_t umsg, int flags)
{
	struct bsd_msghdr m;
	struct iovec iov[BSD_UIO_MAXIOV];
	int hflags;
	long r = bsd_msg_flags_to_host(bsd_abi_of(t)->msg_flags, flags, &hflags);
	if (r < 0 || (r = msghdr_in(t, s, umsg, &m, iov, NULL)) < 0)
		return r;
	struct sockaddr_storage ss;
	char hctl[CMSG_BUF];
	size_t hroom =
	    m.msg_control ? (m.msg_controllen < sizeof hctl ? m.msg_controllen : sizeof hctl) : 0;
	struct msghdr hm = {.msg_name = m.msg_name ? &ss : NULL,
			    .msg_namelen = m.msg_name ? sizeof ss : 0,
			    .msg_iov = iov,
			    .msg_iovlen = (size_t)m.msg_iovlen,
			    .msg_control = hroom ? hctl : NULL,
			    .msg_controllen = hroom};
	r = host_blocking_syscall(SYS_recvmsg, s, &hm, hflags, 0, 0, 0);
	if (r < 0)
		return interrupted(s, SO_RCVTIMEO, r);
	if (!hroom)
		hm.msg_controllen = 0;
	if (recvmsg_out(t, umsg, &m, &hm, flags) < 0) {
		close_rights(hm.msg_control, hm.msg_controllen);
		return -EFAULT;
	}
	return r;
}
