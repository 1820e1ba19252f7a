/* FreeBSD <-> Linux socket families, types, addresses and message flags. */
#include "unit.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "abi/freebsd/socket.h"

static void domains(void **state)
{
	(void)state;
	assert_int_equal(freebsd_domain_to_host(1), AF_UNIX);
	assert_int_equal(freebsd_domain_to_host(2), AF_INET);
	assert_int_equal(freebsd_domain_to_host(28), AF_INET6);
	assert_int_equal(freebsd_domain_to_host(10), -EAFNOSUPPORT); /* Linux's AF_INET6 */
	assert_int_equal(freebsd_domain_to_host(0), -EAFNOSUPPORT);
	assert_int_equal(freebsd_domain_from_host(AF_INET6), 28);
	assert_int_equal(freebsd_domain_from_host(AF_UNIX), 1);
	assert_int_equal(freebsd_domain_from_host(AF_NETLINK), -1);
}

static void socket_types(void **state)
{
	(void)state;
	int h = -1;
	assert_int_equal(freebsd_socktype_to_host(1, &h), 0);
	assert_int_equal(h, SOCK_STREAM);
	assert_int_equal(freebsd_socktype_to_host(5 | 0x10000000 | 0x20000000, &h), 0);
	assert_int_equal(h, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK);
	assert_int_equal(freebsd_socktype_to_host(2 | 0x20000000, &h), 0);
	assert_int_equal(h, SOCK_DGRAM | SOCK_NONBLOCK);
	/* a type no protocol has, and flag bits FreeBSD does not define */
	assert_int_equal(freebsd_socktype_to_host(9, &h), -EPROTOTYPE);
	assert_int_equal(freebsd_socktype_to_host(1 | 0x40000000, &h), -EINVAL);
	/* Linux's own flag values are a type FreeBSD does not have */
	assert_int_equal(freebsd_socktype_to_host(1 | SOCK_NONBLOCK, &h), -EPROTOTYPE);

	assert_int_equal(freebsd_accept_flags_to_host(0x30000000, &h), 0);
	assert_int_equal(h, SOCK_CLOEXEC | SOCK_NONBLOCK);
	assert_int_equal(freebsd_accept_flags_to_host(0, &h), 0);
	assert_int_equal(h, 0);
	assert_int_equal(freebsd_accept_flags_to_host(1, &h), -EINVAL);
}

/* AF_INET: 16 bytes, sa_len ignored on input (the length given counts). */
static void inet_to_host(void **state)
{
	(void)state;
	struct bsd_sockaddr_in f = {0, 2, htons(8080), htonl(0x7f000001), {0}};
	struct sockaddr_storage ss;
	socklen_t len = 0;
	assert_int_equal(freebsd_sockaddr_to_host(&f, sizeof f, &ss, &len), 0);
	const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
	assert_int_equal(len, sizeof(struct sockaddr_in));
	assert_int_equal(in->sin_family, AF_INET);
	assert_int_equal(ntohs(in->sin_port), 8080);
	assert_int_equal(ntohl(in->sin_addr.s_addr), 0x7f000001);
	f.sin_len = 200; /* wrong: still ignored */
	assert_int_equal(freebsd_sockaddr_to_host(&f, sizeof f, &ss, &len), 0);
	/* the protocol wants exactly 16 bytes */
	assert_int_equal(freebsd_sockaddr_to_host(&f, 15, &ss, &len), -EINVAL);
	assert_int_equal(freebsd_sockaddr_to_host(&f, 17, &ss, &len), -EINVAL);
	/* getsockaddr's bounds */
	assert_int_equal(freebsd_sockaddr_to_host(&f, 1, &ss, &len), -EINVAL);
	assert_int_equal(freebsd_sockaddr_to_host(&f, 256, &ss, &len), -ENAMETOOLONG);
	/* Linux's layout (a 16-bit family 2) reads as family 0: unspecified */
	struct sockaddr_in lin = {AF_INET, 0, {0}, {0}};
	assert_int_equal(freebsd_sockaddr_to_host(&lin, sizeof lin, &ss, &len), 0);
	assert_int_equal(ss.ss_family, AF_UNSPEC);
	uint8_t other[16] = {16, 18 /* AF_LINK */};
	assert_int_equal(freebsd_sockaddr_to_host(other, 16, &ss, &len), -EAFNOSUPPORT);
}

static void inet6_to_host(void **state)
{
	(void)state;
	struct bsd_sockaddr_in6 f = {28, 28, htons(443), htonl(7), {0}, 3};
	f.sin6_addr[15] = 1;
	struct sockaddr_storage ss;
	socklen_t len;
	assert_int_equal(freebsd_sockaddr_to_host(&f, sizeof f, &ss, &len), 0);
	const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
	assert_int_equal(len, sizeof(struct sockaddr_in6));
	assert_int_equal(in6->sin6_family, AF_INET6);
	assert_int_equal(ntohs(in6->sin6_port), 443);
	assert_int_equal(ntohl(in6->sin6_flowinfo), 7);
	assert_true(IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr));
	assert_int_equal(in6->sin6_scope_id, 3);
	assert_int_equal(freebsd_sockaddr_to_host(&f, 24, &ss, &len), -EINVAL);
}

static void unix_to_host(void **state)
{
	(void)state;
	struct bsd_sockaddr_un f = {0, 1, "/tmp/sock"};
	struct sockaddr_storage ss;
	socklen_t len;
	const struct sockaddr_un *un = (const struct sockaddr_un *)&ss;
	/* SUN_LEN: no NUL counted */
	assert_int_equal(freebsd_sockaddr_to_host(&f, 2 + 9, &ss, &len), 0);
	assert_int_equal(un->sun_family, AF_UNIX);
	assert_string_equal(un->sun_path, "/tmp/sock");
	assert_int_equal(len, offsetof(struct sockaddr_un, sun_path) + 10);
	/* the whole structure: the path ends at its NUL */
	assert_int_equal(freebsd_sockaddr_to_host(&f, sizeof f, &ss, &len), 0);
	assert_string_equal(un->sun_path, "/tmp/sock");
	/* a length that cuts the path takes the first bytes */
	assert_int_equal(freebsd_sockaddr_to_host(&f, 2 + 4, &ss, &len), 0);
	assert_string_equal(un->sun_path, "/tmp");
	/* no path, a path past sun_path, and an empty one (not abstract!) */
	assert_int_equal(freebsd_sockaddr_to_host(&f, 2, &ss, &len), -EINVAL);
	assert_int_equal(freebsd_sockaddr_to_host(&f, 107, &ss, &len), -EINVAL);
	struct bsd_sockaddr_un empty = {106, 1, {0}};
	empty.sun_path[1] = 'x';
	assert_int_equal(freebsd_sockaddr_to_host(&empty, sizeof empty, &ss, &len), -ENOENT);
}

static void from_host(void **state)
{
	(void)state;
	uint8_t out[FREEBSD_SOCK_MAXADDRLEN];
	struct sockaddr_in in = {AF_INET, htons(80), {htonl(0x7f000001)}, {0}};
	assert_int_equal(freebsd_sockaddr_from_host(&in, sizeof in, out), 16);
	const struct bsd_sockaddr_in *f = (const void *)out;
	assert_int_equal(f->sin_len, 16);
	assert_int_equal(f->sin_family, 2);
	assert_int_equal(ntohs(f->sin_port), 80);
	assert_int_equal(ntohl(f->sin_addr), 0x7f000001);

	struct sockaddr_in6 in6 = {AF_INET6, htons(22), 0, IN6ADDR_LOOPBACK_INIT, 5};
	assert_int_equal(freebsd_sockaddr_from_host(&in6, sizeof in6, out), 28);
	const struct bsd_sockaddr_in6 *f6 = (const void *)out;
	assert_int_equal(f6->sin6_len, 28);
	assert_int_equal(f6->sin6_family, 28);
	assert_int_equal(f6->sin6_addr[15], 1);
	assert_int_equal(f6->sin6_scope_id, 5);

	struct sockaddr_un un = {AF_UNIX, "/run/x"};
	size_t n = freebsd_sockaddr_from_host(&un, offsetof(struct sockaddr_un, sun_path) + 7, out);
	const struct bsd_sockaddr_un *fu = (const void *)out;
	assert_int_equal(n, 2 + 7);
	assert_int_equal(fu->sun_len, n);
	assert_int_equal(fu->sun_family, 1);
	assert_string_equal(fu->sun_path, "/run/x");
	/* an unnamed socket reads as sun_noname: 16 bytes of AF_UNIX */
	assert_int_equal(freebsd_sockaddr_from_host(&un, sizeof(sa_family_t), out), 16);
	assert_int_equal(out[0], 16);
	assert_int_equal(out[1], 1);
	/* no address at all */
	assert_int_equal(freebsd_sockaddr_from_host(&un, 0, out), 0);
}

/* FreeBSD copies and reports at most the room the caller gave. */
static void reported_length(void **state)
{
	(void)state;
	assert_int_equal(freebsd_sockaddr_reported_len(128, 16), 16);
	assert_int_equal(freebsd_sockaddr_reported_len(8, 16), 8);
	assert_int_equal(freebsd_sockaddr_reported_len(0, 28), 0);
}

static void msg_flags(void **state)
{
	(void)state;
	int h = 0;
	assert_int_equal(freebsd_msg_flags_to_host(0x20000 | 0x80 | 0x40 | 0x2 | 0x1, &h), 0);
	assert_int_equal(h, MSG_NOSIGNAL | MSG_DONTWAIT | MSG_WAITALL | MSG_PEEK | MSG_OOB);
	assert_int_equal(freebsd_msg_flags_to_host(0x8 | 0x40000, &h), 0);
	assert_int_equal(h, MSG_EOR | MSG_CMSG_CLOEXEC);
	assert_int_equal(freebsd_msg_flags_to_host(0x4000, &h), 0); /* MSG_NBIO */
	assert_int_equal(h, MSG_DONTWAIT);
	assert_int_equal(freebsd_msg_flags_to_host(0x100, &h), 0); /* MSG_EOF: handled aside */
	assert_int_equal(h, 0);
	assert_int_equal(freebsd_msg_flags_to_host(0x200, &h), -EINVAL);
	assert_int_equal(freebsd_msg_flags_to_host(0x10000, &h), -EINVAL); /* kernel-only */
	/* received flags: MSG_TRUNC 0x10, MSG_CTRUNC 0x20, MSG_EOR 0x8, MSG_OOB 0x1 */
	assert_int_equal(freebsd_msg_flags_from_host(MSG_TRUNC), 0x10);
	assert_int_equal(freebsd_msg_flags_from_host(MSG_CTRUNC), 0x20);
	assert_int_equal(freebsd_msg_flags_from_host(MSG_EOR | MSG_OOB), 0x9);
	assert_int_equal(freebsd_msg_flags_from_host(MSG_ERRQUEUE | MSG_CMSG_CLOEXEC), 0);
}

int main(void)
{
	RUN(cmocka_unit_test(domains), cmocka_unit_test(socket_types),
	    cmocka_unit_test(inet_to_host), cmocka_unit_test(inet6_to_host),
	    cmocka_unit_test(unix_to_host), cmocka_unit_test(from_host),
	    cmocka_unit_test(reported_length), cmocka_unit_test(msg_flags));
}
