/* The fuzz target's seeds read back whole, and the inputs that once crashed
 * the reader (tests/fuzz/trace-regressions/) read without harm.  Under the
 * ASan+UBSan suite these are the fuzzer's findings kept as tests. */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/trace_walk.h"

/* Calls fn on the contents of each file in dir; the number of files. */
static int each_file(const char *dir, void (*fn)(const char *, const uint8_t *, size_t))
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		uint8_t *buf = malloc(1 << 20);
		size_t len = fread(buf, 1, 1 << 20, f);
		fclose(f);
		fn(path, buf, len);
		free(buf);
		n++;
	}
	closedir(d);
	return n;
}

static void seed_is_whole(const char *path, const uint8_t *p, size_t n)
{
	struct xt_recording r;
	if (xt_load_memory(p, n, &r) != 0)
		fail_msg("%s: %s", path, r.error);
	xt_recording_free(&r);
	assert_true(xt_fuzz_walk(p, n) > 1);
}

static void survives(const char *path, const uint8_t *p, size_t n)
{
	(void)path;
	xt_fuzz_walk(p, n);
}

static void seeds_are_valid_recordings(void **state)
{
	(void)state;
	assert_true(each_file("tests/fuzz/trace-seeds", seed_is_whole) >= 3);
}

static void past_findings_are_harmless(void **state)
{
	(void)state;
	each_file("tests/fuzz/trace-regressions", survives);
}

int main(void)
{
	RUN(cmocka_unit_test(seeds_are_valid_recordings),
	    cmocka_unit_test(past_findings_are_harmless));
}
