/* getdirentries on a real host directory (syscalls/bsd/fs_dir.c): with
 * every buffer size, in both FreeBSD forms, each entry comes exactly once,
 * *base is where each read began and d_off where the next one begins --
 * also when an entry did not fit and the directory had to be rewound. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi/freebsd/dirent.h"
#include "syscalls/bsd/fs_util.h"

#define NFILES 300

static char dir[64];

/* File i: "f<i>-" then 'x' up to a length between 6 and 255. */
static size_t name_of(int i, char *buf)
{
	size_t len = 6 + (size_t)(i * 37) % 250;
	int n = snprintf(buf, 300, "f%d-", i);
	memset(buf + n, 'x', len - (size_t)n);
	buf[len] = '\0';
	return len;
}

static int setup(void **state)
{
	(void)state;
	char path[400], name[300];
	snprintf(dir, sizeof dir, "/tmp/xeno-getdirentries-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	for (int i = 0; i < NFILES; i++) {
		name_of(i, name);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		int fd = open(path, O_CREAT | O_WRONLY, 0600);
		if (fd < 0)
			return -1;
		close(fd);
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char path[400], name[300];
	for (int i = 0; i < NFILES; i++) {
		name_of(i, name);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		unlink(path);
	}
	return rmdir(dir);
}

/* Reads the whole directory count bytes at a time; checks the records and
 * marks each file seen. */
static void read_all(size_t count, int old, int seen[NFILES])
{
	static unsigned char buf[8192];
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	int64_t base, expect_base = 0;
	bsd_dirent_packer pack = old ? freebsd11_dirent_from_host : freebsd12_dirent_from_host;
	for (;;) {
		long n = bsd_getdirentries(fd, (uint64_t)(uintptr_t)buf, count, pack, &base);
		assert_true(n >= 0);
		if (n == 0)
			break;
		assert_true(base == expect_base);
		assert_true((size_t)n <= count);
		for (long pos = 0; pos < n;) {
			struct bsd_dirent e;
			long r = old ? freebsd11_dirent_to_host(buf + pos, (size_t)(n - pos), &e)
				     : freebsd12_dirent_to_host(buf + pos, (size_t)(n - pos), &e);
			assert_true(r > 0);
			int i;
			if (e.namlen > 1 && e.name[0] == 'f' && sscanf(e.name, "f%d-", &i) == 1) {
				char want[300];
				assert_int_equal(e.namlen, name_of(i, want));
				assert_memory_equal(e.name, want, e.namlen);
				seen[i]++;
			}
			pos += r;
			if (!old)
				expect_base = e.off;
		}
		if (old)
			expect_base = lseek(fd, 0, SEEK_CUR);
	}
	close(fd);
}

static void each_entry_once(int old)
{
	/* sizes around the largest record (280 bytes) and beyond */
	for (size_t count = 280; count <= 1200; count += 7) {
		int seen[NFILES] = {0};
		read_all(count, old, seen);
		for (int i = 0; i < NFILES; i++)
			assert_int_equal(seen[i], 1);
	}
	int seen[NFILES] = {0};
	read_all(8192, old, seen);
	for (int i = 0; i < NFILES; i++)
		assert_int_equal(seen[i], 1);
}

static void freebsd12_each_entry_once(void **state)
{
	(void)state;
	each_entry_once(0);
}

static void freebsd11_each_entry_once(void **state)
{
	(void)state;
	each_entry_once(1);
}

/* A buffer too small for the next entry: EINVAL, and nothing consumed. */
static void too_small(void **state)
{
	(void)state;
	unsigned char buf[64];
	int64_t base;
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	off_t before = lseek(fd, 0, SEEK_CUR);
	/* the entries are long: none fits in 31 bytes */
	long n =
	    bsd_getdirentries(fd, (uint64_t)(uintptr_t)buf, 31, freebsd12_dirent_from_host, &base);
	assert_int_equal(n, -EINVAL);
	assert_true(lseek(fd, 0, SEEK_CUR) == before);
	close(fd);
	/* not a directory */
	fd = open("/dev/null", O_RDONLY);
	n = bsd_getdirentries(fd, (uint64_t)(uintptr_t)buf, sizeof buf, freebsd12_dirent_from_host,
			      &base);
	assert_int_equal(n, -EINVAL);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(freebsd12_each_entry_once),
	    cmocka_unit_test(freebsd11_each_entry_once),
	    cmocka_unit_test(too_small),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
