/* The facts of FreeBSD the shared BSD handlers need (abi/bsd/abi.h). */
#include <stddef.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "abi/freebsd/abi.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/socket.h"
#include "abi/freebsd/umtx.h"

/* The shared socket handlers read FreeBSD's structures in their BSD shapes. */
_Static_assert(sizeof(struct freebsd_msghdr) == sizeof(struct bsd_msghdr), "msghdr");
_Static_assert(offsetof(struct freebsd_msghdr, msg_iovlen) ==
		   offsetof(struct bsd_msghdr, msg_iovlen),
	       "msghdr");
_Static_assert(offsetof(struct freebsd_msghdr, msg_controllen) ==
		   offsetof(struct bsd_msghdr, msg_controllen),
	       "msghdr");
_Static_assert(offsetof(struct freebsd_msghdr, msg_flags) == offsetof(struct bsd_msghdr, msg_flags),
	       "msghdr");
_Static_assert(sizeof(struct freebsd_pollfd) == sizeof(struct bsd_pollfd), "pollfd");

static void sigset_to_host(const void *foreign, sigset_t *host)
{
	freebsd_sigset_to_host(foreign, host);
}

const struct bsd_abi freebsd_bsd_abi = {
    /* ---- files ---- */
    .at_fdcwd = -100, /* sys/sys/fcntl.h AT_FDCWD */

    /* ---- memory ---- */

    /* ---- processes, resources, time ---- */

    /* ---- signals ---- */
    .sigset_size = sizeof(struct freebsd_sigset),
    .sigset_to_host = sigset_to_host,

    /* ---- sockets (abi/freebsd/socket.h) ---- */
    .domain_to_host = freebsd_domain_to_host,
    .domain_from_host = freebsd_domain_from_host,
    .socktype_to_host = freebsd_socktype_to_host,
    .accept_flags_to_host = freebsd_accept_flags_to_host,
    .shutdown_how = &freebsd_shutdown_how,
    .sockaddr_to_host = freebsd_sockaddr_to_host,
    .sockaddr_from_host = freebsd_sockaddr_from_host,
    .sockaddr_reported_len = freebsd_sockaddr_reported_len,
    .sockaddr_max = FREEBSD_SOCK_MAXADDRLEN,
    /* sys/netinet6/in6_proto.c: net.inet6.ip6.v6only defaults to 1 */
    .inet6_v6only = true,
    .msg_flags_to_host = freebsd_msg_flags_to_host,
    .msg_flags_from_host = freebsd_msg_flags_from_host,
    .msg_nosignal = FREEBSD_MSG_NOSIGNAL,
    .msg_eof = FREEBSD_MSG_EOF,
    .msg_eor = FREEBSD_MSG_EOR,
    .cmsgs_to_host = freebsd_cmsgs_to_host,
    .cmsgs_from_host = freebsd_cmsgs_from_host,
    .cmsghdr_size = sizeof(struct freebsd_cmsghdr),
    .cmsg_max = FREEBSD_MCLBYTES,
    .uio_maxiov = FREEBSD_UIO_MAXIOV,
    .sockopt_find = freebsd_sockopt_find,
    .poll_events_to_host = freebsd_poll_events_to_host,
    .poll_revents_from_host = freebsd_poll_revents_from_host,
    .poll_inftim = FREEBSD_INFTIM,
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const freebsd_flagsets[] = {
    &freebsd_sigaction_flags, &freebsd_sigprocmask_how, &freebsd_umtx_ops,
    &freebsd_socket_domains,  &freebsd_socket_types,	&freebsd_msg_flags,
    &freebsd_shutdown_how,    &freebsd_poll_events,	NULL,
};
