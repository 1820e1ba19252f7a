/*
 * NetBSD/amd64 sockets: address families and the socket types' creation
 * flags (sys/sys/socket.h rev 1.115: AF_INET6 is 24, SOCK_NOSIGPIPE),
 * message flags, control message types and the poll bits (sys/sys/poll.h
 * rev 1.15); the layouts are the 4.4BSD family's (abi/bsd/socket.h).
 * Socket options: abi/netbsd/sockopt.c.
 */
#ifndef XENO_ABI_NETBSD_SOCKET_H
#define XENO_ABI_NETBSD_SOCKET_H

#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "core/xlat.h"

#define NETBSD_AF_UNIX	1
#define NETBSD_AF_INET	2
#define NETBSD_AF_INET6 24

#define NETBSD_SOCK_NOSIGPIPE 0x40000000

#define NETBSD_MSG_OOB		0x0001
#define NETBSD_MSG_PEEK		0x0002
#define NETBSD_MSG_DONTROUTE	0x0004
#define NETBSD_MSG_EOR		0x0008
#define NETBSD_MSG_TRUNC	0x0010
#define NETBSD_MSG_CTRUNC	0x0020
#define NETBSD_MSG_WAITALL	0x0040
#define NETBSD_MSG_DONTWAIT	0x0080
#define NETBSD_MSG_BCAST	0x0100
#define NETBSD_MSG_MCAST	0x0200
#define NETBSD_MSG_NOSIGNAL	0x0400
#define NETBSD_MSG_CMSG_CLOEXEC 0x0800
#define NETBSD_MSG_NBIO		0x1000
#define NETBSD_MSG_WAITFORONE	0x2000

#define NETBSD_SCM_RIGHTS    0x01
#define NETBSD_SCM_TIMESTAMP 0x08 /* struct timeval */

#define NETBSD_MCLBYTES	  2048 /* sys/arch/amd64/include/param.h: sockargs' limit */
#define NETBSD_UIO_MAXIOV 1024 /* sys/sys/uio.h */

extern const struct xeno_flagset netbsd_socket_domains; /* "sockdomain" */
extern const struct xeno_flagset netbsd_socket_types;	/* "socktype" */
extern const struct xeno_flagset netbsd_msg_flags;	/* "msgflags" */
extern const struct bsd_families netbsd_families;
extern const struct bsd_cmsg_facts netbsd_cmsg_facts;

extern const struct bsd_sockopt netbsd_sockopts[];
extern const size_t netbsd_nsockopts;
const struct bsd_sockopt *netbsd_sockopt_find(int level, int name, int *err);

#endif
