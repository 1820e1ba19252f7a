/*
 * The error numbers the 4.4BSD family shares: FreeBSD and NetBSD number
 * 1..84 alike (FreeBSD sys/sys/errno.h; NetBSD sys/sys/errno.h rev 1.40),
 * from EPERM to EOVERFLOW; above that each goes its own way
 * (abi/<os>/errno.c extends bsd_errno_table with its own entries).
 */
#ifndef XENO_ABI_BSD_ERRNO_H
#define XENO_ABI_BSD_ERRNO_H

#include "core/xlat.h"

enum {
	BSD_EPERM = 1,
	BSD_ENOENT = 2,
	BSD_ESRCH = 3,
	BSD_EINTR = 4,
	BSD_EIO = 5,
	BSD_ENXIO = 6,
	BSD_E2BIG = 7,
	BSD_ENOEXEC = 8,
	BSD_EBADF = 9,
	BSD_ECHILD = 10,
	BSD_EDEADLK = 11,
	BSD_ENOMEM = 12,
	BSD_EACCES = 13,
	BSD_EFAULT = 14,
	BSD_ENOTBLK = 15,
	BSD_EBUSY = 16,
	BSD_EEXIST = 17,
	BSD_EXDEV = 18,
	BSD_ENODEV = 19,
	BSD_ENOTDIR = 20,
	BSD_EISDIR = 21,
	BSD_EINVAL = 22,
	BSD_ENFILE = 23,
	BSD_EMFILE = 24,
	BSD_ENOTTY = 25,
	BSD_ETXTBSY = 26,
	BSD_EFBIG = 27,
	BSD_ENOSPC = 28,
	BSD_ESPIPE = 29,
	BSD_EROFS = 30,
	BSD_EMLINK = 31,
	BSD_EPIPE = 32,
	BSD_EDOM = 33,
	BSD_ERANGE = 34,
	BSD_EAGAIN = 35,
	BSD_EINPROGRESS = 36,
	BSD_EALREADY = 37,
	BSD_ENOTSOCK = 38,
	BSD_EDESTADDRREQ = 39,
	BSD_EMSGSIZE = 40,
	BSD_EPROTOTYPE = 41,
	BSD_ENOPROTOOPT = 42,
	BSD_EPROTONOSUPPORT = 43,
	BSD_ESOCKTNOSUPPORT = 44,
	BSD_EOPNOTSUPP = 45,
	BSD_EPFNOSUPPORT = 46,
	BSD_EAFNOSUPPORT = 47,
	BSD_EADDRINUSE = 48,
	BSD_EADDRNOTAVAIL = 49,
	BSD_ENETDOWN = 50,
	BSD_ENETUNREACH = 51,
	BSD_ENETRESET = 52,
	BSD_ECONNABORTED = 53,
	BSD_ECONNRESET = 54,
	BSD_ENOBUFS = 55,
	BSD_EISCONN = 56,
	BSD_ENOTCONN = 57,
	BSD_ESHUTDOWN = 58,
	BSD_ETOOMANYREFS = 59,
	BSD_ETIMEDOUT = 60,
	BSD_ECONNREFUSED = 61,
	BSD_ELOOP = 62,
	BSD_ENAMETOOLONG = 63,
	BSD_EHOSTDOWN = 64,
	BSD_EHOSTUNREACH = 65,
	BSD_ENOTEMPTY = 66,
	BSD_EPROCLIM = 67,
	BSD_EUSERS = 68,
	BSD_EDQUOT = 69,
	BSD_ESTALE = 70,
	BSD_EREMOTE = 71,
	BSD_EBADRPC = 72,
	BSD_ERPCMISMATCH = 73,
	BSD_EPROGUNAVAIL = 74,
	BSD_EPROGMISMATCH = 75,
	BSD_EPROCUNAVAIL = 76,
	BSD_ENOLCK = 77,
	BSD_ENOSYS = 78,
	BSD_EFTYPE = 79,
	BSD_EAUTH = 80,
	BSD_ENEEDAUTH = 81,
	BSD_EIDRM = 82,
	BSD_ENOMSG = 83,
	BSD_EOVERFLOW = 84,
	BSD_ELAST_SHARED = 84,
};

/* Errnos 1..84 with their host twins, and the Linux errnos no BSD has with
 * the shared errno that stands in: the base of each BSD's table. */
extern const struct xeno_errno_table bsd_errno_table;

/* One line of an errno table: a foreign errno with the same name on the
 * host, or one with only a near host errno (used towards the host only). */
#define BSD_ERRNO(prefix, name)                                                                    \
	{                                                                                          \
		prefix##name, name, XENO_NAME(#name), 0                                            \
	}
#define BSD_ERRNO_NEAR(prefix, name, host)                                                         \
	{                                                                                          \
		prefix##name, host, XENO_NAME(#name), 1                                            \
	}

#endif
