/*
 * illumos <-> Linux socket values: families, types, addresses, message
 * flags, control messages and options (abi/illumos/socket.h).  Addresses
 * carry no length byte: the family is a 16-bit word, as on Linux, so an
 * AF_INET or AF_UNIX address is the same bytes on both; AF_INET6 is 32
 * bytes on illumos (its __sin6_src_id), 28 on Linux.
 */
#include "abi/illumos/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

static const struct xeno_flag domains[] = {
    XENO_ENUM("AF_UNSPEC", ILLUMOS_AF_UNSPEC, AF_UNSPEC),
    XENO_ENUM("AF_UNIX", ILLUMOS_AF_UNIX, AF_UNIX),
    XENO_ENUM("AF_INET", ILLUMOS_AF_INET, AF_INET),
    XENO_ENUM("AF_INET6", ILLUMOS_AF_INET6, AF_INET6),
};
const struct xeno_flagset illumos_socket_domains = XENO_FLAGSET("sockdomain", domains, 1);

/* The type is the field under SOCK_TYPE_MASK; SOCK_NDELAY is the old
 * spelling of SOCK_NONBLOCK. */
#define TYPE(name, v, h) XENO_FIELD(#name, ILLUMOS_SOCK_TYPE_MASK, v, 0xf, h)
static const struct xeno_flag types[] = {
    TYPE(SOCK_DGRAM, ILLUMOS_SOCK_DGRAM, SOCK_DGRAM),
    TYPE(SOCK_STREAM, ILLUMOS_SOCK_STREAM, SOCK_STREAM),
    TYPE(SOCK_RAW, ILLUMOS_SOCK_RAW, SOCK_RAW),
    TYPE(SOCK_RDM, ILLUMOS_SOCK_RDM, SOCK_RDM),
    TYPE(SOCK_SEQPACKET, ILLUMOS_SOCK_SEQPACKET, SOCK_SEQPACKET),
    XENO_FLAG("SOCK_CLOEXEC", ILLUMOS_SOCK_CLOEXEC, SOCK_CLOEXEC),
    XENO_FLAG("SOCK_NONBLOCK", ILLUMOS_SOCK_NONBLOCK, SOCK_NONBLOCK),
    XENO_FLAG("SOCK_NDELAY", ILLUMOS_SOCK_NDELAY, SOCK_NONBLOCK),
};
const struct xeno_flagset illumos_socket_types = XENO_FLAGSET("socktype", types, 0);

/* MSG_XPG4_2 is libsocket's own mark of an __xnet_* call: nothing to do. */
static const struct xeno_flag msg_flags[] = {
    XENO_FLAG("MSG_OOB", ILLUMOS_MSG_OOB, MSG_OOB),
    XENO_FLAG("MSG_PEEK", ILLUMOS_MSG_PEEK, MSG_PEEK),
    XENO_FLAG("MSG_DONTROUTE", ILLUMOS_MSG_DONTROUTE, MSG_DONTROUTE),
    XENO_FLAG("MSG_EOR", ILLUMOS_MSG_EOR, MSG_EOR),
    XENO_FLAG("MSG_CTRUNC", ILLUMOS_MSG_CTRUNC, MSG_CTRUNC),
    XENO_FLAG("MSG_TRUNC", ILLUMOS_MSG_TRUNC, MSG_TRUNC),
    XENO_FLAG("MSG_WAITALL", ILLUMOS_MSG_WAITALL, MSG_WAITALL),
    XENO_FLAG("MSG_DONTWAIT", ILLUMOS_MSG_DONTWAIT, MSG_DONTWAIT),
    XENO_FLAG("MSG_NOSIGNAL", ILLUMOS_MSG_NOSIGNAL, MSG_NOSIGNAL),
    XENO_FLAG_FOREIGN("MSG_XPG4_2", ILLUMOS_MSG_XPG4_2),
};
const struct xeno_flagset illumos_msg_flags = XENO_FLAGSET("msgflags", msg_flags, 0);

static const struct xeno_flag shut_how[] = {
    XENO_ENUM("SHUT_RD", ILLUMOS_SHUT_RD, SHUT_RD),
    XENO_ENUM("SHUT_WR", ILLUMOS_SHUT_WR, SHUT_WR),
    XENO_ENUM("SHUT_RDWR", ILLUMOS_SHUT_RDWR, SHUT_RDWR),
};
const struct xeno_flagset illumos_shutdown_how = XENO_FLAGSET("shuthow", shut_how, 1);

/* ---- addresses ---- */

int illumos_sockaddr_to_host(const void *addr, size_t len, struct sockaddr_storage *host,
			     unsigned *host_len)
{
	uint16_t family;
	if (len > ILLUMOS_SOCK_MAXADDRLEN)
		return -EINVAL;
	if (len < sizeof family)
		return -EINVAL;
	memcpy(&family, addr, sizeof family);
	memset(host, 0, sizeof *host);
	switch (family) {
	case ILLUMOS_AF_INET:
		if (len < sizeof(struct sockaddr_in))
			return -EINVAL;
		memcpy(host, addr, sizeof(struct sockaddr_in));
		host->ss_family = AF_INET;
		*host_len = sizeof(struct sockaddr_in);
		return 0;
	case ILLUMOS_AF_INET6:
		if (len < sizeof(struct illumos_sockaddr_in6))
			return -EINVAL;
		memcpy(host, addr, sizeof(struct sockaddr_in6));
		host->ss_family = AF_INET6;
		*host_len = sizeof(struct sockaddr_in6);
		return 0;
	case ILLUMOS_AF_UNIX: {
		const char *path =
		    (const char *)addr + offsetof(struct illumos_sockaddr_un, sun_path);
		size_t room = len - offsetof(struct illumos_sockaddr_un, sun_path);
		if (room > sizeof(((struct illumos_sockaddr_un *)0)->sun_path))
			room = sizeof(((struct illumos_sockaddr_un *)0)->sun_path);
		size_t n = strnlen(path, room);
		struct sockaddr_un *sun = (struct sockaddr_un *)host;
		sun->sun_family = AF_UNIX;
		memcpy(sun->sun_path, path, n);
		*host_len = (unsigned)(offsetof(struct sockaddr_un, sun_path) + n + (n ? 1 : 0));
		return 0;
	}
	case ILLUMOS_AF_UNSPEC:
		host->ss_family = AF_UNSPEC;
		memcpy((char *)host + 2, (const char *)addr + 2, len - 2);
		*host_len = (unsigned)len;
		return 0;
	}
	return -EAFNOSUPPORT;
}

size_t illumos_sockaddr_from_host(const void *host, size_t host_len, void *out)
{
	const struct sockaddr *sa = host;
	if (host_len < sizeof sa->sa_family)
		return 0;
	memset(out, 0, ILLUMOS_SOCK_MAXADDRLEN);
	uint16_t family;
	size_t len;
	switch (sa->sa_family) {
	case AF_INET:
		family = ILLUMOS_AF_INET;
		len = sizeof(struct sockaddr_in);
		break;
	case AF_INET6:
		family = ILLUMOS_AF_INET6;
		len = sizeof(struct illumos_sockaddr_in6);
		break;
	case AF_UNIX:
		family = ILLUMOS_AF_UNIX;
		len = host_len < sizeof(struct illumos_sockaddr_un)
			  ? host_len
			  : sizeof(struct illumos_sockaddr_un);
		break;
	default:
		family = ILLUMOS_AF_UNSPEC;
		len = host_len < ILLUMOS_SOCK_MAXADDRLEN ? host_len : ILLUMOS_SOCK_MAXADDRLEN;
	}
	size_t copy = host_len < len ? host_len : len;
	if (copy > sizeof(struct sockaddr_storage))
		copy = sizeof(struct sockaddr_storage);
	memcpy(out, host, copy);
	memcpy(out, &family, sizeof family);
	return len;
}

/* ---- control messages: SCM_RIGHTS only ---- */

long illumos_cmsgs_to_host(const void *in, size_t len, void *out, size_t out_size)
{
	const char *p = in;
	size_t left = len, used = 0;
	while (left >= sizeof(struct illumos_cmsghdr)) {
		struct illumos_cmsghdr h;
		memcpy(&h, p, sizeof h);
		if (h.cmsg_len < ILLUMOS_CMSG_HDRLEN || h.cmsg_len > left)
			return -EINVAL;
		if (h.cmsg_level != ILLUMOS_SOL_SOCKET || h.cmsg_type != ILLUMOS_SCM_RIGHTS)
			return -EINVAL;
		size_t data = h.cmsg_len - ILLUMOS_CMSG_HDRLEN;
		if (used + CMSG_SPACE(data) > out_size)
			return -EINVAL;
		struct cmsghdr hc = {
		    .cmsg_len = CMSG_LEN(data), .cmsg_level = SOL_SOCKET, .cmsg_type = SCM_RIGHTS};
		memset((char *)out + used, 0, CMSG_SPACE(data));
		memcpy((char *)out + used, &hc, sizeof hc);
		memcpy((char *)out + used + CMSG_LEN(0), p + ILLUMOS_CMSG_HDRLEN, data);
		used += CMSG_SPACE(data);
		size_t step = ILLUMOS_CMSG_SPACE(data);
		if (step >= left)
			break;
		left -= step;
		p += step;
	}
	return (long)used;
}

size_t illumos_cmsgs_from_host(const void *in, size_t len, void *out, size_t out_size, int *flags)
{
	const char *p = in;
	size_t off = 0, used = 0;
	while (off + sizeof(struct cmsghdr) <= len) {
		struct cmsghdr hc;
		memcpy(&hc, p + off, sizeof hc);
		if (hc.cmsg_len < sizeof hc || hc.cmsg_len > len - off)
			break;
		size_t data = hc.cmsg_len - CMSG_LEN(0);
		if (hc.cmsg_level != SOL_SOCKET || hc.cmsg_type != SCM_RIGHTS ||
		    used + ILLUMOS_CMSG_LEN(data) > out_size) {
			*flags |= ILLUMOS_MSG_CTRUNC;
		} else {
			struct illumos_cmsghdr h = {(uint32_t)ILLUMOS_CMSG_LEN(data),
						    ILLUMOS_SOL_SOCKET, ILLUMOS_SCM_RIGHTS};
			size_t space = ILLUMOS_CMSG_SPACE(data);
			if (space > out_size - used)
				space = out_size - used;
			memset((char *)out + used, 0, space);
			memcpy((char *)out + used, &h, sizeof h);
			memcpy((char *)out + used + ILLUMOS_CMSG_HDRLEN, p + off + CMSG_LEN(0),
			       data);
			used += space;
		}
		off += CMSG_ALIGN(hc.cmsg_len);
	}
	return used;
}

/* ---- options (sys/socket.h SO_*, netinet/in.h IP_* and IPV6_*,
 * netinet/tcp.h TCP_*; values as x/sys/unix zerrors_solaris_amd64.go has
 * them from those headers).  A so_options switch reads back as 1 on
 * illumos (sockfs sotpi_getsockopt returns the boolean). ---- */

#define SOL ILLUMOS_SOL_SOCKET
#define IP  0
#define IP6 41
#define TCP 6
#define OPT(lvl, name, val, hlvl, hname, kind)                                                     \
	{                                                                                          \
		lvl, val, hlvl, hname, kind, 0, #name                                              \
	}
#define SWITCH(lvl, name, val, hlvl, hname)                                                        \
	{                                                                                          \
		lvl, val, hlvl, hname, BSD_OPT_FLAG, 1, #name                                      \
	}

const struct bsd_sockopt illumos_sockopts[] = {
    SWITCH(SOL, SO_DEBUG, 0x0001, SOL_SOCKET, SO_DEBUG),
    SWITCH(SOL, SO_ACCEPTCONN, 0x0002, SOL_SOCKET, SO_ACCEPTCONN),
    SWITCH(SOL, SO_REUSEADDR, 0x0004, SOL_SOCKET, SO_REUSEADDR),
    SWITCH(SOL, SO_KEEPALIVE, 0x0008, SOL_SOCKET, SO_KEEPALIVE),
    SWITCH(SOL, SO_DONTROUTE, 0x0010, SOL_SOCKET, SO_DONTROUTE),
    SWITCH(SOL, SO_BROADCAST, 0x0020, SOL_SOCKET, SO_BROADCAST),
    {SOL, 0x0080, SOL_SOCKET, SO_LINGER, BSD_OPT_LINGER, 1, "SO_LINGER"},
    SWITCH(SOL, SO_OOBINLINE, 0x0100, SOL_SOCKET, SO_OOBINLINE),
    OPT(SOL, SO_SNDBUF, 0x1001, SOL_SOCKET, SO_SNDBUF, BSD_OPT_INT),
    OPT(SOL, SO_RCVBUF, 0x1002, SOL_SOCKET, SO_RCVBUF, BSD_OPT_INT),
    OPT(SOL, SO_SNDLOWAT, 0x1003, SOL_SOCKET, SO_SNDLOWAT, BSD_OPT_SOFT),
    OPT(SOL, SO_RCVLOWAT, 0x1004, SOL_SOCKET, SO_RCVLOWAT, BSD_OPT_INT),
    OPT(SOL, SO_SNDTIMEO, 0x1005, SOL_SOCKET, SO_SNDTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_RCVTIMEO, 0x1006, SOL_SOCKET, SO_RCVTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_ERROR, 0x1007, SOL_SOCKET, SO_ERROR, BSD_OPT_ERROR),
    OPT(SOL, SO_TYPE, 0x1008, SOL_SOCKET, SO_TYPE, BSD_OPT_READONLY),
    OPT(SOL, SO_PROTOTYPE, 0x1009, SOL_SOCKET, SO_PROTOCOL, BSD_OPT_READONLY),
    OPT(SOL, SO_DOMAIN, 0x100c, SOL_SOCKET, SO_DOMAIN, BSD_OPT_DOMAIN),
    SWITCH(SOL, SO_TIMESTAMP, 0x1013, SOL_SOCKET, SO_TIMESTAMP),

    OPT(IP, IP_TOS, 0x3, IPPROTO_IP, IP_TOS, BSD_OPT_INT),
    OPT(IP, IP_TTL, 0x4, IPPROTO_IP, IP_TTL, BSD_OPT_INT),
    OPT(IP, IP_MULTICAST_IF, 0x10, IPPROTO_IP, IP_MULTICAST_IF, BSD_OPT_BYTES),
    OPT(IP, IP_MULTICAST_TTL, 0x11, IPPROTO_IP, IP_MULTICAST_TTL, BSD_OPT_BYTES),
    OPT(IP, IP_MULTICAST_LOOP, 0x12, IPPROTO_IP, IP_MULTICAST_LOOP, BSD_OPT_BYTES),
    OPT(IP, IP_ADD_MEMBERSHIP, 0x13, IPPROTO_IP, IP_ADD_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP, IP_DROP_MEMBERSHIP, 0x14, IPPROTO_IP, IP_DROP_MEMBERSHIP, BSD_OPT_BYTES),

    OPT(IP6, IPV6_UNICAST_HOPS, 0x5, IPPROTO_IPV6, IPV6_UNICAST_HOPS, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_IF, 0x6, IPPROTO_IPV6, IPV6_MULTICAST_IF, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_HOPS, 0x7, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_LOOP, 0x8, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, BSD_OPT_INT),
    OPT(IP6, IPV6_JOIN_GROUP, 0x9, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP6, IPV6_LEAVE_GROUP, 0xa, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP6, IPV6_TCLASS, 0x26, IPPROTO_IPV6, IPV6_TCLASS, BSD_OPT_INT),
    OPT(IP6, IPV6_V6ONLY, 0x27, IPPROTO_IPV6, IPV6_V6ONLY, BSD_OPT_INT),

    SWITCH(TCP, TCP_NODELAY, 0x1, IPPROTO_TCP, TCP_NODELAY),
    OPT(TCP, TCP_MAXSEG, 0x2, IPPROTO_TCP, TCP_MAXSEG, BSD_OPT_INT),
    /* the millisecond keep-alive times have no Linux twin: accepted */
    OPT(TCP, TCP_KEEPALIVE_THRESHOLD, 0x16, IPPROTO_TCP, TCP_KEEPIDLE, BSD_OPT_SOFT),
    OPT(TCP, TCP_KEEPALIVE_ABORT_THRESHOLD, 0x17, IPPROTO_TCP, TCP_KEEPCNT, BSD_OPT_SOFT),
    SWITCH(TCP, TCP_CORK, 0x18, IPPROTO_TCP, TCP_CORK),
    OPT(TCP, TCP_KEEPIDLE, 0x22, IPPROTO_TCP, TCP_KEEPIDLE, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPCNT, 0x23, IPPROTO_TCP, TCP_KEEPCNT, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPINTVL, 0x24, IPPROTO_TCP, TCP_KEEPINTVL, BSD_OPT_INT),
    OPT(TCP, TCP_CONGESTION, 0x25, IPPROTO_TCP, TCP_CONGESTION, BSD_OPT_BYTES),
};

const size_t illumos_nsockopts = sizeof illumos_sockopts / sizeof illumos_sockopts[0];
