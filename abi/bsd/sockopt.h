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
};

struct bsd_sockopt {
	int level, name;	   /* foreign */
	int host_level, host_name; /* host (unused for NOSIGPIPE) */
	uint8_t kind;
	int on_value; /* FLAG, LINGER, NOSIGPIPE: what a set switch reads as */
	const char *label;
};

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
	int (*domain_from_host)(int host_af); /* -1: none */
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
