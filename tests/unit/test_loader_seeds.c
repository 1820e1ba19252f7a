/*
 * The loader fuzzer's seed corpus (tests/fuzz/loader-seeds/), every file of
 * it, through the same load path the fuzzer runs (tests/fuzz/load_bytes.h):
 * parse, judge, map, build the stack, unmap.  The corpus holds the crafted
 * and real programs the fuzzer starts from and, as regress-*, every input a
 * fuzzing campaign ever found a fault with (tests/fuzz/README.md): each must
 * load or be refused with a reason, never crash (the ASan+UBSan run of this
 * test catches what a crash alone would not).  The expected outcome of each
 * file is in tests/fuzz/loader-seeds.expected: "NAME ok" or "NAME refused".
 */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/load_bytes.h"

#define SEEDS	 "tests/fuzz/loader-seeds"
#define EXPECTED "tests/fuzz/loader-seeds.expected"

/* The outcome EXPECTED gives for name: "ok", "refused", or NULL. */
static const char *expected_outcome(const char *name, char *buf, size_t n)
{
	FILE *f = fopen(EXPECTED, "r");
	char line[512], file[256], outcome[32];
	const char *found = NULL;
	assert_non_null(f);
	while (!found && fgets(line, sizeof line, f))
		if (sscanf(line, "%255s %31s", file, outcome) == 2 && strcmp(file, name) == 0)
			found = strncpy(buf, outcome, n);
	fclose(f);
	return found;
}

static void every_seed_loads_or_is_refused(void **state)
{
	(void)state;
	DIR *d = opendir(SEEDS);
	assert_non_null(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		char path[512], want[32], reason[512];
		struct stat st;
		snprintf(path, sizeof path, SEEDS "/%s", e->d_name);
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
		if (!expected_outcome(e->d_name, want, sizeof want))
			fail_msg("%s: not listed in " EXPECTED, e->d_name);
		if (strcmp(want, r == 0 ? "ok" : "refused") != 0)
			fail_msg("%s: %s, expected %s (%s)", e->d_name, r == 0 ? "ok" : "refused",
				 want, reason);
		files++;
	}
	closedir(d);
	assert_true(files >= 10);
}

int main(void)
{
	RUN(cmocka_unit_test(every_seed_loads_or_is_refused));
}
