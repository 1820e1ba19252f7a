/*
 * Reading and writing handles: files, pipes and consoles (ReadFile,
 * WriteFile, WriteConsoleW, GetStdHandle, GetFileType, GetConsoleMode).  A
 * handle is a console when its descriptor is a terminal; a pipe or a file
 * is never one, so GetConsoleMode fails for it and programs use WriteFile.
 * Pipes end as Windows reports them: a read finding the writer gone fails
 * with ERROR_BROKEN_PIPE, a write finding the reader gone with
 * ERROR_NO_DATA.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/windows/file.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

void win_iocp_complete(struct win_object *file, uint64_t overlapped, uint32_t status,
		       uint32_t bytes);

void win_file_release(struct win_object *o)
{
	if (o->file.fd >= 0)
		close(o->file.fd);
	if (o->file.delete_on_close && o->file.path)
		(o->file.directory ? rmdir : unlink)(o->file.path);
	free(o->file.path);
	void win_dir_release(void *dir);
	win_dir_release(o->file.dir);
	win_put(o->file.iocp);
}

long windows_kernel32_GetStdHandle(struct xeno_thread *t, unsigned int which)
{
	(void)t;
	switch (which) {
	case WIN_STD_INPUT_HANDLE:
		return (long)win_std_handle(0);
	case WIN_STD_OUTPUT_HANDLE:
		return (long)win_std_handle(1);
	case WIN_STD_ERROR_HANDLE:
		return (long)win_std_handle(2);
	}
	return (long)(win_fail(WIN_ERROR_INVALID_HANDLE), -1L);
}

void win_set_std_handle(int which, uint64_t h);

long windows_kernel32_SetStdHandle(struct xeno_thread *t, unsigned int which, uint64_t h)
{
	(void)t;
	if (which < WIN_STD_ERROR_HANDLE)
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	win_set_std_handle((int)(WIN_STD_INPUT_HANDLE - which), h);
	return 1;
}

static bool is_pipe(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

/* A positioned transfer's offset from its OVERLAPPED, or -1 for none. */
static int64_t overlapped_offset(uint64_t ov)
{
	struct win_overlapped o;
	if (!ov || xeno_copy_in(&o, ov, sizeof o) < 0)
		return -1;
	return (int64_t)((uint64_t)o.offset_high << 32 | o.offset);
}

/* Records the result of a transfer given an OVERLAPPED, and queues its
 * completion where the handle is bound to a port. */
static void overlapped_done(struct win_object *o, uint64_t ov, uint32_t status, uint32_t n)
{
	struct win_overlapped r;
	if (!ov || xeno_copy_in(&r, ov, sizeof r) < 0)
		return;
	r.internal = status;
	r.internal_high = n;
	xeno_copy_out(ov, &r, 16);
	if (o->file.iocp)
		win_iocp_complete(o, ov, status, n);
}

static long transfer(uint64_t h, uint64_t buf, uint32_t n, uint64_t done_out, uint64_t ov,
		     bool write)
{
	struct win_object *o = win_get(h);
	if (!o || (o->kind != WIN_FILE && o->kind != WIN_SOCKET)) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	}
	if (o->file.directory) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_FUNCTION);
	}
	int64_t off = o->file.overlapped || !is_pipe(o->file.fd) ? overlapped_offset(ov) : -1;
	long r;
	do {
		if (write)
			r = off >= 0 && !o->file.append
				? host_syscall4(SYS_pwrite64, o->file.fd, buf, n, off)
				: host_syscall3(SYS_write, o->file.fd, buf, n);
		else
			r = off >= 0 ? host_syscall4(SYS_pread64, o->file.fd, buf, n, off)
				     : host_syscall3(SYS_read, o->file.fd, buf, n);
	} while (r == -EINTR);
	uint32_t got = r > 0 ? (uint32_t)r : 0;
	if (done_out)
		xeno_copy_out(done_out, &got, sizeof got);
	uint32_t err = 0;
	if (r < 0)
		err = write && r == -EPIPE ? WIN_ERROR_NO_DATA
					   : (uint32_t)windows_error_from_host((int)-r);
	else if (!write && r == 0 && n > 0 && is_pipe(o->file.fd))
		err = WIN_ERROR_BROKEN_PIPE;
	else if (!write && r == 0 && n > 0 && off >= 0)
		err = WIN_ERROR_HANDLE_EOF; /* a positioned read at the end */
	if (ov && o->file.overlapped)
		overlapped_done(o, ov, err ? 0xc0000001u /* STATUS_UNSUCCESSFUL */ : 0, got);
	win_put(o);
	if (err)
		return win_fail(err);
	return 1;
}

long windows_kernel32_WriteFile(struct xeno_thread *t, uint64_t h, uint64_t buf, unsigned int n,
				uint64_t written, uint64_t ov)
{
	(void)t;
	return transfer(h, buf, n, written, ov, true);
}

long windows_kernel32_ReadFile(struct xeno_thread *t, uint64_t h, uint64_t buf, unsigned int n,
			       uint64_t nread, uint64_t ov)
{
	(void)t;
	return transfer(h, buf, n, nread, ov, false);
}

/* A console handle's descriptor, or -1 with ERROR_INVALID_HANDLE. */
static int console_fd(uint64_t h)
{
	struct win_object *o = win_get(h);
	int fd = o && o->kind == WIN_FILE && o->file.console ? o->file.fd : -1;
	win_put(o);
	if (fd < 0)
		win_set_error(WIN_ERROR_INVALID_HANDLE);
	return fd;
}

/* winbase.h/wincon.h: ENABLE_PROCESSED_INPUT | LINE_INPUT | ECHO_INPUT,
 * ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT */
#define CONSOLE_INPUT_MODE  0x7u
#define CONSOLE_OUTPUT_MODE 0x3u

long windows_kernel32_GetConsoleMode(struct xeno_thread *t, uint64_t h, uint64_t mode_out)
{
	(void)t;
	int fd = console_fd(h);
	if (fd < 0)
		return 0;
	uint32_t mode =
	    fd == 0 || h == win_std_handle(0) ? CONSOLE_INPUT_MODE : CONSOLE_OUTPUT_MODE;
	return xeno_copy_out(mode_out, &mode, sizeof mode) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_SetConsoleMode(struct xeno_thread *t, uint64_t h, unsigned int mode)
{
	(void)t, (void)mode;
	return console_fd(h) < 0 ? 0 : 1;
}

long windows_kernel32_WriteConsoleW(struct xeno_thread *t, uint64_t h, uint64_t buf, unsigned int n,
				    uint64_t written, uint64_t reserved)
{
	(void)t, (void)reserved;
	int fd = console_fd(h);
	if (fd < 0)
		return 0;
	win_wchar *w = malloc((size_t)n * 2 + 2);
	if (!w)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	if (xeno_copy_in(w, buf, (size_t)n * 2) < 0) {
		free(w);
		return win_fail(WIN_ERROR_NOACCESS);
	}
	size_t len = win_utf16_to_utf8(w, n, NULL, 0);
	char *s = malloc(len + 1);
	if (!s) {
		free(w);
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	}
	win_utf16_to_utf8(w, n, s, len);
	free(w);
	for (size_t off = 0; off < len;) {
		ssize_t r = write(fd, s + off, len - off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			free(s);
			return win_fail_errno(-errno);
		}
		off += (size_t)r;
	}
	free(s);
	uint32_t units = n;
	if (written)
		xeno_copy_out(written, &units, sizeof units);
	return 1;
}

long windows_kernel32_GetConsoleScreenBufferInfo(struct xeno_thread *t, uint64_t h, uint64_t out)
{
	(void)t;
	int fd = console_fd(h);
	if (fd < 0)
		return 0;
	struct winsize ws = {0};
	ioctl(fd, TIOCGWINSZ, &ws);
	int16_t cols = ws.ws_col ? (int16_t)ws.ws_col : 80,
		rows = ws.ws_row ? (int16_t)ws.ws_row : 25;
	struct win_console_screen_buffer_info info = {.size_x = cols,
						      .size_y = rows,
						      .attributes = 7,
						      .right = (int16_t)(cols - 1),
						      .bottom = (int16_t)(rows - 1),
						      .max_x = cols,
						      .max_y = rows};
	return xeno_copy_out(out, &info, sizeof info) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_SetConsoleTextAttribute(struct xeno_thread *t, uint64_t h, unsigned int attr)
{
	(void)t, (void)attr; /* colours are the terminal's escape sequences' business */
	return console_fd(h) < 0 ? 0 : 1;
}

long windows_kernel32_GetConsoleCP(struct xeno_thread *t)
{
	(void)t;
	return 65001; /* CP_UTF8 */
}

long windows_kernel32_GetConsoleOutputCP(struct xeno_thread *t)
{
	(void)t;
	return 65001;
}

long windows_kernel32_GetFileType(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	struct win_object *o = win_get(h);
	if (!o || (o->kind != WIN_FILE && o->kind != WIN_SOCKET)) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_HANDLE); /* FILE_TYPE_UNKNOWN */
	}
	struct stat st;
	int r = fstat(o->file.fd, &st);
	win_put(o);
	win_set_error(WIN_ERROR_SUCCESS);
	if (r < 0)
		return WIN_FILE_TYPE_UNKNOWN;
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		return WIN_FILE_TYPE_PIPE;
	if (S_ISCHR(st.st_mode))
		return WIN_FILE_TYPE_CHAR;
	return WIN_FILE_TYPE_DISK;
}

long windows_kernel32_FlushFileBuffers(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FILE);
	if (!o)
		return 0;
	if (!is_pipe(o->file.fd) && !o->file.console)
		fsync(o->file.fd);
	win_put(o);
	return 1;
}
