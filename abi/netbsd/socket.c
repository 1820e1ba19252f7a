/*
 * NetBSD <-> Linux socket values (abi/netbsd/socket.h) for the shared
 * codecs (abi/bsd/sockaddr.c, cmsg.c, poll.c).
 */
#include "abi/netbsd/socket.h"

#include <poll.h>
#include <sys/socket.h>

static const struct xeno_flag domains[] = {
    BSD_SOCKET_DOMAINS(NETBSD_AF_UNIX, NETBSD_AF_INET, NETBSD_AF_INET6),
};
const struct xeno_flagset netbsd_socket_domains = XENO_FLAGSET("sockdomain", domains, 1);

const struct bsd_families netbsd_families = {NETBSD_AF_UNIX, NETBSD_AF_INET, NETBSD_AF_INET6};

/* SOCK_NOSIGPIPE (no SIGPIPE from this socket) is the socket handlers'
 * to keep: it has no host bit. */
static const struct xeno_flag types[] = {
    BSD_SOCKET_TYPES_SHARED,
    XENO_FLAG_FOREIGN("SOCK_NOSIGPIPE", NETBSD_SOCK_NOSIGPIPE),
};
const struct xeno_flagset netbsd_socket_types = XENO_FLAGSET("socktype", types, 0);

/* MSG_NBIO is a non-blocking call; MSG_BCAST and MSG_MCAST are only ever
 * reported (link-level broadcast and multicast), never asked for. */
static const struct xeno_flag msg_flags[] = {
    BSD_MSG_FLAGS_SHARED,
    XENO_FLAG("MSG_NOSIGNAL", NETBSD_MSG_NOSIGNAL, MSG_NOSIGNAL),
    XENO_FLAG("MSG_CMSG_CLOEXEC", NETBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC),
    XENO_FLAG("MSG_NBIO", NETBSD_MSG_NBIO, MSG_DONTWAIT),
    XENO_FLAG("MSG_WAITFORONE", NETBSD_MSG_WAITFORONE, MSG_WAITFORONE),
};
const struct xeno_flagset netbsd_msg_flags = XENO_FLAGSET("msgflags", msg_flags, 0);

static const struct bsd_scm scm_types[] = {
    {NETBSD_SCM_RIGHTS, SCM_RIGHTS},
    {NETBSD_SCM_TIMESTAMP, SO_TIMESTAMP},
};
const struct bsd_cmsg_facts netbsd_cmsg_facts = BSD_CMSG_FACTS(scm_types, NETBSD_MSG_CTRUNC);
