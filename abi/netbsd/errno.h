/*
 * NetBSD error numbers (sys/sys/errno.h rev 1.40, ELAST 96): 1..84 as the
 * 4.4BSD family has them (abi/bsd/errno.h), then NetBSD's own.
 */
#ifndef XENO_ABI_NETBSD_ERRNO_H
#define XENO_ABI_NETBSD_ERRNO_H

#include "abi/bsd/errno.h"
#include "core/xlat.h"

enum {
	NETBSD_EILSEQ = 85,
	NETBSD_ENOTSUP = 86,
	NETBSD_ECANCELED = 87,
	NETBSD_EBADMSG = 88,
	NETBSD_ENODATA = 89,
	NETBSD_ENOSR = 90,
	NETBSD_ENOSTR = 91,
	NETBSD_ETIME = 92,
	NETBSD_ENOATTR = 93,
	NETBSD_EMULTIHOP = 94,
	NETBSD_ENOLINK = 95,
	NETBSD_EPROTO = 96,
	NETBSD_ELAST = 96,
};

extern const struct xeno_errno_table netbsd_errno_table;

int netbsd_errno_from_host(int host);
const char *netbsd_errno_name(int foreign);

#endif
