/* OpenBSD sockets: TCP over loopback with 4.4BSD addresses (sin_len, an
 * 8-bit family), options at OpenBSD's SOL_SOCKET 0xffff, socket()'s own
 * SOCK_NONBLOCK and SOCK_CLOEXEC, and OpenBSD's errno numbers for a refused
 * connection (ECONNREFUSED 61) and a listener with nothing to accept
 * (EAGAIN 35). */
#include "openbsd.h"

static uint16_t be16(uint16_t v)
{
	return (uint16_t)(v << 8 | v >> 8);
}

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	if (s < 0)
		return 2;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = {sizeof a, AF_INET, 0, {0x0100007f}, {0}};
	if (bind(s, &a, sizeof a) < 0 || listen(s, 4) < 0)
		return 3;
	socklen_t len = sizeof a;
	a.sin_port = 0;
	getsockname(s, &a, &len);
	say("bound: sin_len", a.sin_len);
	say("bound: sin_family", a.sin_family);
	say("bound: length", len);
	say("bound: a port chosen", be16(a.sin_port) != 0);
	int type = 0;
	len = sizeof type;
	getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len);
	say("SO_TYPE", type);

	int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	say("SOCK_CLOEXEC: FD_CLOEXEC", fcntl(c, F_GETFD));
	if (connect(c, &a, sizeof a) < 0)
		return 4;
	say("TCP_NODELAY set", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
	struct sockaddr_in peer = {0}, mine = {0};
	len = sizeof peer;
	int d = accept(s, &peer, &len);
	say("accepted: sin_family", peer.sin_family);
	say("accepted: length", len);
	len = sizeof mine;
	getsockname(c, &mine, &len);
	say("the peer is the client", peer.sin_port == mine.sin_port);
	len = sizeof peer;
	getpeername(c, &peer, &len);
	say("the client's peer is the listener's port", peer.sin_port == a.sin_port);
	write(c, "ping", 4);
	char buf[8] = {0};
	say("read", read(d, buf, sizeof buf));
	put(buf);
	put("\n");
	write(d, "pong!", 5);
	say("read back", read(c, buf, sizeof buf));
	shutdown(d, 1);
	say("after shutdown: read", read(c, buf, 1));
	close(c);
	close(d);

	int n = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	say("SOCK_NONBLOCK: O_NONBLOCK", (fcntl(n, F_GETFL) & O_NONBLOCK) != 0);
	close(n);
	fcntl(s, F_SETFL, O_NONBLOCK);
	errno = 0;
	say("accept with nothing waiting", accept(s, NULL, NULL));
	say("errno (EAGAIN)", errno);
	close(s);
	c = socket(AF_INET, SOCK_STREAM, 0);
	errno = 0;
	say("connect to a closed port", connect(c, &a, sizeof a));
	say("errno (ECONNREFUSED)", errno);
	return 0;
}
