/*
 * The aligned image cache (loader/image_cache.h).
 *
 * A PE section's file offset follows FileAlignment (512) while its address
 * follows SectionAlignment (4096): nothing of it can be mapped from the
 * file, and reading esbuild.exe's 11 MB into fresh anonymous memory cost
 * about 30 ms at every start.  The cache file holds the same bytes with
 * each segment at a page-congruent offset, written once (in the kernel:
 * copy_file_range) and then mapped privately, so that a start faults in
 * only the pages the program touches, from the page cache, as a Linux
 * program's start does.
 *
 * One cache file for each executable (named by its device and inode); its
 * first page says which file it copies (device, inode, size, modification
 * and change times) and the layout; anything else in it is rebuilt.  A
 * file is made under a temporary name and renamed into place: a process
 * that mapped the old one keeps it, and concurrent starts at worst both
 * write one.  A cache file must be the user's own and writable by nobody
 * else, or it is not used.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/image.h"
#include "loader/image_cache.h"

#define PAGE	    4096ULL
#define HEADER_SIZE PAGE

struct cache_header {
	char magic[8];
	uint64_t dev, ino, size;
	uint64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
	uint64_t lo, nseg;
	uint64_t cache_size; /* of the cache file: a shorter one would fault */
	struct {
		uint64_t vaddr, offset, filesz;
	} seg[XENO_MAX_SEGMENTS];
};
_Static_assert(sizeof(struct cache_header) <= HEADER_SIZE, "the header fits its page");

static const char cache_magic[8] = "XENOIMG1";

const char *xeno_image_cache_dir(char *buf, size_t size)
{
	const char *dir = getenv("XENO_CACHE_DIR");
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;
	if (dir)
		n = snprintf(buf, size, "%s", dir);
	else if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/xeno", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, size, "%s/.cache/xeno", home);
	else
		n = snprintf(buf, size, "%s", "");
	if (n < 0 || (size_t)n >= size)
		buf[0] = '\0';
	return buf;
}

uint64_t xeno_image_cache_offset(const struct xeno_image *img, unsigned segment)
{
	return HEADER_SIZE + (img->seg[segment].vaddr - img->lo);
}

/* What the header of img's cache file must say; false if img's copy
 * segments cannot all be placed page-congruently. */
static bool expected_header(const struct xeno_image *img, const struct stat *st,
			    struct cache_header *h)
{
	memset(h, 0, sizeof *h);
	memcpy(h->magic, cache_magic, sizeof h->magic);
	h->dev = st->st_dev;
	h->ino = st->st_ino;
	h->size = (uint64_t)st->st_size;
	h->mtime_sec = (uint64_t)st->st_mtim.tv_sec;
	h->mtime_nsec = (uint64_t)st->st_mtim.tv_nsec;
	h->ctime_sec = (uint64_t)st->st_ctim.tv_sec;
	h->ctime_nsec = (uint64_t)st->st_ctim.tv_nsec;
	h->lo = img->lo;
	h->nseg = img->nseg;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (!s->copy)
			continue;
		if (s->vaddr < img->lo || (s->vaddr & (PAGE - 1)) || s->vaddr + s->filesz > img->hi)
			return false;
		h->seg[i].vaddr = s->vaddr;
		h->seg[i].offset = s->offset;
		h->seg[i].filesz = s->filesz;
		uint64_t end = xeno_image_cache_offset(img, i) + s->filesz;
		if (end > h->cache_size)
			h->cache_size = end;
	}
	h->cache_size = (h->cache_size + PAGE - 1) & ~(PAGE - 1);
	if (h->cache_size < HEADER_SIZE)
		h->cache_size = HEADER_SIZE;
	return true;
}

/* The file at path if it is the cache file h describes, else -1. */
static int open_existing(const char *path, const struct cache_header *h)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	struct stat st;
	struct cache_header have;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	    (uint64_t)st.st_size == h->cache_size && !(st.st_mode & (S_IWGRP | S_IWOTH)) &&
	    pread(fd, &have, sizeof have, 0) == (ssize_t)sizeof have &&
	    memcmp(&have, h, sizeof have) == 0)
		return fd;
	close(fd);
	return -1;
}

/* Copies len bytes from one file to the other, in the kernel if it can. */
static int copy_range(int from, uint64_t from_off, int to, uint64_t to_off, uint64_t len)
{
	loff_t in = (loff_t)from_off, out = (loff_t)to_off;
	while (len > 0) {
		ssize_t n = copy_file_range(from, &in, to, &out, len, 0);
		if (n <= 0)
			break;
		len -= (uint64_t)n;
	}
	static char buf[1 << 16];
	while (len > 0) {
		size_t want = len < sizeof buf ? (size_t)len : sizeof buf;
		ssize_t n = pread(from, buf, want, in);
		if (n <= 0 || pwrite(to, buf, (size_t)n, out) != n)
			return -1;
		in += n, out += n, len -= (uint64_t)n;
	}
	return 0;
}

/* Writes the cache file under a temporary name and renames it to path. */
static int make_cache(const struct xeno_image *img, const char *path, const struct cache_header *h)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return -1;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -1;
	bool ok = true;
	for (unsigned i = 0; ok && i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (s->copy && s->filesz)
			ok = copy_range(img->fd, s->offset, fd, xeno_image_cache_offset(img, i),
					s->filesz) == 0;
	}
	ok = ok && ftruncate(fd, (off_t)h->cache_size) == 0 &&
	     pwrite(fd, h, sizeof *h, 0) == (ssize_t)sizeof *h && fchmod(fd, 0600) == 0 &&
	     rename(tmp, path) == 0;
	if (!ok) {
		unlink(tmp);
		close(fd);
		return -1;
	}
	/* reopened read-only: the mapping must not be able to write it */
	close(fd);
	return open_existing(path, h);
}

int xeno_image_cache_open(const struct xeno_image *img)
{
	char dir[PATH_MAX - 64], path[PATH_MAX];
	struct stat st;
	struct cache_header h;
	if (img->fd < 0 || !xeno_image_cache_dir(dir, sizeof dir)[0] || fstat(img->fd, &st) < 0 ||
	    !expected_header(img, &st, &h))
		return -1;
	snprintf(path, sizeof path, "%s/image-%llx-%llx", dir, (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	int fd = open_existing(path, &h);
	if (fd >= 0)
		return fd;
	/* the directory and its parent (~/.cache), as mkdir -p would */
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return -1;
	return make_cache(img, path, &h);
}
