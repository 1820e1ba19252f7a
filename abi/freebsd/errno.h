/*
 * FreeBSD error numbers (sys/sys/errno.h, FreeBSD 14: ELAST 97): 1..84 as
 * the 4.4BSD family has them (abi/bsd/errno.h), then FreeBSD's own.
 */
#ifndef XENO_ABI_FREEBSD_ERRNO_H
#define XENO_ABI_FREEBSD_ERRNO_H

#include "abi/bsd/errno.h"
#include "core/xlat.h"

enum {
	FREEBSD_ECANCELED = 85,
	FREEBSD_EILSEQ = 86,
	FREEBSD_ENOATTR = 87,
	FREEBSD_EDOOFUS = 88,
	FREEBSD_EBADMSG = 89,
	FREEBSD_EMULTIHOP = 90,
	FREEBSD_ENOLINK = 91,
	FREEBSD_EPROTO = 92,
	FREEBSD_ENOTCAPABLE = 93,
	FREEBSD_ECAPMODE = 94,
	FREEBSD_ENOTRECOVERABLE = 95,
	FREEBSD_EOWNERDEAD = 96,
	FREEBSD_EINTEGRITY = 97,
	FREEBSD_ELAST = 97,
};

extern const struct xeno_errno_table freebsd_errno_table;

int freebsd_errno_from_host(int host);
int freebsd_errno_to_host(int foreign);
const char *freebsd_errno_name(int foreign);

#endif
