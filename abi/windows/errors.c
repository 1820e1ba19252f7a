/* Windows error codes for Linux errnos (abi/windows/errors.h). */
#include "abi/windows/errors.h"

#include <errno.h>
#include <stddef.h>

#include "core/xlat.h"

/* The errno each Windows error stands for: the reverse is the first line
 * naming a host errno; approx lines only give a name. */
#define W(code, host)                                                                              \
	{                                                                                          \
		WIN_##code, host, XENO_NAME(#code), 0                                              \
	}
#define NAME(code)                                                                                 \
	{                                                                                          \
		WIN_##code, 0, XENO_NAME(#code), 1                                                 \
	}

static const struct xeno_errno errors[] = {
    NAME(ERROR_SUCCESS),
    W(ERROR_FILE_NOT_FOUND, ENOENT),
    NAME(ERROR_PATH_NOT_FOUND),
    W(ERROR_TOO_MANY_OPEN_FILES, EMFILE),
    W(ERROR_ACCESS_DENIED, EACCES),
    W(ERROR_INVALID_HANDLE, EBADF),
    W(ERROR_NOT_ENOUGH_MEMORY, ENOMEM),
    NAME(ERROR_INVALID_DATA),
    NAME(ERROR_OUTOFMEMORY),
    W(ERROR_NOT_SAME_DEVICE, EXDEV),
    NAME(ERROR_NO_MORE_FILES),
    W(ERROR_WRITE_PROTECT, EROFS),
    NAME(ERROR_SHARING_VIOLATION),
    NAME(ERROR_LOCK_VIOLATION),
    NAME(ERROR_HANDLE_EOF),
    W(ERROR_NOT_SUPPORTED, EOPNOTSUPP),
    W(ERROR_FILE_EXISTS, EEXIST),
    W(ERROR_INVALID_PARAMETER, EINVAL),
    W(ERROR_BROKEN_PIPE, EPIPE),
    W(ERROR_DISK_FULL, ENOSPC),
    W(ERROR_CALL_NOT_IMPLEMENTED, ENOSYS),
    W(ERROR_INSUFFICIENT_BUFFER, ERANGE),
    W(ERROR_INVALID_NAME, ENAMETOOLONG),
    NAME(ERROR_MOD_NOT_FOUND),
    NAME(ERROR_PROC_NOT_FOUND),
    NAME(ERROR_NEGATIVE_SEEK),
    W(ERROR_DIR_NOT_EMPTY, ENOTEMPTY),
    W(ERROR_BUSY, EBUSY),
    NAME(ERROR_ALREADY_EXISTS),
    NAME(ERROR_ENVVAR_NOT_FOUND),
    NAME(ERROR_FILENAME_EXCED_RANGE),
    NAME(ERROR_NO_DATA),
    NAME(ERROR_MORE_DATA),
    W(ERROR_DIRECTORY, ENOTDIR),
    NAME(ERROR_INVALID_ADDRESS),
    W(ERROR_OPERATION_ABORTED, ECANCELED),
    NAME(ERROR_IO_INCOMPLETE),
    NAME(ERROR_IO_PENDING),
    W(ERROR_NOACCESS, EFAULT),
    NAME(ERROR_NOT_FOUND),
    W(ERROR_PRIVILEGE_NOT_HELD, EPERM),
    NAME(ERROR_COMMITMENT_LIMIT),
    W(ERROR_TIMEOUT, ETIMEDOUT),
    W(ERROR_CANT_RESOLVE_FILENAME, ELOOP),
    NAME(ERROR_NOT_A_REPARSE_POINT),
    NAME(WAIT_TIMEOUT),
    W(WSAEINTR, EINTR),
    NAME(WSAEBADF),
    NAME(WSAEACCES),
    NAME(WSAEFAULT),
    NAME(WSAEINVAL),
    NAME(WSAEMFILE),
    W(WSAEWOULDBLOCK, EAGAIN),
    W(WSAEINPROGRESS, EINPROGRESS),
    W(WSAEALREADY, EALREADY),
    W(WSAENOTSOCK, ENOTSOCK),
    W(WSAEDESTADDRREQ, EDESTADDRREQ),
    W(WSAEMSGSIZE, EMSGSIZE),
    W(WSAEPROTOTYPE, EPROTOTYPE),
    W(WSAENOPROTOOPT, ENOPROTOOPT),
    W(WSAEPROTONOSUPPORT, EPROTONOSUPPORT),
    W(WSAESOCKTNOSUPPORT, ESOCKTNOSUPPORT),
    NAME(WSAEOPNOTSUPP),
    W(WSAEAFNOSUPPORT, EAFNOSUPPORT),
    W(WSAEADDRINUSE, EADDRINUSE),
    W(WSAEADDRNOTAVAIL, EADDRNOTAVAIL),
    W(WSAENETDOWN, ENETDOWN),
    W(WSAENETUNREACH, ENETUNREACH),
    W(WSAECONNABORTED, ECONNABORTED),
    W(WSAECONNRESET, ECONNRESET),
    W(WSAENOBUFS, ENOBUFS),
    W(WSAEISCONN, EISCONN),
    W(WSAENOTCONN, ENOTCONN),
    W(WSAESHUTDOWN, ESHUTDOWN),
    W(WSAETIMEDOUT, ETIMEDOUT),
    W(WSAECONNREFUSED, ECONNREFUSED),
    W(WSAEHOSTUNREACH, EHOSTUNREACH),
    NAME(WSANOTINITIALISED),
};

/* Host errnos without a line of their own. */
static const struct xeno_errno_alias aliases[] = {
    {ENOTDIR, WIN_ERROR_PATH_NOT_FOUND}, {EISDIR, WIN_ERROR_ACCESS_DENIED},
    {EPERM, WIN_ERROR_ACCESS_DENIED},	 {ENFILE, WIN_ERROR_TOO_MANY_OPEN_FILES},
    {EDQUOT, WIN_ERROR_DISK_FULL},	 {EAGAIN, WIN_ERROR_NO_DATA},
    {ENXIO, WIN_ERROR_FILE_NOT_FOUND},	 {ETXTBSY, WIN_ERROR_SHARING_VIOLATION},
};

static const struct xeno_errno_table table = {
    errors,
    sizeof errors / sizeof errors[0],
    aliases,
    sizeof aliases / sizeof aliases[0],
    WIN_ERROR_INVALID_FUNCTION,
    NULL,
};

/* File calls: errors as Windows' file system gives them. */
int windows_error_from_host(int e)
{
	switch (e) {
	case ENOTDIR:
		return WIN_ERROR_PATH_NOT_FOUND;
	case EAGAIN:
		return WIN_ERROR_NO_DATA;
	case EEXIST:
		return WIN_ERROR_FILE_EXISTS;
	case ENAMETOOLONG:
		return WIN_ERROR_FILENAME_EXCED_RANGE;
	case EINTR:
		return WIN_ERROR_OPERATION_ABORTED;
	case EPIPE:
		return WIN_ERROR_BROKEN_PIPE;
	}
	return xeno_errno_from_host(&table, e);
}

/* Socket calls: the WSA codes. */
int windows_wsa_error_from_host(int e)
{
	switch (e) {
	case EBADF:
		return WIN_WSAEBADF;
	case EACCES:
		return WIN_WSAEACCES;
	case EFAULT:
		return WIN_WSAEFAULT;
	case EINVAL:
		return WIN_WSAEINVAL;
	case EMFILE:
		return WIN_WSAEMFILE;
	case EOPNOTSUPP:
		return WIN_WSAEOPNOTSUPP;
	case EPIPE:
		return WIN_WSAESHUTDOWN;
	}
	int w = xeno_errno_from_host(&table, e);
	return w >= 10000 ? w : WIN_WSAEINVAL;
}

const char *windows_error_name(int code)
{
	return xeno_errno_name(&table, code);
}
