/*
 * How a 32-bit result reaches the caller: a function returning int leaves it
 * in EAX, and writing EAX clears RAX's upper half, so a caller that reads all
 * of RAX (as Go's syscall package does, comparing it with SOCKET_ERROR,
 * 0xffffffff) sees -1 as 0x00000000ffffffff.  The sample loads ws2_32.dll by
 * name as Go does, calls closesocket on a handle that is no socket through a
 * pointer typed to return 64 bits, and prints what RAX held and whether
 * WSAGetLastError then says WSAENOTSOCK (10038).  The same for a DWORD
 * result of kernel32: GetFileAttributesW's INVALID_FILE_ATTRIBUTES
 * (0xffffffff) for a missing file.
 */
#include "win.h"

typedef unsigned long long (*raw_fn)(unsigned long long);
typedef int (*last_error_fn)(void);
typedef unsigned long long (*attr_fn)(const unsigned short *);

static void hex(unsigned long long v, char *out)
{
	for (int i = 15; i >= 0; i--, v >>= 4)
		out[i] = "0123456789abcdef"[v & 15];
}

__attribute__((noreturn)) void start(void)
{
	HANDLE ws2 = LoadLibraryA("ws2_32.dll");
	raw_fn closesocket = ws2 ? (raw_fn)GetProcAddress(ws2, "closesocket") : 0;
	last_error_fn last = ws2 ? (last_error_fn)GetProcAddress(ws2, "WSAGetLastError") : 0;
	if (!closesocket || !last) {
		PUT("results: ws2_32.dll not loaded\n");
		ExitProcess(1);
	}
	unsigned long long rax = closesocket(0x7777);
	int err = last();
	char line[] = "results: closesocket -> rax 0x................, WSAENOTSOCK x\n";
	hex(rax, line + 30);
	line[sizeof line - 3] = err == 10038 ? 'y' : 'n';
	put(line, sizeof line - 1);
	/* a DWORD result: GetFileAttributesW's INVALID_FILE_ATTRIBUTES for
	 * a file that is not there */
	HANDLE k32 = LoadLibraryA("kernel32.dll");
	attr_fn attrs = k32 ? (attr_fn)GetProcAddress(k32, "GetFileAttributesW") : 0;
	unsigned long long waited = attrs ? attrs(L"Z:\\no\\such\\file") : 0;
	char wline[] = "results: GetFileAttributesW -> rax 0x................\n";
	hex(waited, wline + 37);
	put(wline, sizeof wline - 1);
	ExitProcess(rax == 0xffffffffULL && err == 10038 && waited == 0xffffffffULL ? 0 : 1);
}
