/*
 * FreeBSD socket options and their Linux twins.  FreeBSD values:
 * SOL_SOCKET options sys/sys/socket.h, IPPROTO_IP options
 * sys/netinet/in.h, IPPROTO_IPV6 options sys/netinet6/in6.h,
 * IPPROTO_TCP options sys/netinet/tcp.h.  How they read back:
 * sys/kern/uipc_socket.c sogetopt (a so_options switch reads as its own
 * bit, SO_LINGER's l_onoff too) and sys/netinet/tcp_usrreq.c (TCP_NODELAY
 * and TCP_NOPUSH read as their t_flags bits, sys/netinet/tcp_var.h
 * TF_NODELAY 0x4 and TF_NOPUSH 0x1000).  Options not listed are
 * ENOPROTOOPT, as FreeBSD answers an option it does not know.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "abi/freebsd/socket.h"

#define SOL FREEBSD_SOL_SOCKET
#define IP  0  /* IPPROTO_IP */
#define IP6 41 /* IPPROTO_IPV6 */
#define TCP 6  /* IPPROTO_TCP */

#define OPT(lvl, name, val, hlvl, hname, kind)                                                     \
	{                                                                                          \
		lvl, val, hlvl, hname, kind, 0, #name                                              \
	}
#define SWITCH(lvl, name, val, hlvl, hname, on)                                                    \
	{                                                                                          \
		lvl, val, hlvl, hname, BSD_OPT_FLAG, on, #name                                     \
	}
/* A so_options switch reads back as its own value. */
#define SOFLAG(name, val, hname) SWITCH(SOL, name, val, SOL_SOCKET, hname, val)

#define TF_NODELAY 0x00000004 /* sys/netinet/tcp_var.h */
#define TF_NOPUSH  0x00001000

const struct bsd_sockopt freebsd_sockopts[] = {
    /* SOL_SOCKET (sys/sys/socket.h) */
    SOFLAG(SO_DEBUG, 0x0001, SO_DEBUG),
    {SOL, 0x0002, SOL_SOCKET, SO_ACCEPTCONN, BSD_OPT_FLAG, 0x0002, "SO_ACCEPTCONN"},
    SOFLAG(SO_REUSEADDR, 0x0004, SO_REUSEADDR),
    SOFLAG(SO_KEEPALIVE, 0x0008, SO_KEEPALIVE),
    SOFLAG(SO_DONTROUTE, 0x0010, SO_DONTROUTE),
    SOFLAG(SO_BROADCAST, 0x0020, SO_BROADCAST),
    {SOL, 0x0080, SOL_SOCKET, SO_LINGER, BSD_OPT_LINGER, 0x0080, "SO_LINGER"},
    SOFLAG(SO_OOBINLINE, 0x0100, SO_OOBINLINE),
    SOFLAG(SO_REUSEPORT, 0x0200, SO_REUSEPORT),
    SOFLAG(SO_TIMESTAMP, 0x0400, SO_TIMESTAMP),
    {SOL, 0x0800, 0, 0, BSD_OPT_NOSIGPIPE, 0x0800, "SO_NOSIGPIPE"},
    /* Linux's SO_REUSEPORT balances load as SO_REUSEPORT_LB does. */
    SOFLAG(SO_REUSEPORT_LB, 0x00010000, SO_REUSEPORT),
    OPT(SOL, SO_SNDBUF, 0x1001, SOL_SOCKET, SO_SNDBUF, BSD_OPT_INT),
    OPT(SOL, SO_RCVBUF, 0x1002, SOL_SOCKET, SO_RCVBUF, BSD_OPT_INT),
    OPT(SOL, SO_SNDLOWAT, 0x1003, SOL_SOCKET, SO_SNDLOWAT, BSD_OPT_SOFT),
    OPT(SOL, SO_RCVLOWAT, 0x1004, SOL_SOCKET, SO_RCVLOWAT, BSD_OPT_INT),
    OPT(SOL, SO_SNDTIMEO, 0x1005, SOL_SOCKET, SO_SNDTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_RCVTIMEO, 0x1006, SOL_SOCKET, SO_RCVTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_ERROR, 0x1007, SOL_SOCKET, SO_ERROR, BSD_OPT_ERROR),
    OPT(SOL, SO_TYPE, 0x1008, SOL_SOCKET, SO_TYPE, BSD_OPT_READONLY),
    OPT(SOL, SO_PROTOCOL, 0x1016, SOL_SOCKET, SO_PROTOCOL, BSD_OPT_READONLY),
    OPT(SOL, SO_DOMAIN, 0x1019, SOL_SOCKET, SO_DOMAIN, BSD_OPT_DOMAIN),

    /* IPPROTO_IP (sys/netinet/in.h); multicast values are u_char or int,
     * structs ip_mreq and ip_mreqn laid out as on Linux */
    OPT(IP, IP_OPTIONS, 1, IPPROTO_IP, IP_OPTIONS, BSD_OPT_BYTES),
    OPT(IP, IP_HDRINCL, 2, IPPROTO_IP, IP_HDRINCL, BSD_OPT_INT),
    OPT(IP, IP_TOS, 3, IPPROTO_IP, IP_TOS, BSD_OPT_INT),
    OPT(IP, IP_TTL, 4, IPPROTO_IP, IP_TTL, BSD_OPT_INT),
    OPT(IP, IP_MULTICAST_IF, 9, IPPROTO_IP, IP_MULTICAST_IF, BSD_OPT_BYTES),
    OPT(IP, IP_MULTICAST_TTL, 10, IPPROTO_IP, IP_MULTICAST_TTL, BSD_OPT_BYTES),
    OPT(IP, IP_MULTICAST_LOOP, 11, IPPROTO_IP, IP_MULTICAST_LOOP, BSD_OPT_BYTES),
    OPT(IP, IP_ADD_MEMBERSHIP, 12, IPPROTO_IP, IP_ADD_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP, IP_DROP_MEMBERSHIP, 13, IPPROTO_IP, IP_DROP_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP, IP_MINTTL, 66, IPPROTO_IP, IP_MINTTL, BSD_OPT_INT),

    /* IPPROTO_IPV6 (sys/netinet6/in6.h); struct ipv6_mreq as on Linux */
    OPT(IP6, IPV6_UNICAST_HOPS, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_IF, 9, IPPROTO_IPV6, IPV6_MULTICAST_IF, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_HOPS, 10, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, BSD_OPT_INT),
    OPT(IP6, IPV6_MULTICAST_LOOP, 11, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, BSD_OPT_INT),
    OPT(IP6, IPV6_JOIN_GROUP, 12, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP6, IPV6_LEAVE_GROUP, 13, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, BSD_OPT_BYTES),
    OPT(IP6, IPV6_V6ONLY, 27, IPPROTO_IPV6, IPV6_V6ONLY, BSD_OPT_INT),
    OPT(IP6, IPV6_TCLASS, 61, IPPROTO_IPV6, IPV6_TCLASS, BSD_OPT_INT),
    OPT(IP6, IPV6_DONTFRAG, 62, IPPROTO_IPV6, IPV6_DONTFRAG, BSD_OPT_INT),

    /* IPPROTO_TCP (sys/netinet/tcp.h); keepalive times in seconds on both */
    SWITCH(TCP, TCP_NODELAY, 1, IPPROTO_TCP, TCP_NODELAY, TF_NODELAY),
    OPT(TCP, TCP_MAXSEG, 2, IPPROTO_TCP, TCP_MAXSEG, BSD_OPT_INT),
    SWITCH(TCP, TCP_NOPUSH, 4, IPPROTO_TCP, TCP_CORK, TF_NOPUSH),
    OPT(TCP, TCP_CONGESTION, 64, IPPROTO_TCP, TCP_CONGESTION, BSD_OPT_BYTES),
    OPT(TCP, TCP_KEEPIDLE, 256, IPPROTO_TCP, TCP_KEEPIDLE, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPINTVL, 512, IPPROTO_TCP, TCP_KEEPINTVL, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPCNT, 1024, IPPROTO_TCP, TCP_KEEPCNT, BSD_OPT_INT),
};

const size_t freebsd_nsockopts = sizeof freebsd_sockopts / sizeof freebsd_sockopts[0];

const struct bsd_sockopt *freebsd_sockopt_find(int level, int name, int *err)
{
	return bsd_sockopt_find(freebsd_sockopts, freebsd_nsockopts, level, name, err);
}
