/*
 * Text: error messages (FormatMessageW, from the system's table: the
 * English texts Windows gives for the errors xeno reports), and the code
 * page conversions (MultiByteToWideChar, WideCharToMultiByte: UTF-8 is the
 * only multibyte code page here, CP_ACP included).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

static const struct {
	uint32_t code;
	const char *text;
} messages[] = {
    {WIN_ERROR_SUCCESS, "The operation completed successfully."},
    {WIN_ERROR_INVALID_FUNCTION, "Incorrect function."},
    {WIN_ERROR_FILE_NOT_FOUND, "The system cannot find the file specified."},
    {WIN_ERROR_PATH_NOT_FOUND, "The system cannot find the path specified."},
    {WIN_ERROR_TOO_MANY_OPEN_FILES, "The system cannot open the file."},
    {WIN_ERROR_ACCESS_DENIED, "Access is denied."},
    {WIN_ERROR_INVALID_HANDLE, "The handle is invalid."},
    {WIN_ERROR_NOT_ENOUGH_MEMORY, "Not enough memory resources are available to process this "
				  "command."},
    {WIN_ERROR_NO_MORE_FILES, "There are no more files."},
    {WIN_ERROR_SHARING_VIOLATION, "The process cannot access the file because it is being used "
				  "by another process."},
    {WIN_ERROR_HANDLE_EOF, "Reached the end of the file."},
    {WIN_ERROR_NOT_SUPPORTED, "The request is not supported."},
    {WIN_ERROR_FILE_EXISTS, "The file exists."},
    {WIN_ERROR_INVALID_PARAMETER, "The parameter is incorrect."},
    {WIN_ERROR_BROKEN_PIPE, "The pipe has been ended."},
    {WIN_ERROR_DISK_FULL, "There is not enough space on the disk."},
    {WIN_ERROR_CALL_NOT_IMPLEMENTED, "This function is not supported on this system."},
    {WIN_ERROR_INSUFFICIENT_BUFFER, "The data area passed to a system call is too small."},
    {WIN_ERROR_INVALID_NAME, "The filename, directory name, or volume label syntax is "
			     "incorrect."},
    {WIN_ERROR_MOD_NOT_FOUND, "The specified module could not be found."},
    {WIN_ERROR_PROC_NOT_FOUND, "The specified procedure could not be found."},
    {WIN_ERROR_DIR_NOT_EMPTY, "The directory is not empty."},
    {WIN_ERROR_ALREADY_EXISTS, "Cannot create a file when that file already exists."},
    {WIN_ERROR_ENVVAR_NOT_FOUND, "The system could not find the environment option that was "
				 "entered."},
    {WIN_ERROR_NO_DATA, "The pipe is being closed."},
    {WIN_ERROR_DIRECTORY, "The directory name is invalid."},
    {WIN_ERROR_OPERATION_ABORTED, "The I/O operation has been aborted because of either a "
				  "thread exit or an application request."},
    {WIN_ERROR_IO_PENDING, "Overlapped I/O operation is in progress."},
    {WIN_WSAECONNRESET, "An existing connection was forcibly closed by the remote host."},
    {WIN_WSAECONNREFUSED, "No connection could be made because the target machine actively "
			  "refused it."},
    {WIN_WSAEADDRINUSE, "Only one usage of each socket address (protocol/network address/port) "
			"is normally permitted."},
};

#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x100
#define FORMAT_MESSAGE_FROM_SYSTEM     0x1000
#define ERROR_MR_MID_NOT_FOUND	       317

long windows_kernel32_FormatMessageW(struct xeno_thread *t, unsigned int flags, uint64_t source,
				     unsigned int id, unsigned int lang, uint64_t buf,
				     unsigned int size, uint64_t args)
{
	(void)t, (void)source, (void)lang, (void)args;
	if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM))
		return win_fail(WIN_ERROR_NOT_SUPPORTED);
	const char *text = NULL;
	for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (messages[i].code == id)
			text = messages[i].text;
	if (!text)
		return win_fail(ERROR_MR_MID_NOT_FOUND);
	char line[512];
	snprintf(line, sizeof line, "%s\r\n", text);
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
		size_t units = win_utf8_to_utf16(line, strlen(line), NULL, 0);
		win_wchar *w = calloc(units + 1, 2);
		if (!w)
			return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
		win_utf8_to_utf16(line, strlen(line), w, units);
		uint64_t p = (uint64_t)w;
		xeno_copy_out(buf, &p, sizeof p); /* freed by LocalFree */
		return (long)units;
	}
	uint32_t n = win_wstr_out(line, buf, size);
	return n >= size ? win_fail(WIN_ERROR_INSUFFICIENT_BUFFER) : n;
}

#define CP_UTF8 65001

long windows_kernel32_MultiByteToWideChar(struct xeno_thread *t, unsigned int cp,
					  unsigned int flags, uint64_t src, int n, uint64_t dst,
					  int room)
{
	(void)t, (void)flags, (void)cp;
	if (n < -1 || room < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	size_t len;
	char *s;
	if (n == -1) {
		char tmp[65536];
		long l = xeno_strncpy_in(tmp, src, sizeof tmp);
		if (l < 0)
			return win_fail(WIN_ERROR_INVALID_PARAMETER);
		len = (size_t)l + 1; /* the NUL is converted too */
		s = malloc(len);
		if (s)
			memcpy(s, tmp, len);
	} else {
		len = (size_t)n;
		s = malloc(len + 1);
		if (s && xeno_copy_in(s, src, len) < 0) {
			free(s);
			return win_fail(WIN_ERROR_INVALID_PARAMETER);
		}
	}
	if (!s)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	size_t units = win_utf8_to_utf16(s, len, NULL, 0);
	long r = (long)units;
	if (room) {
		if (units > (size_t)room) {
			free(s);
			return win_fail(WIN_ERROR_INSUFFICIENT_BUFFER);
		}
		win_wchar *w = malloc(units * 2 + 2);
		if (w) {
			win_utf8_to_utf16(s, len, w, units);
			if (xeno_copy_out(dst, w, units * 2) < 0)
				r = win_fail(WIN_ERROR_INVALID_PARAMETER);
		}
		free(w);
	}
	free(s);
	return r;
}

long windows_kernel32_WideCharToMultiByte(struct xeno_thread *t, unsigned int cp,
					  unsigned int flags, uint64_t src, int n, uint64_t dst,
					  int room, uint64_t def, uint64_t used_def)
{
	(void)t, (void)cp, (void)flags, (void)def;
	if (used_def) {
		int zero = 0;
		xeno_copy_out(used_def, &zero, sizeof zero);
	}
	size_t units = n == -1 ? (size_t)win_wcslen(src, 1 << 20) + 1 : (size_t)n;
	if (n < -1 || room < 0 || (n == -1 && units == 0))
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	win_wchar *w = malloc(units * 2 + 2);
	if (!w || xeno_copy_in(w, src, units * 2) < 0) {
		free(w);
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	size_t len = win_utf16_to_utf8(w, units, NULL, 0);
	long r = (long)len;
	if (room) {
		char *s = malloc(len + 1);
		if (len > (size_t)room)
			r = win_fail(WIN_ERROR_INSUFFICIENT_BUFFER);
		else if (s) {
			win_utf16_to_utf8(w, units, s, len);
			if (xeno_copy_out(dst, s, len) < 0)
				r = win_fail(WIN_ERROR_INVALID_PARAMETER);
		}
		free(s);
	}
	free(w);
	return r;
}
