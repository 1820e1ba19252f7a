/* macOS <-> Linux error numbers above and beside the shared ones
 * (xnu bsd/sys/errno.h). */
#include "abi/darwin/errno.h"

#include <errno.h>

/* Linux's ENOTSUP is its EOPNOTSUPP: it reads back as 45, which macOS
 * names ENOTSUP and its libc reports for both.  A missing extended
 * attribute is Linux's ENODATA. */
static const struct xeno_errno errnos[] = {
    BSD_ERRNO_NEAR(DARWIN_, EPWROFF, EIO),
    BSD_ERRNO_NEAR(DARWIN_, EDEVERR, EIO),
    BSD_ERRNO_NEAR(DARWIN_, EBADEXEC, ENOEXEC),
    BSD_ERRNO_NEAR(DARWIN_, EBADARCH, ENOEXEC),
    BSD_ERRNO_NEAR(DARWIN_, ESHLIBVERS, ENOEXEC),
    BSD_ERRNO_NEAR(DARWIN_, EBADMACHO, ENOEXEC),
    BSD_ERRNO(DARWIN_, ECANCELED),
    BSD_ERRNO(DARWIN_, EIDRM),
    BSD_ERRNO(DARWIN_, ENOMSG),
    BSD_ERRNO(DARWIN_, EILSEQ),
    BSD_ERRNO_NEAR(DARWIN_, ENOATTR, ENODATA),
    BSD_ERRNO(DARWIN_, EBADMSG),
    BSD_ERRNO(DARWIN_, EMULTIHOP),
    BSD_ERRNO(DARWIN_, ENODATA),
    BSD_ERRNO(DARWIN_, ENOLINK),
    BSD_ERRNO(DARWIN_, ENOSR),
    BSD_ERRNO(DARWIN_, ENOSTR),
    BSD_ERRNO(DARWIN_, EPROTO),
    BSD_ERRNO(DARWIN_, ETIME),
    BSD_ERRNO_NEAR(DARWIN_, EOPNOTSUPP, EOPNOTSUPP),
    BSD_ERRNO_NEAR(DARWIN_, ENOPOLICY, EPERM),
    BSD_ERRNO(DARWIN_, ENOTRECOVERABLE),
    BSD_ERRNO(DARWIN_, EOWNERDEAD),
    BSD_ERRNO_NEAR(DARWIN_, EQFULL, ENOBUFS),
};

static const struct xeno_errno_alias aliases[] = {
    {EUCLEAN, BSD_EIO},
    {ENOKEY, DARWIN_ENOATTR},
};

const struct xeno_errno_table darwin_errno_table = {
    errnos,	sizeof errnos / sizeof errnos[0],
    aliases,	sizeof aliases / sizeof aliases[0],
    BSD_EINVAL, &bsd_errno_table,
};

int darwin_errno_from_host(int host)
{
	return xeno_errno_from_host(&darwin_errno_table, host);
}

const char *darwin_errno_name(int foreign)
{
	return xeno_errno_name(&darwin_errno_table, foreign);
}
