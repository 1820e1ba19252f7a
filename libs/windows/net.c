/*
 * Windows Sockets: a socket handle wraps a Linux socket; errors are WSA
 * codes in the thread's last error.
 */
#include <string.h>

#include "core/uaccess.h"
#include "libs/windows/windows.h"
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

int win_net_ready(struct win_iocp *p, uint64_t data, uint32_t events)
{
	(void)p, (void)data, (void)events;
	return 0;
}

/* The result of an overlapped transfer, from its OVERLAPPED (Internal: the
 * status, InternalHigh: the bytes moved). */
long windows_ws2_32_WSAGetOverlappedResult(struct xeno_thread *t, uint64_t s, uint64_t ov,
					   uint64_t bytes, int wait, uint64_t flags)
{
	(void)t, (void)s, (void)wait;
	uint64_t r[2];
	if (xeno_copy_in(r, ov, sizeof r) < 0)
		return win_fail(WIN_WSAEFAULT);
	uint32_t n = (uint32_t)r[1], f = 0;
	if ((bytes && xeno_copy_out(bytes, &n, 4) < 0) || (flags && xeno_copy_out(flags, &f, 4) < 0))
		return win_fail(WIN_WSAEFAULT);
	return r[0] == 0 ? 1 : win_fail(WIN_ERROR_OPERATION_ABORTED);
}
