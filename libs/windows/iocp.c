/*
 * I/O completion ports on epoll: a port is a queue of completion packets
 * (PostQueuedCompletionStatus, and transfers on handles bound to it) and an
 * epoll instance with an eventfd that says the queue grew.  A thread in
 * GetQueuedCompletionStatus(Ex) takes packets, or sleeps in epoll_wait
 * until one comes or its timeout ends — which is also how Go sleeps when
 * it has nothing to run (netpoll with a timeout).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "abi/windows/file.h"
#include "abi/windows/socket.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "libs/windows/net.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

struct packet {
	uint64_t key, overlapped;
	uint32_t bytes, status;
};

struct win_iocp {
	pthread_mutex_t lock;
	struct packet *q;
	size_t head, count, cap;
	int epfd, evfd;
};

/* OVERLAPPED_ENTRY (minwinbase.h) */
struct overlapped_entry {
	uint64_t key, overlapped, internal;
	uint32_t bytes, pad_;
};
_Static_assert(sizeof(struct overlapped_entry) == 32, "OVERLAPPED_ENTRY");

void win_iocp_release(struct win_object *o)
{
	struct win_iocp *p = o->iocp;
	if (!p)
		return;
	close(p->epfd);
	close(p->evfd);
	free(p->q);
	free(p);
}

static int push(struct win_iocp *p, struct packet pk)
{
	pthread_mutex_lock(&p->lock);
	if (p->count == p->cap) {
		size_t ncap = p->cap ? p->cap * 2 : 64;
		struct packet *q = malloc(ncap * sizeof *q);
		if (!q) {
			pthread_mutex_unlock(&p->lock);
			return -1;
		}
		for (size_t i = 0; i < p->count; i++)
			q[i] = p->q[(p->head + i) % p->cap];
		free(p->q);
		p->q = q, p->cap = ncap, p->head = 0;
	}
	p->q[(p->head + p->count++) % p->cap] = pk;
	pthread_mutex_unlock(&p->lock);
	uint64_t one = 1;
	if (write(p->evfd, &one, sizeof one) < 0) {
		/* the counter is full: readers will find the packets anyway */
	}
	return 0;
}

void win_iocp_complete(struct win_object *file, uint64_t overlapped, uint32_t status,
		       uint32_t bytes)
{
	struct win_object *port = file->file.iocp;
	if (port && port->iocp)
		push(port->iocp, (struct packet){file->file.iocp_key, overlapped, bytes, status});
}

static long new_port(void)
{
	struct win_iocp *p = calloc(1, sizeof *p);
	if (!p)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	pthread_mutex_init(&p->lock, NULL);
	p->epfd = epoll_create1(EPOLL_CLOEXEC);
	p->evfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0};
	if (p->epfd < 0 || p->evfd < 0 || epoll_ctl(p->epfd, EPOLL_CTL_ADD, p->evfd, &ev) < 0) {
		int e = errno;
		if (p->epfd >= 0)
			close(p->epfd);
		if (p->evfd >= 0)
			close(p->evfd);
		free(p);
		return win_fail_errno(-e);
	}
	uint64_t h;
	struct win_object *o = win_object_new(WIN_IOCP, &h);
	if (!o) {
		close(p->epfd), close(p->evfd), free(p);
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	}
	o->iocp = p;
	return (long)h;
}

long windows_kernel32_CreateIoCompletionPort(struct xeno_thread *t, uint64_t file,
					     uint64_t existing, uint64_t key, unsigned int threads)
{
	(void)t, (void)threads;
	long port = existing ? (long)existing : 0;
	if (!existing) {
		port = new_port();
		if (!port)
			return 0;
	}
	if (file == (uint64_t)-1)
		return port;
	struct win_object *f = win_get(file);
	struct win_object *p = win_get_kind((uint64_t)port, WIN_IOCP);
	if (!f || !p || (f->kind != WIN_FILE && f->kind != WIN_SOCKET)) {
		win_put(f);
		win_put(p);
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	win_put(f->file.iocp);
	f->file.iocp = p; /* the reference taken above is the file's */
	f->file.iocp_key = key;
	win_put(f);
	return port;
}

long windows_kernel32_PostQueuedCompletionStatus(struct xeno_thread *t, uint64_t port,
						 unsigned int bytes, uint64_t key, uint64_t ov)
{
	(void)t;
	struct win_object *o = win_get_kind(port, WIN_IOCP);
	if (!o)
		return 0;
	int r = push(o->iocp, (struct packet){key, ov, bytes, 0});
	win_put(o);
	return r < 0 ? win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY) : 1;
}

/* Takes up to n packets: how many.  Packets left behind signal the eventfd
 * again: the waiter that drained it took only some, and another thread may
 * be asleep in epoll_wait while they wait. */
static size_t take(struct win_iocp *p, struct packet *out, size_t n)
{
	pthread_mutex_lock(&p->lock);
	size_t k = 0;
	for (; k < n && p->count; k++) {
		out[k] = p->q[p->head];
		p->head = (p->head + 1) % p->cap;
		p->count--;
	}
	bool left = k && p->count;
	pthread_mutex_unlock(&p->lock);
	uint64_t one = 1;
	if (left && write(p->evfd, &one, sizeof one) < 0) {
		/* the counter is full: it is signalled already */
	}
	return k;
}

/* Waits for packets until ms passes: how many were taken, or 0. */
static size_t wait_packets(struct win_iocp *p, struct packet *out, size_t n, uint32_t ms)
{
	uint64_t deadline = ms == WIN_INFINITE ? UINT64_MAX : win_now_ns() + ms * 1000000ULL;
	for (;;) {
		size_t k = take(p, out, n);
		if (k)
			return k;
		uint64_t now = win_now_ns();
		if (now >= deadline)
			return 0;
		int timeout =
		    deadline == UINT64_MAX ? -1 : (int)((deadline - now + 999999) / 1000000);
		struct epoll_event ev[16];
		long r = host_syscall4(SYS_epoll_wait, p->epfd, ev, 16, timeout);
		win_kuser_refresh();
		for (long i = 0; i < r; i++) {
			if (!(ev[i].data.u64 & WIN_NET_EPOLL_TAG)) {
				uint64_t v;
				if (read(p->evfd, &v, sizeof v) < 0) {
					/* another waiter drained it */
				}
			} else {
				win_net_ready(p, ev[i].data.u64, ev[i].events);
			}
		}
	}
}

long windows_kernel32_GetQueuedCompletionStatusEx(struct xeno_thread *t, uint64_t port,
						  uint64_t entries, unsigned int n,
						  uint64_t removed, unsigned int ms, int alertable)
{
	(void)t, (void)alertable;
	struct win_object *o = win_get_kind(port, WIN_IOCP);
	if (!o)
		return 0;
	if (n == 0 || n > 1024) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	struct packet pk[64];
	size_t k = wait_packets(o->iocp, pk, n < 64 ? n : 64, ms);
	win_put(o);
	if (!k)
		return win_fail(WIN_WAIT_TIMEOUT);
	for (size_t i = 0; i < k; i++) {
		struct overlapped_entry e = {pk[i].key, pk[i].overlapped, pk[i].status, pk[i].bytes,
					     0};
		if (xeno_copy_out(entries + i * sizeof e, &e, sizeof e) < 0)
			return win_fail(WIN_ERROR_NOACCESS);
	}
	uint32_t got = (uint32_t)k;
	if (xeno_copy_out(removed, &got, sizeof got) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	return 1;
}

long windows_kernel32_GetQueuedCompletionStatus(struct xeno_thread *t, uint64_t port,
						uint64_t bytes, uint64_t key, uint64_t ov,
						unsigned int ms)
{
	(void)t;
	struct win_object *o = win_get_kind(port, WIN_IOCP);
	if (!o)
		return 0;
	struct packet pk;
	size_t k = wait_packets(o->iocp, &pk, 1, ms);
	win_put(o);
	uint64_t zero = 0;
	if (!k) {
		xeno_copy_out(ov, &zero, sizeof zero);
		return win_fail(WIN_WAIT_TIMEOUT);
	}
	xeno_copy_out(bytes, &pk.bytes, sizeof pk.bytes);
	xeno_copy_out(key, &pk.key, sizeof pk.key);
	xeno_copy_out(ov, &pk.overlapped, sizeof pk.overlapped);
	return pk.status ? win_fail(win_error_from_ntstatus(pk.status)) : 1;
}

/* The epoll instance of a port, for sockets that wait on it. */
int win_iocp_epoll(struct win_object *port)
{
	return port && port->kind == WIN_IOCP ? port->iocp->epfd : -1;
}

/* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, FILE_SKIP_SET_EVENT_ON_HANDLE
 * (winbase.h): a transfer done at once queues no packet; events are never
 * set by handles here anyway. */
long windows_kernel32_SetFileCompletionNotificationModes(struct xeno_thread *t, uint64_t h,
							 unsigned int flags)
{
	(void)t;
	if (flags & ~3u)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	struct win_object *o = win_get(h);
	if (!o || (o->kind != WIN_FILE && o->kind != WIN_SOCKET)) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	}
	o->file.skip_on_success = flags & 1;
	win_put(o);
	return 1;
}
