/*
 * BSD <-> Linux socket addresses, families, types and message flags
 * (abi/bsd/socket.h).  The address rules are FreeBSD's and NetBSD's alike:
 * the length given, not sa_len, counts (FreeBSD sys/kern/uipc_syscalls.c
 * getsockaddr, NetBSD sys/kern/uipc_syscalls.c sockargs); the protocols'
 * bind/connect checks want an AF_INET address of exactly 16 bytes (netinet6
 * alike, 28); an AF_UNIX path is what follows sun_family up to sun_len
 * (FreeBSD uipc_bindat) and an unnamed socket reads as a 16-byte AF_UNIX
 * sockaddr (FreeBSD sun_noname).
 */
#include "abi/bsd/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

static int unix_to_host(const uint8_t *a, size_t len, struct sockaddr_un *sun, socklen_t *host_len)
{
	if (len > sizeof(struct bsd_sockaddr_un))
		return -EINVAL;
	size_t room = len - offsetof(struct bsd_sockaddr_un, sun_path);
	if (len <= offsetof(struct bsd_sockaddr_un, sun_path))
		return -EINVAL;
	const char *path = (const char *)a + offsetof(struct bsd_sockaddr_un, sun_path);
	size_t n = strnlen(path, room);
	/* A BSD looks the path up as a string: an empty one is ENOENT (on
	 * Linux a leading NUL would name the abstract namespace). */
	if (n == 0)
		return -ENOENT;
	memset(sun, 0, sizeof *sun);
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, n);
	*host_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	return 0;
}

/* An AF_INET or AF_INET6 address of exactly its size: its bytes after the
 * family are the host's. */
static int inet_to_host(const uint8_t *a, size_t len, size_t size, int host_af,
			struct sockaddr_storage *host, socklen_t *host_len, socklen_t host_size)
{
	if (len != size)
		return -EINVAL;
	host->ss_family = (sa_family_t)host_af;
	memcpy((char *)host + 2, a + 2, len - 2);
	*host_len = host_size;
	return 0;
}

int bsd_sockaddr_to_host(const struct bsd_families *af, const void *addr, size_t len,
			 struct sockaddr_storage *host, socklen_t *host_len)
{
	const uint8_t *a = addr;
	if (len > BSD_SOCK_MAXADDRLEN)
		return -ENAMETOOLONG;
	if (len < offsetof(struct bsd_sockaddr, sa_data))
		return -EINVAL;
	memset(host, 0, sizeof *host);
	int family = a[1]; /* sa_family; sa_len is the length given */
	if (family == af->inet)
		return inet_to_host(a, len, sizeof(struct bsd_sockaddr_in), AF_INET, host, host_len,
				    sizeof(struct sockaddr_in));
	if (family == af->inet6)
		return inet_to_host(a, len, sizeof(struct bsd_sockaddr_in6), AF_INET6, host,
				    host_len, sizeof(struct sockaddr_in6));
	if (family == af->unix_)
		return unix_to_host(a, len, (struct sockaddr_un *)host, host_len);
	if (family == 0) {
		/* The family of an address that undoes: connect() dissolves a
		 * datagram association, bind() takes it as INADDR_ANY. */
		host->ss_family = AF_UNSPEC;
		memcpy((char *)host + 2, a + 2, len - 2);
		*host_len = (socklen_t)len;
		return 0;
	}
	return -EAFNOSUPPORT;
}

/* An AF_UNIX address: its path, or the unnamed form (sun_noname). */
static size_t unix_from_host(const struct bsd_families *af, const void *host, size_t host_len,
			     uint8_t *o)
{
	const struct sockaddr_un *sun = host;
	size_t room = host_len - offsetof(struct sockaddr_un, sun_path);
	size_t n =
	    host_len > offsetof(struct sockaddr_un, sun_path)
		? strnlen(sun->sun_path, room < sizeof sun->sun_path ? room : sizeof sun->sun_path)
		: 0;
	o[1] = (uint8_t)af->unix_;
	if (n == 0) { /* unnamed (or abstract) */
		o[0] = sizeof(struct bsd_sockaddr);
		return sizeof(struct bsd_sockaddr);
	}
	size_t max = sizeof(((struct bsd_sockaddr_un *)0)->sun_path) - 1;
	if (n > max)
		n = max;
	memcpy(o + offsetof(struct bsd_sockaddr_un, sun_path), sun->sun_path, n);
	o[0] = (uint8_t)(offsetof(struct bsd_sockaddr_un, sun_path) + n + 1);
	return o[0];
}

size_t bsd_sockaddr_from_host(const struct bsd_families *af, const void *host, size_t host_len,
			      void *out)
{
	const struct sockaddr *sa = host;
	uint8_t *o = out;
	if (host_len < sizeof sa->sa_family)
		return 0;
	memset(o, 0, BSD_SOCK_MAXADDRLEN);
	size_t len;
	switch (sa->sa_family) {
	case AF_INET:
		len = sizeof(struct bsd_sockaddr_in);
		o[1] = (uint8_t)af->inet;
		break;
	case AF_INET6:
		len = sizeof(struct bsd_sockaddr_in6);
		o[1] = (uint8_t)af->inet6;
		break;
	case AF_UNIX:
		return unix_from_host(af, host, host_len, o);
	default: /* no BSD form: the bytes under an unspecified family */
		len = host_len < BSD_SOCK_MAXADDRLEN ? host_len : BSD_SOCK_MAXADDRLEN;
		o[0] = (uint8_t)len;
		o[1] = 0;
		memcpy(o + 2, (const char *)host + 2, len - 2);
		return len;
	}
	size_t copy = host_len < len ? host_len : len;
	memcpy(o + 2, (const char *)host + 2, copy - 2);
	o[0] = (uint8_t)len;
	return len;
}

/* FreeBSD kern_getsockname and accept1: MIN(room, sa_len). */
uint32_t bsd_sockaddr_reported_len(uint32_t room, size_t full)
{
	return full < room ? (uint32_t)full : room;
}

int bsd_domain_to_host(const struct xeno_flagset *domains, int af)
{
	uint64_t host;
	if (af == 0 || xeno_flags_to_host(domains, (uint32_t)af, &host) < 0)
		return -EAFNOSUPPORT;
	return (int)host;
}

int bsd_domain_from_host(const struct xeno_flagset *domains, int af)
{
	uint64_t f;
	if (xeno_flags_from_host(domains, (uint32_t)af, &f) < 0)
		return -1;
	return (int)f;
}

/* The bits of a "socktype" set: the type's field (its XENO_FIELD entries)
 * and the creation flags (its single-bit entries).  The BSDs keep the type
 * under 0x0fffffff, illumos under 0xffff (sys/socket.h SOCK_TYPE_MASK). */
static void socktype_bits(const struct xeno_flagset *types, uint32_t *type_mask, uint32_t *creation)
{
	*type_mask = *creation = 0;
	for (size_t i = 0; i < types->count; i++) {
		const struct xeno_flag *f = &types->flags[i];
		if (f->fmask == f->fval)
			*creation |= (uint32_t)f->fmask;
		else
			*type_mask |= (uint32_t)f->fmask;
	}
}

int bsd_socktype_to_host(const struct xeno_flagset *types, int type, int *host)
{
	uint64_t h;
	if (xeno_flags_to_host(types, (uint32_t)type, &h) == 0) {
		*host = (int)h;
		return 0;
	}
	uint32_t type_mask, creation;
	socktype_bits(types, &type_mask, &creation);
	uint32_t rest = (uint32_t)type & ~creation;
	return rest & ~type_mask ? -EINVAL : -EPROTOTYPE;
}

int bsd_accept_flags_to_host(const struct xeno_flagset *types, int flags, int *host)
{
	uint64_t h;
	uint32_t type_mask, creation;
	socktype_bits(types, &type_mask, &creation);
	if (((uint32_t)flags & type_mask) || xeno_flags_to_host(types, (uint32_t)flags, &h) < 0)
		return -EINVAL;
	*host = (int)h;
	return 0;
}

int bsd_msg_flags_to_host(const struct xeno_flagset *msg_flags, int flags, int *host)
{
	uint64_t h;
	if (xeno_flags_to_host(msg_flags, (uint32_t)flags, &h) < 0)
		return -EINVAL;
	*host = (int)h;
	return 0;
}

int bsd_msg_flags_from_host(const struct xeno_flagset *msg_flags, int host)
{
	static const int reported = MSG_OOB | MSG_EOR | MSG_TRUNC | MSG_CTRUNC;
	uint64_t f = 0;
	xeno_flags_from_host(msg_flags, (uint32_t)(host & reported), &f);
	return (int)f;
}

static const struct xeno_flag shut_how[] = {
    XENO_ENUM("SHUT_RD", 0, SHUT_RD),
    XENO_ENUM("SHUT_WR", 1, SHUT_WR),
    XENO_ENUM("SHUT_RDWR", 2, SHUT_RDWR),
};
const struct xeno_flagset bsd_shutdown_how = XENO_FLAGSET("shuthow", shut_how, 1);
