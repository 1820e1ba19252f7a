/* NetBSD <-> Linux error numbers above the shared ones (sys/sys/errno.h). */
#include "abi/netbsd/errno.h"

#include <errno.h>

#include "core/nofpu.h"

/* ENOTSUP is its own number on NetBSD; Linux's ENOTSUP is EOPNOTSUPP, which
 * reads back as the shared EOPNOTSUPP.  A missing extended attribute is
 * Linux's ENODATA: NetBSD's ENODATA is the same error of STREAMS. */
static const struct xeno_errno errnos[] = {
    BSD_ERRNO(NETBSD_, EILSEQ),
    BSD_ERRNO_NEAR(NETBSD_, ENOTSUP, EOPNOTSUPP),
    BSD_ERRNO(NETBSD_, ECANCELED),
    BSD_ERRNO(NETBSD_, EBADMSG),
    BSD_ERRNO(NETBSD_, ENODATA),
    BSD_ERRNO(NETBSD_, ENOSR),
    BSD_ERRNO(NETBSD_, ENOSTR),
    BSD_ERRNO(NETBSD_, ETIME),
    BSD_ERRNO_NEAR(NETBSD_, ENOATTR, ENODATA),
    BSD_ERRNO(NETBSD_, EMULTIHOP),
    BSD_ERRNO(NETBSD_, ENOLINK),
    BSD_ERRNO(NETBSD_, EPROTO),
};

/* Linux errnos NetBSD lacks where it has a nearer stand-in than the other
 * BSDs (the rest: abi/bsd/errno.c). */
static const struct xeno_errno_alias aliases[] = {
    {EUCLEAN, BSD_EIO},
    {ENOKEY, NETBSD_ENOATTR},
    {EOWNERDEAD, BSD_EINVAL},
    {ENOTRECOVERABLE, BSD_EINVAL},
};

const struct xeno_errno_table netbsd_errno_table = {
    errnos,	sizeof errnos / sizeof errnos[0],
    aliases,	sizeof aliases / sizeof aliases[0],
    BSD_EINVAL, &bsd_errno_table,
};

XENO_NOFPU int netbsd_errno_from_host(int host)
{
	return xeno_errno_from_host(&netbsd_errno_table, host);
}

const char *netbsd_errno_name(int foreign)
{
	return xeno_errno_name(&netbsd_errno_table, foreign);
}
