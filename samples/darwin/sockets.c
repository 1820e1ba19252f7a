/*
 * Sockets on macOS's terms: AF_INET 2 with 4.4BSD addresses (sin_len,
 * an 8-bit family), SOL_SOCKET 0xffff options (SO_REUSEADDR 0x4,
 * SO_NOSIGPIPE 0x1022, SO_TYPE 0x1008), a listener on 127.0.0.1 port 0,
 * getsockname's port, connect, accept, and bytes both ways.
 */
#include "darwin.h"

struct sockaddr_in_ {
	unsigned char len, family;
	unsigned short port;
	uint32_t addr;
	char zero[8];
};
int socket(int, int, int);
int bind(int, const void *, uint32_t);
int listen(int, int);
int accept(int, void *, uint32_t *);
int connect(int, const void *, uint32_t);
int getsockname(int, void *, uint32_t *);
int setsockopt(int, int, int, const void *, uint32_t);
int getsockopt(int, int, int, void *, uint32_t *);

#define AF_INET	     2
#define SOCK_STREAM  1
#define SOL_SOCKET   0xffff
#define SO_REUSEADDR 0x4
#define SO_TYPE	     0x1008
#define SO_NOSIGPIPE 0x1022

int main(void)
{
	int one = 1, type = 0;
	uint32_t len = sizeof type;
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	if (ls < 0 || setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    setsockopt(ls, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one) ||
	    getsockopt(ls, SOL_SOCKET, SO_TYPE, &type, &len) || type != SOCK_STREAM)
		fail("socket and its options");
	struct sockaddr_in_ a = {16, AF_INET, 0, 0x0100007f, {0}}, got;
	len = sizeof got;
	if (bind(ls, &a, sizeof a) || listen(ls, 4) || getsockname(ls, &got, &len) || len != 16 ||
	    got.family != AF_INET || got.len != 16 || got.port == 0 || got.addr != 0x0100007f)
		fail("bind, listen, getsockname");
	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, &got, sizeof got))
		fail("connect");
	struct sockaddr_in_ peer;
	len = sizeof peer;
	int s = accept(ls, &peer, &len);
	if (s < 0 || peer.family != AF_INET || peer.addr != 0x0100007f)
		fail("accept");
	char buf[8];
	if (write(c, "ping", 4) != 4 || read(s, buf, 4) != 4 || write(s, "pong", 4) != 4 ||
	    read(c, buf + 4, 4) != 4)
		fail("bytes both ways");
	write(1, "sockets: ", 9);
	write(1, buf, 8);
	put(" over 127.0.0.1 (AF_INET 2, 16-byte sockaddr_in)\n");
	close(s), close(c), close(ls);
	return 0;
}
