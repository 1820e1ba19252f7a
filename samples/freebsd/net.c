/*
 * FreeBSD sockets on loopback only: TCP on 127.0.0.1 (and ::1 when the
 * machine has IPv6 loopback), UDP, a local stream socket at the path
 * given as argv[1], socketpairs; options, SO_ERROR, SIGPIPE, descriptor
 * passing with SCM_RIGHTS, truncation flags, poll, ppoll, select and
 * pselect, and waits a signal interrupts (a helper thread sends it).  One "name: ok" line per
 * check; exit 0 if all passed.
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h */
/* sys/sys/socket.h */
#define AF_INET6     28
#define SOCK_CLOEXEC 0x10000000
#define SO_LINGER    0x0080
#define SO_NOSIGPIPE 0x0800
#define SO_RCVBUF    0x1002
#define SO_SNDTIMEO  0x1005
#define SO_RCVTIMEO  0x1006
#define SO_ERROR     0x1007
#define SO_DOMAIN    0x1019
#define MSG_TRUNC    0x10
#define MSG_CTRUNC   0x20
#define MSG_DONTWAIT 0x80
#define MSG_NOSIGNAL 0x20000
#define SCM_RIGHTS   1
#define SHUT_WR	     1
/* sys/netinet/in.h, netinet6/in6.h, netinet/tcp.h */
#define IPPROTO_TCP  6
#define IPPROTO_IPV6 41
#define IPV6_V6ONLY  27
#define TCP_NODELAY  1
/* sys/sys/poll.h */
#define POLLIN	   0x0001
#define POLLOUT	   0x0004
#define POLLRDNORM 0x0040
#define POLLRDHUP  0x4000
/* sys/sys/signal.h */
#define SIGPIPE	    13
#define SIG_SETMASK 3

struct sockaddr_in6 {
	unsigned char len, family;
	unsigned short port;
	unsigned flowinfo;
	unsigned char addr[16];
	unsigned scope_id;
};
struct sockaddr_un {
	unsigned char len, family;
	char path[104];
};
struct cmsghdr {
	unsigned len;
	int level, type;
};
#define CMSG_DATA(c)  ((unsigned char *)(c) + 16) /* _ALIGN(sizeof(struct cmsghdr)) */
#define CMSG_LEN(n)   (16 + (n))
#define CMSG_SPACE(n) (16 + (((n) + 7) & ~7))
struct timeval {
	long sec, usec;
};
struct linger {
	int onoff, linger;
};
typedef struct {
	unsigned long bits[1024 / 64];
} fd_set;

static int getint(int s, int level, int name)
{
	int v = -1;
	unsigned len = sizeof v;
	long r = SYS5(getsockopt, s, level, name, &v, &len);
	return r < 0 ? (int)r : v;
}

static int setint(int s, int level, int name, int v)
{
	return (int)SYS5(setsockopt, s, level, name, &v, sizeof v);
}

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

/* A listening TCP socket on 127.0.0.1, its port in *port. */
static int tcp_listener(unsigned short *port)
{
	int l = (int)SYS3(socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* sa_len left 0: the kernel takes the length from the argument */
	struct sockaddr_in a = {0, AF_INET, 0, 0x0100007f, {0}};
	struct sockaddr_in got = {0};
	unsigned len = sizeof got;
	if (l < 0 || SYS3(bind, l, &a, sizeof a) < 0 || SYS2(listen, l, 8) < 0 ||
	    SYS3(getsockname, l, &got, &len) < 0)
		return -1;
	*port = got.port;
	return len == 16 && got.len == 16 && got.family == AF_INET && got.port ? l : -1;
}

static void tcp_checks(void)
{
	unsigned short port = 0;
	int l = tcp_listener(&port);
	mini_check("tcp listen on 127.0.0.1 port 0", l >= 0);
	struct sockaddr_in to = {16, AF_INET, port, 0x0100007f, {0}};
	int c = (int)SYS3(socket, AF_INET, SOCK_STREAM, 0);
	mini_check("connect", c >= 0 && SYS3(connect, c, &to, sizeof to) == 0);

	struct sockaddr_in peer;
	unsigned plen = sizeof peer;
	int s = (int)SYS4(accept4, l, &peer, &plen, SOCK_NONBLOCK | SOCK_CLOEXEC);
	char buf[64];
	mini_check("accept4", s >= 0 && plen == 16 && peer.family == AF_INET &&
				  peer.addr == 0x0100007f &&
				  SYS3(read, s, buf, sizeof buf) == -EAGAIN);

	struct sockaddr_in name;
	unsigned nlen = sizeof name;
	mini_check("getpeername", SYS3(getpeername, c, &name, &nlen) == 0 && name.port == port);
	nlen = 4; /* FreeBSD copies and reports at most the room given */
	memset(&name, 0, sizeof name);
	mini_check("getsockname truncated", SYS3(getsockname, c, &name, &nlen) == 0 && nlen == 4 &&
						name.len == 16 && !name.addr);

	struct pollfd pw = {c, POLLOUT, 0};
	mini_check("poll writable", SYS3(poll, &pw, 1, 1000) == 1 && pw.revents == POLLOUT);
	mini_check("write/read", SYS3(write, c, "hello", 5) == 5);
	struct pollfd pr = {s, POLLIN | POLLRDNORM, 0};
	mini_check("poll readable",
		   SYS3(poll, &pr, 1, 1000) == 1 && pr.revents == (POLLIN | POLLRDNORM));
	fd_set rd = {{0}};
	rd.bits[s / 64] |= 1UL << (s % 64);
	struct timeval tv = {1, 0};
	mini_check("select", SYS5(select, s + 1, &rd, 0, 0, &tv) == 1 &&
				 (rd.bits[s / 64] >> (s % 64) & 1) && tv.sec == 1);
	mini_check("read", SYS3(read, s, buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0);

	mini_check("shutdown", SYS2(shutdown, c, SHUT_WR) == 0);
	struct pollfd ph = {s, POLLIN | POLLRDHUP, 0};
	mini_check("poll POLLRDHUP", SYS3(poll, &ph, 1, 1000) == 1 && (ph.revents & POLLRDHUP) &&
					 SYS3(read, s, buf, sizeof buf) == 0);

	/* options: switches read back as FreeBSD's bits */
	struct timeval rt = {1, 500000}, rt2 = {0, 0};
	unsigned rtlen = sizeof rt2;
	struct linger lg = {1, 5}, lg2 = {0, 0};
	unsigned lglen = sizeof lg2;
	mini_check("setsockopt/getsockopt",
		   setint(s, SOL_SOCKET, SO_REUSEADDR, 1) == 0 &&
		       getint(s, SOL_SOCKET, SO_REUSEADDR) == SO_REUSEADDR &&
		       setint(s, IPPROTO_TCP, TCP_NODELAY, 1) == 0 &&
		       getint(s, IPPROTO_TCP, TCP_NODELAY) == 4 /* TF_NODELAY */ &&
		       setint(s, SOL_SOCKET, SO_RCVBUF, 65536) == 0 &&
		       getint(s, SOL_SOCKET, SO_RCVBUF) >= 65536 &&
		       SYS5(setsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &rt, sizeof rt) == 0 &&
		       SYS5(getsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &rt2, &rtlen) == 0 &&
		       rtlen == 16 && rt2.sec == 1 && rt2.usec == 500000 &&
		       SYS5(setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0 &&
		       SYS5(getsockopt, s, SOL_SOCKET, SO_LINGER, &lg2, &lglen) == 0 &&
		       lg2.onoff == SO_LINGER && lg2.linger == 5 &&
		       getint(s, SOL_SOCKET, SO_TYPE) == SOCK_STREAM &&
		       getint(s, SOL_SOCKET, SO_DOMAIN) == AF_INET);
	struct timeval bad = {0, 1000000};
	mini_check("option errors",
		   getint(s, SOL_SOCKET, 0x7777) == -ENOPROTOOPT &&
		       getint(s, 0x1234, 1) == -EINVAL &&
		       SYS5(setsockopt, s, SOL_SOCKET, SO_SNDTIMEO, &bad, sizeof bad) == -EDOM);
	SYS1(close, s);
	SYS1(close, c);

	/* SO_ERROR after a refused non-blocking connect: the listener's port,
	 * once it is closed, refuses. */
	SYS1(close, l);
	c = (int)SYS3(socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	long r = SYS3(connect, c, &to, sizeof to);
	struct pollfd pc = {c, POLLOUT, 0};
	if (r == -EINPROGRESS)
		SYS3(poll, &pc, 1, 2000);
	mini_check("SO_ERROR",
		   (r == -EINPROGRESS && getint(c, SOL_SOCKET, SO_ERROR) == ECONNREFUSED &&
		    getint(c, SOL_SOCKET, SO_ERROR) == 0) ||
		       r == -ECONNREFUSED);
	SYS1(close, c);
}

static void udp_checks(void)
{
	int a = (int)SYS3(socket, AF_INET, SOCK_DGRAM, 0);
	int b = (int)SYS3(socket, AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in any = {16, AF_INET, 0, 0x0100007f, {0}}, an;
	unsigned alen = sizeof an;
	SYS3(bind, a, &any, sizeof any);
	SYS3(getsockname, a, &an, &alen);
	struct sockaddr_in from;
	unsigned flen = sizeof from;
	char buf[16];
	long n = -1;
	if (SYS6(sendto, b, "datagram", 8, 0, &an, sizeof an) == 8)
		n = SYS6(recvfrom, a, buf, sizeof buf, 0, &from, &flen);
	mini_check("udp sendto/recvfrom", n == 8 && flen == 16 && from.family == AF_INET &&
					      from.len == 16 && from.addr == 0x0100007f);
	struct sockaddr_in6 wrong = {28, AF_INET6, 0, 0, {0}, 0};
	mini_check("address checks", SYS6(sendto, b, "x", 1, 0, &an, 8) == -EINVAL &&
					 SYS3(connect, b, &wrong, 27) < 0);
	SYS1(close, a);
	SYS1(close, b);
}

static void sigpipe_checks(void)
{
	struct sigaction sa = {.handler = on_sigpipe};
	SYS3(sigaction, SIGPIPE, &sa, NULL);
	int sv[2];
	SYS4(socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	SYS1(close, sv[1]);
	long r1 = SYS6(sendto, sv[0], "x", 1, 0, 0, 0);
	int after_plain = sigpipes;
	long r2 = SYS6(sendto, sv[0], "x", 1, MSG_NOSIGNAL, 0, 0);
	int after_nosignal = sigpipes;
	setint(sv[0], SOL_SOCKET, SO_NOSIGPIPE, 1);
	int opt = getint(sv[0], SOL_SOCKET, SO_NOSIGPIPE);
	long r3 = SYS6(sendto, sv[0], "x", 1, 0, 0, 0);
	mini_check("SIGPIPE", r1 == -EPIPE && after_plain == 1 && r2 == -EPIPE &&
				  after_nosignal == 1 && opt == SO_NOSIGPIPE && r3 == -EPIPE &&
				  sigpipes == 1);
	SYS1(close, sv[0]);
}

/* ---- waits interrupted by a signal ---- */

static volatile int usr1s;
static void on_usr1(int sig)
{
	(void)sig;
	usr1s++;
}

struct helper {
	long main_tid, tid;
	long done;
	int fd;
};
static char helper_stack[64 * 1024] __attribute__((aligned(16)));

static void pause_ms(long ms)
{
	unsigned word = 0;
	struct umtx_time t = {0, ms * 1000 * 1000, 0, CLOCK_MONOTONIC};
	SYS5(_umtx_op, &word, UMTX_OP_WAIT_UINT_PRIVATE, 0, sizeof t, &t);
}

/* Signals the main thread, signals it again, writes a byte, signals it a
 * third time, 100 ms apart. */
static void helper_main(void *arg)
{
	struct helper *h = arg;
	pause_ms(100);
	SYS2(thr_kill, h->main_tid, SIGUSR1);
	pause_ms(100);
	SYS2(thr_kill, h->main_tid, SIGUSR1);
	pause_ms(100);
	SYS3(write, h->fd, "x", 1);
	pause_ms(100);
	SYS2(thr_kill, h->main_tid, SIGUSR1);
	SYS1(thr_exit, &h->done);
}

static void interrupt_checks(void)
{
	struct sigaction sa = {.handler = on_usr1, .flags = SA_RESTART};
	SYS3(sigaction, SIGUSR1, &sa, NULL);
	int sv[2];
	SYS4(socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	static struct helper h;
	SYS1(thr_self, &h.main_tid);
	h.fd = sv[1];
	struct thr_param p = {
	    helper_main,      &h, helper_stack, sizeof helper_stack, 0, 0, &h.tid, 0,
	    THR_SYSTEM_SCOPE, 0,  {0}};
	if (SYS2(thr_new, &p, sizeof p) != 0) {
		mini_check("interrupted waits", 0);
		return;
	}
	/* poll never restarts, even under SA_RESTART */
	struct pollfd pf = {sv[0], POLLIN, 0};
	long r1 = SYS3(poll, &pf, 1, 5000);
	int after_poll = usr1s;
	/* a receive restarts under SA_RESTART and gets the byte */
	char c = 0;
	long r2 = SYS6(recvfrom, sv[0], &c, 1, 0, 0, 0);
	int after_recv = usr1s;
	/* ppoll waits under its own mask: the signal blocked around it gets in */
	unsigned block[4] = {1u << (SIGUSR1 - 1), 0, 0, 0}, none[4] = {0}, now[4] = {0};
	SYS3(sigprocmask, SIG_BLOCK, block, NULL);
	struct timespec ts = {5, 0};
	long r3 = SYS4(ppoll, &pf, 1, &ts, none);
	SYS3(sigprocmask, SIG_BLOCK, NULL, now);
	mini_check("interrupted waits", r1 == -EINTR && after_poll == 1 && r2 == 1 && c == 'x' &&
					    after_recv == 2 && r3 == -EINTR && usr1s == 3 &&
					    now[0] == block[0]);
	while (__atomic_load_n(&h.done, __ATOMIC_ACQUIRE) == 0)
		SYS5(_umtx_op, &h.done, UMTX_OP_WAIT, 0, 0, 0);
	SYS3(sigprocmask, SIG_SETMASK, none, NULL);
	SYS1(close, sv[0]);
	SYS1(close, sv[1]);
}

/* Sends descriptor fd over s with one byte of data. */
static long send_fd(int s, int fd)
{
	char byte = 'F';
	struct iovec iov = {&byte, 1};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		long align;
	} ctl;
	memset(&ctl, 0, sizeof ctl);
	struct cmsghdr *c = (struct cmsghdr *)ctl.buf;
	c->len = CMSG_LEN(sizeof(int));
	c->level = SOL_SOCKET;
	c->type = SCM_RIGHTS;
	memcpy(CMSG_DATA(c), &fd, sizeof fd);
	struct msghdr m = {0, 0, &iov, 1, ctl.buf, sizeof ctl.buf, 0};
	return SYS3(sendmsg, s, &m, 0);
}

static void rights_checks(void)
{
	int sv[2], pipe[2];
	SYS4(socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	SYS4(socketpair, AF_UNIX, SOCK_STREAM, 0, pipe);
	long sent = send_fd(sv[0], pipe[0]);
	char byte = 0;
	struct iovec iov = {&byte, 1};
	union {
		char buf[64];
		long align;
	} ctl;
	memset(&ctl, 0, sizeof ctl);
	struct msghdr m = {0, 0, &iov, 1, ctl.buf, sizeof ctl.buf, 0};
	long got = SYS3(recvmsg, sv[1], &m, 0);
	struct cmsghdr *c = (struct cmsghdr *)ctl.buf;
	int fd = -1;
	memcpy(&fd, CMSG_DATA(c), sizeof fd);
	char buf[8];
	int passes = sent == 1 && got == 1 && byte == 'F' &&
		     m.controllen == CMSG_SPACE(sizeof(int)) && c->len == CMSG_LEN(sizeof(int)) &&
		     c->level == SOL_SOCKET && c->type == SCM_RIGHTS && fd != pipe[0] &&
		     m.flags == 0 && SYS3(write, pipe[1], "via", 3) == 3 &&
		     SYS3(read, fd, buf, sizeof buf) == 3 && memcmp(buf, "via", 3) == 0;
	mini_check("SCM_RIGHTS", passes);
	SYS1(close, fd);

	/* no room for the descriptor: MSG_CTRUNC */
	send_fd(sv[0], pipe[0]);
	struct msghdr m2 = {0, 0, &iov, 1, ctl.buf, 8, 0};
	got = SYS3(recvmsg, sv[1], &m2, 0);
	mini_check("MSG_CTRUNC", got == 1 && (m2.flags & MSG_CTRUNC) && m2.controllen == 0);

	/* a datagram longer than the buffer: MSG_TRUNC */
	int dg[2];
	SYS4(socketpair, AF_UNIX, SOCK_DGRAM, 0, dg);
	SYS3(write, dg[0], "0123456789", 10);
	struct iovec small = {buf, 4};
	struct msghdr m3 = {0, 0, &small, 1, 0, 0, 0};
	got = SYS3(recvmsg, dg[1], &m3, 0);
	mini_check("MSG_TRUNC", got == 4 && (m3.flags & MSG_TRUNC));
	struct pollfd p = {dg[1], POLLIN, 0};
	struct timespec ts = {0, 10 * 1000 * 1000};
	unsigned mask[4] = {0};
	fd_set rd = {{0}};
	rd.bits[dg[1] / 64] |= 1UL << (dg[1] % 64);
	mini_check("ppoll/pselect timeouts",
		   SYS4(ppoll, &p, 1, &ts, mask) == 0 && p.revents == 0 &&
		       SYS6(pselect, dg[1] + 1, &rd, 0, 0, &ts, mask) == 0 &&
		       SYS3(poll, &p, 1, -2) == -EINVAL);
	for (int i = 0; i < 2; i++) {
		SYS1(close, sv[i]);
		SYS1(close, pipe[i]);
		SYS1(close, dg[i]);
	}
}

static void ipv6_checks(void)
{
	int l = (int)SYS3(socket, AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 a = {28, AF_INET6, 0, 0, {0}, 0}, got;
	a.addr[15] = 1; /* ::1 */
	long r = l < 0 ? l : SYS3(bind, l, &a, sizeof a);
	if (r == -EADDRNOTAVAIL || r == -EAFNOSUPPORT) {
		mini_printf("ipv6: ok (no ipv6)\n");
		if (l >= 0)
			SYS1(close, l);
		return;
	}
	unsigned len = sizeof got;
	SYS2(listen, l, 4);
	SYS3(getsockname, l, &got, &len);
	int c = (int)SYS3(socket, AF_INET6, SOCK_STREAM, 0);
	int ok = r == 0 && len == 28 && got.len == 28 && got.family == AF_INET6 &&
		 got.addr[15] == 1 && getint(l, IPPROTO_IPV6, IPV6_V6ONLY) == 1 &&
		 SYS3(connect, c, &got, sizeof got) == 0;
	struct sockaddr_in6 peer;
	unsigned plen = sizeof peer;
	int s = (int)SYS3(accept, l, &peer, &plen);
	mini_check("ipv6", ok && s >= 0 && plen == 28 && peer.family == AF_INET6);
	SYS1(close, s);
	SYS1(close, c);
	SYS1(close, l);
}

static void unix_checks(const char *path)
{
	struct sockaddr_un a = {0, AF_UNIX, {0}};
	size_t n = mini_strlen(path);
	memcpy(a.path, path, n);
	a.len = (unsigned char)(2 + n); /* SUN_LEN */
	SYS1(unlink, path);
	int l = (int)SYS3(socket, AF_UNIX, SOCK_STREAM, 0);
	int c = (int)SYS3(socket, AF_UNIX, SOCK_STREAM, 0);
	int ok = SYS3(bind, l, &a, a.len) == 0 && SYS2(listen, l, 4) == 0 &&
		 SYS3(connect, c, &a, sizeof a) == 0;
	int s = (int)SYS3(accept, l, 0, 0);
	struct sockaddr_un got = {0};
	unsigned len = sizeof got;
	char buf[8];
	ok = ok && s >= 0 && SYS3(getsockname, l, &got, &len) == 0 && got.family == AF_UNIX &&
	     mini_strcmp(got.path, path) == 0 && SYS3(write, c, "unix", 4) == 4 &&
	     SYS3(read, s, buf, sizeof buf) == 4 && memcmp(buf, "unix", 4) == 0;
	mini_check("unix stream", ok);
	SYS1(close, s);
	SYS1(close, c);
	SYS1(close, l);
	SYS1(unlink, path);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	tcp_checks();
	udp_checks();
	sigpipe_checks();
	rights_checks();
	interrupt_checks();
	ipv6_checks();
	if (argc > 1)
		unix_checks(argv[1]);
	else
		mini_printf("unix stream: skipped (no path given)\n");
	return mini_failures ? 1 : 0;
}
