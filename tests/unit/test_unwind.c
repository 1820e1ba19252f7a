/*
 * The guest's unwind information: what the linker's check refuses (one
 * message naming the object and the reason, the object hidden from
 * libunwind, loader/eh_frame.h), what it passes walks (libs/common/
 * unwind.h), a step whose CFA rule reads far off the stack ends the walk
 * through the fault guard (core/faultguard.h), and every input of
 * tests/fuzz/unwind-regressions/ (the unwind fuzzer's findings, outcomes in
 * unwind-regressions.expected: "NAME hidden" or "NAME walked") runs through
 * the fuzzer's path (tests/fuzz/unwind_run.h) as expected, also under
 * ASan+UBSan.
 */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/fuzz/unwind_run.h"

static const uint8_t frame_rbp[] = {0x41, 0x0e, 16, 0x86, 2, 0x43, 0x0d, 6};
static const uint8_t leaf[] = {0x00};

/* An input: the header at 0, the walk from pc, n FDEs of ins each. */
static size_t input(uint8_t *out, const uint8_t *ins, size_t nins, uint16_t pc)
{
	const struct ub_fde fdes[] = {
	    {0x000, 0x100, frame_rbp, sizeof frame_rbp, 0},
	    {0x100, 0x100, ins, nins, 0},
	    {0x200, 0x100, leaf, sizeof leaf, 0},
	};
	static struct ub u;
	ub_blob(&u, 1, 0, 1, fdes, 3);
	out[0] = out[1] = 0;
	out[2] = (uint8_t)pc, out[3] = (uint8_t)(pc >> 8);
	memcpy(out + 4, u.b, u.n);
	return u.n + 4;
}

/* unwind_bytes_upto(in, n, max) with what it writes on stderr in msg. */
static int run_captured_upto(const uint8_t *in, size_t n, int max, char *msg, size_t size)
{
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	int saved = dup(2);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	int r = unwind_bytes_upto(in, n, max);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	size_t got = fread(msg, 1, size - 1, tmp);
	msg[got] = '\0';
	fclose(tmp);
	return r;
}

static int run_captured(const uint8_t *in, size_t n, char *msg, size_t size)
{
	return run_captured_upto(in, n, 32, msg, size);
}

static void good_objects_walk(void **state)
{
	(void)state;
	ur_catch_faults();
	static uint8_t in[UB_BLOB_MAX + 4];
	char msg[512];
	size_t n = input(in, leaf, sizeof leaf, 0x150);
	int r = run_captured(in, n, msg, sizeof msg);
	assert_string_equal(msg, "");
	assert_true(r >= 2); /* not hidden, and one frame of the object's at least */
}

/* Each damage: the bytes after the prefix it changes, and the reason. */
static void refused(const uint8_t *in, size_t n, const char *reason)
{
	char msg[512], want[512];
	assert_int_equal(run_captured(in, n, msg, sizeof msg), 0);
	snprintf(want, sizeof want, "xeno: %s: unwind information with %s: not used\n", UR_NAME,
		 reason);
	assert_string_equal(msg, want);
}

static void damaged_objects_are_hidden(void **state)
{
	(void)state;
	ur_catch_faults();
	static uint8_t in[UB_BLOB_MAX + 4];
	size_t n = input(in, leaf, sizeof leaf, 0x150);
	in[4 + 8] = 0xff; /* the table's count: 255 entries past its end */
	refused(in, n, "a search table past the header's segment");
	n = input(in, leaf, sizeof leaf, 0x150);
	in[4 + 3] = 0xff; /* the table encoding: DW_EH_PE_omit */
	refused(in, n, "a search table encoding libunwind does not decode");
	n = input(in, leaf, sizeof leaf, 0x150);
	in[4 + 13] = 0xff; /* the first entry's initial location past the second's */
	refused(in, n, "an unsorted search table");
	static const uint8_t val_offset[] = {0x14, 6, 2};
	n = input(in, val_offset, sizeof val_offset, 0x150);
	refused(in, n, "DW_CFA_val_offset, which libunwind cannot restore");
	static const uint8_t reg17[] = {0x0c, 17, 8};
	n = input(in, reg17, sizeof reg17, 0x150);
	refused(in, n, "a register x86-64 unwinding does not have");
	static const uint8_t div[] = {0x0f, 4, 0x30, 0x31, 0x1b, 0x22};
	n = input(in, div, sizeof div, 0x150);
	refused(in, n, "a DWARF expression operator it does not evaluate");
	static const uint8_t drops[] = {0x0f, 2, 0x13, 0x13};
	n = input(in, drops, sizeof drops, 0x150);
	refused(in, n, "a DWARF expression that empties its stack");
	static const uint8_t branch[] = {0x0f, 3, 0x2f, 0xfd, 0xff};
	n = input(in, branch, sizeof branch, 0x150);
	refused(in, n, "a DWARF expression operator it does not evaluate");
}

static void a_step_reading_off_the_stack_ends_the_walk(void **state)
{
	(void)state;
	ur_catch_faults();
	/* CFA = *(0x10): DW_OP_const8u 0x10; DW_OP_deref */
	static const uint8_t far[] = {0x0f, 10, 0x0e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x06};
	static uint8_t in[UB_BLOB_MAX + 4];
	char msg[512];
	size_t n = input(in, far, sizeof far, 0x150);
	unsigned long before = xeno_fault_guard_faults;
	int r = run_captured(in, n, msg, sizeof msg);
	assert_string_equal(msg, "");
	assert_int_equal(r, 2); /* the object's frame, and no step beyond it */
	assert_true(xeno_fault_guard_faults > before);
}

/* A frame whose CFA is its own stack pointer (DW_CFA_def_cfa_offset 0):
 * its return address is the word below it, the call's own, so each step
 * lands on the same frame again.  The walk ends at the second visit, said
 * once, rather than going round up to the cap. */
static void a_walk_that_comes_back_ends(void **state)
{
	(void)state;
	ur_catch_faults();
	static const uint8_t same_frame[] = {0x0e, 0};
	static uint8_t in[UB_BLOB_MAX + 4];
	char msg[512];
	size_t n = input(in, same_frame, sizeof same_frame, 0x150);
	int r = run_captured_upto(in, n, 100000, msg, sizeof msg);
	assert_int_equal(r, 2); /* the object's frame, once */
	assert_non_null(strstr(msg, "the guest's stack unwinds in a loop"));
	r = run_captured_upto(in, n, 100000, msg, sizeof msg);
	assert_int_equal(r, 2);
	assert_string_equal(msg, ""); /* said once */
}

/* The outcome the expected file gives for name. */
static bool expected_outcome(const char *name, char *want, size_t n)
{
	FILE *f = fopen("tests/fuzz/unwind-regressions.expected", "r");
	char line[512], file[256], outcome[32];
	bool found = false;
	assert_non_null(f);
	while (!found && fgets(line, sizeof line, f))
		if (sscanf(line, "%255s %31s", file, outcome) == 2 && strcmp(file, name) == 0)
			found = snprintf(want, n, "%s", outcome) > 0;
	fclose(f);
	return found;
}

static void every_finding_runs_as_expected(void **state)
{
	(void)state;
	ur_catch_faults();
	DIR *d = opendir("tests/fuzz/unwind-regressions");
	assert_non_null(d);
	struct dirent *e;
	static uint8_t data[UB_BLOB_MAX + 4];
	int files = 0;
	while ((e = readdir(d))) {
		char path[512], want[32], msg[512];
		snprintf(path, sizeof path, "tests/fuzz/unwind-regressions/%s", e->d_name);
		struct stat st;
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		size_t n = fread(data, 1, sizeof data, f);
		fclose(f);
		int r = run_captured(data, n, msg, sizeof msg);
		if (!expected_outcome(e->d_name, want, sizeof want))
			fail_msg("%s: not listed in unwind-regressions.expected", e->d_name);
		if (r < 0 || strcmp(want, r == 0 ? "hidden" : "walked") != 0)
			fail_msg("%s: %d, expected %s (%s)", e->d_name, r, want, msg);
		files++;
	}
	closedir(d);
	assert_true(files >= 1);
}

int main(void)
{
	RUN(cmocka_unit_test(good_objects_walk), cmocka_unit_test(damaged_objects_are_hidden),
	    cmocka_unit_test(a_step_reading_off_the_stack_ends_the_walk),
	    cmocka_unit_test(a_walk_that_comes_back_ends),
	    cmocka_unit_test(every_finding_runs_as_expected));
}
