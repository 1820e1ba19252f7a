/*
 * FreeBSD <-> Linux socket values: families, types and message flags
 * (abi/freebsd/socket.h), for the shared address and flag codecs
 * (abi/bsd/sockaddr.c).
 */
#include "abi/freebsd/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

/* BSD_SOCKET_DOMAINS numbers AF_UNSPEC 0 */
_Static_assert(FREEBSD_AF_UNSPEC == 0, "AF_UNSPEC");
static const struct xeno_flag domains[] = {
    BSD_SOCKET_DOMAINS(FREEBSD_AF_UNIX, FREEBSD_AF_INET, FREEBSD_AF_INET6),
};
const struct xeno_flagset freebsd_socket_domains = XENO_FLAGSET("sockdomain", domains, 1);

static const struct xeno_flag types[] = {BSD_SOCKET_TYPES_SHARED};
const struct xeno_flagset freebsd_socket_types = XENO_FLAGSET("socktype", types, 0);

/* MSG_NBIO ("FIONBIO mode") asks for a non-blocking call: Linux's
 * MSG_DONTWAIT, listed after MSG_DONTWAIT so the way back names that.
 * MSG_EOF has no Linux twin: the send handler shuts the stream down. */
static const struct xeno_flag msg_flags[] = {
    BSD_MSG_FLAGS_SHARED,
    XENO_FLAG_FOREIGN("MSG_EOF", FREEBSD_MSG_EOF),
    XENO_FLAG("MSG_NBIO", FREEBSD_MSG_NBIO, MSG_DONTWAIT),
    XENO_FLAG("MSG_NOSIGNAL", FREEBSD_MSG_NOSIGNAL, MSG_NOSIGNAL),
    XENO_FLAG("MSG_CMSG_CLOEXEC", FREEBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC),
    XENO_FLAG("MSG_WAITFORONE", FREEBSD_MSG_WAITFORONE, MSG_WAITFORONE),
};
const struct xeno_flagset freebsd_msg_flags = XENO_FLAGSET("msgflags", msg_flags, 0);

const struct bsd_families freebsd_families = {
    FREEBSD_AF_UNIX,
    FREEBSD_AF_INET,
    FREEBSD_AF_INET6,
};

int freebsd_domain_to_host(int af)
{
	return bsd_domain_to_host(&freebsd_socket_domains, af);
}

int freebsd_domain_from_host(int af)
{
	return bsd_domain_from_host(&freebsd_socket_domains, af);
}

int freebsd_socktype_to_host(int type, int *host)
{
	return bsd_socktype_to_host(&freebsd_socket_types, type, host);
}

int freebsd_accept_flags_to_host(int flags, int *host)
{
	return bsd_accept_flags_to_host(&freebsd_socket_types, flags, host);
}

int freebsd_sockaddr_to_host(const void *addr, size_t len, struct sockaddr_storage *host,
			     socklen_t *host_len)
{
	return bsd_sockaddr_to_host(&freebsd_families, addr, len, host, host_len);
}

size_t freebsd_sockaddr_from_host(const void *host, size_t host_len, void *out)
{
	return bsd_sockaddr_from_host(&freebsd_families, host, host_len, out);
}

uint32_t freebsd_sockaddr_reported_len(uint32_t room, size_t full)
{
	return bsd_sockaddr_reported_len(room, full);
}

int freebsd_msg_flags_to_host(int flags, int *host)
{
	return bsd_msg_flags_to_host(&freebsd_msg_flags, flags, host);
}

int freebsd_msg_flags_from_host(int host)
{
	return bsd_msg_flags_from_host(&freebsd_msg_flags, host);
}
