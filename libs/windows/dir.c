/*
 * Directory listings: GetFileInformationByHandleEx's directory classes on a
 * directory handle (Go 1.23 and later read directories so: a 64 KiB buffer
 * of FILE_FULL_DIR_INFO or FILE_ID_BOTH_DIR_INFO records chained by
 * NextEntryOffset, ERROR_NO_MORE_FILES at the end), and FindFirstFileW /
 * FindNextFileW (Go before 1.23).  Entries come from readdir, "." and ".."
 * included as Windows lists them; a pattern's last component may be "*"
 * or a plain name.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/windows/file.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

static uint64_t filetime(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * 10000000ULL + (uint64_t)ts->tv_nsec / 100 + WIN_EPOCH_DIFF;
}

static uint32_t attributes(const struct stat *st, const char *name)
{
	uint32_t a = 0;
	if (S_ISDIR(st->st_mode))
		a |= WIN_FILE_ATTRIBUTE_DIRECTORY;
	if (!(st->st_mode & S_IWUSR))
		a |= WIN_FILE_ATTRIBUTE_READONLY;
	if (name[0] == '.' && strcmp(name, ".") && strcmp(name, ".."))
		a |= WIN_FILE_ATTRIBUTE_HIDDEN;
	return a ? a : WIN_FILE_ATTRIBUTE_ARCHIVE;
}

void win_dir_release(void *dir)
{
	if (dir)
		closedir(dir);
}

/* One record at buf+at, if it fits in size: its length (8-aligned), or 0. */
static size_t put_record(unsigned char *buf, size_t at, size_t size, int cls, const char *name,
			 const struct stat *st)
{
	win_wchar wname[512];
	size_t units = win_utf8_to_utf16(name, strlen(name), wname, 512);
	if (units > 512)
		return 0;
	bool both = cls == WIN_FILE_ID_BOTH_DIRECTORY_INFO ||
		    cls == WIN_FILE_ID_BOTH_DIRECTORY_RESTART_INFO;
	size_t head = both ? offsetof(struct win_file_id_both_dir_info, file_name)
			   : offsetof(struct win_file_full_dir_info, file_name);
	size_t len = (head + units * 2 + 7) & ~(size_t)7;
	if (at + head + units * 2 > size)
		return 0;
	struct win_file_id_both_dir_info r = {0}; /* its head is FILE_FULL_DIR_INFO's */
	r.creation_time = r.last_write_time = (int64_t)filetime(&st->st_mtim);
	r.last_access_time = (int64_t)filetime(&st->st_atim);
	r.change_time = (int64_t)filetime(&st->st_ctim);
	r.end_of_file = S_ISDIR(st->st_mode) ? 0 : st->st_size;
	r.allocation_size = (int64_t)st->st_blocks * 512;
	r.attributes = attributes(st, name);
	r.file_name_length = (uint32_t)(units * 2);
	if (both)
		r.file_id = (int64_t)st->st_ino;
	memcpy(buf + at, &r, both ? head : offsetof(struct win_file_full_dir_info, ea_size) + 4);
	memcpy(buf + at + head, wname, units * 2);
	return len;
}

long win_dir_info(struct win_object *o, int cls, uint64_t gbuf, uint32_t size)
{
	if (!o->file.directory)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	DIR *d = o->file.dir;
	if (!d) {
		int fd = fcntl(o->file.fd, F_DUPFD_CLOEXEC, 3);
		if (fd < 0 || !(d = fdopendir(fd))) {
			if (fd >= 0)
				close(fd);
			return win_fail_errno(-errno);
		}
		o->file.dir = d;
	}
	if (cls == WIN_FILE_FULL_DIRECTORY_RESTART_INFO ||
	    cls == WIN_FILE_ID_BOTH_DIRECTORY_RESTART_INFO)
		rewinddir(d);
	unsigned char *buf = calloc(1, size);
	if (!buf)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	size_t at = 0, last = SIZE_MAX;
	for (;;) {
		long pos = telldir(d);
		errno = 0;
		struct dirent *e = readdir(d);
		if (!e)
			break;
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, 0) < 0 &&
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		size_t len = put_record(buf, at, size, cls, e->d_name, &st);
		if (!len) {
			seekdir(d, pos); /* for the next call */
			break;
		}
		if (last != SIZE_MAX) {
			uint32_t next = (uint32_t)(at - last);
			memcpy(buf + last, &next, sizeof next);
		}
		last = at;
		at += len;
	}
	long r = 1;
	if (last == SIZE_MAX)
		r = win_fail(at == 0 && errno == 0 ? WIN_ERROR_NO_MORE_FILES : WIN_ERROR_MORE_DATA);
	else if (xeno_copy_out(gbuf, buf, at) < 0)
		r = win_fail(WIN_ERROR_NOACCESS);
	free(buf);
	return r;
}

/* ---- FindFirstFileW ---- */

struct search {
	DIR *dir;
	char pattern[256]; /* the last component */
	char single[256];  /* a pattern without wildcards: that one entry */
	struct stat single_st;
	bool single_done;
};

void win_find_release(struct win_object *o)
{
	struct search *s = o->find.search;
	if (s && s->dir)
		closedir(s->dir);
	free(s);
}

static int fill(uint64_t out, const char *name, const struct stat *st)
{
	struct win_find_data f = {0};
	f.attributes = attributes(st, name);
	uint64_t m = filetime(&st->st_mtim), a = filetime(&st->st_atim);
	f.creation_time[0] = f.last_write_time[0] = (uint32_t)m;
	f.creation_time[1] = f.last_write_time[1] = (uint32_t)(m >> 32);
	f.last_access_time[0] = (uint32_t)a;
	f.last_access_time[1] = (uint32_t)(a >> 32);
	uint64_t size = S_ISDIR(st->st_mode) ? 0 : (uint64_t)st->st_size;
	f.size_high = (uint32_t)(size >> 32);
	f.size_low = (uint32_t)size;
	size_t n = win_utf8_to_utf16(name, strlen(name), f.file_name, 259);
	if (n > 259)
		return -1;
	return xeno_copy_out(out, &f, sizeof f) < 0 ? -1 : 0;
}

/* The next entry matching s's pattern into out: 0, or a Windows error. */
static uint32_t next(struct search *s, uint64_t out)
{
	if (!s->dir) {
		if (s->single_done)
			return WIN_ERROR_NO_MORE_FILES;
		s->single_done = true;
		return fill(out, s->single, &s->single_st) < 0 ? WIN_ERROR_NOACCESS : 0;
	}
	for (struct dirent *e; (e = readdir(s->dir)) != NULL;) {
		if (fnmatch(s->pattern, e->d_name, FNM_PERIOD & 0) != 0)
			continue;
		struct stat st;
		if (fstatat(dirfd(s->dir), e->d_name, &st, 0) < 0 &&
		    fstatat(dirfd(s->dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		return fill(out, e->d_name, &st) < 0 ? WIN_ERROR_NOACCESS : 0;
	}
	return WIN_ERROR_NO_MORE_FILES;
}

long windows_kernel32_FindFirstFileW(struct xeno_thread *t, uint64_t wpattern, uint64_t data)
{
	(void)t;
	char path[4096];
	int err = win_path_in(wpattern, path, sizeof path);
	if (err)
		return (long)(win_fail((uint32_t)err), -1L);
	struct search *s = calloc(1, sizeof *s);
	if (!s)
		return (long)(win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY), -1L);
	char *slash = strrchr(path, '/');
	const char *dir = slash ? (slash == path ? "/" : path) : ".";
	const char *last = slash ? slash + 1 : path;
	if (strlen(last) >= sizeof s->pattern) {
		free(s);
		return (long)(win_fail(WIN_ERROR_FILENAME_EXCED_RANGE), -1L);
	}
	memcpy(s->pattern, last, strlen(last) + 1);
	if (slash)
		*slash = '\0';
	if (!strpbrk(s->pattern, "*?")) {
		char full[4400];
		snprintf(full, sizeof full, "%s/%s", dir, s->pattern);
		memcpy(s->single, s->pattern, sizeof s->single);
		if (stat(full, &s->single_st) < 0) {
			free(s);
			return (long)(win_fail(WIN_ERROR_FILE_NOT_FOUND), -1L);
		}
	} else if (!(s->dir = opendir(dir))) {
		int e = errno;
		free(s);
		return (long)(win_fail(e == ENOENT ? WIN_ERROR_PATH_NOT_FOUND
						   : (uint32_t)windows_error_from_host(e)),
			      -1L);
	}
	uint32_t r = next(s, data);
	if (r) {
		if (s->dir)
			closedir(s->dir);
		free(s);
		return (long)(win_fail(r == WIN_ERROR_NO_MORE_FILES ? WIN_ERROR_FILE_NOT_FOUND : r),
			      -1L);
	}
	uint64_t h;
	struct win_object *o = win_object_new(WIN_FIND, &h);
	if (!o) {
		if (s->dir)
			closedir(s->dir);
		free(s);
		return (long)(win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY), -1L);
	}
	o->find.search = s;
	return (long)h;
}

long windows_kernel32_FindNextFileW(struct xeno_thread *t, uint64_t h, uint64_t data)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FIND);
	if (!o)
		return 0;
	uint32_t r = next(o->find.search, data);
	win_put(o);
	return r ? win_fail(r) : 1;
}

long windows_kernel32_FindClose(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_FIND);
	if (!o)
		return 0;
	win_put(o);
	return win_handle_close(h) < 0 ? win_fail(WIN_ERROR_INVALID_HANDLE) : 1;
}
