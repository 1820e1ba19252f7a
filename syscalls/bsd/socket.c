/*
 * Sockets, addresses and connections, shared by the BSD personalities.
 * Semantics: FreeBSD sys/kern/uipc_syscalls.c; the per-OS values come
 * through bsd_abi_of(t) (abi/bsd/abi.h).  Like every handler that takes a
 * descriptor, they refuse xeno's own (bsd_fd: EBADF), and the sockets they
 * make pass through xeno_fd_guest_new.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"
#include "core/blocking.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

#define ADDR_MAX 256 /* room for any BSD socket address (SOCK_MAXADDRLEN 255) */

long bsd_sockaddr_in(struct xeno_thread *t, uint64_t addr, size_t len,
		     struct sockaddr_storage *host, unsigned *host_len)
{
	uint8_t buf[ADDR_MAX];
	/* The converter refuses a length over SOCK_MAXADDRLEN before reading. */
	if (len <= sizeof buf && xeno_copy_in(buf, addr, len) < 0)
		return -EFAULT;
	const struct bsd_abi *a = bsd_abi_of(t);
	if (a->socket_codecs)
		return a->socket_codecs->sockaddr_to_host(buf, len, host, host_len);
	return bsd_sockaddr_to_host(a->families, buf, len, host, host_len);
}

size_t bsd_sockaddr_encode(const struct xeno_thread *t, const void *host, size_t host_len,
			   void *out)
{
	const struct bsd_abi *a = bsd_abi_of(t);
	if (a->socket_codecs)
		return a->socket_codecs->sockaddr_from_host(host, host_len, out);
	return bsd_sockaddr_from_host(a->families, host, host_len, out);
}

long bsd_sockaddr_out(struct xeno_thread *t, const void *host, size_t host_len, uint64_t addr,
		      uint64_t alen_addr, uint32_t room)
{
	uint8_t buf[ADDR_MAX];
	size_t full = bsd_sockaddr_encode(t, host, host_len, buf);
	uint32_t n = bsd_sockaddr_reported_len(room, full);
	if (n && xeno_copy_out(addr, buf, n) < 0)
		return -EFAULT;
	return xeno_copy_out(alen_addr, &n, sizeof n);
}

/* net.inet6.ip6.v6only: where the OS makes new IPv6 sockets v6-only by
 * default, so must the host (Linux defaults to dual-stack). */
static void inet6_default(struct xeno_thread *t, int fd, int host_domain)
{
	int on = 1;
	if (host_domain == AF_INET6 && bsd_abi_of(t)->inet6_v6only)
		host_syscall5(SYS_setsockopt, fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
}

/* socket()'s type word for the host: 0 or a negated host errno. */
static long socktype_in(const struct xeno_thread *t, int type, int *htype)
{
	const struct bsd_abi *a = bsd_abi_of(t);
	long r = bsd_socktype_to_host(a->socket_types, type, htype);
	return r == -EPROTOTYPE && a->socktype_unknown_errno ? -a->socktype_unknown_errno : r;
}

long bsd_sys_socket(struct xeno_thread *t, int domain, int type, int protocol)
{
	int hdomain = bsd_domain_to_host(bsd_abi_of(t)->socket_domains, domain), htype;
	if (hdomain < 0)
		return hdomain;
	long r = socktype_in(t, type, &htype);
	if (r < 0)
		return r;
	long fd = xeno_fd_guest_new(host_syscall3(SYS_socket, hdomain, htype, protocol));
	if (fd >= 0)
		inet6_default(t, (int)fd, hdomain);
	return fd;
}

long bsd_sys_socketpair(struct xeno_thread *t, int domain, int type, int protocol, uint64_t rsv)
{
	int hdomain = bsd_domain_to_host(bsd_abi_of(t)->socket_domains, domain), htype;
	if (hdomain < 0)
		return hdomain;
	long r = socktype_in(t, type, &htype);
	if (r < 0)
		return r;
	int sv[2];
	r = host_syscall4(SYS_socketpair, hdomain, htype, protocol, sv);
	if (r < 0)
		return r;
	if (xeno_fd_guest_new(sv[1]) < 0) {
		host_syscall1(SYS_close, sv[0]);
		return -EMFILE;
	}
	if (xeno_fd_guest_new(sv[0]) < 0) {
		host_syscall1(SYS_close, sv[1]);
		return -EMFILE;
	}
	if (xeno_copy_out(rsv, sv, sizeof sv) < 0) {
		host_syscall1(SYS_close, sv[0]);
		host_syscall1(SYS_close, sv[1]);
		return -EFAULT;
	}
	return 0;
}

/* A local address named relative to directory dirfd: Linux binds and
 * connects only by path, so the path goes through /proc/self/fd. */
static long unix_at(int dirfd, struct sockaddr_storage *ss, unsigned *len)
{
	struct sockaddr_un *sun = (struct sockaddr_un *)ss;
	if (sun->sun_path[0] == '/')
		return 0;
	char path[sizeof sun->sun_path + 1];
	int n = snprintf(path, sizeof path, "/proc/self/fd/%d/%s", dirfd, sun->sun_path);
	if (n < 0 || (size_t)n >= sizeof sun->sun_path)
		return -ENAMETOOLONG;
	memcpy(sun->sun_path, path, (size_t)n + 1);
	*len = (unsigned)(offsetof(struct sockaddr_un, sun_path) + (size_t)n + 1);
	return 0;
}

/* The address for bind/connect(at): dirfd is the OS's AT_FDCWD for the
 * plain calls.  Only local sockets name files; other protocols have no
 * "at" form (FreeBSD's pr_bindat/pr_connectat default: EOPNOTSUPP). */
static long address_at(struct xeno_thread *t, int dirfd, uint64_t name, unsigned namelen,
		       struct sockaddr_storage *ss, unsigned *len)
{
	long r = bsd_sockaddr_in(t, name, namelen, ss, len);
	if (r < 0 || dirfd == bsd_abi_of(t)->at_fdcwd)
		return r;
	if (bsd_fd(dirfd) < 0)
		return -EBADF;
	if (ss->ss_family != AF_UNIX)
		return -EOPNOTSUPP;
	return unix_at(dirfd, ss, len);
}

/* bindat/connectat: the address first, then the socket descriptor. */
static long address_then_socket(struct xeno_thread *t, int dirfd, int s, uint64_t name,
				unsigned namelen, struct sockaddr_storage *ss, unsigned *len)
{
	long r = address_at(t, dirfd, name, namelen, ss, len);
	return r < 0 ? r : bsd_fd(s);
}

long bsd_sys_bindat(struct xeno_thread *t, int fd, int s, uint64_t name, unsigned int namelen)
{
	struct sockaddr_storage ss;
	unsigned len;
	long r = address_then_socket(t, fd, s, name, namelen, &ss, &len);
	return r < 0 ? r : host_syscall3(SYS_bind, s, &ss, len);
}

long bsd_sys_bind(struct xeno_thread *t, int s, uint64_t name, unsigned int namelen)
{
	return bsd_sys_bindat(t, bsd_abi_of(t)->at_fdcwd, s, name, namelen);
}

/* An interrupted connect goes on in the background and is not restarted:
 * EINTR, then EALREADY (kern_connectat turns ERESTART into EINTR). */
long bsd_sys_connectat(struct xeno_thread *t, int fd, int s, uint64_t name, unsigned int namelen)
{
	struct sockaddr_storage ss;
	unsigned len;
	long r = address_then_socket(t, fd, s, name, namelen, &ss, &len);
	return r < 0 ? r : host_blocking_syscall(SYS_connect, s, &ss, len, 0, 0, 0);
}

long bsd_sys_connect(struct xeno_thread *t, int s, uint64_t name, unsigned int namelen)
{
	return bsd_sys_connectat(t, bsd_abi_of(t)->at_fdcwd, s, name, namelen);
}

long bsd_sys_listen(struct xeno_thread *t, int s, int backlog)
{
	(void)t;
	long r = bsd_fd(s);
	return r < 0 ? r : host_syscall2(SYS_listen, s, backlog);
}

/* accept and accept4.  A plain accept's socket inherits the listening
 * socket's non-blocking mode (FreeBSD's ACCEPT4_INHERIT; Linux's accept
 * does not); accept4 takes it from its flags.  The wait restarts under
 * SA_RESTART. */
static long accept_common(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen,
			  int hflags)
{
	uint32_t room = 0;
	if (name && xeno_copy_in(&room, anamelen, sizeof room) < 0)
		return -EFAULT;
	if (bsd_fd(s) < 0)
		return -EBADF;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	long fd = host_blocking_syscall(SYS_accept4, s, name ? &ss : NULL, name ? &len : NULL,
					hflags, 0, 0);
	if (fd < 0)
		return xeno_restartable(fd);
	if ((fd = xeno_fd_guest_new(fd)) < 0)
		return fd;
	if (name && bsd_sockaddr_out(t, &ss, len, name, anamelen, room) < 0) {
		host_syscall1(SYS_close, fd);
		return -EFAULT;
	}
	return fd;
}

long bsd_sys_accept(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen)
{
	long fl = host_syscall2(SYS_fcntl, s, F_GETFL);
	return accept_common(t, s, name, anamelen,
			     fl >= 0 && (fl & O_NONBLOCK) ? SOCK_NONBLOCK : 0);
}

long bsd_sys_accept4(struct xeno_thread *t, int s, uint64_t name, uint64_t anamelen, int flags)
{
	int hflags;
	long r = bsd_accept_flags_to_host(bsd_abi_of(t)->socket_types, flags, &hflags);
	return r < 0 ? r : accept_common(t, s, name, anamelen, hflags);
}

static long name_of(struct xeno_thread *t, long nr, int s, uint64_t asa, uint64_t alen)
{
	uint32_t room;
	if (xeno_copy_in(&room, alen, sizeof room) < 0)
		return -EFAULT;
	if (bsd_fd(s) < 0)
		return -EBADF;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	long r = host_syscall3(nr, s, &ss, &len);
	return r < 0 ? r : bsd_sockaddr_out(t, &ss, len, asa, alen, room);
}

long bsd_sys_getsockname(struct xeno_thread *t, int fdes, uint64_t asa, uint64_t alen)
{
	return name_of(t, SYS_getsockname, fdes, asa, alen);
}

long bsd_sys_getpeername(struct xeno_thread *t, int fdes, uint64_t asa, uint64_t alen)
{
	return name_of(t, SYS_getpeername, fdes, asa, alen);
}

long bsd_sys_shutdown(struct xeno_thread *t, int s, int how)
{
	uint64_t hhow;
	if (bsd_fd(s) < 0)
		return -EBADF;
	if (xeno_flags_to_host(bsd_abi_of(t)->shutdown_how, (uint32_t)how, &hhow) < 0)
		return -EINVAL;
	return host_syscall2(SYS_shutdown, s, hhow);
}
