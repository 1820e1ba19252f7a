/*
 * The image cache against damaged and rewritten programs (part of
 * tests/corrupt/corrupt_pe.c).  A PE program runs from a page-aligned copy
 * kept per executable in XENO_CACHE_DIR (loader/image_cache.c); the copy
 * must never stand for bytes the file no longer has, and a refused file must
 * leave no copy:
 *
 *   pe-cache-rewritten     the file rewritten in place (same inode, same
 *                          size, its modification time put back): the run
 *                          prints the new bytes;
 *   pe-cache-refused       rewritten in place as a damaged file: refused,
 *                          no cache file more; written back: the old output;
 *   pe-cache-inode-reused  removed and written again as another program
 *                          (the inode number may come back): its own output;
 *   pe-cache-clean         no temporary file left, none writable by others.
 */
#ifndef XENO_TESTS_CORRUPT_PE_CACHE_H
#define XENO_TESTS_CORRUPT_PE_CACHE_H

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

/* How many files the cache directory holds; *stray: temporary or open to
 * others' writes. */
static unsigned cache_files(const char *dir, unsigned *stray)
{
	unsigned n = 0;
	*stray = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		char path[1024];
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		n++;
		if (strchr(e->d_name, '.') || stat(path, &st) < 0 || (st.st_mode & 077))
			(*stray)++;
	}
	if (d)
		closedir(d);
	return n;
}

/* The sample with the first letter it prints in its first line changed in
 * case; false if that line is not in the file. */
static bool flipped_sample(const char *first_line, unsigned char *f)
{
	size_t len = strcspn(first_line, "\n");
	memcpy(f, sample, sample_size);
	if (len < 8)
		return false;
	unsigned char *at = memmem(f, sample_size, first_line, len);
	if (!at)
		return false;
	at[0] ^= 0x20;
	return true;
}

/* Rewrites path in place with bytes, its modification time put back. */
static bool rewrite(const char *path, const unsigned char *bytes, size_t n)
{
	struct stat st;
	if (stat(path, &st) < 0 || !write_file(path, bytes, n))
		return false;
	struct timespec times[2] = {st.st_atim, st.st_mtim};
	return utimensat(AT_FDCWD, path, times, 0) == 0;
}

static bool ran(const char *path, const char *want_out, const char *what, char *why, size_t n)
{
	struct outcome o;
	run_xeno(false, path, &o);
	if (o.status == 0 && !o.signal && strcmp(o.out, want_out) == 0)
		return true;
	snprintf(why, n, "%s: status %d signal %d, output \"%.80s\" (want \"%.80s\") %s", what,
		 o.status, o.signal, o.out, want_out, o.err);
	return false;
}

static void cache_result(const char *name, const char *why, unsigned *passed, unsigned *failed)
{
	if (why) {
		printf("FAIL corrupt-%s: %s\n", name, why);
		(*failed)++;
	} else {
		(*passed)++;
	}
}

/* A file refused in place leaves no cache file; written back, it runs as
 * before.  NULL, or what went wrong. */
static const char *refused_in_place(const char *cache, const char *path, const char *want,
				    char *why, size_t n)
{
	unsigned char *f = malloc(sample_size);
	unsigned stray, before = cache_files(cache, &stray);
	memcpy(f, sample, sample_size);
	memset(f + PE_DOS_LFANEW_AT, 0x7f, 4); /* e_lfanew past the file */
	struct outcome o;
	bool ok = rewrite(path, f, sample_size);
	if (ok)
		run_xeno(false, path, &o);
	free(f);
	if (!ok || o.status != 126 || !one_line_refusal(path, o.err))
		snprintf(why, n, "the damaged file is not refused: status %d %s", o.status, o.err);
	else if (cache_files(cache, &stray) != before)
		snprintf(why, n, "the refused file left a cache file");
	else if (rewrite(path, sample, sample_size) && ran(path, want, "written back", why, n))
		return NULL;
	return why;
}

static void cache_checks(const char *cache, unsigned *passed, unsigned *failed)
{
	char path[600], why[1400], want[600];
	unsigned char *flipped = malloc(sample_size);
	struct outcome o;
	snprintf(path, sizeof path, "%s/cached.exe", workdir);
	write_file(path, sample, sample_size);
	chmod(path, 0755);
	run_xeno(false, path, &o);
	snprintf(want, sizeof want, "%s", o.out);
	char fwant[600];
	snprintf(fwant, sizeof fwant, "%s", want);
	fwant[0] ^= 0x20;
	const char *bad = NULL;
	if (o.status != 0 || !flipped_sample(want, flipped))
		bad = "the sample does not run, or its output is not in the file";
	else if (!rewrite(path, flipped, sample_size))
		bad = "cannot rewrite the file";
	else if (!ran(path, fwant, "rewritten in place", why, sizeof why))
		bad = why;
	cache_result("pe-cache-rewritten", bad, passed, failed);
	write_file(path, sample, sample_size);
	cache_result("pe-cache-refused", refused_in_place(cache, path, want, why, sizeof why),
		     passed, failed);
	bad = NULL;
	for (int k = 0; k < 4 && !bad; k++) { /* a few times: the inode may come back */
		unlink(path);
		write_file(path, k & 1 ? sample : flipped, sample_size);
		chmod(path, 0755);
		if (!ran(path, k & 1 ? want : fwant, "written again", why, sizeof why))
			bad = why;
	}
	cache_result("pe-cache-inode-reused", bad, passed, failed);
	unsigned stray;
	cache_files(cache, &stray);
	cache_result("pe-cache-clean", stray ? "temporary or shared files in the cache" : NULL,
		     passed, failed);
	free(flipped);
}

#endif
