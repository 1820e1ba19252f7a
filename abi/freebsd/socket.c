/*
 * FreeBSD <-> Linux socket values: families, types, addresses and message
 * flags (abi/freebsd/socket.h).  The address rules are FreeBSD's:
 * sys/kern/uipc_syscalls.c getsockaddr (the length, not sa_len, counts),
 * the protocols' bind/connect checks (sys/netinet/tcp_usrreq.c,
 * udp_usrreq.c: an AF_INET address is exactly 16 bytes; netinet6 alike,
 * 28), sys/kern/uipc_usrreq.c uipc_bindat (sun_len at most 106, a path of
 * sun_len - 2 bytes) and sun_noname (an unnamed socket reads as a 16-byte
 * AF_UNIX sockaddr).
 */
#include "abi/freebsd/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

static const struct xeno_flag domains[] = {
    XENO_ENUM("AF_UNSPEC", FREEBSD_AF_UNSPEC, AF_UNSPEC),
    XENO_ENUM("AF_UNIX", FREEBSD_AF_UNIX, AF_UNIX),
    XENO_ENUM("AF_INET", FREEBSD_AF_INET, AF_INET),
    XENO_ENUM("AF_INET6", FREEBSD_AF_INET6, AF_INET6),
};
const struct xeno_flagset freebsd_socket_domains = XENO_FLAGSET("sockdomain", domains, 1);

/* The type is a field under the two creation flags; the values are the
 * same on both systems (Linux keeps its type in the low 4 bits). */
#define TYPE_MASK     0x0fffffff
#define TYPE(name, v) XENO_FIELD(#name, TYPE_MASK, v, 0xf, v)
static const struct xeno_flag types[] = {
    TYPE(SOCK_STREAM, FREEBSD_SOCK_STREAM),
    TYPE(SOCK_DGRAM, FREEBSD_SOCK_DGRAM),
    TYPE(SOCK_RAW, FREEBSD_SOCK_RAW),
    TYPE(SOCK_RDM, FREEBSD_SOCK_RDM),
    TYPE(SOCK_SEQPACKET, FREEBSD_SOCK_SEQPACKET),
    XENO_FLAG("SOCK_CLOEXEC", FREEBSD_SOCK_CLOEXEC, SOCK_CLOEXEC),
    XENO_FLAG("SOCK_NONBLOCK", FREEBSD_SOCK_NONBLOCK, SOCK_NONBLOCK),
};
const struct xeno_flagset freebsd_socket_types = XENO_FLAGSET("socktype", types, 0);

/* MSG_NBIO ("FIONBIO mode") asks for a non-blocking call: Linux's
 * MSG_DONTWAIT, listed after MSG_DONTWAIT so the way back names that.
 * MSG_EOF has no Linux twin: the send handler shuts the stream down. */
static const struct xeno_flag msg_flags[] = {
    XENO_FLAG("MSG_OOB", FREEBSD_MSG_OOB, MSG_OOB),
    XENO_FLAG("MSG_PEEK", FREEBSD_MSG_PEEK, MSG_PEEK),
    XENO_FLAG("MSG_DONTROUTE", FREEBSD_MSG_DONTROUTE, MSG_DONTROUTE),
    XENO_FLAG("MSG_EOR", FREEBSD_MSG_EOR, MSG_EOR),
    XENO_FLAG("MSG_TRUNC", FREEBSD_MSG_TRUNC, MSG_TRUNC),
    XENO_FLAG("MSG_CTRUNC", FREEBSD_MSG_CTRUNC, MSG_CTRUNC),
    XENO_FLAG("MSG_WAITALL", FREEBSD_MSG_WAITALL, MSG_WAITALL),
    XENO_FLAG("MSG_DONTWAIT", FREEBSD_MSG_DONTWAIT, MSG_DONTWAIT),
    XENO_FLAG_FOREIGN("MSG_EOF", FREEBSD_MSG_EOF),
    XENO_FLAG("MSG_NBIO", FREEBSD_MSG_NBIO, MSG_DONTWAIT),
    XENO_FLAG("MSG_NOSIGNAL", FREEBSD_MSG_NOSIGNAL, MSG_NOSIGNAL),
    XENO_FLAG("MSG_CMSG_CLOEXEC", FREEBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC),
    XENO_FLAG("MSG_WAITFORONE", FREEBSD_MSG_WAITFORONE, MSG_WAITFORONE),
};
const struct xeno_flagset freebsd_msg_flags = XENO_FLAGSET("msgflags", msg_flags, 0);

static const struct xeno_flag shut_how[] = {
    XENO_ENUM("SHUT_RD", FREEBSD_SHUT_RD, SHUT_RD),
    XENO_ENUM("SHUT_WR", FREEBSD_SHUT_WR, SHUT_WR),
    XENO_ENUM("SHUT_RDWR", FREEBSD_SHUT_RDWR, SHUT_RDWR),
};
const struct xeno_flagset freebsd_shutdown_how = XENO_FLAGSET("shuthow", shut_how, 1);

int freebsd_domain_to_host(int af)
{
	uint64_t host;
	if (af == FREEBSD_AF_UNSPEC ||
	    xeno_flags_to_host(&freebsd_socket_domains, (uint32_t)af, &host) < 0)
		return -EAFNOSUPPORT;
	return (int)host;
}

int freebsd_domain_from_host(int af)
{
	uint64_t f;
	if (xeno_flags_from_host(&freebsd_socket_domains, (uint32_t)af, &f) < 0)
		return -1;
	return (int)f;
}

int freebsd_socktype_to_host(int type, int *host)
{
	uint64_t h;
	if (xeno_flags_to_host(&freebsd_socket_types, (uint32_t)type, &h) == 0) {
		*host = (int)h;
		return 0;
	}
	/* sys/kern/uipc_socket.c socreate: a type no protocol has */
	uint32_t rest = (uint32_t)type & ~(FREEBSD_SOCK_CLOEXEC | FREEBSD_SOCK_NONBLOCK);
	return rest & ~TYPE_MASK ? -EINVAL : -EPROTOTYPE;
}

/* sys/kern/uipc_syscalls.c kern_accept4: other bits are EINVAL. */
int freebsd_accept_flags_to_host(int flags, int *host)
{
	if (flags & ~(FREEBSD_SOCK_CLOEXEC | FREEBSD_SOCK_NONBLOCK))
		return -EINVAL;
	*host = (flags & FREEBSD_SOCK_CLOEXEC ? SOCK_CLOEXEC : 0) |
		(flags & FREEBSD_SOCK_NONBLOCK ? SOCK_NONBLOCK : 0);
	return 0;
}

/* ---- addresses ---- */

static int unix_to_host(const uint8_t *a, size_t len, struct sockaddr_un *sun, socklen_t *host_len)
{
	if (len > sizeof(struct freebsd_sockaddr_un))
		return -EINVAL;
	size_t room = len - offsetof(struct freebsd_sockaddr_un, sun_path);
	if (len <= offsetof(struct freebsd_sockaddr_un, sun_path))
		return -EINVAL;
	const char *path = (const char *)a + offsetof(struct freebsd_sockaddr_un, sun_path);
	size_t n = strnlen(path, room);
	/* FreeBSD looks the path up as a string: an empty one is ENOENT (on
	 * Linux a leading NUL would name the abstract namespace). */
	if (n == 0)
		return -ENOENT;
	memset(sun, 0, sizeof *sun);
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, n);
	*host_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	return 0;
}

int freebsd_sockaddr_to_host(const void *addr, size_t len, struct sockaddr_storage *host,
			     socklen_t *host_len)
{
	const uint8_t *a = addr;
	if (len > FREEBSD_SOCK_MAXADDRLEN)
		return -ENAMETOOLONG;
	if (len < offsetof(struct freebsd_sockaddr, sa_data))
		return -EINVAL;
	memset(host, 0, sizeof *host);
	switch (a[1]) { /* sa_family; sa_len is the length given */
	case FREEBSD_AF_INET:
		if (len != sizeof(struct freebsd_sockaddr_in))
			return -EINVAL;
		host->ss_family = AF_INET;
		memcpy((char *)host + 2, a + 2, len - 2);
		*host_len = sizeof(struct sockaddr_in);
		return 0;
	case FREEBSD_AF_INET6:
		if (len != sizeof(struct freebsd_sockaddr_in6))
			return -EINVAL;
		host->ss_family = AF_INET6;
		memcpy((char *)host + 2, a + 2, len - 2);
		*host_len = sizeof(struct sockaddr_in6);
		return 0;
	case FREEBSD_AF_UNIX:
		return unix_to_host(a, len, (struct sockaddr_un *)host, host_len);
	case FREEBSD_AF_UNSPEC:
		/* The family of an address that undoes: connect() dissolves a
		 * datagram association, bind() takes it as INADDR_ANY. */
		host->ss_family = AF_UNSPEC;
		memcpy((char *)host + 2, a + 2, len - 2);
		*host_len = (socklen_t)len;
		return 0;
	}
	return -EAFNOSUPPORT;
}

size_t freebsd_sockaddr_from_host(const void *host, size_t host_len, void *out)
{
	const struct sockaddr *sa = host;
	uint8_t *o = out;
	if (host_len < sizeof sa->sa_family)
		return 0;
	memset(o, 0, FREEBSD_SOCK_MAXADDRLEN);
	size_t len;
	switch (sa->sa_family) {
	case AF_INET:
		len = sizeof(struct freebsd_sockaddr_in);
		o[1] = FREEBSD_AF_INET;
		break;
	case AF_INET6:
		len = sizeof(struct freebsd_sockaddr_in6);
		o[1] = FREEBSD_AF_INET6;
		break;
	case AF_UNIX: {
		const struct sockaddr_un *sun = host;
		size_t room = host_len - offsetof(struct sockaddr_un, sun_path);
		size_t n = host_len > offsetof(struct sockaddr_un, sun_path)
			       ? strnlen(sun->sun_path,
					 room < sizeof sun->sun_path ? room : sizeof sun->sun_path)
			       : 0;
		o[1] = FREEBSD_AF_UNIX;
		if (n == 0) { /* unnamed (or abstract): sun_noname */
			o[0] = sizeof(struct freebsd_sockaddr);
			return sizeof(struct freebsd_sockaddr);
		}
		size_t max = sizeof(((struct freebsd_sockaddr_un *)0)->sun_path) - 1;
		if (n > max)
			n = max;
		memcpy(o + offsetof(struct freebsd_sockaddr_un, sun_path), sun->sun_path, n);
		o[0] = (uint8_t)(offsetof(struct freebsd_sockaddr_un, sun_path) + n + 1);
		return o[0];
	}
	default: /* no FreeBSD form: the bytes under an unspecified family */
		len = host_len < FREEBSD_SOCK_MAXADDRLEN ? host_len : FREEBSD_SOCK_MAXADDRLEN;
		o[0] = (uint8_t)len;
		o[1] = FREEBSD_AF_UNSPEC;
		memcpy(o + 2, (const char *)host + 2, len - 2);
		return len;
	}
	size_t copy = host_len < len ? host_len : len;
	memcpy(o + 2, (const char *)host + 2, copy - 2);
	o[0] = (uint8_t)len;
	return len;
}

/* sys/kern/uipc_syscalls.c kern_getsockname and accept1: MIN(room, sa_len). */
uint32_t freebsd_sockaddr_reported_len(uint32_t room, size_t full)
{
	return full < room ? (uint32_t)full : room;
}

/* ---- message flags ---- */

int freebsd_msg_flags_to_host(int flags, int *host)
{
	uint64_t h;
	if (xeno_flags_to_host(&freebsd_msg_flags, (uint32_t)flags, &h) < 0)
		return -EINVAL;
	*host = (int)h;
	return 0;
}

int freebsd_msg_flags_from_host(int host)
{
	static const int reported = MSG_OOB | MSG_EOR | MSG_TRUNC | MSG_CTRUNC;
	uint64_t f = 0;
	xeno_flags_from_host(&freebsd_msg_flags, (uint32_t)(host & reported), &f);
	return (int)f;
}
