/* Control messages both ways: SCM_RIGHTS in FreeBSD's 12-byte header form. */
#include "unit.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "abi/freebsd/socket.h"

/* One FreeBSD SCM_RIGHTS message carrying n descriptors, at buf. */
static size_t freebsd_rights(uint8_t *buf, const int *fds, size_t n)
{
	struct bsd_cmsghdr h = {(uint32_t)BSD_CMSG_LEN(n * sizeof(int)), 0xffff, 1};
	memset(buf, 0, BSD_CMSG_SPACE(n * sizeof(int)));
	memcpy(buf, &h, sizeof h);
	memcpy(buf + 16, fds, n * sizeof(int));
	return BSD_CMSG_SPACE(n * sizeof(int));
}

static void rights_to_host(void **state)
{
	(void)state;
	uint8_t in[256], out[256];
	int fds[3] = {5, 6, 7};
	size_t len = freebsd_rights(in, fds, 3);
	assert_int_equal(len, 32); /* 16 + _ALIGN(12) */
	long n = freebsd_cmsgs_to_host(in, len, out, sizeof out);
	assert_int_equal(n, CMSG_SPACE(3 * sizeof(int)));
	struct msghdr m = {.msg_control = out, .msg_controllen = (size_t)n};
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	assert_non_null(c);
	assert_int_equal(c->cmsg_level, SOL_SOCKET);
	assert_int_equal(c->cmsg_type, SCM_RIGHTS);
	assert_int_equal(c->cmsg_len, CMSG_LEN(3 * sizeof(int)));
	assert_memory_equal(CMSG_DATA(c), fds, sizeof fds);
	assert_null(CMSG_NXTHDR(&m, c));

	/* two messages, the last without its padding (CMSG_LEN, not SPACE) */
	size_t first = freebsd_rights(in, fds, 1);
	freebsd_rights(in + first, fds + 1, 1);
	n = freebsd_cmsgs_to_host(in, first + BSD_CMSG_LEN(sizeof(int)), out, sizeof out);
	assert_int_equal(n, 2 * CMSG_SPACE(sizeof(int)));
	m.msg_controllen = (size_t)n;
	c = CMSG_NXTHDR(&m, CMSG_FIRSTHDR(&m));
	assert_non_null(c);
	assert_int_equal(*(int *)CMSG_DATA(c), 6);
}

static void bad_control(void **state)
{
	(void)state;
	uint8_t in[64], out[128];
	int fd = 3;
	size_t len = freebsd_rights(in, &fd, 1);
	/* shorter than a header, a cmsg_len past the buffer, or under one */
	assert_int_equal(freebsd_cmsgs_to_host(in, 8, out, sizeof out), -EINVAL);
	assert_int_equal(freebsd_cmsgs_to_host(in, 18, out, sizeof out), -EINVAL);
	struct bsd_cmsghdr *h = (struct bsd_cmsghdr *)in;
	h->cmsg_len = 11;
	assert_int_equal(freebsd_cmsgs_to_host(in, len, out, sizeof out), -EINVAL);
	/* Linux's level (1) and SCM_CREDS (3), which has no form here */
	h->cmsg_len = 20;
	h->cmsg_level = 1;
	assert_int_equal(freebsd_cmsgs_to_host(in, len, out, sizeof out), -EINVAL);
	h->cmsg_level = 0xffff;
	h->cmsg_type = 3;
	assert_int_equal(freebsd_cmsgs_to_host(in, len, out, sizeof out), -EINVAL);
}

static void rights_from_host(void **state)
{
	(void)state;
	union {
		char buf[CMSG_SPACE(2 * sizeof(int)) + CMSG_SPACE(16)];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr m = {.msg_control = u.buf, .msg_controllen = sizeof u.buf};
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	int fds[2] = {9, 10};
	memcpy(CMSG_DATA(c), fds, sizeof fds);
	c = CMSG_NXTHDR(&m, c);
	c->cmsg_len = CMSG_LEN(16);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SO_TIMESTAMP;

	uint8_t out[256];
	int flags = 0;
	size_t n = freebsd_cmsgs_from_host(u.buf, sizeof u.buf, out, sizeof out, &flags);
	assert_int_equal(n, BSD_CMSG_SPACE(8) + BSD_CMSG_SPACE(16));
	assert_int_equal(flags, 0);
	struct bsd_cmsghdr h;
	memcpy(&h, out, sizeof h);
	assert_int_equal(h.cmsg_len, 24);
	assert_int_equal(h.cmsg_level, 0xffff);
	assert_int_equal(h.cmsg_type, 1);
	assert_memory_equal(out + 16, fds, sizeof fds);
	memcpy(&h, out + BSD_CMSG_SPACE(8), sizeof h);
	assert_int_equal(h.cmsg_type, 2); /* SCM_TIMESTAMP */
	assert_int_equal(h.cmsg_len, 32);
}

static void ctrunc(void **state)
{
	(void)state;
	union {
		char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(12)];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr m = {.msg_control = u.buf, .msg_controllen = sizeof u.buf};
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_len = CMSG_LEN(12);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS; /* no FreeBSD form: dropped */
	c = CMSG_NXTHDR(&m, c);
	c->cmsg_len = CMSG_LEN(sizeof(int));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	uint8_t out[64];
	int flags = 0;
	size_t n = freebsd_cmsgs_from_host(u.buf, sizeof u.buf, out, sizeof out, &flags);
	assert_int_equal(flags, FREEBSD_MSG_CTRUNC);
	assert_int_equal(n, BSD_CMSG_SPACE(4));
	/* no room for the rights */
	flags = 0;
	n = freebsd_cmsgs_from_host(u.buf, sizeof u.buf, out, 12, &flags);
	assert_int_equal(n, 0);
	assert_int_equal(flags, FREEBSD_MSG_CTRUNC);
}

int main(void)
{
	RUN(cmocka_unit_test(rights_to_host), cmocka_unit_test(bad_control),
	    cmocka_unit_test(rights_from_host), cmocka_unit_test(ctrunc));
}
