/*
 * Windows Sockets: constants and layouts of ws2_32.dll and mswsock.dll, and
 * their translation to and from the host's.  Values: Wine's include/ws2def.h,
 * include/winsock2.h, include/ws2ipdef.h, include/mswsock.h, include/mstcpip.h
 * (wine-mirror/wine), which follow the SDK's.  The address layouts are the
 * host's (sockaddr_in, sockaddr_in6: family, port, address...); only the
 * family numbers differ (AF_INET6 is 23).
 */
#ifndef XENO_ABI_WINDOWS_SOCKET_H
#define XENO_ABI_WINDOWS_SOCKET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* address families (ws2def.h) */
#define WIN_AF_UNSPEC 0
#define WIN_AF_UNIX   1
#define WIN_AF_INET   2
#define WIN_AF_INET6  23

/* option levels and names (winsock2.h, ws2def.h, ws2ipdef.h, mstcpip.h) */
#define WIN_SOL_SOCKET		      0xffff
#define WIN_IPPROTO_IP		      0
#define WIN_IPPROTO_TCP		      6
#define WIN_IPPROTO_UDP		      17
#define WIN_IPPROTO_IPV6	      41
#define WIN_SO_REUSEADDR	      0x0004
#define WIN_SO_KEEPALIVE	      0x0008
#define WIN_SO_BROADCAST	      0x0020
#define WIN_SO_LINGER		      0x0080
#define WIN_SO_OOBINLINE	      0x0100
#define WIN_SO_SNDBUF		      0x1001
#define WIN_SO_RCVBUF		      0x1002
#define WIN_SO_ERROR		      0x1007
#define WIN_SO_TYPE		      0x1008
#define WIN_SO_UPDATE_ACCEPT_CONTEXT  0x700b
#define WIN_SO_UPDATE_CONNECT_CONTEXT 0x7010
#define WIN_SO_EXCLUSIVEADDRUSE	      ((int)~WIN_SO_REUSEADDR)
#define WIN_TCP_NODELAY		      1
#define WIN_TCP_KEEPALIVE	      3 /* TCP_KEEPIDLE, seconds */
#define WIN_TCP_KEEPCNT		      16
#define WIN_TCP_KEEPINTVL	      17
#define WIN_IP_TOS		      3
#define WIN_IP_TTL		      4
#define WIN_IPV6_UNICAST_HOPS	      4
#define WIN_IPV6_V6ONLY		      27

/* WSASocketW's flags (winsock2.h) */
#define WIN_WSA_FLAG_OVERLAPPED	       0x01
#define WIN_WSA_FLAG_NO_HANDLE_INHERIT 0x80
#define WIN_INVALID_SOCKET	       ((uint64_t)-1)
#define WIN_SOCKET_ERROR	       (-1)

/* recv and send flags (winsock2.h): MSG_OOB, MSG_PEEK, MSG_DONTROUTE,
 * MSG_WAITALL, the host's values */
#define WIN_MSG_OOB	  0x1
#define WIN_MSG_PEEK	  0x2
#define WIN_MSG_DONTROUTE 0x4
#define WIN_MSG_WAITALL	  0x8

/* ioctlsocket and WSAIoctl codes (winsock2.h _WSAIO/_IOW, mswsock.h,
 * mstcpip.h) */
#define WIN_FIONBIO			       0x8004667eu
#define WIN_FIONREAD			       0x4004667fu
#define WIN_SIO_GET_EXTENSION_FUNCTION_POINTER 0xc8000006u
#define WIN_SIO_KEEPALIVE_VALS		       0x98000004u
#define WIN_SIO_UDP_CONNRESET		       0x9800000cu
#define WIN_SIO_BASE_HANDLE		       0x48000022u

/* WSABUF (ws2def.h) */
struct win_wsabuf {
	uint32_t len;
	uint32_t pad_;
	uint64_t buf;
};
_Static_assert(sizeof(struct win_wsabuf) == 16, "WSABUF");

/* tcp_keepalive (mstcpip.h): SIO_KEEPALIVE_VALS's input, milliseconds */
struct win_tcp_keepalive {
	uint32_t onoff, keepalivetime, keepaliveinterval;
};
_Static_assert(sizeof(struct win_tcp_keepalive) == 12, "tcp_keepalive");

/* linger (winsock2.h): two u_shorts, where the host has two ints */
struct win_linger {
	uint16_t onoff, linger;
};
_Static_assert(sizeof(struct win_linger) == 4, "linger");

/* GUID (guiddef.h) */
struct win_guid {
	uint32_t data1;
	uint16_t data2, data3;
	uint8_t data4[8];
};
_Static_assert(sizeof(struct win_guid) == 16, "GUID");

/* WSAPROTOCOL_INFOW (winsock2.h) */
struct win_wsaprotocol_infow {
	uint32_t service_flags1, service_flags2, service_flags3, service_flags4;
	uint32_t provider_flags;
	struct win_guid provider_id;
	uint32_t catalog_entry_id;
	struct {
		int32_t chain_len;
		uint32_t chain_entries[7];
	} protocol_chain;
	int32_t version, address_family, max_sockaddr, min_sockaddr, socket_type, protocol,
	    protocol_max_offset, network_byte_order, security_scheme;
	uint32_t message_size, provider_reserved;
	uint16_t protocol_name[256]; /* WSAPROTOCOL_LEN + 1 */
};
_Static_assert(sizeof(struct win_wsaprotocol_infow) == 628, "WSAPROTOCOL_INFOW");
_Static_assert(offsetof(struct win_wsaprotocol_infow, address_family) == 76,
	       "WSAPROTOCOL_INFOW.iAddressFamily");
#define WIN_XP1_IFS_HANDLES 0x00020000u /* service_flags1 */

/* The largest socket address either side has (sockaddr_storage). */
#define WIN_SOCKADDR_MAX 128

/* The host family for Windows family af, or -1 (EAFNOSUPPORT). */
int win_af_to_host(int af);
int win_af_from_host(int af);

/* A Windows socket address (len bytes at win) as the host's, in out (room
 * for a sockaddr_storage): its host length, or -EFAULT-free -EINVAL /
 * -EAFNOSUPPORT.  from_host: the reverse, the Windows length. */
int win_sockaddr_to_host(const void *win, size_t len, struct sockaddr_storage *out);
int win_sockaddr_from_host(const struct sockaddr_storage *host, size_t len, void *out, size_t room);

/* A socket option (level, name) as the host's: 0, -ENOPROTOOPT for one
 * Windows has and Linux cannot do, or 1 for one xeno accepts and ignores
 * (SO_UPDATE_ACCEPT_CONTEXT: Linux sockets need no such step). */
int win_sockopt_to_host(int level, int name, int *host_level, int *host_name);

/* recv/send flags: -EINVAL for bits Windows does not define. */
int win_msg_flags_to_host(uint32_t flags);

/* The NTSTATUS an overlapped socket operation that failed with host errno e
 * completes with, and the Windows Sockets error of a status (Wine's
 * dlls/ws2_32/socket.c NtStatusToWSAError). */
uint32_t win_ntstatus_from_host(int e);
uint32_t win_wsa_error_from_ntstatus(uint32_t status);
/* The error GetLastError shows for a status (RtlNtStatusToDosError), 317
 * (ERROR_MR_MID_NOT_FOUND) when there is none. */
uint32_t win_error_from_ntstatus(uint32_t status);

#endif
