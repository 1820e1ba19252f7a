/*
 * Socket options, as the BSDs share their shapes: an option is a level and
 * a name, its value an int, a struct linger, a struct timeval or bytes laid
 * out as on Linux.  Each BSD lists its options in a table of struct
 * bsd_sockopt (abi/<os>/sockopt.c); the pure converters here read it.
 */
#ifndef XENO_ABI_BSD_SOCKOPT_H
#define XENO_ABI_BSD_SOCKOPT_H

#include <stddef.h>
#include <stdint.h>

enum bsd_sockopt_kind {
	BSD_OPT_INT,	   /* an int, both ways */
	BSD_OPT_FLAG,	   /* an int switch; reads back as on_value when set */
	BSD_OPT_LINGER,	   /* struct linger; l_onoff reads back as on_value */
	BSD_OPT_TIMEVAL,   /* struct timeval; negative or unnormalised is EDOM */
	BSD_OPT_ERROR,	   /* read-only int: a pending error, translated */
	BSD_OPT_DOMAIN,	   /* read-only int: an address family, translated */
	BSD_OPT_READONLY,  /* read-only int */
	BSD_OPT_BYTES,	   /* bytes laid out alike on both systems */
	BSD_OPT_NOSIGPIPE, /* a switch with no host twin: the handler keeps it */
	BSD_OPT_SOFT,	   /* an int the host refuses to set: setting is accepted
			    * and does nothing (Linux's SO_SNDLOWAT) */
	BSD_OPT_TIMEVAL32, /* struct timeval with an int tv_usec and padding
			    * (NetBSD's suseconds_t) */
};

struct bsd_sockopt {
	int level, name;	   /* foreign */
	int host_level, host_name; /* host (unused for NOSIGPIPE) */
	uint8_t kind;
	int on_value; /* FLAG, LINGER, NOSIGPIPE: what a set switch reads as */
	const char *label;
};

/* Table entries.  SWITCH's on is what a set switch reads back as: FreeBSD's
 * so_options switches read as their own bit, NetBSD's as 1. */
#define BSD_OPT(lvl, name, val, hlvl, hname, kind)                                                 \
	{                                                                                          \
		lvl, val, hlvl, hname, kind, 0, #name                                              \
	}
#define BSD_SWITCH(lvl, name, val, hlvl, hname, on)                                                \
	{                                                                                          \
		lvl, val, hlvl, hname, BSD_OPT_FLAG, on, #name                                     \
	}
#define BSD_SOL 0xffff /* SOL_SOCKET */
#define BSD_IP	0      /* IPPROTO_IP */
#define BSD_IP6 41     /* IPPROTO_IPV6 */
#define BSD_TCP 6      /* IPPROTO_TCP */
/* The SOL_SOCKET options the BSDs number alike (sys/sys/socket.h); ON(v)
 * is what switch v reads back as. */
#define BSD_SOCKOPTS_SOL_SHARED(ON)                                                                \
	BSD_SWITCH(BSD_SOL, SO_DEBUG, 0x0001, SOL_SOCKET, SO_DEBUG, ON(0x0001)),                   \
	    BSD_SWITCH(BSD_SOL, SO_ACCEPTCONN, 0x0002, SOL_SOCKET, SO_ACCEPTCONN, ON(0x0002)),     \
	    BSD_SWITCH(BSD_SOL, SO_REUSEADDR, 0x0004, SOL_SOCKET, SO_REUSEADDR, ON(0x0004)),       \
	    BSD_SWITCH(BSD_SOL, SO_KEEPALIVE, 0x0008, SOL_SOCKET, SO_KEEPALIVE, ON(0x0008)),       \
	    BSD_SWITCH(BSD_SOL, SO_DONTROUTE, 0x0010, SOL_SOCKET, SO_DONTROUTE, ON(0x0010)),       \
	    BSD_SWITCH(BSD_SOL, SO_BROADCAST, 0x0020, SOL_SOCKET, SO_BROADCAST, ON(0x0020)),       \
	    {BSD_SOL, 0x0080, SOL_SOCKET, SO_LINGER, BSD_OPT_LINGER, ON(0x0080), "SO_LINGER"},     \
	    BSD_SWITCH(BSD_SOL, SO_OOBINLINE, 0x0100, SOL_SOCKET, SO_OOBINLINE, ON(0x0100)),       \
	    BSD_SWITCH(BSD_SOL, SO_REUSEPORT, 0x0200, SOL_SOCKET, SO_REUSEPORT, ON(0x0200)),       \
	    {BSD_SOL, 0x0800, 0, 0, BSD_OPT_NOSIGPIPE, ON(0x0800), "SO_NOSIGPIPE"},                \
	    BSD_OPT(BSD_SOL, SO_SNDBUF, 0x1001, SOL_SOCKET, SO_SNDBUF, BSD_OPT_INT),               \
	    BSD_OPT(BSD_SOL, SO_RCVBUF, 0x1002, SOL_SOCKET, SO_RCVBUF, BSD_OPT_INT),               \
	    BSD_OPT(BSD_SOL, SO_SNDLOWAT, 0x1003, SOL_SOCKET, SO_SNDLOWAT, BSD_OPT_SOFT),          \
	    BSD_OPT(BSD_SOL, SO_RCVLOWAT, 0x1004, SOL_SOCKET, SO_RCVLOWAT, BSD_OPT_INT),           \
	    BSD_OPT(BSD_SOL, SO_ERROR, 0x1007, SOL_SOCKET, SO_ERROR, BSD_OPT_ERROR),               \
	    BSD_OPT(BSD_SOL, SO_TYPE, 0x1008, SOL_SOCKET, SO_TYPE, BSD_OPT_READONLY)
/* IPPROTO_IP (sys/netinet/in.h); multicast values are u_char or int,
 * structs ip_mreq and ip_mreqn laid out as on Linux */
#define BSD_SOCKOPTS_IP_SHARED                                                                     \
	BSD_OPT(BSD_IP, IP_OPTIONS, 1, IPPROTO_IP, IP_OPTIONS, BSD_OPT_BYTES),                     \
	    BSD_OPT(BSD_IP, IP_HDRINCL, 2, IPPROTO_IP, IP_HDRINCL, BSD_OPT_INT),                   \
	    BSD_OPT(BSD_IP, IP_TOS, 3, IPPROTO_IP, IP_TOS, BSD_OPT_INT),                           \
	    BSD_OPT(BSD_IP, IP_TTL, 4, IPPROTO_IP, IP_TTL, BSD_OPT_INT),                           \
	    BSD_OPT(BSD_IP, IP_MULTICAST_IF, 9, IPPROTO_IP, IP_MULTICAST_IF, BSD_OPT_BYTES),       \
	    BSD_OPT(BSD_IP, IP_MULTICAST_TTL, 10, IPPROTO_IP, IP_MULTICAST_TTL, BSD_OPT_BYTES),    \
	    BSD_OPT(BSD_IP, IP_MULTICAST_LOOP, 11, IPPROTO_IP, IP_MULTICAST_LOOP, BSD_OPT_BYTES),  \
	    BSD_OPT(BSD_IP, IP_ADD_MEMBERSHIP, 12, IPPROTO_IP, IP_ADD_MEMBERSHIP, BSD_OPT_BYTES),  \
	    BSD_OPT(BSD_IP, IP_DROP_MEMBERSHIP, 13, IPPROTO_IP, IP_DROP_MEMBERSHIP, BSD_OPT_BYTES)
/* IPPROTO_IPV6 (sys/netinet6/in6.h); struct ipv6_mreq as on Linux */
#define BSD_SOCKOPTS_IPV6_SHARED                                                                   \
	BSD_OPT(BSD_IP6, IPV6_UNICAST_HOPS, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, BSD_OPT_INT),      \
	    BSD_OPT(BSD_IP6, IPV6_MULTICAST_IF, 9, IPPROTO_IPV6, IPV6_MULTICAST_IF, BSD_OPT_INT),  \
	    BSD_OPT(BSD_IP6, IPV6_MULTICAST_HOPS, 10, IPPROTO_IPV6, IPV6_MULTICAST_HOPS,           \
		    BSD_OPT_INT),                                                                  \
	    BSD_OPT(BSD_IP6, IPV6_MULTICAST_LOOP, 11, IPPROTO_IPV6, IPV6_MULTICAST_LOOP,           \
		    BSD_OPT_INT),                                                                  \
	    BSD_OPT(BSD_IP6, IPV6_JOIN_GROUP, 12, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP,               \
		    BSD_OPT_BYTES),                                                                \
	    BSD_OPT(BSD_IP6, IPV6_LEAVE_GROUP, 13, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP,             \
		    BSD_OPT_BYTES),                                                                \
	    BSD_OPT(BSD_IP6, IPV6_V6ONLY, 27, IPPROTO_IPV6, IPV6_V6ONLY, BSD_OPT_INT),             \
	    BSD_OPT(BSD_IP6, IPV6_TCLASS, 61, IPPROTO_IPV6, IPV6_TCLASS, BSD_OPT_INT),             \
	    BSD_OPT(BSD_IP6, IPV6_DONTFRAG, 62, IPPROTO_IPV6, IPV6_DONTFRAG, BSD_OPT_INT)
/* IPPROTO_TCP (sys/netinet/tcp.h): TCP_NODELAY reads back as TF_NODELAY
 * 0x4 on both (sys/netinet/tcp_var.h) */
#define BSD_SOCKOPTS_TCP_SHARED                                                                    \
	BSD_SWITCH(BSD_TCP, TCP_NODELAY, 1, IPPROTO_TCP, TCP_NODELAY, 0x0004),                     \
	    BSD_OPT(BSD_TCP, TCP_MAXSEG, 2, IPPROTO_TCP, TCP_MAXSEG, BSD_OPT_INT)

/* The largest BYTES value xeno passes through. */
#define BSD_SOCKOPT_MAX 256

struct bsd_linger {
	int32_t l_onoff, l_linger;
};
struct bsd_timeval {
	int64_t tv_sec, tv_usec;
};
_Static_assert(sizeof(struct bsd_linger) == 8, "struct linger layout");
_Static_assert(sizeof(struct bsd_timeval) == 16, "struct timeval layout (amd64)");

/* Translators a value may need (the personality's). */
struct bsd_sockopt_xlat {
	int (*errno_from_host)(int host_errno);
	const struct xeno_flagset *domains; /* "sockdomain": SO_DOMAIN's answer */
};

/* The option at level/name, or NULL with *err set: -EINVAL for a level no
 * entry names (what the BSD protocol switches answer for a foreign level),
 * -ENOPROTOOPT for an unknown name at a known level. */
const struct bsd_sockopt *bsd_sockopt_find(const struct bsd_sockopt *table, size_t n, int level,
					   int name, int *err);
/* How many bytes the host's value of o takes (room: the caller's, for BYTES). */
size_t bsd_sockopt_host_size(const struct bsd_sockopt *o, size_t room);
/* A setsockopt value (len bytes) in host form in out (out_size bytes, at
 * least BSD_SOCKOPT_MAX); its length in *out_len.  0, -EINVAL when the
 * value is shorter than the option's, -EDOM for a bad timeval,
 * -ENOPROTOOPT for a read-only option. */
int bsd_sockopt_value_to_host(const struct bsd_sockopt *o, const void *val, size_t len, void *out,
			      size_t out_size, size_t *out_len);
/* A getsockopt value the host returned (len bytes) in foreign form in out
 * (out_size bytes, at least BSD_SOCKOPT_MAX): its full foreign length. */
size_t bsd_sockopt_value_from_host(const struct bsd_sockopt *o, const void *host, size_t len,
				   void *out, size_t out_size, const struct bsd_sockopt_xlat *x);

#endif
