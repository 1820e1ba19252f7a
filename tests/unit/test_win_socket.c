/* Windows Sockets translation (abi/windows/socket.c): families, addresses,
 * options, message flags and the statuses overlapped operations end with. */
#include "unit.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#include "abi/windows/errors.h"
#include "abi/windows/socket.h"

static void families(void **state)
{
	(void)state;
	assert_int_equal(win_af_to_host(WIN_AF_INET), AF_INET);
	assert_int_equal(win_af_to_host(23), AF_INET6); /* ws2def.h AF_INET6 */
	assert_int_equal(win_af_from_host(AF_INET6), 23);
	assert_int_equal(win_af_from_host(AF_INET), 2);
	assert_int_equal(win_af_to_host(10), -1); /* Linux's AF_INET6 is not Windows' */
	assert_int_equal(win_af_from_host(AF_NETLINK), -1);
}

static void addresses(void **state)
{
	(void)state;
	struct sockaddr_storage ss;
	/* sockaddr_in: family 2, port 8080, 127.0.0.1 */
	uint8_t in4[16] = {2, 0, 0x1f, 0x90, 127, 0, 0, 1};
	assert_int_equal(win_sockaddr_to_host(in4, sizeof in4, &ss), sizeof(struct sockaddr_in));
	const struct sockaddr_in *sin = (const struct sockaddr_in *)&ss;
	assert_int_equal(sin->sin_family, AF_INET);
	assert_int_equal(ntohs(sin->sin_port), 8080);
	assert_int_equal(ntohl(sin->sin_addr.s_addr), 0x7f000001);
	assert_int_equal(win_sockaddr_to_host(in4, 8, &ss), -EINVAL); /* too short */

	/* sockaddr_in6 of 28 bytes and the old 24-byte form: both the host's 28 */
	uint8_t in6[28] = {23, 0, 0, 80};
	in6[8 + 15] = 1; /* ::1 */
	in6[24] = 5;	 /* scope id */
	assert_int_equal(win_sockaddr_to_host(in6, 28, &ss), sizeof(struct sockaddr_in6));
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)&ss;
	assert_int_equal(s6->sin6_family, AF_INET6);
	assert_int_equal(ntohs(s6->sin6_port), 80);
	assert_true(IN6_IS_ADDR_LOOPBACK(&s6->sin6_addr));
	assert_int_equal(s6->sin6_scope_id, 5);
	assert_int_equal(win_sockaddr_to_host(in6, 24, &ss), sizeof(struct sockaddr_in6));
	assert_int_equal(s6->sin6_scope_id, 0);
	assert_int_equal(win_sockaddr_to_host(in6, 20, &ss), -EINVAL);

	uint8_t bad[16] = {10}; /* Linux's AF_INET6 number */
	assert_int_equal(win_sockaddr_to_host(bad, sizeof bad, &ss), -EAFNOSUPPORT);
	assert_int_equal(win_sockaddr_to_host(in4, 1, &ss), -EINVAL);

	/* and back: Windows' family number, the same length */
	uint8_t out[WIN_SOCKADDR_MAX];
	assert_int_equal(win_sockaddr_from_host(&ss, sizeof(struct sockaddr_in6), out, sizeof out),
			 28);
	uint16_t family;
	memcpy(&family, out, 2);
	assert_int_equal(family, 23);
	assert_memory_equal(out + 2, in6 + 2, 22);
	ss.ss_family = AF_NETLINK;
	assert_int_equal(win_sockaddr_from_host(&ss, 12, out, sizeof out), -EAFNOSUPPORT);
}

static void options(void **state)
{
	(void)state;
	int level, name;
	assert_int_equal(win_sockopt_to_host(0xffff, 0x0004, &level, &name), 0);
	assert_int_equal(level, SOL_SOCKET);
	assert_int_equal(name, SO_REUSEADDR);
	assert_int_equal(win_sockopt_to_host(6, 1, &level, &name), 0);
	assert_int_equal(level, IPPROTO_TCP);
	assert_int_equal(name, TCP_NODELAY);
	assert_int_equal(win_sockopt_to_host(41, 27, &level, &name), 0);
	assert_int_equal(name, IPV6_V6ONLY);
	/* accepted and ignored: Linux sockets need no such step */
	assert_int_equal(win_sockopt_to_host(0xffff, 0x700b, &level, &name), 1);
	/* SO_EXCLUSIVEADDRUSE and unknown ones */
	assert_int_equal(win_sockopt_to_host(0xffff, ~0x0004, &level, &name), -ENOPROTOOPT);
	assert_int_equal(win_sockopt_to_host(0xffff, 0x1234, &level, &name), -ENOPROTOOPT);
}

static void message_flags(void **state)
{
	(void)state;
	assert_int_equal(win_msg_flags_to_host(0), 0);
	assert_int_equal(win_msg_flags_to_host(WIN_MSG_PEEK | WIN_MSG_OOB), MSG_PEEK | MSG_OOB);
	assert_int_equal(win_msg_flags_to_host(WIN_MSG_WAITALL), MSG_WAITALL);
	assert_int_equal(win_msg_flags_to_host(0x8000), -EINVAL); /* MSG_PARTIAL is an output */
}

static void statuses(void **state)
{
	(void)state;
	assert_int_equal(win_ntstatus_from_host(0), 0);
	assert_int_equal(win_ntstatus_from_host(ECONNRESET), 0xc000020du);
	assert_int_equal(win_ntstatus_from_host(ECANCELED), 0xc0000120u);
	assert_int_equal(win_wsa_error_from_ntstatus(0xc000020du), WIN_WSAECONNRESET);
	assert_int_equal(win_wsa_error_from_ntstatus(0x103u), WIN_ERROR_IO_PENDING);
	assert_int_equal(win_error_from_ntstatus(0xc0000120u), WIN_ERROR_OPERATION_ABORTED);
	assert_int_equal(win_error_from_ntstatus(0xc000020du), 64); /* ERROR_NETNAME_DELETED */
	assert_int_equal(win_error_from_ntstatus(0xc0001234u), 317);
	/* every error a transfer can end with has a status that says it back */
	const int errors[] = {ECONNRESET, ECONNABORTED, ECONNREFUSED, ENOTCONN,	  ETIMEDOUT,
			      EMSGSIZE,	  EADDRINUSE,	EHOSTUNREACH, ENETUNREACH};
	for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
		uint32_t st = win_ntstatus_from_host(errors[i]);
		assert_int_not_equal(st, WIN_STATUS_INVALID_PARAMETER);
		assert_int_not_equal(win_wsa_error_from_ntstatus(st), WIN_WSAEINVAL);
	}
}

int main(void)
{
	RUN(cmocka_unit_test(families), cmocka_unit_test(addresses), cmocka_unit_test(options),
	    cmocka_unit_test(message_flags), cmocka_unit_test(statuses));
}
