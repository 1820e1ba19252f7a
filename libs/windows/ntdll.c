/*
 * ntdll's native calls that programs reach past kernel32: the file
 * information Go asks for when it wraps a handle (FileModeInformation: are
 * its transfers synchronous?), and the NTSTATUS-to-error translation.
 */
#include "abi/windows/file.h"
#include "abi/windows/socket.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_ntdll_proto.h"

/* FILE_INFORMATION_CLASS (wdm.h) and FILE_MODE_INFORMATION's bits */
#define FILE_MODE_INFORMATION	     16
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define STATUS_INVALID_INFO_CLASS    0xc0000003u
#define STATUS_INFO_LENGTH_MISMATCH  0xc0000004u

long windows_ntdll_NtQueryInformationFile(struct xeno_thread *t, uint64_t h, uint64_t iosb,
					  uint64_t info, unsigned int len, unsigned int cls)
{
	(void)t;
	struct win_object *o = win_get(h);
	if (!o || (o->kind != WIN_FILE && o->kind != WIN_SOCKET)) {
		win_put(o);
		return WIN_STATUS_INVALID_HANDLE;
	}
	bool overlapped = o->file.overlapped;
	win_put(o);
	if (cls != FILE_MODE_INFORMATION)
		return STATUS_INVALID_INFO_CLASS;
	if (len < 4)
		return STATUS_INFO_LENGTH_MISMATCH;
	uint32_t mode = overlapped ? 0 : FILE_SYNCHRONOUS_IO_NONALERT;
	uint64_t status[2] = {0, 4}; /* IO_STATUS_BLOCK: Status, Information */
	if (xeno_copy_out(info, &mode, sizeof mode) < 0 ||
	    (iosb && xeno_copy_out(iosb, status, sizeof status) < 0))
		return WIN_STATUS_ACCESS_VIOLATION;
	return WIN_STATUS_SUCCESS;
}

long windows_ntdll_RtlNtStatusToDosError(struct xeno_thread *t, unsigned int status)
{
	(void)t;
	switch (status) {
	case WIN_STATUS_SUCCESS:
		return WIN_ERROR_SUCCESS;
	case WIN_STATUS_INVALID_HANDLE:
		return WIN_ERROR_INVALID_HANDLE;
	case WIN_STATUS_INVALID_PARAMETER:
		return WIN_ERROR_INVALID_PARAMETER;
	case WIN_STATUS_ACCESS_VIOLATION:
		return WIN_ERROR_NOACCESS;
	case WIN_STATUS_NOT_IMPLEMENTED:
		return WIN_ERROR_INVALID_FUNCTION;
	}
	return win_error_from_ntstatus(status); /* the sockets' statuses */
}

long windows_ntdll_RtlNtStatusToDosErrorNoTeb(struct xeno_thread *t, unsigned int status)
{
	return windows_ntdll_RtlNtStatusToDosError(t, status);
}
