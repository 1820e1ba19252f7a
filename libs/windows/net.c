/*
 * Windows Sockets (ws2_32.dll): start-up, sockets and their synchronous
 * calls — creation, bind, listen, connect, names, options, shutdown, close,
 * ioctls.  Errors are WSA codes in the thread's last error (WSAGetLastError
 * reads the same place); a failing call returns SOCKET_ERROR.  Overlapped
 * transfers are libs/windows/netio.c's.  Signatures: Wine's
 * dlls/ws2_32/ws2_32.spec and the SDK's winsock2.h.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "abi/windows/socket.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/windows/net.h"
#include "libs/windows/windows.h"
#include "loader/pe_module.h"
#include "windows_ws2_32_proto.h"

/* WSADATA, 64-bit (winsock2.h): wVersion, wHighVersion, iMaxSockets,
 * iMaxUdpDg, lpVendorInfo, szDescription[257], szSystemStatus[129] */
struct win_wsadata {
	uint16_t version, high_version, max_sockets, max_udp_dg;
	uint64_t vendor_info;
	char description[257];
	char system_status[129];
};
_Static_assert(sizeof(struct win_wsadata) == 408, "WSADATA");

long windows_ws2_32_WSAStartup(struct xeno_thread *t, unsigned int version, uint64_t data)
{
	(void)t;
	struct win_wsadata d = {.version = 0x0202, .high_version = 0x0202};
	(void)version;
	strcpy(d.description, "WinSock 2.0");
	strcpy(d.system_status, "Running");
	if (xeno_copy_out(data, &d, sizeof d) < 0)
		return WIN_WSAEFAULT;
	return 0;
}

long windows_ws2_32_WSACleanup(struct xeno_thread *t)
{
	(void)t;
	return 0;
}

long windows_ws2_32_WSAGetLastError(struct xeno_thread *t)
{
	(void)t;
	return win_teb()->last_error_value;
}

long windows_ws2_32_WSASetLastError(struct xeno_thread *t, int code)
{
	(void)t;
	win_set_error((uint32_t)code);
	return 0;
}

long win_wsa_fail(long neg_errno)
{
	win_set_error((uint32_t)windows_wsa_error_from_host((int)-neg_errno));
	return WIN_SOCKET_ERROR;
}

struct win_object *win_socket_get(uint64_t s)
{
	struct win_object *o = win_get(s);
	if (o && o->kind == WIN_SOCKET && o->file.sock)
		return o;
	win_put(o);
	win_set_error(WIN_WSAENOTSOCK);
	return NULL;
}

uint64_t win_net_ninth_argument(const struct xeno_thread *t)
{
	uint64_t v = 0;
	xeno_copy_in(&v, (uint64_t)(uintptr_t)(t->lib_stack + 4), sizeof v);
	return v;
}

/* ---- sockets ---- */

static long new_socket(int af, int type, int protocol)
{
	int haf = win_af_to_host(af);
	if (haf <= 0 || (type & ~0xff)) {
		win_set_error(haf <= 0 ? WIN_WSAEAFNOSUPPORT : WIN_WSAESOCKTNOSUPPORT);
		return (long)WIN_INVALID_SOCKET;
	}
	struct win_socket *sock = calloc(1, sizeof *sock);
	int fd = sock ? socket(haf, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol) : -ENOMEM;
	if (fd < 0) {
		free(sock);
		win_wsa_fail(sock ? -errno : -ENOBUFS);
		return (long)WIN_INVALID_SOCKET;
	}
	pthread_mutex_init(&sock->lock, NULL);
	sock->family = af, sock->type = type, sock->protocol = protocol;
	sock->armed_epfd = -1;
	uint64_t h;
	struct win_object *o = win_object_new(WIN_SOCKET, &h);
	if (!o) {
		close(fd);
		free(sock);
		win_set_error(WIN_WSAEMFILE);
		return (long)WIN_INVALID_SOCKET;
	}
	o->file.fd = fd;
	o->file.overlapped = true; /* every Windows socket can be used overlapped */
	o->file.sock = sock;
	if (win_socket_register(o) < 0) {
		win_handle_close(h); /* frees it all */
		win_set_error(WIN_WSAENOBUFS);
		return (long)WIN_INVALID_SOCKET;
	}
	return (long)h;
}

long windows_ws2_32_socket(struct xeno_thread *t, int af, int type, int protocol)
{
	(void)t;
	return new_socket(af, type, protocol);
}

/* WSASocketW: the protocol's description, when given, says what to make
 * (FROM_PROTOCOL_INFO, -1, in the others). */
long windows_ws2_32_WSASocketW(struct xeno_thread *t, int af, int type, int protocol, uint64_t info,
			       unsigned int group, unsigned int flags)
{
	(void)t;
	if (group ||
	    (flags & ~(unsigned)(WIN_WSA_FLAG_OVERLAPPED | WIN_WSA_FLAG_NO_HANDLE_INHERIT))) {
		win_set_error(WIN_WSAEINVAL);
		return (long)WIN_INVALID_SOCKET;
	}
	if (info) {
		struct win_wsaprotocol_infow pi;
		if (xeno_copy_in(&pi, info, sizeof pi) < 0) {
			win_set_error(WIN_WSAEFAULT);
			return (long)WIN_INVALID_SOCKET;
		}
		af = af == -1 ? pi.address_family : af;
		type = type == -1 ? pi.socket_type : type;
		protocol = protocol == -1 ? pi.protocol : protocol;
	}
	return new_socket(af, type, protocol);
}

long windows_ws2_32_closesocket(struct xeno_thread *t, uint64_t s)
{
	(void)t;
	struct win_object *o = win_socket_get(s);
	if (!o)
		return WIN_SOCKET_ERROR;
	win_socket_cancel(o, 0);
	win_put(o);
	return win_handle_close(s) < 0 ? (win_set_error(WIN_WSAENOTSOCK), WIN_SOCKET_ERROR) : 0;
}

/* The socket's descriptor, or -1 with WSAENOTSOCK (no reference kept: the
 * handle stays open while the call uses it, as a caller closing it under
 * its own call is the program's race, as on Windows). */
static int sock_fd(uint64_t s, struct win_object **out)
{
	struct win_object *o = win_socket_get(s);
	*out = o;
	return o ? o->file.fd : -1;
}

/* Reads the guest's address (len bytes at addr) as the host's: its host
 * length or a negated errno. */
static int address_in(uint64_t addr, int len, struct sockaddr_storage *ss)
{
	uint8_t raw[WIN_SOCKADDR_MAX];
	if (len <= 0 || len > (int)sizeof raw)
		return len <= 0 ? -EFAULT : -EINVAL;
	if (xeno_copy_in(raw, addr, (size_t)len) < 0)
		return -EFAULT;
	return win_sockaddr_to_host(raw, (size_t)len, ss);
}

/* Writes a host address out as Windows' into addr with *len_at's room:
 * 0 or a negated errno (the room too small: EFAULT, as Windows answers). */
static int address_out(const struct sockaddr_storage *ss, socklen_t hlen, uint64_t addr,
		       uint64_t len_at)
{
	int room;
	uint8_t raw[WIN_SOCKADDR_MAX];
	if (xeno_copy_in(&room, len_at, sizeof room) < 0)
		return -EFAULT;
	int n = win_sockaddr_from_host(ss, hlen, raw, sizeof raw);
	if (n < 0)
		return n;
	if (room < n)
		return -EFAULT;
	if (xeno_copy_out(addr, raw, (size_t)n) < 0 || xeno_copy_out(len_at, &n, sizeof n) < 0)
		return -EFAULT;
	return 0;
}

long windows_ws2_32_bind(struct xeno_thread *t, uint64_t s, uint64_t addr, int len)
{
	(void)t;
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	struct sockaddr_storage ss;
	int n = address_in(addr, len, &ss);
	long r = n < 0 ? n : host_syscall3(SYS_bind, fd, &ss, n);
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

long windows_ws2_32_listen(struct xeno_thread *t, uint64_t s, int backlog)
{
	(void)t;
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	long r = host_syscall2(SYS_listen, fd, backlog < 0 ? SOMAXCONN : backlog);
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

/* connect: a blocking socket waits for the connection (the host socket is
 * non-blocking, so it waits here); a non-blocking one answers
 * WSAEWOULDBLOCK, as Windows does. */
long windows_ws2_32_connect(struct xeno_thread *t, uint64_t s, uint64_t addr, int len)
{
	(void)t;
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	struct sockaddr_storage ss;
	int n = address_in(addr, len, &ss);
	long r = n < 0 ? n : host_syscall3(SYS_connect, fd, &ss, n);
	if (r == -EINPROGRESS && o->file.sock->nonblocking)
		r = -EWOULDBLOCK;
	else if (r == -EINPROGRESS) {
		struct pollfd p = {.fd = fd, .events = POLLOUT};
		int err = 0;
		socklen_t el = sizeof err;
		while ((r = host_syscall3(SYS_poll, &p, 1, -1)) == -EINTR)
			;
		if (r >= 0)
			r = getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0 ? -errno : -err;
	}
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

static long name_of(uint64_t s, uint64_t addr, uint64_t len_at, bool peer)
{
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	struct sockaddr_storage ss;
	socklen_t hl = sizeof ss;
	long r = peer ? host_syscall3(SYS_getpeername, fd, &ss, &hl)
		      : host_syscall3(SYS_getsockname, fd, &ss, &hl);
	win_put(o);
	if (r == 0)
		r = address_out(&ss, hl, addr, len_at);
	return r < 0 ? win_wsa_fail(r) : 0;
}

long windows_ws2_32_getsockname(struct xeno_thread *t, uint64_t s, uint64_t addr, uint64_t len)
{
	(void)t;
	return name_of(s, addr, len, false);
}

long windows_ws2_32_getpeername(struct xeno_thread *t, uint64_t s, uint64_t addr, uint64_t len)
{
	(void)t;
	return name_of(s, addr, len, true);
}

long windows_ws2_32_shutdown(struct xeno_thread *t, uint64_t s, int how)
{
	(void)t;
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	/* SD_RECEIVE 0, SD_SEND 1, SD_BOTH 2: SHUT_RD, SHUT_WR, SHUT_RDWR */
	long r = how < 0 || how > 2 ? -EINVAL : host_syscall2(SYS_shutdown, fd, how);
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

/* ---- options ---- */

long windows_ws2_32_setsockopt(struct xeno_thread *t, uint64_t s, int level, int name, uint64_t val,
			       int len)
{
	(void)t;
	int hl, hn;
	int known = win_sockopt_to_host(level, name, &hl, &hn);
	if (known < 0) {
		win_set_error(WIN_WSAENOPROTOOPT);
		return WIN_SOCKET_ERROR;
	}
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	long r = 0;
	if (known == 0 && hl == SOL_SOCKET && hn == SO_LINGER) {
		struct win_linger wl;
		r = len < (int)sizeof wl || xeno_copy_in(&wl, val, sizeof wl) < 0 ? -EFAULT : 0;
		struct linger l = {wl.onoff, wl.linger};
		if (!r)
			r = host_syscall5(SYS_setsockopt, fd, hl, hn, &l, sizeof l);
	} else if (known == 0) {
		/* BOOL, DWORD and int options; a shorter value is one byte
		 * (Windows reads a char where it is given one) */
		uint32_t v = 0;
		if (len <= 0 || xeno_copy_in(&v, val, len < 4 ? (size_t)len : 4) < 0)
			r = -EFAULT;
		else
			r = host_syscall5(SYS_setsockopt, fd, hl, hn, &v, sizeof v);
	}
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

long windows_ws2_32_getsockopt(struct xeno_thread *t, uint64_t s, int level, int name, uint64_t val,
			       uint64_t len_at)
{
	(void)t;
	int hl, hn, room;
	if (win_sockopt_to_host(level, name, &hl, &hn) != 0) {
		win_set_error(WIN_WSAENOPROTOOPT);
		return WIN_SOCKET_ERROR;
	}
	if (xeno_copy_in(&room, len_at, sizeof room) < 0 || room < 4) {
		win_set_error(WIN_WSAEFAULT);
		return WIN_SOCKET_ERROR;
	}
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	int v = 0, n = 4;
	struct linger l;
	bool linger = hl == SOL_SOCKET && hn == SO_LINGER;
	socklen_t vl = linger ? sizeof l : sizeof v;
	long r = host_syscall5(SYS_getsockopt, fd, hl, hn, linger ? (void *)&l : &v, &vl);
	win_put(o);
	if (r < 0)
		return win_wsa_fail(r);
	if (hl == SOL_SOCKET && hn == SO_ERROR)
		v = v ? windows_wsa_error_from_host(v) : 0;
	if (linger) {
		struct win_linger wl = {(uint16_t)l.l_onoff, (uint16_t)l.l_linger};
		memcpy(&v, &wl, sizeof v);
	}
	if (xeno_copy_out(val, &v, sizeof v) < 0 || xeno_copy_out(len_at, &n, sizeof n) < 0) {
		win_set_error(WIN_WSAEFAULT);
		return WIN_SOCKET_ERROR;
	}
	return 0;
}

long windows_ws2_32_ioctlsocket(struct xeno_thread *t, uint64_t s, int cmd, uint64_t arg)
{
	(void)t;
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	uint32_t v = 0;
	long r = xeno_copy_in(&v, arg, sizeof v) < 0 ? -EFAULT : 0;
	if (!r && (uint32_t)cmd == WIN_FIONBIO) {
		o->file.sock->nonblocking = v != 0;
	} else if (!r && (uint32_t)cmd == WIN_FIONREAD) {
		int n = 0;
		r = host_syscall3(SYS_ioctl, fd, FIONREAD, &n);
		v = (uint32_t)n;
		if (!r && xeno_copy_out(arg, &v, sizeof v) < 0)
			r = -EFAULT;
	} else if (!r) {
		r = -EINVAL;
	}
	win_put(o);
	return r < 0 ? win_wsa_fail(r) : 0;
}

/* ---- WSAIoctl ---- */

/* mswsock's extension functions, by the GUIDs of mswsock.h (WSAID_*). */
static const struct {
	struct win_guid id;
	const char *name;
} extensions[] = {
    {{0xb5367df1, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}}, "AcceptEx"},
    {{0xb5367df2, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}},
     "GetAcceptExSockaddrs"},
    {{0xb5367df0, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}},
     "TransmitFile"},
    {{0x25a207b9, 0xddf3, 0x4660, {0x8e, 0xe9, 0x76, 0xe5, 0x8c, 0x74, 0x06, 0x3e}}, "ConnectEx"},
};

static long extension_pointer(struct xeno_thread *t, uint64_t in, unsigned int in_size,
			      uint64_t out, unsigned int out_size, uint64_t *written)
{
	struct win_guid id;
	if (in_size < sizeof id || out_size < 8 || xeno_copy_in(&id, in, sizeof id) < 0)
		return -EFAULT;
	const struct xeno_library *mswsock = pe_shim_named(t->os, "mswsock.dll");
	for (size_t i = 0; mswsock && i < sizeof extensions / sizeof extensions[0]; i++) {
		if (memcmp(&id, &extensions[i].id, sizeof id))
			continue;
		uint64_t fn = pe_shim_export(mswsock, extensions[i].name, 0);
		if (!fn)
			break;
		*written = 8;
		return xeno_copy_out(out, &fn, sizeof fn) < 0 ? -EFAULT : 0;
	}
	return -EINVAL;
}

/* SIO_KEEPALIVE_VALS: keep-alive on or off, its idle time and interval in
 * ms (Linux counts whole seconds). */
static long keepalive_values(int fd, uint64_t in, unsigned int in_size)
{
	struct win_tcp_keepalive k;
	if (in_size < sizeof k || xeno_copy_in(&k, in, sizeof k) < 0)
		return -EFAULT;
	int on = k.onoff != 0, idle = (int)((k.keepalivetime + 999) / 1000),
	    intvl = (int)((k.keepaliveinterval + 999) / 1000);
	long r = host_syscall5(SYS_setsockopt, fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
	if (!r && on)
		r = host_syscall5(SYS_setsockopt, fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle,
				  sizeof idle);
	if (!r && on)
		r = host_syscall5(SYS_setsockopt, fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl,
				  sizeof intvl);
	return r;
}

long windows_ws2_32_WSAIoctl(struct xeno_thread *t, uint64_t s, unsigned int code, uint64_t in,
			     unsigned int in_size, uint64_t out, unsigned int out_size,
			     uint64_t returned, uint64_t ov)
{
	uint64_t completion = win_net_ninth_argument(t);
	if (completion) {
		win_set_error(WIN_WSAEOPNOTSUPP); /* no APCs are ever queued */
		return WIN_SOCKET_ERROR;
	}
	struct win_object *o;
	int fd = sock_fd(s, &o);
	if (fd < 0)
		return WIN_SOCKET_ERROR;
	uint64_t written = 0;
	long r;
	switch (code) {
	case WIN_SIO_GET_EXTENSION_FUNCTION_POINTER:
		r = extension_pointer(t, in, in_size, out, out_size, &written);
		break;
	case WIN_SIO_KEEPALIVE_VALS:
		r = keepalive_values(fd, in, in_size);
		break;
	case WIN_SIO_UDP_CONNRESET: /* Linux reports no ICMP errors on UDP reads anyway */
		r = 0;
		break;
	case WIN_SIO_BASE_HANDLE: /* no layered providers: the socket is its own base */
		written = 8;
		r = out_size < 8 || xeno_copy_out(out, &s, sizeof s) < 0 ? -EFAULT : 0;
		break;
	default:
		r = -EOPNOTSUPP;
	}
	win_put(o);
	uint32_t w = (uint32_t)written;
	if (returned)
		xeno_copy_out(returned, &w, sizeof w);
	if (r < 0)
		return win_wsa_fail(r);
	(void)ov; /* done at once: nothing will complete later */
	return 0;
}

/* ---- protocols ---- */

/* WSAEnumProtocolsW: TCP and UDP over IPv4 and IPv6, as Wine lists them
 * (dlls/ws2_32/protocol.c supported_protocols), with XP1_IFS_HANDLES:
 * socket handles are handles ReadFile, WriteFile and completion ports take.
 * protocols: a 0-terminated list of IPPROTO_* to keep, or NULL for all. */
long windows_ws2_32_WSAEnumProtocolsW(struct xeno_thread *t, uint64_t protocols, uint64_t buf,
				      uint64_t len_at)
{
	(void)t;
	static const struct {
		int af, type, protocol, max_addr;
		uint32_t flags, msg;
		const char *name;
	} known[] = {
	    {WIN_AF_INET, SOCK_STREAM, WIN_IPPROTO_TCP, 16, 0x66, 0, "MSAFD Tcpip [TCP/IP]"},
	    {WIN_AF_INET, SOCK_DGRAM, WIN_IPPROTO_UDP, 16, 0x609, 0xffbb, "MSAFD Tcpip [UDP/IP]"},
	    {WIN_AF_INET6, SOCK_STREAM, WIN_IPPROTO_TCP, 28, 0x66, 0, "MSAFD Tcpip [TCP/IPv6]"},
	    {WIN_AF_INET6, SOCK_DGRAM, WIN_IPPROTO_UDP, 28, 0x609, 0xffbb,
	     "MSAFD Tcpip [UDP/IPv6]"},
	};
	int want[16], nwant = 0;
	for (; protocols && nwant < 15; nwant++)
		if (xeno_copy_in(&want[nwant], protocols + 4 * (uint64_t)nwant, 4) < 0 ||
		    !want[nwant])
			break;
	uint32_t room;
	if (xeno_copy_in(&room, len_at, sizeof room) < 0) {
		win_set_error(WIN_WSAEFAULT);
		return WIN_SOCKET_ERROR;
	}
	struct win_wsaprotocol_infow out[4];
	int n = 0;
	for (size_t i = 0; i < 4; i++) {
		bool keep = !protocols;
		for (int k = 0; k < nwant; k++)
			keep |= want[k] == known[i].protocol;
		if (!keep)
			continue;
		struct win_wsaprotocol_infow *p = &out[n++];
		memset(p, 0, sizeof *p);
		p->service_flags1 = known[i].flags | WIN_XP1_IFS_HANDLES;
		p->provider_flags = 8;		 /* PFL_MATCHES_PROTOCOL_ZERO */
		p->protocol_chain.chain_len = 1; /* BASE_PROTOCOL */
		p->version = 2;
		p->address_family = known[i].af;
		p->max_sockaddr = known[i].max_addr;
		p->min_sockaddr = 16;
		p->socket_type = known[i].type;
		p->protocol = known[i].protocol;
		p->network_byte_order = 0; /* BIGENDIAN */
		p->message_size = known[i].msg;
		for (size_t c = 0; known[i].name[c]; c++)
			p->protocol_name[c] = (uint16_t)known[i].name[c];
	}
	uint32_t need = (uint32_t)(n * (int)sizeof out[0]);
	if (!buf || room < need) {
		xeno_copy_out(len_at, &need, sizeof need);
		win_set_error(WIN_WSAENOBUFS);
		return WIN_SOCKET_ERROR;
	}
	if (xeno_copy_out(buf, out, need) < 0) {
		win_set_error(WIN_WSAEFAULT);
		return WIN_SOCKET_ERROR;
	}
	return n;
}

/* ---- byte order ---- */

long windows_ws2_32_htons(struct xeno_thread *t, unsigned int v)
{
	(void)t;
	return htons((uint16_t)v);
}

long windows_ws2_32_ntohs(struct xeno_thread *t, unsigned int v)
{
	(void)t;
	return ntohs((uint16_t)v);
}

long windows_ws2_32_htonl(struct xeno_thread *t, unsigned int v)
{
	(void)t;
	return htonl(v);
}

long windows_ws2_32_ntohl(struct xeno_thread *t, unsigned int v)
{
	(void)t;
	return ntohl(v);
}
