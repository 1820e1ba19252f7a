/* Windows Sockets translation (abi/windows/socket.h). */
#include "abi/windows/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/un.h>

#include "abi/windows/errors.h"

int win_af_to_host(int af)
{
	switch (af) {
	case WIN_AF_UNSPEC:
		return AF_UNSPEC;
	case WIN_AF_UNIX:
		return AF_UNIX;
	case WIN_AF_INET:
		return AF_INET;
	case WIN_AF_INET6:
		return AF_INET6;
	}
	return -1;
}

int win_af_from_host(int af)
{
	switch (af) {
	case AF_UNSPEC:
		return WIN_AF_UNSPEC;
	case AF_UNIX:
		return WIN_AF_UNIX;
	case AF_INET:
		return WIN_AF_INET;
	case AF_INET6:
		return WIN_AF_INET6;
	}
	return -1;
}

/* The least length an address of family af (host) needs. */
static size_t min_len(int af)
{
	switch (af) {
	case AF_INET:
		return sizeof(struct sockaddr_in);
	case AF_INET6: /* sockaddr_in6_old (Wine's ws2ipdef.h): no scope id, 24 bytes */
		return offsetof(struct sockaddr_in6, sin6_scope_id);
	case AF_UNIX:
		return offsetof(struct sockaddr_un, sun_path);
	}
	return 0;
}

int win_sockaddr_to_host(const void *win, size_t len, struct sockaddr_storage *out)
{
	uint16_t family;
	if (len < sizeof family || len > sizeof *out)
		return -EINVAL;
	memcpy(&family, win, sizeof family);
	int af = win_af_to_host(family);
	if (af <= 0)
		return -EAFNOSUPPORT;
	if (len < min_len(af))
		return -EINVAL;
	memset(out, 0, sizeof *out);
	memcpy(out, win, len);
	out->ss_family = (sa_family_t)af;
	/* Windows' sockaddr_in6 may be the old 24-byte form (no scope id) */
	return af == AF_INET6 ? (int)sizeof(struct sockaddr_in6) : (int)len;
}

int win_sockaddr_from_host(const struct sockaddr_storage *host, size_t len, void *out, size_t room)
{
	int af = win_af_from_host(host->ss_family);
	if (af < 0)
		return -EAFNOSUPPORT;
	if (len > sizeof *host)
		len = sizeof *host;
	uint8_t tmp[sizeof *host];
	memcpy(tmp, host, len);
	uint16_t family = (uint16_t)af;
	memcpy(tmp, &family, sizeof family);
	memcpy(out, tmp, len < room ? len : room);
	return (int)len;
}

static const struct {
	int level, name, host_level, host_name;
} options[] = {
    {WIN_SOL_SOCKET, WIN_SO_REUSEADDR, SOL_SOCKET, SO_REUSEADDR},
    {WIN_SOL_SOCKET, WIN_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE},
    {WIN_SOL_SOCKET, WIN_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST},
    {WIN_SOL_SOCKET, WIN_SO_LINGER, SOL_SOCKET, SO_LINGER},
    {WIN_SOL_SOCKET, WIN_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE},
    {WIN_SOL_SOCKET, WIN_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF},
    {WIN_SOL_SOCKET, WIN_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF},
    {WIN_SOL_SOCKET, WIN_SO_ERROR, SOL_SOCKET, SO_ERROR},
    {WIN_SOL_SOCKET, WIN_SO_TYPE, SOL_SOCKET, SO_TYPE},
    {WIN_IPPROTO_TCP, WIN_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY},
    {WIN_IPPROTO_TCP, WIN_TCP_KEEPALIVE, IPPROTO_TCP, TCP_KEEPIDLE},
    {WIN_IPPROTO_TCP, WIN_TCP_KEEPCNT, IPPROTO_TCP, TCP_KEEPCNT},
    {WIN_IPPROTO_TCP, WIN_TCP_KEEPINTVL, IPPROTO_TCP, TCP_KEEPINTVL},
    {WIN_IPPROTO_IP, WIN_IP_TOS, IPPROTO_IP, IP_TOS},
    {WIN_IPPROTO_IP, WIN_IP_TTL, IPPROTO_IP, IP_TTL},
    {WIN_IPPROTO_IPV6, WIN_IPV6_UNICAST_HOPS, IPPROTO_IPV6, IPV6_UNICAST_HOPS},
    {WIN_IPPROTO_IPV6, WIN_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY},
};

int win_sockopt_to_host(int level, int name, int *host_level, int *host_name)
{
	if (level == WIN_SOL_SOCKET &&
	    (name == WIN_SO_UPDATE_ACCEPT_CONTEXT || name == WIN_SO_UPDATE_CONNECT_CONTEXT))
		return 1;
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		if (options[i].level == level && options[i].name == name) {
			*host_level = options[i].host_level;
			*host_name = options[i].host_name;
			return 0;
		}
	return -ENOPROTOOPT;
}

int win_msg_flags_to_host(uint32_t flags)
{
	const uint32_t known = WIN_MSG_OOB | WIN_MSG_PEEK | WIN_MSG_DONTROUTE | WIN_MSG_WAITALL;
	if (flags & ~known)
		return -EINVAL;
	return (flags & WIN_MSG_OOB ? MSG_OOB : 0) | (flags & WIN_MSG_PEEK ? MSG_PEEK : 0) |
	       (flags & WIN_MSG_DONTROUTE ? MSG_DONTROUTE : 0) |
	       (flags & WIN_MSG_WAITALL ? MSG_WAITALL : 0);
}

/* NTSTATUS values (Wine's include/ntstatus.h), the Windows Sockets errors
 * Wine's NtStatusToWSAError gives them, and the errors GetLastError shows
 * for them (RtlNtStatusToDosError; values: include/winerror.h). */
static const struct {
	int host;
	uint32_t status, wsa, dos;
} statuses[] = {
    {0, WIN_STATUS_SUCCESS, 0, 0},
    {ECANCELED, 0xc0000120u /* STATUS_CANCELLED */, WIN_ERROR_OPERATION_ABORTED,
     WIN_ERROR_OPERATION_ABORTED},
    {ECONNRESET, 0xc000020du /* STATUS_CONNECTION_RESET */, WIN_WSAECONNRESET,
     64 /* ERROR_NETNAME_DELETED */},
    {ECONNABORTED, 0xc0000241u /* STATUS_CONNECTION_ABORTED */, WIN_WSAECONNABORTED,
     1236 /* ERROR_CONNECTION_ABORTED */},
    {ECONNREFUSED, 0xc0000236u /* STATUS_CONNECTION_REFUSED */, WIN_WSAECONNREFUSED,
     1225 /* ERROR_CONNECTION_REFUSED */},
    {EPIPE, 0xc00000b0u /* STATUS_PIPE_DISCONNECTED */, WIN_WSAESHUTDOWN,
     233 /* ERROR_PIPE_NOT_CONNECTED */},
    {ENOTCONN, 0xc0000140u /* STATUS_INVALID_CONNECTION */, WIN_WSAENOTCONN,
     1229 /* ERROR_CONNECTION_INVALID */},
    {ENETUNREACH, 0xc000023cu /* STATUS_NETWORK_UNREACHABLE */, WIN_WSAENETUNREACH,
     1231 /* ERROR_NETWORK_UNREACHABLE */},
    {EHOSTUNREACH, 0xc000023du /* STATUS_HOST_UNREACHABLE */, WIN_WSAEHOSTUNREACH,
     1232 /* ERROR_HOST_UNREACHABLE */},
    {ETIMEDOUT, 0xc00000b5u /* STATUS_IO_TIMEOUT */, WIN_WSAETIMEDOUT, 121 /* ERROR_SEM_TIMEOUT */},
    {EMSGSIZE, 0x80000005u /* STATUS_BUFFER_OVERFLOW */, WIN_WSAEMSGSIZE, WIN_ERROR_MORE_DATA},
    {ENOMEM, 0xc0000017u /* STATUS_NO_MEMORY */, WIN_WSAENOBUFS, WIN_ERROR_NOT_ENOUGH_MEMORY},
    {ENOBUFS, 0xc0000017u, WIN_WSAENOBUFS, WIN_ERROR_NOT_ENOUGH_MEMORY},
    {EFAULT, WIN_STATUS_ACCESS_VIOLATION, WIN_WSAEFAULT, WIN_ERROR_NOACCESS},
    {EBADF, WIN_STATUS_INVALID_HANDLE, WIN_WSAENOTSOCK, WIN_ERROR_INVALID_HANDLE},
    {ENOTSOCK, WIN_STATUS_INVALID_HANDLE, WIN_WSAENOTSOCK, WIN_ERROR_INVALID_HANDLE},
    {EOPNOTSUPP, WIN_STATUS_NOT_IMPLEMENTED, WIN_WSAEOPNOTSUPP, WIN_ERROR_INVALID_FUNCTION},
    {EADDRINUSE, 0xc000020au /* STATUS_ADDRESS_ALREADY_EXISTS */, WIN_WSAEADDRINUSE,
     1227 /* ERROR_ADDRESS_ALREADY_ASSOCIATED */},
    {EADDRNOTAVAIL, 0xc0000207u /* STATUS_INVALID_ADDRESS_COMPONENT */, WIN_WSAEADDRNOTAVAIL,
     WIN_ERROR_INVALID_PARAMETER},
    {EISCONN, 0xc000023bu /* STATUS_CONNECTION_ACTIVE */, WIN_WSAEISCONN,
     1230 /* ERROR_CONNECTION_ACTIVE */},
    {EINVAL, WIN_STATUS_INVALID_PARAMETER, WIN_WSAEINVAL, WIN_ERROR_INVALID_PARAMETER},
};

uint32_t win_ntstatus_from_host(int e)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].host == e)
			return statuses[i].status;
	return WIN_STATUS_INVALID_PARAMETER;
}

uint32_t win_error_from_ntstatus(uint32_t status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].status == status)
			return statuses[i].dos;
	return 317; /* ERROR_MR_MID_NOT_FOUND: no error for that status */
}

uint32_t win_wsa_error_from_ntstatus(uint32_t status)
{
	if (status == 0x103u) /* STATUS_PENDING */
		return WIN_ERROR_IO_PENDING;
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].status == status)
			return statuses[i].wsa;
	return WIN_WSAEINVAL;
}
