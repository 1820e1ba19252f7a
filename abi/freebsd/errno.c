/* FreeBSD <-> Linux error numbers.  FreeBSD values: sys/sys/errno.h. */
#include "abi/freebsd/errno.h"

#include <errno.h>

/* Same name on both systems. */
#define E(name)                                                                                    \
	{                                                                                          \
		FREEBSD_##name, name, #name, 0                                                     \
	}
/* FreeBSD-only: the nearest Linux errno, used only towards the host. */
#define NEAR(name, host)                                                                           \
	{                                                                                          \
		FREEBSD_##name, host, #name, 1                                                     \
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
    E(EDEADLK),
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
    E(EAGAIN),
    E(EINPROGRESS),
    E(EALREADY),
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
    E(ELOOP),
    E(ENAMETOOLONG),
    E(EHOSTDOWN),
    E(EHOSTUNREACH),
    E(ENOTEMPTY),
    NEAR(EPROCLIM, EAGAIN),
    E(EUSERS),
    E(EDQUOT),
    E(ESTALE),
    E(EREMOTE),
    NEAR(EBADRPC, EINVAL),
    NEAR(ERPCMISMATCH, EINVAL),
    NEAR(EPROGUNAVAIL, EINVAL),
    NEAR(EPROGMISMATCH, EINVAL),
    NEAR(EPROCUNAVAIL, EINVAL),
    E(ENOLCK),
    E(ENOSYS),
    NEAR(EFTYPE, EINVAL),
    NEAR(EAUTH, EACCES),
    NEAR(ENEEDAUTH, EACCES),
    E(EIDRM),
    E(ENOMSG),
    E(EOVERFLOW),
    E(ECANCELED),
    E(EILSEQ),
    {FREEBSD_ENOATTR, ENODATA, "ENOATTR", 0}, /* Linux reports a missing xattr so */
    NEAR(EDOOFUS, EINVAL),
    E(EBADMSG),
    E(EMULTIHOP),
    E(ENOLINK),
    E(EPROTO),
    NEAR(ENOTCAPABLE, EPERM),
    NEAR(ECAPMODE, EPERM),
    E(ENOTRECOVERABLE),
    E(EOWNERDEAD),
    NEAR(EINTEGRITY, EIO),
};

/* Linux errnos FreeBSD lacks, and what a FreeBSD program would see instead. */
static const struct xeno_errno_alias aliases[] = {
    {ECHRNG, FREEBSD_EINVAL},	   {EL2NSYNC, FREEBSD_EIO},	  {EL3HLT, FREEBSD_EIO},
    {EL3RST, FREEBSD_EIO},	   {ELNRNG, FREEBSD_EINVAL},	  {EUNATCH, FREEBSD_EIO},
    {ENOCSI, FREEBSD_EIO},	   {EL2HLT, FREEBSD_EIO},	  {EBADE, FREEBSD_EINVAL},
    {EBADR, FREEBSD_EINVAL},	   {EXFULL, FREEBSD_ENOSPC},	  {ENOANO, FREEBSD_EIO},
    {EBADRQC, FREEBSD_EINVAL},	   {EBADSLT, FREEBSD_EINVAL},	  {EBFONT, FREEBSD_EFTYPE},
    {ENOSTR, FREEBSD_EINVAL},	   {ETIME, FREEBSD_ETIMEDOUT},	  {ENOSR, FREEBSD_ENOBUFS},
    {ENONET, FREEBSD_ENETDOWN},	   {ENOPKG, FREEBSD_ENOENT},	  {EADV, FREEBSD_EIO},
    {ESRMNT, FREEBSD_EIO},	   {ECOMM, FREEBSD_EIO},	  {EDOTDOT, FREEBSD_EIO},
    {ENOTUNIQ, FREEBSD_EINVAL},	   {EBADFD, FREEBSD_EBADF},	  {EREMCHG, FREEBSD_EIO},
    {ELIBACC, FREEBSD_ENOEXEC},	   {ELIBBAD, FREEBSD_ENOEXEC},	  {ELIBSCN, FREEBSD_ENOEXEC},
    {ELIBMAX, FREEBSD_ENOEXEC},	   {ELIBEXEC, FREEBSD_ENOEXEC},	  {ERESTART, FREEBSD_EINTR},
    {ESTRPIPE, FREEBSD_EPIPE},	   {EUCLEAN, FREEBSD_EINTEGRITY}, {ENOTNAM, FREEBSD_EINVAL},
    {ENAVAIL, FREEBSD_EINVAL},	   {EISNAM, FREEBSD_EISDIR},	  {EREMOTEIO, FREEBSD_EIO},
    {ENOMEDIUM, FREEBSD_ENXIO},	   {EMEDIUMTYPE, FREEBSD_EFTYPE}, {ENOKEY, FREEBSD_ENOATTR},
    {EKEYEXPIRED, FREEBSD_EACCES}, {EKEYREVOKED, FREEBSD_EACCES}, {EKEYREJECTED, FREEBSD_EACCES},
    {ERFKILL, FREEBSD_ENETDOWN},   {EHWPOISON, FREEBSD_EIO},
};

const struct xeno_errno_table freebsd_errno_table = {
    errnos,	    sizeof errnos / sizeof errnos[0], aliases, sizeof aliases / sizeof aliases[0],
    FREEBSD_EINVAL,
};

int freebsd_errno_from_host(int host)
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
