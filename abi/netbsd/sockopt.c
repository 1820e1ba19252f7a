/*
 * NetBSD socket options and their Linux twins.  NetBSD values: SOL_SOCKET
 * options sys/sys/socket.h rev 1.115, IPPROTO_IP options sys/netinet/in.h,
 * IPPROTO_IPV6 options sys/netinet6/in6.h, IPPROTO_TCP options
 * sys/netinet/tcp.h.  How they read back: sys/kern/uipc_socket.c
 * sogetopt1 (a so_options switch, and SO_LINGER's l_onoff, read as 1) and
 * sys/netinet/tcp_usrreq.c (TCP_NODELAY as TF_NODELAY).  Options not listed
 * are ENOPROTOOPT, as NetBSD answers an option it does not know.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "abi/netbsd/socket.h"

#define SOL BSD_SOL
#define IP  BSD_IP
#define TCP BSD_TCP
#define OPT BSD_OPT

/* A so_options switch reads back as 1. */
#define ONE(v) 1

const struct bsd_sockopt netbsd_sockopts[] = {
    /* SOL_SOCKET; SO_SNDTIMEO and SO_RCVTIMEO take NetBSD's struct timeval */
    BSD_SOCKOPTS_SOL_SHARED(ONE),
    BSD_SWITCH(SOL, SO_TIMESTAMP, 0x2000, SOL_SOCKET, SO_TIMESTAMP, 1),
    OPT(SOL, SO_SNDTIMEO, 0x100b, SOL_SOCKET, SO_SNDTIMEO, BSD_OPT_TIMEVAL32),
    OPT(SOL, SO_RCVTIMEO, 0x100c, SOL_SOCKET, SO_RCVTIMEO, BSD_OPT_TIMEVAL32),

    BSD_SOCKOPTS_IP_SHARED,
    OPT(IP, IP_MINTTL, 24, IPPROTO_IP, IP_MINTTL, BSD_OPT_INT),

    BSD_SOCKOPTS_IPV6_SHARED,

    /* IPPROTO_TCP; keepalive times in seconds on both */
    BSD_SOCKOPTS_TCP_SHARED,
    OPT(TCP, TCP_KEEPIDLE, 3, IPPROTO_TCP, TCP_KEEPIDLE, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPINTVL, 5, IPPROTO_TCP, TCP_KEEPINTVL, BSD_OPT_INT),
    OPT(TCP, TCP_KEEPCNT, 6, IPPROTO_TCP, TCP_KEEPCNT, BSD_OPT_INT),
};

const size_t netbsd_nsockopts = sizeof netbsd_sockopts / sizeof netbsd_sockopts[0];

const struct bsd_sockopt *netbsd_sockopt_find(int level, int name, int *err)
{
	return bsd_sockopt_find(netbsd_sockopts, netbsd_nsockopts, level, name, err);
}
