/*
 * The file system by name and by handle: CreateFileW, attributes and
 * information (GetFileAttributesExW, GetFileInformationByHandle(Ex)), the
 * file pointer, directories and their listings (FindFirstFileW,
 * GetFileInformationByHandleEx's directory classes), the current
 * directory, renames and deletions.  Paths go through win_path_in (Wine's
 * mapping, libs/windows/path.c).  Symbolic links are followed and never
 * reported as reparse points: a program sees what the link points at.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/windows/file.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

#define PATH_SIZE 4096

/* FILETIME of a timespec: 100 ns units since 1601. */
static uint64_t filetime(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * 10000000ULL + (uint64_t)ts->tv_nsec / 100 + WIN_EPOCH_DIFF;
}

static void split64(uint32_t out[2], uint64_t v)
{
	out[0] = (uint32_t)v;
	out[1] = (uint32_t)(v >> 32);
}

static uint32_t attributes(const struct stat *st, const char *name)
{
	uint32_t a = 0;
	if (S_ISDIR(st->st_mode))
		a |= WIN_FILE_ATTRIBUTE_DIRECTORY;
	if (!(st->st_mode & S_IWUSR))
		a |= WIN_FILE_ATTRIBUTE_READONLY;
	if (name && name[0] == '.' && strcmp(name, ".") && strcmp(name, ".."))
		a |= WIN_FILE_ATTRIBUTE_HIDDEN; /* Wine: dot files are hidden */
	return a ? a : WIN_FILE_ATTRIBUTE_ARCHIVE;
}

static const char *base_of(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* The Windows error of a failed path lookup: a missing file, or a missing
 * directory on the way to it. */
static uint32_t lookup_error(int e, const char *path)
{
	if (e == ENOENT) {
		char dir[PATH_SIZE];
		snprintf(dir, sizeof dir, "%s", path);
		char *slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = '\0';
			struct stat st;
			if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
				return WIN_ERROR_PATH_NOT_FOUND;
		}
		return WIN_ERROR_FILE_NOT_FOUND;
	}
	if (e == ENOTDIR)
		return WIN_ERROR_PATH_NOT_FOUND;
	return (uint32_t)windows_error_from_host(e);
}

/* ---- CreateFileW ---- */

static long create_file(const char *path, unsigned int access, unsigned int disposition,
			unsigned int flags);

long windows_kernel32_CreateFileW(struct xeno_thread *t, uint64_t wname, unsigned int access,
				  unsigned int share, uint64_t sa, unsigned int disposition,
				  unsigned int flags, uint64_t template)
{
	(void)t, (void)share, (void)sa, (void)template;
	char path[PATH_SIZE];
	int err = win_path_in(wname, path, sizeof path);
	if (err)
		return (long)(win_fail((uint32_t)err), -1L);
	return create_file(path, access, disposition, flags);
}

/* The ANSI form: the process's ANSI code page is UTF-8 here (libs/windows/
 * text.c).  Go 1.19 probes long-path support with it. */
long windows_kernel32_CreateFileA(struct xeno_thread *t, uint64_t aname, unsigned int access,
				  unsigned int share, uint64_t sa, unsigned int disposition,
				  unsigned int flags, uint64_t template)
{
	(void)t, (void)share, (void)sa, (void)template;
	char name[PATH_SIZE], path[PATH_SIZE];
	long n = aname ? xeno_strncpy_in(name, aname, sizeof name) : -1;
	if (n < 0 || (size_t)n >= sizeof name)
		return (long)(win_fail(aname ? WIN_ERROR_FILENAME_EXCED_RANGE
					     : WIN_ERROR_INVALID_PARAMETER),
			      -1L);
	int err = win_path_from_utf8(name, path, sizeof path);
	if (err)
		return (long)(win_fail((uint32_t)err), -1L);
	return create_file(path, access, disposition, flags);
}

static long create_file(const char *path, unsigned int access, unsigned int disposition,
			unsigned int flags)
{
	bool rd = access & (WIN_GENERIC_READ | WIN_GENERIC_ALL | WIN_FILE_READ_DATA);
	bool wr = access & (WIN_GENERIC_WRITE | WIN_GENERIC_ALL | WIN_FILE_WRITE_DATA |
			    WIN_FILE_APPEND_DATA);
	int oflags = O_CLOEXEC | (wr ? (rd ? O_RDWR : O_WRONLY) : O_RDONLY);
	switch (disposition) {
	case WIN_CREATE_NEW:
		oflags |= O_CREAT | O_EXCL;
		break;
	case WIN_CREATE_ALWAYS:
		oflags |= O_CREAT | O_TRUNC;
		break;
	case WIN_OPEN_EXISTING:
		break;
	case WIN_OPEN_ALWAYS:
		oflags |= O_CREAT;
		break;
	case WIN_TRUNCATE_EXISTING:
		oflags |= O_TRUNC;
		break;
	default:
		return (long)(win_fail(WIN_ERROR_INVALID_PARAMETER), -1L);
	}
	struct stat st;
	bool existed = stat(path, &st) == 0;
	if (existed && S_ISDIR(st.st_mode)) {
		if (!(flags & WIN_FILE_FLAG_BACKUP_SEMANTICS) || wr)
			return (long)(win_fail(WIN_ERROR_ACCESS_DENIED), -1L);
		oflags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
	}
	int fd = open(path, oflags, 0666);
	if (fd < 0) {
		uint32_t e = errno == EEXIST ? WIN_ERROR_FILE_EXISTS : lookup_error(errno, path);
		return (long)(win_fail(e), -1L);
	}
	fstat(fd, &st);
	uint64_t h = win_file_handle(fd, path, S_ISDIR(st.st_mode));
	if (!h) {
		close(fd);
		return (long)(win_fail(WIN_ERROR_TOO_MANY_OPEN_FILES), -1L);
	}
	struct win_object *o = win_get(h);
	o->file.overlapped = flags & WIN_FILE_FLAG_OVERLAPPED;
	o->file.delete_on_close = flags & WIN_FILE_FLAG_DELETE_ON_CLOSE;
	o->file.append = (access & WIN_FILE_APPEND_DATA) &&
			 !(access & (WIN_GENERIC_WRITE | WIN_FILE_WRITE_DATA));
	if (o->file.append)
		fcntl(fd, F_SETFL, O_APPEND);
	win_put(o);
	/* CREATE_ALWAYS and OPEN_ALWAYS say whether the file was there */
	win_set_error(
	    (existed && (disposition == WIN_CREATE_ALWAYS || disposition == WIN_OPEN_ALWAYS))
		? WIN_ERROR_ALREADY_EXISTS
		: WIN_ERROR_SUCCESS);
	return (long)h;
}

/* ---- attributes and information ---- */

long windows_kernel32_GetFileAttributesW(struct xeno_thread *t, uint64_t wname)
{
	(void)t;
	char path[PATH_SIZE];
	struct stat st;
	int err = win_path_in(wname, path, sizeof path);
	if (!err && stat(path, &st) < 0)
		err = (int)lookup_error(errno, path);
	if (err)
		return (long)(win_fail((uint32_t)err), -1L);
	return attributes(&st, base_of(path));
}

static void attribute_data(const struct stat *st, const char *name,
			   struct win_file_attribute_data *d)
{
	d->attributes = attributes(st, name);
	split64(d->creation_time, filetime(&st->st_mtim));
	split64(d->last_access_time, filetime(&st->st_atim));
	split64(d->last_write_time, filetime(&st->st_mtim));
	uint64_t size = S_ISDIR(st->st_mode) ? 0 : (uint64_t)st->st_size;
	d->size_high = (uint32_t)(size >> 32);
	d->size_low = (uint32_t)size;
}

long windows_kernel32_GetFileAttributesExW(struct xeno_thread *t, uint64_t wname, int level,
					   uint64_t out)
{
	(void)t;
	char path[PATH_SIZE];
	struct stat st;
	if (level != 0) /* GetFileExInfoStandard */
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	int err = win_path_in(wname, path, sizeof path);
	if (!err && stat(path, &st) < 0)
		err = (int)lookup_error(errno, path);
	if (err)
		return win_fail((uint32_t)err);
	struct win_file_attribute_data d;
	attribute_data(&st, base_of(path), &d);
	return xeno_copy_out(out, &d, sizeof d) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

/* The descriptor behind a file handle, with its stat: -1 on failure
 * (ERROR_INVALID_HANDLE set).  *o keeps a reference the caller puts. */
static int file_of(uint64_t h, struct win_object **o, struct stat *st)
{
	*o = win_get(h);
	if (!*o || (*o)->kind != WIN_FILE || fstat((*o)->file.fd, st) < 0) {
		win_put(*o);
		*o = NULL;
		win_set_error(WIN_ERROR_INVALID_HANDLE);
		return -1;
	}
	return (*o)->file.fd;
}

long windows_kernel32_GetFileInformationByHandle(struct xeno_thread *t, uint64_t h, uint64_t out)
{
	(void)t;
	struct win_object *o;
	struct stat st;
	if (file_of(h, &o, &st) < 0)
		return 0;
	const char *name = o->file.path ? base_of(o->file.path) : NULL;
	win_put(o);
	struct win_by_handle_file_information i = {0};
	i.attributes = attributes(&st, name);
	split64(i.creation_time, filetime(&st.st_mtim));
	split64(i.last_access_time, filetime(&st.st_atim));
	split64(i.last_write_time, filetime(&st.st_mtim));
	i.volume_serial_number = (uint32_t)st.st_dev;
	uint64_t size = S_ISDIR(st.st_mode) ? 0 : (uint64_t)st.st_size;
	i.size_high = (uint32_t)(size >> 32);
	i.size_low = (uint32_t)size;
	i.number_of_links = (uint32_t)st.st_nlink;
	i.index_high = (uint32_t)(st.st_ino >> 32);
	i.index_low = (uint32_t)st.st_ino;
	return xeno_copy_out(out, &i, sizeof i) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long win_dir_info(struct win_object *o, int cls, uint64_t buf, uint32_t size);

long windows_kernel32_GetFileInformationByHandleEx(struct xeno_thread *t, uint64_t h, int cls,
						   uint64_t buf, unsigned int size)
{
	(void)t;
	struct win_object *o;
	struct stat st;
	if (file_of(h, &o, &st) < 0)
		return 0;
	long r = 1;
	const char *name = o->file.path ? base_of(o->file.path) : NULL;
	switch (cls) {
	case WIN_FILE_BASIC_INFO: {
		struct win_file_basic_info i = {
		    (int64_t)filetime(&st.st_mtim), (int64_t)filetime(&st.st_atim),
		    (int64_t)filetime(&st.st_mtim), (int64_t)filetime(&st.st_ctim),
		    attributes(&st, name),	    0};
		r = size < sizeof i || xeno_copy_out(buf, &i, sizeof i) < 0
			? win_fail(WIN_ERROR_INSUFFICIENT_BUFFER)
			: 1;
		break;
	}
	case WIN_FILE_STANDARD_INFO: {
		struct win_file_standard_info i = {
		    (int64_t)st.st_blocks * 512, S_ISDIR(st.st_mode) ? 0 : (int64_t)st.st_size,
		    (uint32_t)st.st_nlink,	 0,
		    S_ISDIR(st.st_mode),	 0};
		r = size < sizeof i || xeno_copy_out(buf, &i, sizeof i) < 0
			? win_fail(WIN_ERROR_INSUFFICIENT_BUFFER)
			: 1;
		break;
	}
	case WIN_FILE_ATTRIBUTE_TAG_INFO: {
		struct win_file_attribute_tag_info i = {attributes(&st, name), 0};
		r = size < sizeof i || xeno_copy_out(buf, &i, sizeof i) < 0
			? win_fail(WIN_ERROR_INSUFFICIENT_BUFFER)
			: 1;
		break;
	}
	case WIN_FILE_ID_INFO: {
		struct win_file_id_info i = {(uint64_t)st.st_dev, {0}};
		memcpy(i.file_id, &st.st_ino, sizeof st.st_ino);
		r = size < sizeof i || xeno_copy_out(buf, &i, sizeof i) < 0
			? win_fail(WIN_ERROR_INSUFFICIENT_BUFFER)
			: 1;
		break;
	}
	case WIN_FILE_FULL_DIRECTORY_INFO:
	case WIN_FILE_FULL_DIRECTORY_RESTART_INFO:
	case WIN_FILE_ID_BOTH_DIRECTORY_INFO:
	case WIN_FILE_ID_BOTH_DIRECTORY_RESTART_INFO:
		r = win_dir_info(o, cls, buf, size);
		break;
	default:
		r = win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	win_put(o);
	return r;
}

long windows_kernel32_GetFileSizeEx(struct xeno_thread *t, uint64_t h, uint64_t out)
{
	(void)t;
	struct win_object *o;
	struct stat st;
	if (file_of(h, &o, &st) < 0)
		return 0;
	win_put(o);
	int64_t size = st.st_size;
	return xeno_copy_out(out, &size, sizeof size) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_SetFilePointerEx(struct xeno_thread *t, uint64_t h, int64_t dist,
				       uint64_t out, unsigned int method)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FILE);
	if (!o)
		return 0;
	if (method > WIN_FILE_END) {
		win_put(o);
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	off_t r = lseek(o->file.fd, dist, (int)method); /* FILE_BEGIN..END are SEEK_SET..END */
	int e = errno;
	win_put(o);
	if (r < 0)
		return win_fail(e == EINVAL ? WIN_ERROR_NEGATIVE_SEEK
					    : (uint32_t)windows_error_from_host(e));
	if (out)
		xeno_copy_out(out, &r, sizeof r);
	return 1;
}

long windows_kernel32_SetFilePointer(struct xeno_thread *t, uint64_t h, int dist, uint64_t high,
				     unsigned int method)
{
	int32_t hi = dist < 0 ? -1 : 0;
	if (high && xeno_copy_in(&hi, high, sizeof hi) < 0)
		return (long)(win_fail(WIN_ERROR_NOACCESS), WIN_INVALID_SET_FILE_POINTER);
	int64_t d = (int64_t)((uint64_t)(uint32_t)hi << 32 | (uint32_t)dist);
	int64_t pos;
	if (!windows_kernel32_SetFilePointerEx(t, h, d, (uint64_t)&pos, method))
		return WIN_INVALID_SET_FILE_POINTER;
	if (high) {
		int32_t ph = (int32_t)(pos >> 32);
		xeno_copy_out(high, &ph, sizeof ph);
	}
	win_set_error(WIN_ERROR_SUCCESS);
	return (uint32_t)pos;
}

long windows_kernel32_SetEndOfFile(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FILE);
	if (!o)
		return 0;
	off_t pos = lseek(o->file.fd, 0, SEEK_CUR);
	int r = pos < 0 ? -1 : ftruncate(o->file.fd, pos);
	int e = errno;
	win_put(o);
	return r < 0 ? win_fail((uint32_t)windows_error_from_host(e)) : 1;
}

long windows_kernel32_GetFinalPathNameByHandleW(struct xeno_thread *t, uint64_t h, uint64_t buf,
						unsigned int size, unsigned int flags)
{
	(void)t, (void)flags;
	struct win_object *o = win_get_kind(h, WIN_FILE);
	if (!o)
		return 0;
	char proc[64], real[PATH_SIZE], out[PATH_SIZE + 8];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->file.fd);
	ssize_t n = readlink(proc, real, sizeof real - 1);
	win_put(o);
	if (n < 0)
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	real[n] = '\0';
	char win[PATH_SIZE + 4];
	win_path_out(real, win, sizeof win);
	snprintf(out, sizeof out, "\\\\?\\%s", win); /* VOLUME_NAME_DOS form */
	return win_wstr_out(out, buf, size);
}

long windows_kernel32_GetVolumeInformationByHandleW(struct xeno_thread *t, uint64_t h,
						    uint64_t name, unsigned int name_size,
						    uint64_t serial, uint64_t max_component,
						    uint64_t fs_flags, uint64_t fs_name,
						    unsigned int fs_name_size)
{
	(void)t, (void)name, (void)name_size, (void)fs_name, (void)fs_name_size;
	struct win_object *o;
	struct stat st;
	if (file_of(h, &o, &st) < 0)
		return 0;
	win_put(o);
	uint32_t v = (uint32_t)st.st_dev, maxc = 255;
	/* FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK */
	uint32_t flags = 0x7;
	if ((serial && xeno_copy_out(serial, &v, 4) < 0) ||
	    (max_component && xeno_copy_out(max_component, &maxc, 4) < 0) ||
	    (fs_flags && xeno_copy_out(fs_flags, &flags, 4) < 0))
		return win_fail(WIN_ERROR_NOACCESS);
	return 1;
}

/* ---- by name ---- */

static long path_call(uint64_t wname, int (*op)(const char *), bool dir)
{
	char path[PATH_SIZE];
	int err = win_path_in(wname, path, sizeof path);
	if (err)
		return win_fail((uint32_t)err);
	if (op(path) < 0) {
		int e = errno;
		if (e == EEXIST)
			return win_fail(WIN_ERROR_ALREADY_EXISTS);
		if (dir && e == ENOTDIR)
			return win_fail(WIN_ERROR_DIRECTORY);
		if (!dir && e == EISDIR)
			return win_fail(WIN_ERROR_ACCESS_DENIED);
		return win_fail(lookup_error(e, path));
	}
	return 1;
}

static int make_dir(const char *p)
{
	return mkdir(p, 0777);
}

long windows_kernel32_CreateDirectoryW(struct xeno_thread *t, uint64_t wname, uint64_t sa)
{
	(void)t, (void)sa;
	return path_call(wname, make_dir, true);
}

long windows_kernel32_RemoveDirectoryW(struct xeno_thread *t, uint64_t wname)
{
	(void)t;
	return path_call(wname, rmdir, true);
}

long windows_kernel32_DeleteFileW(struct xeno_thread *t, uint64_t wname)
{
	(void)t;
	return path_call(wname, unlink, false);
}

#define MOVEFILE_REPLACE_EXISTING 1

long windows_kernel32_MoveFileExW(struct xeno_thread *t, uint64_t wfrom, uint64_t wto,
				  unsigned int flags)
{
	(void)t;
	char from[PATH_SIZE], to[PATH_SIZE];
	int err = win_path_in(wfrom, from, sizeof from);
	if (!err)
		err = win_path_in(wto, to, sizeof to);
	if (err)
		return win_fail((uint32_t)err);
	struct stat st;
	if (!(flags & MOVEFILE_REPLACE_EXISTING) && lstat(to, &st) == 0)
		return win_fail(WIN_ERROR_ALREADY_EXISTS);
	if (rename(from, to) < 0)
		return win_fail(lookup_error(errno, from));
	return 1;
}

long windows_kernel32_MoveFileW(struct xeno_thread *t, uint64_t wfrom, uint64_t wto)
{
	return windows_kernel32_MoveFileExW(t, wfrom, wto, 0);
}

long windows_kernel32_GetCurrentDirectoryW(struct xeno_thread *t, unsigned int size, uint64_t buf)
{
	(void)t;
	char cwd[PATH_SIZE], win[PATH_SIZE + 4];
	if (!getcwd(cwd, sizeof cwd))
		return win_fail_errno(-errno);
	win_path_out(cwd, win, sizeof win);
	return win_wstr_out(win, buf, size);
}

long windows_kernel32_SetCurrentDirectoryW(struct xeno_thread *t, uint64_t wname)
{
	(void)t;
	return path_call(wname, chdir, true);
}

long windows_kernel32_GetFullPathNameW(struct xeno_thread *t, uint64_t wname, unsigned int size,
				       uint64_t buf, uint64_t file_part)
{
	(void)t;
	char in[PATH_SIZE], path[PATH_SIZE], full[2 * PATH_SIZE], win[2 * PATH_SIZE + 4];
	if (win_wstr_in(wname, in, sizeof in) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	int err = win_path_from_utf8(in, path, sizeof path);
	if (err)
		return win_fail((uint32_t)err);
	if (path[0] != '/') {
		char cwd[PATH_SIZE];
		if (!getcwd(cwd, sizeof cwd))
			return win_fail_errno(-errno);
		snprintf(full, sizeof full, "%s/%s", strcmp(cwd, "/") ? cwd : "", path);
	} else {
		snprintf(full, sizeof full, "%s", path);
	}
	/* . and .. removed by name, as Windows does (no file system lookups) */
	char *parts[512];
	int n = 0;
	for (char *s = strtok(full, "/"); s && n < 512; s = strtok(NULL, "/")) {
		if (strcmp(s, ".") == 0)
			continue;
		if (strcmp(s, "..") == 0) {
			n -= n > 0;
			continue;
		}
		parts[n++] = s;
	}
	size_t o = 0;
	char joined[2 * PATH_SIZE];
	joined[0] = '\0';
	for (int i = 0; i < n && o + 2 < sizeof joined; i++)
		o += (size_t)snprintf(joined + o, sizeof joined - o, "/%s", parts[i]);
	if (!o)
		strcpy(joined, "/");
	/* a trailing separator stays */
	size_t inlen = strlen(in);
	if (inlen && (in[inlen - 1] == '\\' || in[inlen - 1] == '/') && strcmp(joined, "/"))
		strcat(joined, "/");
	win_path_out(joined, win, sizeof win);
	uint32_t r = win_wstr_out(win, buf, size);
	if (file_part && r < size) {
		const char *b = strrchr(win, '\\');
		uint64_t fp = b && b[1] ? buf + 2 * (uint64_t)(b + 1 - win) : 0;
		xeno_copy_out(file_part, &fp, sizeof fp);
	}
	return r;
}

long windows_kernel32_GetLongPathNameW(struct xeno_thread *t, uint64_t wshort, uint64_t buf,
				       unsigned int size)
{
	(void)t;
	char in[PATH_SIZE];
	if (win_wstr_in(wshort, in, sizeof in) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return win_wstr_out(in, buf, size); /* no short names here */
}

long windows_kernel32_GetTempPathW(struct xeno_thread *t, unsigned int size, uint64_t buf)
{
	(void)t;
	const char *tmp = getenv("TMPDIR");
	char win[PATH_SIZE + 4];
	win_path_out(tmp && tmp[0] == '/' ? tmp : "/tmp", win, sizeof win - 1);
	if (win[strlen(win) - 1] != '\\')
		strcat(win, "\\");
	return win_wstr_out(win, buf, size);
}

long windows_kernel32_GetTempPath2W(struct xeno_thread *t, unsigned int size, uint64_t buf)
{
	return windows_kernel32_GetTempPathW(t, size, buf);
}

/* No reparse points: symbolic links are followed (see the top). */
long windows_kernel32_DeviceIoControl(struct xeno_thread *t, uint64_t h, unsigned int code,
				      uint64_t in, unsigned int in_size, uint64_t out,
				      unsigned int out_size, uint64_t returned, uint64_t ov)
{
	(void)t, (void)h, (void)code, (void)in, (void)in_size, (void)out, (void)out_size,
	    (void)returned, (void)ov;
	return win_fail(WIN_ERROR_NOT_A_REPARSE_POINT);
}

/* FILE_INFO_BY_HANDLE_CLASS values SetFileInformationByHandle takes */
#define FILE_BASIC_INFO_CLASS	    0
#define FILE_DISPOSITION_INFO_CLASS 4
#define FILE_END_OF_FILE_INFO_CLASS 6

long windows_kernel32_SetFileInformationByHandle(struct xeno_thread *t, uint64_t h, int cls,
						 uint64_t buf, unsigned int size)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FILE);
	if (!o)
		return 0;
	long r = 1;
	if (cls == FILE_END_OF_FILE_INFO_CLASS && size >= 8) {
		int64_t end;
		if (xeno_copy_in(&end, buf, 8) < 0 || ftruncate(o->file.fd, end) < 0)
			r = win_fail_errno(-errno);
	} else if (cls == FILE_DISPOSITION_INFO_CLASS && size >= 1) {
		uint8_t del;
		if (xeno_copy_in(&del, buf, 1) < 0)
			r = win_fail(WIN_ERROR_NOACCESS);
		else
			o->file.delete_on_close = del != 0;
	} else if (cls == FILE_BASIC_INFO_CLASS && size >= sizeof(struct win_file_basic_info)) {
		struct win_file_basic_info i;
		struct timespec ts[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
		if (xeno_copy_in(&i, buf, sizeof i) < 0)
			r = win_fail(WIN_ERROR_NOACCESS);
		int64_t times[2] = {i.last_access_time, i.last_write_time};
		for (int k = 0; r && k < 2; k++)
			if (times[k] > 0 && (uint64_t)times[k] >= WIN_EPOCH_DIFF) {
				uint64_t u = (uint64_t)times[k] - WIN_EPOCH_DIFF;
				ts[k].tv_sec = (time_t)(u / 10000000);
				ts[k].tv_nsec = (long)(u % 10000000) * 100;
			}
		if (r && futimens(o->file.fd, ts) < 0)
			r = win_fail_errno(-errno);
	} else {
		r = win_fail(WIN_ERROR_INVALID_PARAMETER);
	}
	win_put(o);
	return r;
}
