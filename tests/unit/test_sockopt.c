/* Socket options: the FreeBSD table and the value converters. */
#include "unit.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#include "abi/freebsd/errno.h"
#include "abi/freebsd/socket.h"

static const struct bsd_sockopt *find(int level, int name)
{
	int err = 0;
	const struct bsd_sockopt *o = freebsd_sockopt_find(level, name, &err);
	assert_non_null(o);
	return o;
}

static void mapping(void **state)
{
	(void)state;
	static const struct {
		int level, name, hlevel, hname;
	} known[] = {
	    {0xffff, 0x0004, SOL_SOCKET, SO_REUSEADDR},
	    {0xffff, 0x0200, SOL_SOCKET, SO_REUSEPORT},
	    {0xffff, 0x0008, SOL_SOCKET, SO_KEEPALIVE},
	    {0xffff, 0x0020, SOL_SOCKET, SO_BROADCAST},
	    {0xffff, 0x0080, SOL_SOCKET, SO_LINGER},
	    {0xffff, 0x1001, SOL_SOCKET, SO_SNDBUF},
	    {0xffff, 0x1002, SOL_SOCKET, SO_RCVBUF},
	    {0xffff, 0x1004, SOL_SOCKET, SO_RCVLOWAT},
	    {0xffff, 0x1005, SOL_SOCKET, SO_SNDTIMEO},
	    {0xffff, 0x1006, SOL_SOCKET, SO_RCVTIMEO},
	    {0xffff, 0x1007, SOL_SOCKET, SO_ERROR},
	    {0xffff, 0x1008, SOL_SOCKET, SO_TYPE},
	    {0xffff, 0x0002, SOL_SOCKET, SO_ACCEPTCONN},
	    {0xffff, 0x1019, SOL_SOCKET, SO_DOMAIN},
	    {0, 3, IPPROTO_IP, IP_TOS},
	    {0, 4, IPPROTO_IP, IP_TTL},
	    {0, 10, IPPROTO_IP, IP_MULTICAST_TTL},
	    {0, 12, IPPROTO_IP, IP_ADD_MEMBERSHIP},
	    {41, 27, IPPROTO_IPV6, IPV6_V6ONLY},
	    {41, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS},
	    {41, 12, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP},
	    {6, 1, IPPROTO_TCP, TCP_NODELAY},
	    {6, 2, IPPROTO_TCP, TCP_MAXSEG},
	    {6, 4, IPPROTO_TCP, TCP_CORK},
	    {6, 256, IPPROTO_TCP, TCP_KEEPIDLE},
	    {6, 512, IPPROTO_TCP, TCP_KEEPINTVL},
	    {6, 1024, IPPROTO_TCP, TCP_KEEPCNT},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		const struct bsd_sockopt *o = find(known[i].level, known[i].name);
		assert_int_equal(o->host_level, known[i].hlevel);
		assert_int_equal(o->host_name, known[i].hname);
	}
	assert_int_equal(find(0xffff, 0x0800)->kind, BSD_OPT_NOSIGPIPE);
}

static void unknown(void **state)
{
	(void)state;
	int err = 0;
	assert_null(freebsd_sockopt_find(0xffff, 0x7777, &err));
	assert_int_equal(err, -ENOPROTOOPT);
	assert_null(freebsd_sockopt_find(6, 3, &err)); /* Linux's TCP_CORK number */
	assert_int_equal(err, -ENOPROTOOPT);
	assert_null(freebsd_sockopt_find(1, 2, &err)); /* Linux's SOL_SOCKET/SO_REUSEADDR */
	assert_int_equal(err, -EINVAL);
}

static const struct bsd_sockopt_xlat xlat = {freebsd_errno_from_host, &freebsd_socket_domains};

/* A switch reads back as FreeBSD's bit for it (sogetopt, tcp_ctloutput). */
static void switches(void **state)
{
	(void)state;
	uint8_t out[BSD_SOCKOPT_MAX];
	int32_t on = 1, off = 0, v;
	assert_int_equal(
	    bsd_sockopt_value_from_host(find(0xffff, 4), &on, 4, out, sizeof out, &xlat), 4);
	memcpy(&v, out, 4);
	assert_int_equal(v, 0x0004);
	bsd_sockopt_value_from_host(find(6, 1), &on, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 0x4); /* TF_NODELAY */
	bsd_sockopt_value_from_host(find(6, 4), &on, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 0x1000); /* TF_NOPUSH */
	bsd_sockopt_value_from_host(find(0xffff, 0x0800), &on, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 0x0800);
	bsd_sockopt_value_from_host(find(0xffff, 4), &off, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 0);
	/* a plain int stays as it is */
	int32_t ttl = 64;
	bsd_sockopt_value_from_host(find(0, 4), &ttl, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 64);
}

static void errors_and_domains(void **state)
{
	(void)state;
	uint8_t out[BSD_SOCKOPT_MAX];
	int32_t e = ECONNREFUSED, v;
	bsd_sockopt_value_from_host(find(0xffff, 0x1007), &e, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 61);
	e = EINPROGRESS;
	bsd_sockopt_value_from_host(find(0xffff, 0x1007), &e, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 36);
	int32_t af = AF_INET6;
	bsd_sockopt_value_from_host(find(0xffff, 0x1019), &af, 4, out, sizeof out, &xlat);
	memcpy(&v, out, 4);
	assert_int_equal(v, 28);
}

static void linger_and_timeval(void **state)
{
	(void)state;
	uint8_t out[BSD_SOCKOPT_MAX];
	size_t n;
	struct bsd_linger l = {1, 7}, got;
	assert_int_equal(
	    bsd_sockopt_value_from_host(find(0xffff, 0x80), &l, sizeof l, out, sizeof out, &xlat),
	    8);
	memcpy(&got, out, sizeof got);
	assert_int_equal(got.l_onoff, 0x80); /* so_options & SO_LINGER */
	assert_int_equal(got.l_linger, 7);
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x80), &l, sizeof l, out, sizeof out, &n), 0);
	assert_int_equal(n, 8);
	assert_int_equal(bsd_sockopt_value_to_host(find(0xffff, 0x80), &l, 4, out, sizeof out, &n),
			 -EINVAL);

	struct bsd_timeval tv = {2, 250000};
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x1006), &tv, sizeof tv, out, sizeof out, &n),
	    0);
	assert_int_equal(n, 16);
	assert_memory_equal(out, &tv, 16);
	struct bsd_timeval bad = {0, 1000000}, neg = {-1, 0};
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x1006), &bad, sizeof bad, out, sizeof out, &n),
	    -EDOM);
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x1005), &neg, sizeof neg, out, sizeof out, &n),
	    -EDOM);
}

static void set_rules(void **state)
{
	(void)state;
	uint8_t out[BSD_SOCKOPT_MAX];
	size_t n = 0;
	int64_t big = 1;
	/* an int option takes an int from a longer value, refuses a shorter one */
	assert_int_equal(bsd_sockopt_value_to_host(find(6, 1), &big, 8, out, sizeof out, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(bsd_sockopt_value_to_host(find(6, 1), &big, 2, out, sizeof out, &n),
			 -EINVAL);
	/* read-only options */
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x1007), &big, 4, out, sizeof out, &n),
	    -ENOPROTOOPT);
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0xffff, 0x1008), &big, 4, out, sizeof out, &n),
	    -ENOPROTOOPT);
	/* bytes pass as they are, at their own length */
	uint8_t ttl = 3;
	assert_int_equal(bsd_sockopt_value_to_host(find(0, 10), &ttl, 1, out, sizeof out, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 3);
	uint8_t huge[BSD_SOCKOPT_MAX + 1] = {0};
	assert_int_equal(
	    bsd_sockopt_value_to_host(find(0, 1), huge, sizeof huge, out, sizeof out, &n), -EINVAL);
}

int main(void)
{
	RUN(cmocka_unit_test(mapping), cmocka_unit_test(unknown), cmocka_unit_test(switches),
	    cmocka_unit_test(errors_and_domains), cmocka_unit_test(linger_and_timeval),
	    cmocka_unit_test(set_rules));
}
