/* illumos sockets through libsocket's X/Open entry points: SOCK_STREAM is
 * 2 there, addresses carry a 16-bit family and no length, AF_INET6 is 26;
 * and libsendfile's sendfile. */
#include "illumos.h"

static uint16_t be16(uint16_t v)
{
	return (uint16_t)(v << 8 | v >> 8);
}

int main(void)
{
	int s = __xnet_socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		return 2;
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr = 0x0100007f};
	if (__xnet_bind(s, &a, sizeof a) < 0 || __xnet_listen(s, 4) < 0)
		return 3;
	unsigned len = sizeof a;
	getsockname(s, &a, &len);
	printf("bound: family %d, length %u, port %s\n", a.sin_family, len,
	       be16(a.sin_port) ? "chosen" : "none");
	int type = 0;
	len = sizeof type;
	__xnet_getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len);
	printf("SO_TYPE %d (SOCK_STREAM %d)\n", type, SOCK_STREAM);
	int c = __xnet_socket(AF_INET, SOCK_STREAM, 0);
	if (__xnet_connect(c, &a, sizeof a) < 0)
		return 4;
	setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	struct sockaddr_in peer;
	len = sizeof peer;
	int d = accept(s, &peer, &len);
	printf("accepted: family %d, length %u\n", peer.sin_family, len);
	write(c, "ping", 4);
	char buf[64] = {0};
	read(d, buf, 4);
	printf("received %s\n", buf);

	int f = open("sendfile.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(f, "through sendfile\n", 17);
	off_t off = 8;
	ssize_t sent = sendfile(d, f, &off, 8);
	memset(buf, 0, sizeof buf);
	read(c, buf, 8);
	printf("sendfile: %ld bytes, offset now %ld: %s\n", (long)sent, (long)off, buf);
	close(f);
	unlink("sendfile.tmp");
	shutdown(d, 1);
	printf("after shutdown: read %ld\n", (long)read(c, buf, 1));
	close(c);
	close(d);
	close(s);

	int s6 = __xnet_socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6}; /* [::]:0 */
	if (s6 < 0 || __xnet_bind(s6, &a6, sizeof a6) < 0) {
		printf("IPv6: errno %d\n", errno);
		return 5;
	}
	len = sizeof a6;
	getsockname(s6, &a6, &len);
	printf("IPv6: family %d, length %u\n", a6.sin6_family, len);
	return 0;
}
