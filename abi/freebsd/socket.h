/*
 * FreeBSD/amd64 sockets: address families and socket types
 * (sys/sys/socket.h), message flags, control message types, and poll
 * (sys/sys/poll.h).  The layouts (struct sockaddr and its kinds, struct
 * msghdr, struct cmsghdr, struct pollfd) are the 4.4BSD family's
 * (abi/bsd/socket.h).  Socket options: abi/freebsd/sockopt.c.
 */
#ifndef XENO_ABI_FREEBSD_SOCKET_H
#define XENO_ABI_FREEBSD_SOCKET_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "core/xlat.h"

/* sys/sys/socket.h address families (AF_INET6 is 28, not Linux's 10) */
#define FREEBSD_AF_UNSPEC 0
#define FREEBSD_AF_UNIX	  1
#define FREEBSD_AF_INET	  2
#define FREEBSD_AF_INET6  28

/* sys/sys/socket.h socket types and the creation flags or'ed into them */
#define FREEBSD_SOCK_STREAM    1
#define FREEBSD_SOCK_DGRAM     2
#define FREEBSD_SOCK_RAW       3
#define FREEBSD_SOCK_RDM       4
#define FREEBSD_SOCK_SEQPACKET 5
#define FREEBSD_SOCK_CLOEXEC   0x10000000
#define FREEBSD_SOCK_NONBLOCK  0x20000000

#define FREEBSD_SOL_SOCKET	0xffff /* sys/sys/socket.h */
#define FREEBSD_SOCK_MAXADDRLEN 255    /* sys/sys/socket.h */
#define FREEBSD_SOMAXCONN	128

/* sys/sys/socket.h message flags */
#define FREEBSD_MSG_OOB		 0x00000001
#define FREEBSD_MSG_PEEK	 0x00000002
#define FREEBSD_MSG_DONTROUTE	 0x00000004
#define FREEBSD_MSG_EOR		 0x00000008
#define FREEBSD_MSG_TRUNC	 0x00000010
#define FREEBSD_MSG_CTRUNC	 0x00000020
#define FREEBSD_MSG_WAITALL	 0x00000040
#define FREEBSD_MSG_DONTWAIT	 0x00000080
#define FREEBSD_MSG_EOF		 0x00000100
#define FREEBSD_MSG_NBIO	 0x00004000 /* "FIONBIO mode": non-blocking */
#define FREEBSD_MSG_NOSIGNAL	 0x00020000
#define FREEBSD_MSG_CMSG_CLOEXEC 0x00040000
#define FREEBSD_MSG_WAITFORONE	 0x00080000

/* sys/sys/socket.h control message types at SOL_SOCKET */
#define FREEBSD_SCM_RIGHTS    0x01
#define FREEBSD_SCM_TIMESTAMP 0x02 /* struct timeval */
#define FREEBSD_SCM_CREDS     0x03 /* struct cmsgcred: not translated */

/* shutdown(2) how: the same three values as Linux */
#define FREEBSD_SHUT_RD	  0
#define FREEBSD_SHUT_WR	  1
#define FREEBSD_SHUT_RDWR 2

/* sys/sys/poll.h: POLLWRNORM is POLLOUT; POLLWRBAND and POLLRDHUP sit
 * elsewhere than on Linux; POLLINIGNEOF has no Linux twin. */
#define FREEBSD_POLLIN	     0x0001
#define FREEBSD_POLLPRI	     0x0002
#define FREEBSD_POLLOUT	     0x0004
#define FREEBSD_POLLERR	     0x0008
#define FREEBSD_POLLHUP	     0x0010
#define FREEBSD_POLLNVAL     0x0020
#define FREEBSD_POLLRDNORM   0x0040
#define FREEBSD_POLLWRNORM   FREEBSD_POLLOUT
#define FREEBSD_POLLRDBAND   0x0080
#define FREEBSD_POLLWRBAND   0x0100
#define FREEBSD_POLLINIGNEOF 0x2000
#define FREEBSD_POLLRDHUP    0x4000 /* FreeBSD 14 (sys/sys/poll.h) */
#define FREEBSD_INFTIM	     (-1)

#define FREEBSD_FD_SETSIZE 1024 /* sys/sys/select.h: fd_set is 1024 bits, as on Linux */
#define FREEBSD_UIO_MAXIOV 1024 /* sys/sys/uio.h: more iovecs is EMSGSIZE */
#define FREEBSD_MCLBYTES   2048 /* sys/sys/param.h: sockargs' limit on control data */

/* Flag sets (also for the tracer): "sockdomain", "socktype", "msgflags",
 * "shuthow", "pollevents". */
extern const struct xeno_flagset freebsd_socket_domains;
extern const struct xeno_flagset freebsd_socket_types;
extern const struct xeno_flagset freebsd_msg_flags;
extern const struct xeno_flagset freebsd_poll_events;

/* The address families and control messages of the shared codecs. */
extern const struct bsd_families freebsd_families;
extern const struct bsd_cmsg_facts freebsd_cmsg_facts;

/* Address family: the host's, or -EAFNOSUPPORT. */
int freebsd_domain_to_host(int af);
/* The FreeBSD family of a host one, or -1 if FreeBSD has none we know. */
int freebsd_domain_from_host(int af);
/* socket()'s type word with its flags: the host's, -EPROTOTYPE for a type
 * FreeBSD does not know, -EINVAL for unknown flag bits. */
int freebsd_socktype_to_host(int type, int *host);

/* accept4()'s flags (SOCK_CLOEXEC, SOCK_NONBLOCK): the host's, or -EINVAL. */
int freebsd_accept_flags_to_host(int flags, int *host);

/* A FreeBSD socket address of len bytes, as given to bind, connect or
 * sendto, in host form.  0 or a negated host errno. */
int freebsd_sockaddr_to_host(const void *addr, size_t len, struct sockaddr_storage *host,
			     socklen_t *host_len);
/* A host socket address of host_len bytes in FreeBSD form, written to out
 * (room for FREEBSD_SOCK_MAXADDRLEN bytes): its length (sa_len), 0 when
 * there is no address. */
size_t freebsd_sockaddr_from_host(const void *host, size_t host_len, void *out);
/* What getsockname, getpeername, accept and recvfrom report as the
 * address length: FreeBSD copies and reports at most the caller's room. */
uint32_t freebsd_sockaddr_reported_len(uint32_t room, size_t full);

/* Message flags: a send's or receive's flags for the host (-EINVAL for
 * unknown bits); a received message's flags for the guest (bits with no
 * FreeBSD meaning are dropped). */
int freebsd_msg_flags_to_host(int flags, int *host);
int freebsd_msg_flags_from_host(int host);

/* Control data of a sendmsg, FreeBSD form (len bytes) to host form in out
 * (room for out_size bytes, at least len + 8): the host length or a
 * negated errno.  Walks the messages as sys/kern/uipc_usrreq.c
 * unp_internalize does; only SCM_RIGHTS is known. */
long freebsd_cmsgs_to_host(const void *in, size_t len, void *out, size_t out_size);
/* Received host control data to FreeBSD form in out (room for out_size
 * bytes): the FreeBSD length.  Messages FreeBSD has no form for, or that
 * do not fit, set FREEBSD_MSG_CTRUNC in *flags. */
size_t freebsd_cmsgs_from_host(const void *in, size_t len, void *out, size_t out_size, int *flags);

/* poll: requested events for the host (-EINVAL for unknown bits), and
 * the host's returned events as FreeBSD bits for what was requested. */
int freebsd_poll_events_to_host(int events, short *host);
int freebsd_poll_revents_from_host(int host, int requested);

/* Socket options: the table abi/bsd/sockopt.h reads, and the entry for
 * level/name (NULL with *err: -EINVAL, -ENOPROTOOPT). */
extern const struct bsd_sockopt freebsd_sockopts[];
extern const size_t freebsd_nsockopts;
const struct bsd_sockopt *freebsd_sockopt_find(int level, int name, int *err);

#endif
