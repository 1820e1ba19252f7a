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

#define SOL BSD_SOL
#define IP  BSD_IP
#define TCP BSD_TCP
#define OPT BSD_OPT

/* A so_options switch reads back as its own value. */
#define OWN_BIT(v) (v)

#define TF_NOPUSH 0x00001000 /* sys/netinet/tcp_var.h */

const struct bsd_sockopt freebsd_sockopts[] = {
    /* SOL_SOCKET (sys/sys/socket.h) */
    BSD_SOCKOPTS_SOL_SHARED(OWN_BIT),
    BSD_SWITCH(SOL, SO_TIMESTAMP, 0x0400, SOL_SOCKET, SO_TIMESTAMP, 0x0400),
    /* Linux's SO_REUSEPORT balances load as SO_REUSEPORT_LB does. */
    BSD_SWITCH(SOL, SO_REUSEPORT_LB, 0x00010000, SOL_SOCKET, SO_REUSEPORT, 0x00010000),
    OPT(SOL, SO_SNDTIMEO, 0x1005, SOL_SOCKET, SO_SNDTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_RCVTIMEO, 0x1006, SOL_SOCKET, SO_RCVTIMEO, BSD_OPT_TIMEVAL),
    OPT(SOL, SO_PROTOCOL, 0x1016, SOL_SOCKET, SO_PROTOCOL, BSD_OPT_READONLY),
    OPT(SOL, SO_DOMAIN, 0x1019, SOL_SOCKET, SO_DOMAIN, BSD_OPT_DOMAIN),

    BSD_SOCKOPTS_IP_SHARED,
    OPT(IP, IP_MINTTL, 66, IPPROTO_IP, IP_MINTTL, BSD_OPT_INT),

    BSD_SOCKOPTS_IPV6_SHARED,

    /* IPPROTO_TCP (sys/netinet/tcp.h); keepalive times in seconds on both */
    BSD_SOCKOPTS_TCP_SHARED,
    BSD_SWITCH(TCP, TCP_NOPUSH, 4, IPPROTO_TCP, TCP_CORK, TF_NOPUSH),
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
