/*
 * OpenBSD error numbers (sys/sys/errno.h): 1..81 as the 4.4BSD family has
 * them (abi/bsd/errno.h), from 82 on OpenBSD's own order (EIPSEC first),
 * ELAST 95.
 */
#ifndef XENO_ABI_OPENBSD_ERRNO_H
#define XENO_ABI_OPENBSD_ERRNO_H

#include "abi/bsd/errno.h"
#include "core/xlat.h"

enum {
	OPENBSD_EIPSEC = 82,
	OPENBSD_ENOATTR = 83,
	OPENBSD_EILSEQ = 84,
	OPENBSD_ENOMEDIUM = 85,
	OPENBSD_EMEDIUMTYPE = 86,
	OPENBSD_EOVERFLOW = 87,
	OPENBSD_ECANCELED = 88,
	OPENBSD_EIDRM = 89,
	OPENBSD_ENOMSG = 90,
	OPENBSD_ENOTSUP = 91,
	OPENBSD_EBADMSG = 92,
	OPENBSD_ENOTRECOVERABLE = 93,
	OPENBSD_EOWNERDEAD = 94,
	OPENBSD_EPROTO = 95,
	OPENBSD_ELAST = 95,
};

extern const struct xeno_errno_table openbsd_errno_table;

int openbsd_errno_from_host(int host);
const char *openbsd_errno_name(int foreign);

#endif
