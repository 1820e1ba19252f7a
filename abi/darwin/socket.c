/* macOS socket numbering -> Linux's (abi/darwin/socket.h).  Options:
 * SO_DEBUG 0x1, SO_ACCEPTCONN 0x2, SO_REUSEADDR 0x4, SO_KEEPALIVE 0x8,
 * SO_DONTROUTE 0x10, SO_BROADCAST 0x20, SO_LINGER 0x80, SO_OOBINLINE 0x100,
 * SO_REUSEPORT 0x200, SO_SNDBUF 0x1001, SO_RCVBUF 0x1002, SO_SNDLOWAT
 * 0x1003, SO_RCVLOWAT 0x1004, SO_ERROR 0x1007, SO_TYPE 0x1008,
 * SO_NOSIGPIPE 0x1022 (bsd/sys/socket.h); TCP_NODELAY 1, TCP_KEEPALIVE
 * 0x10 (Linux's TCP_KEEPIDLE), TCP_KEEPINTVL 0x101, TCP_KEEPCNT 0x102
 * (netinet/tcp.h); IPV6_V6ONLY 27 (netinet6/in6.h); IP_TOS 3, IP_TTL 4
 * (netinet/in.h). */
#include "abi/darwin/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

const struct bsd_families darwin_families = {DARWIN_AF_UNIX, DARWIN_AF_INET, DARWIN_AF_INET6};

static const struct {
	int level, name, hlevel, hname;
} opts[] = {
    {0xffff, 0x1, SOL_SOCKET, SO_DEBUG},
    {0xffff, 0x2, SOL_SOCKET, SO_ACCEPTCONN},
    {0xffff, 0x4, SOL_SOCKET, SO_REUSEADDR},
    {0xffff, 0x8, SOL_SOCKET, SO_KEEPALIVE},
    {0xffff, 0x10, SOL_SOCKET, SO_DONTROUTE},
    {0xffff, 0x20, SOL_SOCKET, SO_BROADCAST},
    {0xffff, 0x80, SOL_SOCKET, SO_LINGER},
    {0xffff, 0x100, SOL_SOCKET, SO_OOBINLINE},
    {0xffff, 0x200, SOL_SOCKET, SO_REUSEPORT},
    {0xffff, 0x1001, SOL_SOCKET, SO_SNDBUF},
    {0xffff, 0x1002, SOL_SOCKET, SO_RCVBUF},
    {0xffff, 0x1003, SOL_SOCKET, SO_SNDLOWAT},
    {0xffff, 0x1004, SOL_SOCKET, SO_RCVLOWAT},
    {0xffff, 0x1007, SOL_SOCKET, SO_ERROR},
    {0xffff, 0x1008, SOL_SOCKET, SO_TYPE},
    {IPPROTO_TCP, 0x1, IPPROTO_TCP, TCP_NODELAY},
    {IPPROTO_TCP, 0x10, IPPROTO_TCP, TCP_KEEPIDLE},
    {IPPROTO_TCP, 0x101, IPPROTO_TCP, TCP_KEEPINTVL},
    {IPPROTO_TCP, 0x102, IPPROTO_TCP, TCP_KEEPCNT},
    {IPPROTO_IP, 3, IPPROTO_IP, IP_TOS},
    {IPPROTO_IP, 4, IPPROTO_IP, IP_TTL},
    {IPPROTO_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY},
};

int darwin_sockopt_to_host(int level, int name, int *hlevel, int *hname)
{
	if (level == 0xffff && name == 0x1022) /* SO_NOSIGPIPE */
		return 1;
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (opts[i].level == level && opts[i].name == name) {
			*hlevel = opts[i].hlevel;
			*hname = opts[i].hname;
			return 0;
		}
	return -ENOPROTOOPT;
}
