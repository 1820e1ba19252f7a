/*
 * Sockets: socket, bind, connect, listen, accept, getsockname,
 * getpeername, getsockopt, setsockopt, shutdown, with macOS's numbering
 * (abi/darwin/socket.h) and 4.4BSD addresses through the shared codec
 * (abi/bsd/sockaddr.c) given macOS's families.  macOS has no
 * SOCK_NONBLOCK or SOCK_CLOEXEC bits: Go sets both with fcntl.
 */
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "abi/darwin/errno.h"
#include "abi/darwin/socket.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

static int domain_to_host(int d)
{
	return d == DARWIN_AF_UNIX    ? AF_UNIX
	       : d == DARWIN_AF_INET  ? AF_INET
	       : d == DARWIN_AF_INET6 ? AF_INET6
				      : -1;
}

long darwin_libSystem_socket(struct xeno_thread *t, int domain, int type, int protocol)
{
	(void)t;
	int d = domain_to_host(domain);
	if (d < 0)
		return -EAFNOSUPPORT;
	if (type != SOCK_STREAM && type != SOCK_DGRAM && type != SOCK_RAW && type != SOCK_SEQPACKET)
		return -EPROTOTYPE;
	long fd = host_syscall3(SYS_socket, d, type, protocol);
	if (fd >= 0 && d == AF_INET6) { /* macOS's IPv6 sockets take IPv4 too */
		int off = 0;
		host_syscall5(SYS_setsockopt, fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
	}
	return fd;
}

static long addr_in(uint64_t addr, unsigned len, struct sockaddr_storage *ss, socklen_t *hlen)
{
	unsigned char buf[BSD_SOCK_MAXADDRLEN];
	if (len > sizeof buf)
		return -EINVAL;
	if (xeno_copy_in(buf, addr, len) < 0)
		return -EFAULT;
	return bsd_sockaddr_to_host(&darwin_families, buf, len, ss, hlen);
}

/* Writes a host address to the guest's (addr, *lenp) as bind's peers do. */
static long addr_out(const struct sockaddr_storage *ss, socklen_t hlen, uint64_t addr,
		     uint64_t lenp)
{
	if (!addr || !lenp)
		return 0;
	uint32_t room;
	if (xeno_copy_in(&room, lenp, sizeof room) < 0)
		return -EFAULT;
	unsigned char buf[BSD_SOCK_MAXADDRLEN];
	size_t full = bsd_sockaddr_from_host(&darwin_families, ss, hlen, buf);
	uint32_t n = bsd_sockaddr_reported_len(room, full);
	if ((n && xeno_copy_out(addr, buf, n < full ? n : full) < 0) ||
	    xeno_copy_out(lenp, &n, sizeof n) < 0)
		return -EFAULT;
	return 0;
}

long darwin_libSystem_bind(struct xeno_thread *t, int fd, uint64_t addr, unsigned int len)
{
	(void)t;
	struct sockaddr_storage ss;
	socklen_t hlen;
	long e = addr_in(addr, len, &ss, &hlen);
	return e < 0 ? e : host_syscall3(SYS_bind, fd, &ss, hlen);
}

long darwin_libSystem_connect(struct xeno_thread *t, int fd, uint64_t addr, unsigned int len)
{
	(void)t;
	struct sockaddr_storage ss;
	socklen_t hlen;
	long e = addr_in(addr, len, &ss, &hlen);
	return e < 0 ? e : host_blocking_syscall(SYS_connect, fd, &ss, hlen, 0, 0, 0);
}

long darwin_libSystem_listen(struct xeno_thread *t, int fd, int backlog)
{
	(void)t;
	return host_syscall2(SYS_listen, fd, backlog);
}

long darwin_libSystem_accept(struct xeno_thread *t, int fd, uint64_t addr, uint64_t len)
{
	(void)t;
	struct sockaddr_storage ss;
	socklen_t hlen = sizeof ss;
	long nfd = host_blocking_syscall(SYS_accept, fd, &ss, &hlen, 0, 0, 0);
	if (nfd < 0)
		return nfd;
	long e = addr_out(&ss, hlen, addr, len);
	if (e < 0) {
		host_syscall1(SYS_close, nfd);
		return e;
	}
	return nfd;
}

static long name_of(int nr, int fd, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;
	socklen_t hlen = sizeof ss;
	long r = host_syscall3(nr, fd, &ss, &hlen);
	return r < 0 ? r : addr_out(&ss, hlen, addr, len);
}

long darwin_libSystem_getsockname(struct xeno_thread *t, int fd, uint64_t addr, uint64_t len)
{
	(void)t;
	return name_of(SYS_getsockname, fd, addr, len);
}

long darwin_libSystem_getpeername(struct xeno_thread *t, int fd, uint64_t addr, uint64_t len)
{
	(void)t;
	return name_of(SYS_getpeername, fd, addr, len);
}

/* Option values are ints or struct linger (two ints), as Linux's. */
long darwin_libSystem_setsockopt(struct xeno_thread *t, int fd, int level, int name, uint64_t val,
				 unsigned int len)
{
	(void)t;
	int hl, hn;
	int k = darwin_sockopt_to_host(level, name, &hl, &hn);
	if (k < 0)
		return k;
	int v[2];
	if (len > sizeof v)
		return -EINVAL;
	if (xeno_copy_in(v, val, len) < 0)
		return -EFAULT;
	if (k == 1) /* SO_NOSIGPIPE: checked only on the descriptor */
		return host_syscall2(SYS_fcntl, fd, 1) < 0 ? -EBADF : 0;
	return host_syscall5(SYS_setsockopt, fd, hl, hn, v, len);
}

long darwin_libSystem_getsockopt(struct xeno_thread *t, int fd, int level, int name, uint64_t val,
				 uint64_t lenp)
{
	(void)t;
	int hl, hn;
	int k = darwin_sockopt_to_host(level, name, &hl, &hn);
	if (k < 0)
		return k;
	uint32_t room;
	if (xeno_copy_in(&room, lenp, sizeof room) < 0)
		return -EFAULT;
	int v[2] = {0, 0};
	socklen_t n = sizeof v;
	if (k == 0) {
		long r = host_syscall5(SYS_getsockopt, fd, hl, hn, v, &n);
		if (r < 0)
			return r;
	} else {
		n = sizeof(int);
	}
	if (level == 0xffff && name == 0x1007 && v[0]) /* SO_ERROR: a host errno */
		v[0] = darwin_errno_from_host(v[0]);
	if (room < n)
		n = room;
	if (xeno_copy_out(val, v, n) < 0 || xeno_copy_out(lenp, &n, sizeof n) < 0)
		return -EFAULT;
	return 0;
}

/* SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2, as Linux's */
long darwin_libSystem_shutdown(struct xeno_thread *t, int fd, int how)
{
	(void)t;
	if (how < 0 || how > 2)
		return -EINVAL;
	return host_syscall2(SYS_shutdown, fd, how);
}
