/*
 * OpenBSD <-> Linux socket values (abi/openbsd/socket.h) for the shared
 * codecs (abi/bsd/sockaddr.c, cmsg.c, poll.c), and its socket options
 * (sys/sys/socket.h: SO_SNDTIMEO 0x1005 and SO_RCVTIMEO 0x1006 take a
 * struct timeval with a long tv_usec, SO_TIMESTAMP 0x0800).
 */
#include "abi/openbsd/socket.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

static const struct xeno_flag domains[] = {
    BSD_SOCKET_DOMAINS(OPENBSD_AF_UNIX, OPENBSD_AF_INET, OPENBSD_AF_INET6),
};
const struct xeno_flagset openbsd_socket_domains = XENO_FLAGSET("sockdomain", domains, 1);

const struct bsd_families openbsd_families = {OPENBSD_AF_UNIX, OPENBSD_AF_INET, OPENBSD_AF_INET6};

/* SOCK_DNS (a socket pledge allows for DNS) and SOCK_NONBLOCK_INHERIT
 * (accepted sockets inherit O_NONBLOCK) ask nothing of the host here. */
static const struct xeno_flag types[] = {
    BSD_SOCKET_TYPE_VALUES(OPENBSD_SOCK_TYPEMASK),
    XENO_FLAG("SOCK_CLOEXEC", OPENBSD_SOCK_CLOEXEC, SOCK_CLOEXEC),
    XENO_FLAG("SOCK_NONBLOCK", OPENBSD_SOCK_NONBLOCK, SOCK_NONBLOCK),
    XENO_FLAG_FOREIGN("SOCK_NONBLOCK_INHERIT", OPENBSD_SOCK_NONBLOCK_INHERIT),
    XENO_FLAG_FOREIGN("SOCK_DNS", OPENBSD_SOCK_DNS),
};
const struct xeno_flagset openbsd_socket_types = XENO_FLAGSET("socktype", types, 0);

static const struct xeno_flag msg_flags[] = {
    BSD_MSG_FLAGS_SHARED,
    XENO_FLAG("MSG_NOSIGNAL", OPENBSD_MSG_NOSIGNAL, MSG_NOSIGNAL),
    XENO_FLAG("MSG_CMSG_CLOEXEC", OPENBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC),
    XENO_FLAG("MSG_WAITFORONE", OPENBSD_MSG_WAITFORONE, MSG_WAITFORONE),
};
const struct xeno_flagset openbsd_msg_flags = XENO_FLAGSET("msgflags", msg_flags, 0);

static const struct bsd_scm scm_types[] = {
    {OPENBSD_SCM_RIGHTS, SCM_RIGHTS},
    {OPENBSD_SCM_TIMESTAMP, SO_TIMESTAMP},
};
const struct bsd_cmsg_facts openbsd_cmsg_facts = BSD_CMSG_FACTS(scm_types, OPENBSD_MSG_CTRUNC);

#define ONE(v) 1

const struct bsd_sockopt openbsd_sockopts[] = {
    BSD_SOCKOPTS_SOL_SHARED(ONE),
    BSD_SWITCH(BSD_SOL, SO_TIMESTAMP, 0x0800, SOL_SOCKET, SO_TIMESTAMP, 1),
    BSD_OPT(BSD_SOL, SO_SNDTIMEO, 0x1005, SOL_SOCKET, SO_SNDTIMEO, BSD_OPT_TIMEVAL),
    BSD_OPT(BSD_SOL, SO_RCVTIMEO, 0x1006, SOL_SOCKET, SO_RCVTIMEO, BSD_OPT_TIMEVAL),
    BSD_SOCKOPTS_IP_SHARED,
    BSD_SOCKOPTS_IPV6_SHARED,
    BSD_SOCKOPTS_TCP_SHARED,
};
const size_t openbsd_nsockopts = sizeof openbsd_sockopts / sizeof openbsd_sockopts[0];
