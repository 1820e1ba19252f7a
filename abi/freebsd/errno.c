/* FreeBSD <-> Linux error numbers above the shared ones (sys/sys/errno.h). */
#include "abi/freebsd/errno.h"

#include <errno.h>

#include "core/nofpu.h"

static const struct xeno_errno errnos[] = {
    BSD_ERRNO(FREEBSD_, ECANCELED),
    BSD_ERRNO(FREEBSD_, EILSEQ),
    {FREEBSD_ENOATTR, ENODATA, "ENOATTR", 0}, /* Linux reports a missing xattr so */
    BSD_ERRNO_NEAR(FREEBSD_, EDOOFUS, EINVAL),
    BSD_ERRNO(FREEBSD_, EBADMSG),
    BSD_ERRNO(FREEBSD_, EMULTIHOP),
    BSD_ERRNO(FREEBSD_, ENOLINK),
    BSD_ERRNO(FREEBSD_, EPROTO),
    BSD_ERRNO_NEAR(FREEBSD_, ENOTCAPABLE, EPERM),
    BSD_ERRNO_NEAR(FREEBSD_, ECAPMODE, EPERM),
    BSD_ERRNO(FREEBSD_, ENOTRECOVERABLE),
    BSD_ERRNO(FREEBSD_, EOWNERDEAD),
    BSD_ERRNO_NEAR(FREEBSD_, EINTEGRITY, EIO),
};

/* Linux errnos FreeBSD lacks where FreeBSD has a nearer stand-in than the
 * other BSDs (the rest: abi/bsd/errno.c). */
static const struct xeno_errno_alias aliases[] = {
    {ENOSTR, BSD_EINVAL},	   {ETIME, BSD_ETIMEDOUT},    {ENOSR, BSD_ENOBUFS},
    {EUCLEAN, FREEBSD_EINTEGRITY}, {ENOKEY, FREEBSD_ENOATTR},
};

const struct xeno_errno_table freebsd_errno_table = {
    errnos,	sizeof errnos / sizeof errnos[0],
    aliases,	sizeof aliases / sizeof aliases[0],
    BSD_EINVAL, &bsd_errno_table,
};

XENO_NOFPU int freebsd_errno_from_host(int host)
{
	return xeno_errno_from_host(&freebsd_errno_table, host);
}

int freebsd_errno_to_host(int foreign)
{
	return xeno_errno_to_host(&freebsd_errno_table, foreign);
}

const char *freebsd_errno_name(int foreign)
{
	return xeno_errno_name(&freebsd_errno_table, foreign);
}
