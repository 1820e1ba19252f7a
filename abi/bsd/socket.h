/*
 * Sockets and poll as the 4.4BSD family has them on amd64: addresses that
 * start with sa_len (sys/sys/socket.h struct sockaddr, sys/netinet/in.h
 * struct sockaddr_in, sys/netinet6/in6.h struct sockaddr_in6, sys/sys/un.h
 * struct sockaddr_un: the same in FreeBSD and NetBSD, whose AF_INET6
 * numbers differ), struct msghdr (an int msg_iovlen and a socklen_t
 * msg_controllen, where Linux has size_t), control messages (a 12-byte
 * struct cmsghdr, data and messages 8-aligned: _ALIGN on amd64), struct
 * pollfd and the poll bits they share (sys/sys/poll.h), socket types and
 * the creation flags or'ed into them.  Each BSD supplies the numbers that
 * differ: its address families, message flags, control message types.
 */
#ifndef XENO_ABI_BSD_SOCKET_H
#define XENO_ABI_BSD_SOCKET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "core/xlat.h"

struct bsd_msghdr {
	uint64_t msg_name;
	uint32_t msg_namelen;
	uint32_t pad0_;
	uint64_t msg_iov; /* struct iovec: base and length, as on Linux */
	int32_t msg_iovlen;
	uint32_t pad1_;
	uint64_t msg_control;
	uint32_t msg_controllen;
	int32_t msg_flags;
};
_Static_assert(sizeof(struct bsd_msghdr) == 48, "struct msghdr layout");

struct bsd_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};
_Static_assert(sizeof(struct bsd_pollfd) == 8, "struct pollfd layout");

struct bsd_timespec {
	int64_t tv_sec, tv_nsec;
};
_Static_assert(sizeof(struct bsd_timespec) == 16, "struct timespec layout (amd64)");

#define BSD_SOL_SOCKET	    0xffff /* sys/sys/socket.h */
#define BSD_SOCK_MAXADDRLEN 255	   /* the longest address sockargs takes */
#define BSD_SCM_RIGHTS	    0x01   /* control message: descriptors */

struct bsd_sockaddr {
	uint8_t sa_len;
	uint8_t sa_family;
	char sa_data[14];
};
_Static_assert(sizeof(struct bsd_sockaddr) == 16, "struct sockaddr layout");

struct bsd_sockaddr_in {
	uint8_t sin_len;
	uint8_t sin_family;
	uint16_t sin_port; /* network order */
	uint32_t sin_addr; /* network order */
	uint8_t sin_zero[8];
};
_Static_assert(sizeof(struct bsd_sockaddr_in) == 16, "struct sockaddr_in layout");
_Static_assert(offsetof(struct bsd_sockaddr_in, sin_addr) == 4, "struct sockaddr_in layout");

struct bsd_sockaddr_in6 {
	uint8_t sin6_len;
	uint8_t sin6_family;
	uint16_t sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t sin6_addr[16];
	uint32_t sin6_scope_id;
};
_Static_assert(sizeof(struct bsd_sockaddr_in6) == 28, "struct sockaddr_in6 layout");
_Static_assert(offsetof(struct bsd_sockaddr_in6, sin6_addr) == 8, "sockaddr_in6 layout");
_Static_assert(offsetof(struct bsd_sockaddr_in6, sin6_scope_id) == 24, "sockaddr_in6 layout");

struct bsd_sockaddr_un {
	uint8_t sun_len;
	uint8_t sun_family;
	char sun_path[104];
};
_Static_assert(sizeof(struct bsd_sockaddr_un) == 106, "struct sockaddr_un layout");

/* A 12-byte header (Linux: 16, with a size_t cmsg_len); the data starts at
 * _ALIGN(12) = 16 and messages are 8-aligned, as on Linux. */
struct bsd_cmsghdr {
	uint32_t cmsg_len;
	int32_t cmsg_level;
	int32_t cmsg_type;
};
_Static_assert(sizeof(struct bsd_cmsghdr) == 12, "struct cmsghdr layout");
#define BSD_CMSG_ALIGN(n) (((n) + 7UL) & ~7UL)
#define BSD_CMSG_HDRSPACE BSD_CMSG_ALIGN(sizeof(struct bsd_cmsghdr))
#define BSD_CMSG_LEN(n)	  (BSD_CMSG_HDRSPACE + (n))
#define BSD_CMSG_SPACE(n) (BSD_CMSG_ALIGN(sizeof(struct bsd_cmsghdr)) + BSD_CMSG_ALIGN(n))

/* ---- addresses ---- */

/* The address families whose addresses xeno translates, as one BSD numbers
 * them (AF_UNSPEC is 0 everywhere). */
struct bsd_families {
	int unix_, inet, inet6;
};
/* The same families as the entries of an OS's "sockdomain" enum set, with
 * its numbers (its sys/sys/socket.h AF_UNIX, AF_INET, AF_INET6). */
#define BSD_SOCKET_DOMAINS(af_unix, af_inet, af_inet6)                                             \
	XENO_ENUM("AF_UNSPEC", 0, AF_UNSPEC), XENO_ENUM("AF_UNIX", af_unix, AF_UNIX),              \
	    XENO_ENUM("AF_INET", af_inet, AF_INET), XENO_ENUM("AF_INET6", af_inet6, AF_INET6)

/* A foreign socket address of len bytes, as given to bind, connect or
 * sendto, in host form: 0 or a negated host errno.  The rules are the
 * BSDs' (FreeBSD sys/kern/uipc_syscalls.c getsockaddr: the length, not
 * sa_len, counts; an AF_INET address is exactly 16 bytes, AF_INET6 28;
 * AF_UNIX: sun_len at most 106, a path of sun_len - 2 bytes). */
int bsd_sockaddr_to_host(const struct bsd_families *af, const void *addr, size_t len,
			 struct sockaddr_storage *host, socklen_t *host_len);
/* A host socket address of host_len bytes in foreign form, written to out
 * (room for BSD_SOCK_MAXADDRLEN bytes): its length (sa_len), 0 when there
 * is no address.  An unnamed AF_UNIX socket reads as a 16-byte sockaddr
 * (FreeBSD sun_noname). */
size_t bsd_sockaddr_from_host(const struct bsd_families *af, const void *host, size_t host_len,
			      void *out);
/* What getsockname, getpeername, accept and recvfrom report as the
 * address length: the BSDs copy and report at most the caller's room. */
uint32_t bsd_sockaddr_reported_len(uint32_t room, size_t full);

/* Address family via the OS's "sockdomain" set: the host's, or
 * -EAFNOSUPPORT; the foreign one of a host family, or -1. */
int bsd_domain_to_host(const struct xeno_flagset *domains, int af);
int bsd_domain_from_host(const struct xeno_flagset *domains, int af);

/* ---- socket types ---- */

#define BSD_SOCK_CLOEXEC  0x10000000
#define BSD_SOCK_NONBLOCK 0x20000000
#define BSD_SOCK_TYPEMASK 0x0fffffff
/* The type is a field under the creation flags (mask: the OS's
 * SOCK_TYPEMASK); the values are the same on every BSD and Linux (which
 * keeps its type in the low 4 bits). */
#define BSD_SOCK_TYPE(mask, name, v) XENO_FIELD(#name, mask, v, 0xf, v)
#define BSD_SOCKET_TYPE_VALUES(mask)                                                               \
	BSD_SOCK_TYPE(mask, SOCK_STREAM, 1), BSD_SOCK_TYPE(mask, SOCK_DGRAM, 2),                   \
	    BSD_SOCK_TYPE(mask, SOCK_RAW, 3), BSD_SOCK_TYPE(mask, SOCK_RDM, 4),                    \
	    BSD_SOCK_TYPE(mask, SOCK_SEQPACKET, 5)
/* The types with FreeBSD's and NetBSD's creation flags (OpenBSD's are its
 * own, under a narrower type mask). */
#define BSD_SOCKET_TYPES_SHARED                                                                    \
	BSD_SOCKET_TYPE_VALUES(BSD_SOCK_TYPEMASK),                                                 \
	    XENO_FLAG("SOCK_CLOEXEC", BSD_SOCK_CLOEXEC, SOCK_CLOEXEC),                             \
	    XENO_FLAG("SOCK_NONBLOCK", BSD_SOCK_NONBLOCK, SOCK_NONBLOCK)

/* socket()'s type word with its flags through the OS's "socktype" set: the
 * host's, -EPROTOTYPE for a type no protocol has, -EINVAL for unknown flag
 * bits (FreeBSD sys/kern/uipc_socket.c socreate). */
int bsd_socktype_to_host(const struct xeno_flagset *types, int type, int *host);
/* accept4()'s or paccept()'s flags: creation flags of the "socktype" set
 * only, or -EINVAL (FreeBSD kern_accept4, NetBSD do_sys_accept). */
int bsd_accept_flags_to_host(const struct xeno_flagset *types, int flags, int *host);

/* shutdown(2)'s how: SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2 everywhere ("shuthow") */
extern const struct xeno_flagset bsd_shutdown_how;

/* ---- message flags ---- */

/* A send's or receive's flags for the host (-EINVAL for unknown bits); a
 * received message's flags for the guest (only what the BSDs report:
 * MSG_OOB, MSG_EOR, MSG_TRUNC, MSG_CTRUNC). */
int bsd_msg_flags_to_host(const struct xeno_flagset *msg_flags, int flags, int *host);
int bsd_msg_flags_from_host(const struct xeno_flagset *msg_flags, int host);

/* ---- control messages ---- */

/* A SOL_SOCKET message type of one BSD and its host twin. */
struct bsd_scm {
	int foreign, host;
};
struct bsd_cmsg_facts {
	const struct bsd_scm *types;
	size_t ntypes;
	int msg_ctrunc; /* the OS's MSG_CTRUNC */
};
/* An OS's facts from its array of message types and its MSG_CTRUNC. */
#define BSD_CMSG_FACTS(scm_types, msg_ctrunc)                                                      \
	{                                                                                          \
		(scm_types), sizeof(scm_types) / sizeof(scm_types)[0], (msg_ctrunc)                \
	}
/* Control data of a sendmsg, foreign form (len bytes) to host form in out
 * (room for out_size bytes, at least len + 8): the host length or a
 * negated errno.  Walks the messages as FreeBSD's unp_internalize does;
 * only SCM_RIGHTS is sent. */
long bsd_cmsgs_to_host(const struct bsd_cmsg_facts *f, const void *in, size_t len, void *out,
		       size_t out_size);
/* Received host control data to foreign form in out (room for out_size
 * bytes): the foreign length.  Messages the OS has no form for, or that do
 * not fit, set its MSG_CTRUNC in *flags. */
size_t bsd_cmsgs_from_host(const struct bsd_cmsg_facts *f, const void *in, size_t len, void *out,
			   size_t out_size, int *flags);

/* ---- poll ---- */

/* sys/sys/poll.h: POLLWRNORM is POLLOUT */
#define BSD_POLLIN     0x0001
#define BSD_POLLPRI    0x0002
#define BSD_POLLOUT    0x0004
#define BSD_POLLERR    0x0008
#define BSD_POLLHUP    0x0010
#define BSD_POLLNVAL   0x0020
#define BSD_POLLRDNORM 0x0040
#define BSD_POLLRDBAND 0x0080
#define BSD_POLLWRBAND 0x0100
#define BSD_INFTIM     (-1)
/* The message flags every BSD numbers alike (sys/sys/socket.h: MSG_OOB
 * 0x1 to MSG_DONTWAIT 0x80); each OS's table adds its own. */
#define BSD_MSG_FLAGS_SHARED                                                                       \
	XENO_FLAG("MSG_OOB", 0x0001, MSG_OOB), XENO_FLAG("MSG_PEEK", 0x0002, MSG_PEEK),            \
	    XENO_FLAG("MSG_DONTROUTE", 0x0004, MSG_DONTROUTE),                                     \
	    XENO_FLAG("MSG_EOR", 0x0008, MSG_EOR), XENO_FLAG("MSG_TRUNC", 0x0010, MSG_TRUNC),      \
	    XENO_FLAG("MSG_CTRUNC", 0x0020, MSG_CTRUNC),                                           \
	    XENO_FLAG("MSG_WAITALL", 0x0040, MSG_WAITALL),                                         \
	    XENO_FLAG("MSG_DONTWAIT", 0x0080, MSG_DONTWAIT)
#define BSD_POLL_EVENTS_SHARED                                                                     \
	XENO_FLAG("POLLIN", BSD_POLLIN, POLLIN), XENO_FLAG("POLLPRI", BSD_POLLPRI, POLLPRI),       \
	    XENO_FLAG("POLLOUT", BSD_POLLOUT, POLLOUT),                                            \
	    XENO_FLAG("POLLERR", BSD_POLLERR, POLLERR),                                            \
	    XENO_FLAG("POLLHUP", BSD_POLLHUP, POLLHUP),                                            \
	    XENO_FLAG("POLLNVAL", BSD_POLLNVAL, POLLNVAL),                                         \
	    XENO_FLAG("POLLRDNORM", BSD_POLLRDNORM, POLLRDNORM),                                   \
	    XENO_FLAG("POLLRDBAND", BSD_POLLRDBAND, POLLRDBAND),                                   \
	    XENO_FLAG("POLLWRBAND", BSD_POLLWRBAND, POLLWRBAND)

/* "pollevents": the shared bits alone, NetBSD's and OpenBSD's whole set */
extern const struct xeno_flagset bsd_poll_events;

/* poll through the OS's "pollevents" set: requested events for the host
 * (-EINVAL for unknown bits), and the host's returned events as foreign
 * bits for what was requested; ignore_eof is the OS's "POLLIN except at
 * the end" bit (FreeBSD POLLINIGNEOF), or 0. */
int bsd_poll_events_to_host(const struct xeno_flagset *events, int ev, short *host);
int bsd_poll_revents_from_host(const struct xeno_flagset *events, int ignore_eof, int host,
			       int requested);

#endif
