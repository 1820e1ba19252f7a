/*
 * Windows sockets inside libs/windows/: what net.c (the socket calls) and
 * netio.c (overlapped transfers and their completions) share.
 *
 * A socket handle wraps a non-blocking Linux socket.  An overlapped
 * operation (WSARecv, WSASend, AcceptEx...) is tried at once; if the socket
 * is not ready it waits in the socket's list of pending operations, and the
 * socket is armed (EPOLLONESHOT) in the epoll instance of the completion
 * port it is bound to.  A thread waiting on that port (GetQueuedCompletion-
 * Status(Ex), libs/windows/iocp.c) sees the socket ready, carries the
 * operations out (win_net_ready) and queues their completion packets, as
 * Windows' AFD driver completes them.  An operation ends with its
 * OVERLAPPED's Internal (an NTSTATUS) and InternalHigh (bytes) set.
 */
#ifndef XENO_LIBS_WINDOWS_NET_H
#define XENO_LIBS_WINDOWS_NET_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

struct win_object;
struct win_iocp;
struct win_netop;

struct win_socket {
	pthread_mutex_t lock;
	int family, type, protocol; /* as Windows numbers them */
	bool nonblocking;	    /* ioctlsocket(FIONBIO): no overlapped call waits */
	int armed_epfd;		    /* the epoll instance it is registered in, or -1 */
	uint64_t key;		    /* its name in epoll's data (netio.c's registry) */
	struct win_netop *ops;	    /* pending operations, oldest first */
};

/* The socket state of handle s with a reference taken (win_put it), or
 * NULL with WSAENOTSOCK set. */
struct win_object *win_socket_get(uint64_t s);
/* Fails a Windows Sockets call: the error for negated host errno e set,
 * SOCKET_ERROR returned. */
long win_wsa_fail(long neg_errno);

/* The ninth argument of the call t is in (WSAIoctl's, WSARecvFrom's and
 * WSASendTo's completion routine), the fifth on the guest's stack (Microsoft
 * x64): a table entry holds eight. */
struct xeno_thread;
uint64_t win_net_ninth_argument(const struct xeno_thread *t);

/* Gives socket o its key (at creation): 0 or -ENOMEM. */
int win_socket_register(struct win_object *o);
/* Ends every pending operation of socket o with STATUS_CANCELLED, those on
 * OVERLAPPED ov only unless ov is 0: how many. */
int win_socket_cancel(struct win_object *o, uint64_t ov);
/* Frees o's socket state (its pending operations cancelled). */
void win_socket_release(struct win_object *o);
/* From a completion port's wait: the socket armed with data (its handle)
 * is ready for events. */
void win_net_ready(struct win_iocp *port, uint64_t data, uint32_t events);
/* The tag that marks a socket's handle in an epoll instance's data. */
#define WIN_NET_EPOLL_TAG (1ULL << 63)

#endif
