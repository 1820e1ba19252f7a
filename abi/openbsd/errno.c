/* OpenBSD <-> Linux error numbers above the shared ones (sys/sys/errno.h).
 * The table is looked at before the shared one, so 82..84, which FreeBSD
 * and NetBSD give to EIDRM, ENOMSG and EOVERFLOW, are OpenBSD's here. */
#include "abi/openbsd/errno.h"

#include <errno.h>

/* EIPSEC has no Linux twin (reported as EIO's nearest: never produced);
 * ENOTSUP is its own number, Linux's ENOTSUP being EOPNOTSUPP; a missing
 * extended attribute is Linux's ENODATA. */
static const struct xeno_errno errnos[] = {
    BSD_ERRNO_NEAR(OPENBSD_, EIPSEC, EIO), BSD_ERRNO_NEAR(OPENBSD_, ENOATTR, ENODATA),
    BSD_ERRNO(OPENBSD_, EILSEQ),	   BSD_ERRNO(OPENBSD_, ENOMEDIUM),
    BSD_ERRNO(OPENBSD_, EMEDIUMTYPE),	   BSD_ERRNO(OPENBSD_, EOVERFLOW),
    BSD_ERRNO(OPENBSD_, ECANCELED),	   BSD_ERRNO(OPENBSD_, EIDRM),
    BSD_ERRNO(OPENBSD_, ENOMSG),	   BSD_ERRNO_NEAR(OPENBSD_, ENOTSUP, EOPNOTSUPP),
    BSD_ERRNO(OPENBSD_, EBADMSG),	   BSD_ERRNO(OPENBSD_, ENOTRECOVERABLE),
    BSD_ERRNO(OPENBSD_, EOWNERDEAD),	   BSD_ERRNO(OPENBSD_, EPROTO),
};

/* Linux errnos OpenBSD lacks where it has a nearer stand-in than the other
 * BSDs (the rest: abi/bsd/errno.c). */
static const struct xeno_errno_alias aliases[] = {
    {ENODATA, OPENBSD_ENOATTR}, {EUCLEAN, BSD_EIO}, {ENOKEY, OPENBSD_ENOATTR},
    {EMULTIHOP, BSD_EIO},	{ENOLINK, BSD_EIO},
};

const struct xeno_errno_table openbsd_errno_table = {
    errnos,	sizeof errnos / sizeof errnos[0],
    aliases,	sizeof aliases / sizeof aliases[0],
    BSD_EINVAL, &bsd_errno_table,
};

int openbsd_errno_from_host(int host)
{
	return xeno_errno_from_host(&openbsd_errno_table, host);
}

const char *openbsd_errno_name(int foreign)
{
	return xeno_errno_name(&openbsd_errno_table, foreign);
}
