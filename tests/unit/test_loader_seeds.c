/*
 * The loader fuzzer's seed corpus (tests/fuzz/loader-seeds/), every file of
 * it, through the same load path the fuzzer runs (tests/fuzz/load_bytes.h):
 * parse, judge, map, build the stack, unmap.  The corpus holds the crafted
 * and real programs the fuzzer starts from and, as regress-*, every input a
 * fuzzing campaign ever found a fault with (tests/fuzz/README.md): each must
 * load or be refused with a reason, never crash (the ASan+UBSan run of this
 * test catches what a crash alone would not).  The expected outcome of each
 * file is in tests/fuzz/loader-seeds.expected: "NAME ok" or "NAME refused".
 * The PE fuzzer's findings (tests/fuzz/pe-regressions/, outcomes in
 * pe-regressions.expected) go through the same path: the loader detects
 * the format.
 */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/load_bytes.h"

/* The outcome the file expected gives for name: "ok", "refused", or NULL. */
static const char *expected_outcome(const char *expected, const char *name, char *buf, size_t n)
{
	FILE *f = fopen(expected, "r");
	char line[512], file[256], outcome[32];
	const char *found = NULL;
	assert_non_null(f);
	while (!found && fgets(line, sizeof line, f))
		if (sscanf(line, "%255s %31s", file, outcome) == 2 && strcmp(file, name) == 0)
			found = strncpy(buf, outcome, n);
	fclose(f);
	return found;
}

/* Each file of dir loads or is refused as expected says; at least min. */
static void each_file_as_expected(const char *dir, const char *expected, int min)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		char path[512], want[32], reason[512];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		uint8_t *data = malloc((size_t)st.st_size + 1);
		assert_non_null(data);
		assert_int_equal(fread(data, 1, (size_t)st.st_size, f), (size_t)st.st_size);
		fclose(f);
		int r = load_bytes(data, (size_t)st.st_size, reason, sizeof reason);
		free(data);
		if (r < 0)
			fail_msg("%s: the harness failed", e->d_name);
		if (r != 0 && reason[0] == '\0')
			fail_msg("%s: refused without a reason", e->d_name);
		if (!expected_outcome(expected, e->d_name, want, sizeof want))
			fail_msg("%s: not listed in %s", e->d_name, expected);
		if (strcmp(want, r == 0 ? "ok" : "refused") != 0)
			fail_msg("%s: %s, expected %s (%s)", e->d_name, r == 0 ? "ok" : "refused",
				 want, reason);
		files++;
	}
	closedir(d);
	assert_true(files >= min);
}

static void every_seed_loads_or_is_refused(void **state)
{
	(void)state;
	each_file_as_expected("tests/fuzz/loader-seeds", "tests/fuzz/loader-seeds.expected", 10);
}

static void every_pe_finding_is_refused(void **state)
{
	(void)state;
	each_file_as_expected("tests/fuzz/pe-regressions", "tests/fuzz/pe-regressions.expected", 1);
}

int main(void)
{
	RUN(cmocka_unit_test(every_seed_loads_or_is_refused),
	    cmocka_unit_test(every_pe_finding_is_refused));
}
