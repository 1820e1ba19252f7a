/* illumos <-> Linux error numbers.  illumos values: usr/src/uts/common/sys/errno.h.
 * Being System V's, almost every illumos errno has a Linux namesake. */
#include "abi/illumos/errno.h"

#include <errno.h>

/* Same name on both systems. */
#define E(name)                                                                                    \
	{                                                                                          \
		ILLUMOS_##name, name, XENO_NAME(#name), 0                                          \
	}
/* illumos-only (or a twin Linux folds into another): the nearest Linux
 * errno, used only towards the host.  Linux's ENOTSUP is EOPNOTSUPP, so a
 * host EOPNOTSUPP reads back as illumos's EOPNOTSUPP (122). */
#define NEAR(name, host)                                                                           \
	{                                                                                          \
		ILLUMOS_##name, host, XENO_NAME(#name), 1                                          \
	}

static const struct xeno_errno errnos[] = {
    E(EPERM),
    E(ENOENT),
    E(ESRCH),
    E(EINTR),
    E(EIO),
    E(ENXIO),
    E(E2BIG),
    E(ENOEXEC),
    E(EBADF),
    E(ECHILD),
    E(EAGAIN),
    E(ENOMEM),
    E(EACCES),
    E(EFAULT),
    E(ENOTBLK),
    E(EBUSY),
    E(EEXIST),
    E(EXDEV),
    E(ENODEV),
    E(ENOTDIR),
    E(EISDIR),
    E(EINVAL),
    E(ENFILE),
    E(EMFILE),
    E(ENOTTY),
    E(ETXTBSY),
    E(EFBIG),
    E(ENOSPC),
    E(ESPIPE),
    E(EROFS),
    E(EMLINK),
    E(EPIPE),
    E(EDOM),
    E(ERANGE),
    E(ENOMSG),
    E(EIDRM),
    E(ECHRNG),
    E(EL2NSYNC),
    E(EL3HLT),
    E(EL3RST),
    E(ELNRNG),
    E(EUNATCH),
    E(ENOCSI),
    E(EL2HLT),
    E(EDEADLK),
    E(ENOLCK),
    E(ECANCELED),
    NEAR(ENOTSUP, EOPNOTSUPP),
    E(EDQUOT),
    E(EBADE),
    E(EBADR),
    E(EXFULL),
    E(ENOANO),
    E(EBADRQC),
    E(EBADSLT),
    NEAR(EDEADLOCK, EDEADLK),
    E(EBFONT),
    E(EOWNERDEAD),
    E(ENOTRECOVERABLE),
    E(ENOSTR),
    E(ENODATA),
    E(ETIME),
    E(ENOSR),
    E(ENONET),
    E(ENOPKG),
    E(EREMOTE),
    E(ENOLINK),
    E(EADV),
    E(ESRMNT),
    E(ECOMM),
    E(EPROTO),
    NEAR(ELOCKUNMAPPED, ENOLCK),
    NEAR(ENOTACTIVE, ENOSYS),
    E(EMULTIHOP),
    E(EBADMSG),
    E(ENAMETOOLONG),
    E(EOVERFLOW),
    E(ENOTUNIQ),
    E(EBADFD),
    E(EREMCHG),
    E(ELIBACC),
    E(ELIBBAD),
    E(ELIBSCN),
    E(ELIBMAX),
    E(ELIBEXEC),
    E(EILSEQ),
    E(ENOSYS),
    E(ELOOP),
    E(ERESTART),
    E(ESTRPIPE),
    E(ENOTEMPTY),
    E(EUSERS),
    E(ENOTSOCK),
    E(EDESTADDRREQ),
    E(EMSGSIZE),
    E(EPROTOTYPE),
    E(ENOPROTOOPT),
    E(EPROTONOSUPPORT),
    E(ESOCKTNOSUPPORT),
    E(EOPNOTSUPP),
    E(EPFNOSUPPORT),
    E(EAFNOSUPPORT),
    E(EADDRINUSE),
    E(EADDRNOTAVAIL),
    E(ENETDOWN),
    E(ENETUNREACH),
    E(ENETRESET),
    E(ECONNABORTED),
    E(ECONNRESET),
    E(ENOBUFS),
    E(EISCONN),
    E(ENOTCONN),
    E(ESHUTDOWN),
    E(ETOOMANYREFS),
    E(ETIMEDOUT),
    E(ECONNREFUSED),
    E(EHOSTDOWN),
    E(EHOSTUNREACH),
    E(EALREADY),
    E(EINPROGRESS),
    E(ESTALE),
};

/* Linux errnos with no illumos namesake, and what illumos says instead. */
static const struct xeno_errno_alias aliases[] = {
    {EDOTDOT, ILLUMOS_EIO},	   {EUCLEAN, ILLUMOS_EIO},	  {ENOTNAM, ILLUMOS_EINVAL},
    {ENAVAIL, ILLUMOS_EINVAL},	   {EISNAM, ILLUMOS_EISDIR},	  {EREMOTEIO, ILLUMOS_EIO},
    {ENOMEDIUM, ILLUMOS_ENXIO},	   {EMEDIUMTYPE, ILLUMOS_ENXIO},  {ENOKEY, ILLUMOS_ENOENT},
    {EKEYEXPIRED, ILLUMOS_EACCES}, {EKEYREVOKED, ILLUMOS_EACCES}, {EKEYREJECTED, ILLUMOS_EACCES},
    {ERFKILL, ILLUMOS_ENETDOWN},   {EHWPOISON, ILLUMOS_EIO},
};

const struct xeno_errno_table illumos_errno_table = {
    errnos,	    sizeof errnos / sizeof errnos[0],
    aliases,	    sizeof aliases / sizeof aliases[0],
    ILLUMOS_EINVAL, NULL,
};

int illumos_errno_from_host(int host)
{
	return xeno_errno_from_host(&illumos_errno_table, host);
}

int illumos_errno_to_host(int foreign)
{
	return xeno_errno_to_host(&illumos_errno_table, foreign);
}

const char *illumos_errno_name(int foreign)
{
	return xeno_errno_name(&illumos_errno_table, foreign);
}
