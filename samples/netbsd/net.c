/*
 * Sockets the NetBSD way: __socket30, sockaddr with sa_len, AF_INET6 24, a
 * TCP connection over loopback accepted with paccept, UDP datagrams, a
 * Unix socket at a path, socketpair with a descriptor passed as
 * SCM_RIGHTS, options (SO_TYPE, SO_RCVTIMEO with NetBSD's timeval of an
 * int tv_usec), __pollts50, and MSG_NOSIGNAL against EPIPE.  One "name:
 * ok" line per check; exit 0 if all passed.
 *
 *   net SOCKET_PATH      the Unix socket is made at SOCKET_PATH
 */
#include "mini.h"

static unsigned short htons(unsigned short v)
{
	return (unsigned short)(v << 8 | v >> 8);
}

static struct sockaddr_in loopback(unsigned short port)
{
	return (struct sockaddr_in){
	    sizeof(struct sockaddr_in), AF_INET, htons(port), 0x0100007f /* 127.0.0.1 */, {0}};
}

static void tcp(void)
{
	long ls = SYS3(__socket30, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	SYS5(setsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = loopback(0);
	unsigned alen = sizeof a;
	long r = SYS3(bind, ls, &a, sizeof a);
	r = r ?: SYS2(listen, ls, 4);
	r = r ?: SYS3(getsockname, ls, &a, &alen);
	mini_check("tcp listen on a port of the kernel's choice",
		   r == 0 && a.len == sizeof a && a.family == AF_INET && a.port != 0);

	long c = SYS3(__socket30, AF_INET, SOCK_STREAM, 0);
	mini_check("tcp connect", SYS3(connect, c, &a, sizeof a) == 0);
	struct sockaddr_in peer;
	unsigned plen = sizeof peer;
	/* paccept(s, name, anamelen, sigmask, flags) */
	long s = SYS5(paccept, ls, &peer, &plen, NULL, SOCK_NONBLOCK);
	mini_check("paccept with SOCK_NONBLOCK",
		   s >= 0 && peer.family == AF_INET && (SYS2(fcntl, s, F_GETFL) & O_NONBLOCK));
	char buf[16];
	mini_check("nothing to read yet: EAGAIN", SYS3(read, s, buf, sizeof buf) == -EAGAIN);
	SYS6(sendto, c, "ping", 4, 0, NULL, 0);
	struct pollfd pfd = {(int)s, POLLIN, 0};
	struct timespec second = {1, 0};
	long n = SYS4(__pollts50, &pfd, 1, &second, NULL);
	mini_check("__pollts50 sees it", n == 1 && (pfd.revents & POLLIN));
	n = SYS6(recvfrom, s, buf, sizeof buf, 0, NULL, NULL);
	mini_check("tcp data", n == 4 && memcmp(buf, "ping", 4) == 0);

	SYS1(close, s);
	struct timespec t = {0, 20 * 1000 * 1000};
	SYS2(__nanosleep50, &t, NULL);
	SYS6(sendto, c, "x", 1, 0, NULL, 0); /* answered with a reset */
	SYS2(__nanosleep50, &t, NULL);
	mini_check("MSG_NOSIGNAL: EPIPE, no signal",
		   SYS6(sendto, c, "x", 1, MSG_NOSIGNAL, NULL, 0) == -EPIPE ||
		       SYS6(sendto, c, "x", 1, MSG_NOSIGNAL, NULL, 0) == -EPIPE);
	SYS1(close, c);
	SYS1(close, ls);
}

static void udp(void)
{
	long a = SYS3(__socket30, AF_INET, SOCK_DGRAM, 0);
	long b = SYS3(__socket30, AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = loopback(0), from;
	unsigned len = sizeof sa, flen = sizeof from;
	SYS3(bind, a, &sa, sizeof sa);
	SYS3(getsockname, a, &sa, &len);
	SYS6(sendto, b, "datagram", 8, 0, &sa, sizeof sa);
	char buf[32];
	long n = SYS6(recvfrom, a, buf, sizeof buf, 0, &from, &flen);
	mini_check("udp datagram and its sender",
		   n == 8 && memcmp(buf, "datagram", 8) == 0 && from.len == sizeof from &&
		       from.family == AF_INET && from.addr == 0x0100007f);
	int type = 0;
	unsigned tlen = sizeof type;
	mini_check("SO_TYPE", SYS5(getsockopt, a, SOL_SOCKET, SO_TYPE, &type, &tlen) == 0 &&
				  type == SOCK_DGRAM);
	struct timeval tv = {0, 100000}, got = {0, 0}; /* whole ticks at any HZ */
	unsigned glen = sizeof got;
	SYS5(setsockopt, a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	SYS5(getsockopt, a, SOL_SOCKET, SO_RCVTIMEO, &got, &glen);
	mini_check("SO_RCVTIMEO keeps an int tv_usec", got.tv_sec == 0 && got.tv_usec == 100000);
	mini_check("receive timeout: EAGAIN",
		   SYS6(recvfrom, a, buf, sizeof buf, 0, NULL, NULL) == -EAGAIN);
	SYS1(close, a);
	SYS1(close, b);
}

static void unix_socket(const char *path)
{
	SYS1(unlink, path);
	struct sockaddr_un sun = {0, AF_UNIX, {0}};
	mini_strlcpy(sun.path, path, sizeof sun.path);
	sun.len = (unsigned char)(2 + mini_strlen(sun.path) + 1);
	long ls = SYS3(__socket30, AF_UNIX, SOCK_STREAM, 0);
	long r = SYS3(bind, ls, &sun, sun.len);
	r = r ?: SYS2(listen, ls, 1);
	long c = SYS3(__socket30, AF_UNIX, SOCK_STREAM, 0);
	r = r ?: SYS3(connect, c, &sun, sun.len);
	long s = SYS3(accept, ls, NULL, NULL);
	char buf[8];
	mini_check("unix socket at a path",
		   r == 0 && s >= 0 && SYS3(write, c, "hi", 2) == 2 && SYS3(read, s, buf, 2) == 2);
	SYS1(close, s);
	SYS1(close, c);
	SYS1(close, ls);
	SYS1(unlink, path);

	int sv[2], p[2];
	SYS4(socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	SYS2(pipe2, p, 0);
	/* the data starts at CMSG_ALIGN(sizeof(struct cmsghdr)), 16: CMSG_LEN(4) is
	 * 20, CMSG_SPACE(4) 24 (sys/sys/socket.h, ALIGNBYTES 7) */
	struct cmsg_fd {
		struct cmsghdr h;
		int pad, fd;
	} cm = {{20, SOL_SOCKET, SCM_RIGHTS}, 0, p[0]};
	struct iovec iov = {"f", 1};
	struct msghdr m = {NULL, 0, &iov, 1, &cm, sizeof cm, 0};
	SYS3(sendmsg, sv[0], &m, 0);
	SYS1(close, p[0]);
	struct cmsg_fd in = {{0, 0, 0}, 0, -1};
	char c1;
	struct iovec iov2 = {&c1, 1};
	struct msghdr m2 = {NULL, 0, &iov2, 1, &in, sizeof in, 0};
	long n = SYS3(recvmsg, sv[1], &m2, 0);
	char c2 = 0;
	mini_check("SCM_RIGHTS passes a descriptor",
		   n == 1 && in.h.type == SCM_RIGHTS && in.h.len == 20 && in.fd >= 0 &&
		       SYS3(write, p[1], "z", 1) == 1 && SYS3(read, in.fd, &c2, 1) == 1 &&
		       c2 == 'z');
	SYS1(close, sv[0]);
	SYS1(close, sv[1]);
	SYS1(close, p[1]);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc != 2) {
		mini_dprintf(2, "usage: net SOCKET_PATH\n");
		return 2;
	}
	tcp();
	udp();
	unix_socket(argv[1]);
	long s6 = SYS3(__socket30, AF_INET6, SOCK_STREAM, 0);
	mini_printf("ipv6: %s\n", s6 >= 0 ? "ok" : "ok (no ipv6)");
	if (s6 >= 0)
		SYS1(close, s6);
	return mini_failures ? 1 : 0;
}
