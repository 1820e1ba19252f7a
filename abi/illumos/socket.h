/*
 * illumos sockets: families (usr/src/uts/common/sys/socket.h: AF_INET6 is
 * 26), types (sys/socket.h: SOCK_DGRAM 1 and SOCK_STREAM 2, the other way
 * round from Linux and the BSDs, and SOCK_CLOEXEC, SOCK_NONBLOCK,
 * SOCK_NDELAY above SOCK_TYPE_MASK), addresses without
 * sa_len (a 16-bit family: sys/socket_impl.h struct sockaddr,
 * netinet/in.h struct sockaddr_in6 of 32 bytes with __sin6_src_id,
 * sys/un.h sun_path[108]), message flags, the XPG4.2 struct msghdr the
 * __xnet_* calls take (msg_controllen a socklen_t, as the BSDs) and
 * control messages (a 12-byte struct cmsghdr, data and headers aligned to
 * 4 on x86: _CMSG_HDR_ALIGNMENT, _CMSG_DATA_ALIGNMENT).
 */
#ifndef XENO_ABI_ILLUMOS_SOCKET_H
#define XENO_ABI_ILLUMOS_SOCKET_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/sockopt.h"
#include "core/xlat.h"

struct sockaddr_storage;

#define ILLUMOS_AF_UNSPEC 0
#define ILLUMOS_AF_UNIX	  1
#define ILLUMOS_AF_INET	  2
#define ILLUMOS_AF_INET6  26

#define ILLUMOS_SOCK_DGRAM     1
#define ILLUMOS_SOCK_STREAM    2
#define ILLUMOS_SOCK_RAW       4
#define ILLUMOS_SOCK_RDM       5
#define ILLUMOS_SOCK_SEQPACKET 6
#define ILLUMOS_SOCK_TYPE_MASK 0xffff
#define ILLUMOS_SOCK_CLOEXEC   0x080000
#define ILLUMOS_SOCK_NONBLOCK  0x100000
#define ILLUMOS_SOCK_NDELAY    0x200000

#define ILLUMOS_SOL_SOCKET 0xffff
#define ILLUMOS_SCM_RIGHTS 0x1010

#define ILLUMOS_MSG_OOB		 0x1
#define ILLUMOS_MSG_PEEK	 0x2
#define ILLUMOS_MSG_DONTROUTE	 0x4
#define ILLUMOS_MSG_EOR		 0x8
#define ILLUMOS_MSG_CTRUNC	 0x10
#define ILLUMOS_MSG_TRUNC	 0x20
#define ILLUMOS_MSG_WAITALL	 0x40
#define ILLUMOS_MSG_DONTWAIT	 0x80
#define ILLUMOS_MSG_NOTIFICATION 0x100
#define ILLUMOS_MSG_NOSIGNAL	 0x200
#define ILLUMOS_MSG_XPG4_2	 0x8000 /* set by the __xnet_* entry points themselves */

#define ILLUMOS_SHUT_RD	  0
#define ILLUMOS_SHUT_WR	  1
#define ILLUMOS_SHUT_RDWR 2

/* struct sockaddr_storage: _SS_MAXSIZE 256 */
#define ILLUMOS_SOCK_MAXADDRLEN 256

struct illumos_sockaddr_in6 {
	uint16_t sin6_family;
	uint16_t sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t sin6_addr[16];
	uint32_t sin6_scope_id;
	uint32_t sin6_src_id; /* __sin6_src_id */
};
_Static_assert(sizeof(struct illumos_sockaddr_in6) == 32, "struct sockaddr_in6");

struct illumos_sockaddr_un {
	uint16_t sun_family;
	char sun_path[108];
};
_Static_assert(sizeof(struct illumos_sockaddr_un) == 110, "struct sockaddr_un");

struct illumos_cmsghdr {
	uint32_t cmsg_len;
	int32_t cmsg_level;
	int32_t cmsg_type;
};
#define ILLUMOS_CMSG_ALIGN(n) (((n) + 3) & ~(size_t)3)
#define ILLUMOS_CMSG_HDRLEN   ILLUMOS_CMSG_ALIGN(sizeof(struct illumos_cmsghdr))
#define ILLUMOS_CMSG_LEN(n)   (ILLUMOS_CMSG_HDRLEN + (n))
#define ILLUMOS_CMSG_SPACE(n) (ILLUMOS_CMSG_HDRLEN + ILLUMOS_CMSG_ALIGN(n))

extern const struct xeno_flagset illumos_socket_domains, illumos_socket_types, illumos_msg_flags,
    illumos_shutdown_how;

int illumos_sockaddr_to_host(const void *addr, size_t len, struct sockaddr_storage *host,
			     unsigned *host_len);
size_t illumos_sockaddr_from_host(const void *host, size_t host_len, void *out);
long illumos_cmsgs_to_host(const void *in, size_t len, void *out, size_t out_size);
size_t illumos_cmsgs_from_host(const void *in, size_t len, void *out, size_t out_size, int *flags);
extern const struct bsd_sockopt illumos_sockopts[];
extern const size_t illumos_nsockopts;

#endif
