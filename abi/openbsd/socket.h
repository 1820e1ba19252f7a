/*
 * OpenBSD socket facts (sys/sys/socket.h, sys/netinet/in.h, sys/sys/poll.h):
 * 4.4BSD addresses with sa_len, AF_INET6 24; socket()'s own creation flags
 * SOCK_CLOEXEC 0x8000 and SOCK_NONBLOCK 0x4000; the message flags above
 * 4.4BSD's; SCM_TIMESTAMP 0x04.
 */
#ifndef XENO_ABI_OPENBSD_SOCKET_H
#define XENO_ABI_OPENBSD_SOCKET_H

#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "core/xlat.h"

#define OPENBSD_AF_UNIX	 1
#define OPENBSD_AF_INET	 2
#define OPENBSD_AF_INET6 24

#define OPENBSD_SOCK_TYPEMASK	      0x0fff
#define OPENBSD_SOCK_DNS	      0x1000
#define OPENBSD_SOCK_NONBLOCK_INHERIT 0x2000
#define OPENBSD_SOCK_NONBLOCK	      0x4000
#define OPENBSD_SOCK_CLOEXEC	      0x8000

#define OPENBSD_MSG_EOR		 0x0008
#define OPENBSD_MSG_CTRUNC	 0x0020
#define OPENBSD_MSG_BCAST	 0x0100
#define OPENBSD_MSG_MCAST	 0x0200
#define OPENBSD_MSG_NOSIGNAL	 0x0400
#define OPENBSD_MSG_CMSG_CLOEXEC 0x0800
#define OPENBSD_MSG_WAITFORONE	 0x1000

#define OPENBSD_SCM_RIGHTS    0x01
#define OPENBSD_SCM_TIMESTAMP 0x04

#define OPENBSD_MCLBYTES   2048 /* sys/arch/amd64/include/param.h */
#define OPENBSD_UIO_MAXIOV 1024 /* sys/sys/uio.h IOV_MAX */

extern const struct xeno_flagset openbsd_socket_domains; /* "sockdomain" */
extern const struct xeno_flagset openbsd_socket_types;	 /* "socktype" */
extern const struct xeno_flagset openbsd_msg_flags;	 /* "msgflags" */
extern const struct bsd_families openbsd_families;
extern const struct bsd_cmsg_facts openbsd_cmsg_facts;

extern const struct bsd_sockopt openbsd_sockopts[];
extern const size_t openbsd_nsockopts;

#endif
