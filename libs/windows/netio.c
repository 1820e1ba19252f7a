/*
 * Overlapped socket transfers (libs/windows/net.h): WSARecv, WSARecvFrom,
 * WSASend, WSASendTo, AcceptEx and GetAcceptExSockaddrs (mswsock.dll), their
 * cancellation (CancelIoEx) and results (WSAGetOverlappedResult), as Go's
 * net package and netpoller use them.
 *
 * An operation starts as Windows' does (OVERLAPPED.Internal STATUS_PENDING):
 * tried at once, it either completes — a completion packet is queued on the
 * socket's port unless FILE_SKIP_COMPLETION_PORT_ON_SUCCESS says not to, or
 * the OVERLAPPED's hEvent has its low bit set — or fails without a packet,
 * or waits: the call answers WSA_IO_PENDING and the operation completes
 * later from the port's wait (win_net_ready), always with a packet.  A send
 * on a stream completes once all its bytes are sent, as Windows' do.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "abi/windows/file.h"
#include "abi/windows/socket.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "libs/windows/net.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"
#include "windows_mswsock_proto.h"
#include "windows_ws2_32_proto.h"

#define STATUS_PENDING	 0x00000103u /* ntstatus.h */
#define STATUS_CANCELLED 0xc0000120u
#define MAX_BUFS	 64 /* WSABUFs an operation may name */

void win_iocp_complete(struct win_object *file, uint64_t overlapped, uint32_t status,
		       uint32_t bytes);
int win_iocp_epoll(struct win_object *port);
void win_event_signal(uint64_t h);

enum op_kind { OP_RECV, OP_SEND, OP_ACCEPT };

struct win_netop {
	struct win_netop *next;
	enum op_kind kind;
	uint64_t ov;
	/* the guest's WSABUFs, copied when the call is made: Windows captures
	 * them then, so programs may keep the array on their stack (WSARecv's
	 * documentation); the buffers they name stay the guest's */
	struct win_wsabuf bufs[MAX_BUFS];
	uint32_t nbufs;
	uint32_t done;		 /* a send's bytes sent so far */
	int flags;		 /* host MSG_* */
	uint64_t from, from_len; /* WSARecvFrom's address and its length */
	struct sockaddr_storage to;
	socklen_t to_len;	     /* WSASendTo's; 0: none */
	uint64_t accept_socket, out; /* AcceptEx's */
	uint32_t local_len, remote_len;
};

/* ---- the registry: sockets by a key epoll can hold ---- */

/* epoll's data names a socket by slot and generation, never by pointer: a
 * readiness report may come after the socket is gone. */
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	struct win_object *o;
	uint32_t gen;
} * slots;
static uint32_t nslots;

static uint64_t key_of(uint32_t slot, uint32_t gen)
{
	return WIN_NET_EPOLL_TAG | (uint64_t)gen << 32 | slot;
}

/* Registers o; its key in *key: 0 or -ENOMEM. */
static int registry_add(struct win_object *o, uint64_t *key)
{
	pthread_mutex_lock(&registry_lock);
	uint32_t i = 0;
	while (i < nslots && slots[i].o)
		i++;
	if (i == nslots) {
		uint32_t n = nslots ? nslots * 2 : 64;
		void *p = realloc(slots, n * sizeof *slots);
		if (!p) {
			pthread_mutex_unlock(&registry_lock);
			return -ENOMEM;
		}
		slots = p;
		memset(slots + nslots, 0, (n - nslots) * sizeof *slots);
		nslots = n;
	}
	slots[i].o = o;
	slots[i].gen++;
	*key = key_of(i, slots[i].gen);
	pthread_mutex_unlock(&registry_lock);
	return 0;
}

static void registry_remove(struct win_object *o)
{
	pthread_mutex_lock(&registry_lock);
	for (uint32_t i = 0; i < nslots; i++)
		if (slots[i].o == o)
			slots[i].o = NULL;
	pthread_mutex_unlock(&registry_lock);
}

/* The live socket of key with a reference taken, or NULL. */
static struct win_object *registry_get(uint64_t key)
{
	uint32_t slot = (uint32_t)key, gen = (uint32_t)(key >> 32) & 0x7fffffffu;
	struct win_object *o = NULL;
	pthread_mutex_lock(&registry_lock);
	if (slot < nslots && slots[slot].o && (slots[slot].gen & 0x7fffffffu) == gen) {
		o = slots[slot].o;
		int refs = __atomic_load_n(&o->refs, __ATOMIC_ACQUIRE);
		/* one whose last reference is going is gone */
		while (refs > 0 && !__atomic_compare_exchange_n(&o->refs, &refs, refs + 1, false,
								__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			;
		if (refs <= 0)
			o = NULL;
	}
	pthread_mutex_unlock(&registry_lock);
	return o;
}

/* ---- operations ---- */

/* The host iovec for op's buffers, skip bytes left out: how many, or a
 * negated errno. */
static int iovec_of(const struct win_netop *op, struct iovec *iov, uint32_t skip, size_t *total)
{
	const struct win_wsabuf *b = op->bufs;
	int n = 0;
	*total = 0;
	for (uint32_t i = 0; i < op->nbufs; i++) {
		uint64_t at = b[i].buf, len = b[i].len;
		if (skip >= len) {
			skip -= (uint32_t)len;
			continue;
		}
		at += skip, len -= skip, skip = 0;
		iov[n].iov_base = (void *)at;
		iov[n++].iov_len = len;
		*total += len;
	}
	return n;
}

static long do_recv(int fd, struct win_netop *op, uint32_t *bytes)
{
	struct iovec iov[MAX_BUFS];
	size_t total;
	int n = iovec_of(op, iov, 0, &total);
	if (n < 0)
		return n;
	struct sockaddr_storage ss;
	struct msghdr m = {.msg_iov = iov, .msg_iovlen = (size_t)n};
	if (op->from)
		m.msg_name = &ss, m.msg_namelen = sizeof ss;
	long r;
	if (total == 0) { /* a zero-byte receive waits for data and takes none */
		char c;
		r = host_syscall4(SYS_recvfrom, fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
		r = r < 0 ? r : 0;
	} else {
		r = host_syscall3(SYS_recvmsg, fd, &m, op->flags | MSG_DONTWAIT);
	}
	if (r < 0)
		return r;
	*bytes = (uint32_t)r;
	if (op->from && m.msg_namelen) {
		int room;
		uint8_t raw[WIN_SOCKADDR_MAX];
		int len = win_sockaddr_from_host(&ss, m.msg_namelen, raw, sizeof raw);
		if (len > 0 && op->from_len && xeno_copy_in(&room, op->from_len, 4) == 0 &&
		    room >= len) {
			xeno_copy_out(op->from, raw, (size_t)len);
			xeno_copy_out(op->from_len, &len, 4);
		}
	}
	return 0;
}

static long do_send(int fd, struct win_netop *op, uint32_t *bytes)
{
	struct iovec iov[MAX_BUFS];
	size_t total;
	int n = iovec_of(op, iov, op->done, &total);
	if (n < 0)
		return n;
	struct msghdr m = {.msg_iov = iov, .msg_iovlen = (size_t)n};
	if (op->to_len)
		m.msg_name = &op->to, m.msg_namelen = op->to_len;
	long r =
	    total ? host_syscall3(SYS_sendmsg, fd, &m, op->flags | MSG_DONTWAIT | MSG_NOSIGNAL) : 0;
	if (r < 0)
		return op->done && r == -EAGAIN ? -EAGAIN : r;
	op->done += (uint32_t)r;
	if ((size_t)r < total)
		return -EAGAIN; /* the rest when there is room */
	*bytes = op->done;
	return 0;
}

/* An address as AcceptEx leaves it, as Wine's does (dlls/ws2_32/socket.c
 * WS2_GetAcceptExSockaddrs reads it back): its length as an int, then the
 * address, in a block of room bytes. */
static long put_accept_address(uint64_t at, uint32_t room, const struct sockaddr_storage *ss,
			       socklen_t len)
{
	uint8_t raw[WIN_SOCKADDR_MAX];
	int n = win_sockaddr_from_host(ss, len, raw, sizeof raw);
	if (n < 0)
		return n;
	if (room < (uint32_t)n + 4)
		return -EFAULT;
	if (xeno_copy_out(at, &n, 4) < 0 || xeno_copy_out(at + 4, raw, (size_t)n) < 0)
		return -EFAULT;
	return 0;
}

/* Accepts into the accepting socket: its descriptor becomes the new
 * connection's. */
static long do_accept(int fd, struct win_netop *op, uint32_t *bytes)
{
	struct sockaddr_storage peer, local;
	socklen_t pl = sizeof peer, ll = sizeof local;
	long nfd = host_syscall4(SYS_accept4, fd, &peer, &pl, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (nfd < 0)
		return nfd;
	struct win_object *a = win_socket_get(op->accept_socket);
	long r = a ? 0 : -EINVAL;
	if (!r)
		r = host_syscall3(SYS_getsockname, nfd, &local, &ll);
	if (!r)
		r = put_accept_address(op->out, op->local_len, &local, ll);
	if (!r)
		r = put_accept_address(op->out + op->local_len, op->remote_len, &peer, pl);
	if (r) {
		close((int)nfd);
		win_put(a);
		return r;
	}
	pthread_mutex_lock(&a->file.sock->lock);
	int old = a->file.fd;
	a->file.fd = (int)nfd;
	a->file.sock->armed_epfd = -1;
	pthread_mutex_unlock(&a->file.sock->lock);
	close(old);
	win_put(a);
	*bytes = 0;
	return 0;
}

static long attempt(struct win_object *o, struct win_netop *op, uint32_t *bytes)
{
	switch (op->kind) {
	case OP_RECV:
		return do_recv(o->file.fd, op, bytes);
	case OP_SEND:
		return do_send(o->file.fd, op, bytes);
	case OP_ACCEPT:
		return do_accept(o->file.fd, op, bytes);
	}
	return -EINVAL;
}

/* Records op's end in its OVERLAPPED and tells whoever waits for it: the
 * port's packet (unless quiet), the event. */
static void finish(struct win_object *o, const struct win_netop *op, uint32_t status,
		   uint32_t bytes, bool quiet)
{
	struct win_overlapped r;
	if (xeno_copy_in(&r, op->ov, sizeof r) < 0)
		return;
	r.internal = status;
	r.internal_high = bytes;
	xeno_copy_out(op->ov, &r, 16);
	if (r.event & ~1ULL)
		win_event_signal(r.event & ~1ULL);
	if (!quiet && !(r.event & 1) && o->file.iocp)
		win_iocp_complete(o, op->ov, status, bytes);
}

/* ---- waiting ---- */

static uint32_t events_of(const struct win_netop *ops)
{
	uint32_t ev = 0;
	for (const struct win_netop *op = ops; op; op = op->next)
		ev |= op->kind == OP_SEND ? EPOLLOUT : EPOLLIN;
	return ev;
}

/* Under the socket's lock: arms o in its port's epoll instance for what its
 * pending operations wait for. */
static int arm(struct win_object *o)
{
	struct win_socket *s = o->file.sock;
	int epfd = win_iocp_epoll(o->file.iocp);
	if (epfd < 0)
		return -EINVAL;
	struct epoll_event ev = {.events = events_of(s->ops) | EPOLLONESHOT, .data.u64 = s->key};
	long r = -ENOENT;
	if (s->armed_epfd == epfd)
		r = host_syscall4(SYS_epoll_ctl, epfd, EPOLL_CTL_MOD, o->file.fd, &ev);
	if (r == -ENOENT)
		r = host_syscall4(SYS_epoll_ctl, epfd, EPOLL_CTL_ADD, o->file.fd, &ev);
	if (r == 0)
		s->armed_epfd = epfd;
	return (int)r;
}

/* Under the lock: runs the pending operations that can go ahead, in order
 * within each direction. */
static void run_pending(struct win_object *o)
{
	struct win_socket *s = o->file.sock;
	bool in_blocked = false, out_blocked = false;
	for (struct win_netop **p = &s->ops; *p;) {
		struct win_netop *op = *p;
		bool *blocked = op->kind == OP_SEND ? &out_blocked : &in_blocked;
		uint32_t bytes = 0;
		long r = *blocked ? -EAGAIN : attempt(o, op, &bytes);
		if (r == -EAGAIN || r == -EWOULDBLOCK) {
			*blocked = true;
			p = &op->next;
			continue;
		}
		*p = op->next;
		finish(o, op, r < 0 ? win_ntstatus_from_host((int)-r) : 0, bytes, false);
		free(op);
	}
	if (s->ops)
		arm(o);
}

void win_net_ready(struct win_iocp *port, uint64_t data, uint32_t events)
{
	(void)port, (void)events;
	struct win_object *o = registry_get(data);
	if (!o)
		return;
	pthread_mutex_lock(&o->file.sock->lock);
	run_pending(o);
	pthread_mutex_unlock(&o->file.sock->lock);
	win_put(o);
}

/* Waits until fd is ready for what op wants (a blocking socket's call
 * without an OVERLAPPED, or one on a socket bound to no port). */
static void wait_ready(int fd, const struct win_netop *op)
{
	struct pollfd p = {.fd = fd, .events = op->kind == OP_SEND ? POLLOUT : POLLIN};
	host_syscall3(SYS_poll, &p, 1, -1);
}

/* Starts op on socket o (its ov, if any, already reset): 0 when done at
 * once (*bytes set), 1 when pending, or a negated errno. */
static long start(struct win_object *o, struct win_netop *op, uint32_t *bytes)
{
	struct win_socket *s = o->file.sock;
	pthread_mutex_lock(&s->lock);
	enum op_kind dir = op->kind == OP_SEND ? OP_SEND : OP_RECV;
	bool queued_before = false;
	for (struct win_netop *q = s->ops; q; q = q->next)
		queued_before |= (q->kind == OP_SEND ? OP_SEND : OP_RECV) == dir;
	for (;;) {
		long r = queued_before ? -EAGAIN : attempt(o, op, bytes);
		if (r != -EAGAIN && r != -EWOULDBLOCK) {
			pthread_mutex_unlock(&s->lock);
			return r;
		}
		if (op->ov && o->file.iocp) {
			struct win_netop *copy = malloc(sizeof *copy);
			if (!copy) {
				pthread_mutex_unlock(&s->lock);
				return -ENOBUFS;
			}
			*copy = *op;
			copy->next = NULL;
			struct win_netop **p = &s->ops;
			while (*p)
				p = &(*p)->next;
			*p = copy;
			arm(o);
			pthread_mutex_unlock(&s->lock);
			return 1;
		}
		if (s->nonblocking && !op->ov) {
			pthread_mutex_unlock(&s->lock);
			return -EWOULDBLOCK;
		}
		pthread_mutex_unlock(&s->lock);
		wait_ready(o->file.fd, op);
		pthread_mutex_lock(&s->lock);
		queued_before = false;
	}
}

/* The common end of the overlapped calls: the result of start() as the
 * guest sees it. */
static long started(struct win_object *o, struct win_netop *op, long r, uint32_t bytes,
		    uint64_t bytes_out, bool bool_result)
{
	long ok = bool_result ? 1 : 0, failed = bool_result ? 0 : WIN_SOCKET_ERROR;
	if (r == 1) {
		win_put(o);
		win_set_error(WIN_ERROR_IO_PENDING);
		return failed;
	}
	if (r < 0) {
		if (op->ov)
			finish(o, op, win_ntstatus_from_host((int)-r), 0, true);
		win_put(o);
		win_wsa_fail(r);
		return failed;
	}
	if (bytes_out)
		xeno_copy_out(bytes_out, &bytes, sizeof bytes);
	if (op->ov)
		finish(o, op, 0, bytes, o->file.skip_on_success);
	win_put(o);
	win_set_error(0);
	return ok;
}

/* Marks ov as Windows does when an operation starts. */
static int reset_overlapped(uint64_t ov)
{
	uint64_t pending[2] = {STATUS_PENDING, 0};
	return ov && xeno_copy_out(ov, pending, sizeof pending) < 0 ? -EFAULT : 0;
}

/* WSARecv and friends: the n WSABUFs at bufs; flags_at points at the
 * flags (a receive's, which are also an output), or flags holds them (a
 * send's). */
static long transfer(uint64_t s, struct win_netop *op, uint64_t bufs, uint32_t n,
		     uint64_t bytes_out, uint32_t flags, uint64_t flags_at, uint64_t completion)
{
	if (completion || n > MAX_BUFS) {
		/* no APCs are ever queued; more buffers than xeno keeps */
		win_set_error(completion ? WIN_WSAEOPNOTSUPP : WIN_WSAENOBUFS);
		return WIN_SOCKET_ERROR;
	}
	if (xeno_copy_in(op->bufs, bufs, n * sizeof op->bufs[0]) < 0)
		return win_wsa_fail(-EFAULT);
	op->nbufs = n;
	struct win_object *o = win_socket_get(s);
	if (!o)
		return WIN_SOCKET_ERROR;
	uint32_t wflags = flags;
	if (flags_at && xeno_copy_in(&wflags, flags_at, sizeof wflags) < 0) {
		win_put(o);
		return win_wsa_fail(-EFAULT);
	}
	int hflags = win_msg_flags_to_host(wflags);
	if (hflags < 0 || reset_overlapped(op->ov) < 0) {
		win_put(o);
		return win_wsa_fail(hflags < 0 ? hflags : -EFAULT);
	}
	op->flags = hflags;
	uint32_t bytes = 0;
	long r = start(o, op, &bytes);
	if (r == 0 && flags_at) {
		uint32_t zero = 0; /* no MSG_PARTIAL or the like to report */
		xeno_copy_out(flags_at, &zero, sizeof zero);
	}
	return started(o, op, r, bytes, bytes_out, false);
}

long windows_ws2_32_WSARecv(struct xeno_thread *t, uint64_t s, uint64_t bufs, unsigned int n,
			    uint64_t received, uint64_t flags, uint64_t ov, uint64_t completion)
{
	(void)t;
	struct win_netop op = {.kind = OP_RECV, .ov = ov};
	return transfer(s, &op, bufs, n, received, 0, flags, completion);
}

long windows_ws2_32_WSARecvFrom(struct xeno_thread *t, uint64_t s, uint64_t bufs, unsigned int n,
				uint64_t received, uint64_t flags, uint64_t from, uint64_t from_len,
				uint64_t ov)
{
	uint64_t completion = win_net_ninth_argument(t);
	struct win_netop op = {.kind = OP_RECV, .ov = ov, .from = from, .from_len = from_len};
	return transfer(s, &op, bufs, n, received, 0, flags, completion);
}

long windows_ws2_32_WSASend(struct xeno_thread *t, uint64_t s, uint64_t bufs, unsigned int n,
			    uint64_t sent, unsigned int flags, uint64_t ov, uint64_t completion)
{
	(void)t;
	struct win_netop op = {.kind = OP_SEND, .ov = ov};
	return transfer(s, &op, bufs, n, sent, flags, 0, completion);
}

long windows_ws2_32_WSASendTo(struct xeno_thread *t, uint64_t s, uint64_t bufs, unsigned int n,
			      uint64_t sent, unsigned int flags, uint64_t to, int to_len,
			      uint64_t ov)
{
	uint64_t completion = win_net_ninth_argument(t);
	struct win_netop op = {.kind = OP_SEND, .ov = ov};
	uint8_t raw[WIN_SOCKADDR_MAX];
	if (to) {
		int len = to_len > 0 && to_len <= (int)sizeof raw &&
				  xeno_copy_in(raw, to, (size_t)to_len) == 0
			      ? win_sockaddr_to_host(raw, (size_t)to_len, &op.to)
			      : -EFAULT;
		if (len < 0)
			return win_wsa_fail(len);
		op.to_len = (socklen_t)len;
	}
	return transfer(s, &op, bufs, n, sent, flags, 0, completion);
}

/* AcceptEx (mswsock.h): the listening socket accepts into a socket made
 * beforehand, the addresses written after recv_len bytes of data.
 * Receiving data with the connection (recv_len > 0) is not done. */
long windows_mswsock_AcceptEx(struct xeno_thread *t, uint64_t listener, uint64_t acceptor,
			      uint64_t out, unsigned int recv_len, unsigned int local_len,
			      unsigned int remote_len, uint64_t received, uint64_t ov)
{
	(void)t;
	if (!ov || !out || recv_len) {
		win_set_error(!ov	 ? WIN_ERROR_INVALID_PARAMETER
			      : recv_len ? WIN_WSAEOPNOTSUPP
					 : WIN_WSAEINVAL);
		return 0;
	}
	struct win_object *o = win_socket_get(listener);
	if (!o)
		return 0;
	if (reset_overlapped(ov) < 0) {
		win_put(o);
		return (win_wsa_fail(-EFAULT), 0);
	}
	struct win_netop op = {.kind = OP_ACCEPT,
			       .ov = ov,
			       .accept_socket = acceptor,
			       .out = out,
			       .local_len = local_len,
			       .remote_len = remote_len};
	uint32_t bytes = 0;
	long r = start(o, &op, &bytes);
	return started(o, &op, r, bytes, received, true);
}

/* Reads back what AcceptEx wrote: pointers into the guest's buffer. */
long windows_mswsock_GetAcceptExSockaddrs(struct xeno_thread *t, uint64_t buf,
					  unsigned int recv_len, unsigned int local_len,
					  unsigned int remote_len, uint64_t local,
					  uint64_t local_size, uint64_t remote,
					  uint64_t remote_size)
{
	(void)t, (void)remote_len;
	uint64_t l = buf + recv_len, r = l + local_len;
	int ll = 0, rl = 0;
	xeno_copy_in(&ll, l, 4);
	xeno_copy_in(&rl, r, 4);
	l += 4, r += 4;
	xeno_copy_out(local, &l, 8);
	xeno_copy_out(local_size, &ll, 4);
	xeno_copy_out(remote, &r, 8);
	xeno_copy_out(remote_size, &rl, 4);
	return 0;
}

/* The result of an overlapped operation, from its OVERLAPPED. */
long windows_ws2_32_WSAGetOverlappedResult(struct xeno_thread *t, uint64_t s, uint64_t ov,
					   uint64_t bytes, int wait, uint64_t flags)
{
	(void)t, (void)s;
	uint64_t r[2];
	for (;;) {
		if (xeno_copy_in(r, ov, sizeof r) < 0)
			return win_fail(WIN_WSAEFAULT);
		if (r[0] != STATUS_PENDING)
			break;
		if (!wait)
			return win_fail(WIN_ERROR_IO_INCOMPLETE);
		win_sleep_ms(1); /* completed by another thread's wait on the port */
	}
	uint32_t n = (uint32_t)r[1], f = 0;
	if ((bytes && xeno_copy_out(bytes, &n, 4) < 0) ||
	    (flags && xeno_copy_out(flags, &f, 4) < 0))
		return win_fail(WIN_WSAEFAULT);
	return r[0] == 0 ? 1 : win_fail(win_wsa_error_from_ntstatus((uint32_t)r[0]));
}

/* ---- cancellation and the socket's end ---- */

int win_socket_cancel(struct win_object *o, uint64_t ov)
{
	struct win_socket *s = o->file.sock;
	int n = 0;
	pthread_mutex_lock(&s->lock);
	for (struct win_netop **p = &s->ops; *p;) {
		struct win_netop *op = *p;
		if (ov && op->ov != ov) {
			p = &op->next;
			continue;
		}
		*p = op->next;
		finish(o, op, STATUS_CANCELLED, op->kind == OP_SEND ? op->done : 0, false);
		free(op);
		n++;
	}
	pthread_mutex_unlock(&s->lock);
	return n;
}

int win_socket_register(struct win_object *o)
{
	return registry_add(o, &o->file.sock->key);
}

void win_socket_release(struct win_object *o)
{
	struct win_socket *s = o->file.sock;
	if (!s)
		return;
	registry_remove(o);
	win_socket_cancel(o, 0);
	pthread_mutex_destroy(&s->lock);
	free(s);
	o->file.sock = NULL;
}

/* CancelIoEx and CancelIo: a socket's pending operations end cancelled;
 * other handles' transfers are never pending here (ERROR_NOT_FOUND). */
long windows_kernel32_CancelIoEx(struct xeno_thread *t, uint64_t h, uint64_t ov)
{
	(void)t;
	struct win_object *o = win_get(h);
	if (!o)
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	int n = o->kind == WIN_SOCKET && o->file.sock ? win_socket_cancel(o, ov) : 0;
	win_put(o);
	return n ? 1 : win_fail(WIN_ERROR_NOT_FOUND);
}

long windows_kernel32_CancelIo(struct xeno_thread *t, uint64_t h)
{
	return windows_kernel32_CancelIoEx(t, h, 0);
}
