/*
 * macOS error numbers (xnu bsd/sys/errno.h): 1..81 and EOVERFLOW 84 as the
 * 4.4BSD family has them (abi/bsd/errno.h); 82 and 83 are device errors
 * where FreeBSD has EIDRM and ENOMSG, and the rest is macOS's own.
 */
#ifndef XENO_ABI_DARWIN_ERRNO_H
#define XENO_ABI_DARWIN_ERRNO_H

#include "abi/bsd/errno.h"
#include "core/xlat.h"

enum {
	DARWIN_ENOTSUP = 45, /* the shared EOPNOTSUPP's number, named ENOTSUP */
	DARWIN_EPWROFF = 82,
	DARWIN_EDEVERR = 83,
	DARWIN_EBADEXEC = 85,
	DARWIN_EBADARCH = 86,
	DARWIN_ESHLIBVERS = 87,
	DARWIN_EBADMACHO = 88,
	DARWIN_ECANCELED = 89,
	DARWIN_EIDRM = 90,
	DARWIN_ENOMSG = 91,
	DARWIN_EILSEQ = 92,
	DARWIN_ENOATTR = 93,
	DARWIN_EBADMSG = 94,
	DARWIN_EMULTIHOP = 95,
	DARWIN_ENODATA = 96,
	DARWIN_ENOLINK = 97,
	DARWIN_ENOSR = 98,
	DARWIN_ENOSTR = 99,
	DARWIN_EPROTO = 100,
	DARWIN_ETIME = 101,
	DARWIN_EOPNOTSUPP = 102,
	DARWIN_ENOPOLICY = 103,
	DARWIN_ENOTRECOVERABLE = 104,
	DARWIN_EOWNERDEAD = 105,
	DARWIN_EQFULL = 106,
	DARWIN_ELAST = 106,
};

extern const struct xeno_errno_table darwin_errno_table;

int darwin_errno_from_host(int host);
const char *darwin_errno_name(int foreign);

#endif
