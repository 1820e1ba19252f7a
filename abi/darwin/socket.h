/*
 * macOS sockets (xnu bsd/sys/socket.h, netinet/in.h, netinet/tcp.h,
 * netinet6/in6.h): 4.4BSD addresses (sa_len, an 8-bit family), AF_UNIX 1,
 * AF_INET 2, AF_INET6 30; SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3,
 * SOCK_SEQPACKET 5; SOL_SOCKET 0xffff.
 */
#ifndef XENO_ABI_DARWIN_SOCKET_H
#define XENO_ABI_DARWIN_SOCKET_H

#include "abi/bsd/socket.h"

#define DARWIN_AF_UNIX	1
#define DARWIN_AF_INET	2
#define DARWIN_AF_INET6 30

extern const struct bsd_families darwin_families;

/* A socket option as the host's: 0 and *hlevel, *hname set; 1 for
 * SO_NOSIGPIPE, which the host has no option for (libs/darwin/net.c keeps
 * it); -ENOPROTOOPT when unknown. */
int darwin_sockopt_to_host(int level, int name, int *hlevel, int *hname);

#endif
