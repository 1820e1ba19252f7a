/*
 * The corruption test: hundreds of damaged copies of a valid sample (ELF or
 * Mach-O), each given to `xeno --check`, which must end with exit status 0
 * (it can still run it) or 126 (one line "xeno: FILE: reason") — never a
 * signal, never a hang (each run gets TIMEOUT seconds), never anything else.
 * With --run each copy is run instead, and must be refused the same way or
 * end as the sample itself ends (same status, same output) — unless xeno
 * named an import nothing implements (the damage renamed a function the
 * program calls: what follows an ENOSYS is the program's own affair).  A
 * crash there is a damaged file the loader let through.
 *
 *   corrupt [--run] XENO SAMPLE WORKDIR [SEED]
 *
 * The damage is deterministic: variant i of a class comes from a generator
 * seeded with (SEED, class, i), so "corrupt ... SEED" makes the same files
 * every time, and a failing variant is kept as WORKDIR/failed-CLASS-I.
 * The classes are the format's (corrupt_elf.c, corrupt_macho.c), with
 * truncation at many lengths for both.  Prints "RESULT passed failed" with
 * one test per class, as tests/run-all.sh reads.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corrupt.h"

static bool run_mode; /* --run: run each copy instead of --check */

/* The undamaged sample's run, which a damaged copy may end like. */
static struct outcome reference;

/* --run: what is wrong with the outcome, or NULL. */
static const char *judge_run(const char *file, const struct outcome *o, char *why, size_t n)
{
	if (o->status == 126 && !o->signal && one_line_refusal(file, o->err))
		return NULL;
	if (o->signal == SIGALRM)
		snprintf(why, n, "a hang (no end within the timeout): %s", o->err);
	else if (strstr(o->err, "internal error") || o->status == 127)
		snprintf(why, n, "xeno failed: %s", o->err);
	else if (strstr(o->err, " not implemented\n"))
		return NULL; /* it called a function nothing defines: its own affair */
	else if (o->signal)
		snprintf(why, n, "killed by signal %d: %s", o->signal, o->err);
	else if (o->status == 126)
		snprintf(why, n, "exit 126 without one line \"xeno: %s: ...\": %s", file, o->err);
	else if (o->status != reference.status || strcmp(o->out, reference.out) != 0 ||
		 strcmp(o->err, reference.err) != 0)
		snprintf(why, n, "loaded, then ended unlike the sample (status %d): %s", o->status,
			 o->err);
	else
		return NULL;
	return why;
}

/* What is wrong with the outcome, or NULL if it is one of the allowed. */
static const char *judge(const char *file, const struct outcome *o, char *why, size_t n)
{
	return run_mode ? judge_run(file, o, why, n) : judge_check(file, o, why, n);
}

/* ---- the damage every format uses ---- */

size_t damage_bytes(unsigned char *f, struct region r)
{
	unsigned n = 1 + (unsigned)below(3);
	for (unsigned k = 0; k < n; k++) {
		size_t at = r.off + below(r.len);
		if (rng() & 1)
			f[at] ^= (unsigned char)(1u << below(8));
		else
			f[at] = (unsigned char)rng();
	}
	return sample_size;
}

void damage_value(unsigned char *f, size_t off, size_t width, const uint64_t *values, size_t n)
{
	uint64_t v = values[below(n)];
	if (rng() % 4 == 0) { /* or the old value nudged */
		uint64_t old = 0;
		memcpy(&old, f + off, width);
		v = old + (rng() & 1 ? 1 : -1) * (uint64_t)(1 + below(0x1000));
	}
	memcpy(f + off, &v, width); /* little-endian: the low bytes */
}

/* Cut the file short: every length through the ELF header, every fourth
 * through the program headers (the sample's end before 500), then lengths
 * spread over the rest of the file. */
static size_t truncation_length(unsigned i)
{
	if (i < 100)
		return i;
	if (i < 200)
		return 100 + (i - 100) * 4;
	return 500 + (i - 200) * 797 % (sample_size - 500);
}

/* Runs one class; the number of variants that failed. */
static unsigned run_class(unsigned cls, const struct class *c, unsigned *codes)
{
	unsigned char *f = malloc(sample_size);
	char file[512], why[1200];
	unsigned failed = 0;
	snprintf(file, sizeof file, "%s/damaged", workdir);
	for (unsigned i = 0; i < c->count; i++) {
		rng_seed(cls, i);
		memcpy(f, sample, sample_size);
		size_t n = c->damage ? c->damage(f, *c->region) : truncation_length(i);
		if (!write_file(file, f, n)) {
			fprintf(stderr, "corrupt: cannot write %s\n", file);
			exit(2);
		}
		struct outcome o;
		run_xeno(!run_mode, file, &o);
		const char *bad = judge(file, &o, why, sizeof why);
		if (o.status == 126 && !o.signal && one_line_refusal(file, o.err))
			codes[1]++;
		else if (!bad)
			codes[0]++;
		if (bad)
			failed = keep_failed(file, c->name, i, why, failed);
	}
	free(f);
	return failed;
}

/* The sample's format: its classes of damage. */
static const struct class *classes_of(unsigned *n)
{
	static const unsigned char elf[4] = {0x7f, 'E', 'L', 'F'},
				   macho[4] = {0xcf, 0xfa, 0xed, 0xfe};
	const char *why = "neither an ELF nor a 64-bit Mach-O file";
	const struct class *c = NULL;
	if (memcmp(sample, elf, 4) == 0)
		c = elf_classes(n, &why);
	else if (memcmp(sample, macho, 4) == 0)
		c = macho_classes(n, &why);
	if (!c) {
		fprintf(stderr, "corrupt: %s\n", why);
		exit(2);
	}
	return c;
}

static void run_reference(const char *path)
{
	run_xeno(!run_mode, path, &reference);
	if (reference.signal || (run_mode ? reference.status == 126 : reference.status != 0)) {
		fprintf(stderr, "corrupt: the sample itself fails (status %d, signal %d): %s",
			reference.status, reference.signal, reference.err);
		exit(2);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--run") == 0)
		run_mode = true, argc--, argv++;
	take_arguments(argc, argv, "corrupt [--run] XENO SAMPLE WORKDIR [SEED]", 4096);
	unsigned nclasses = 0;
	const struct class *classes = classes_of(&nclasses);
	run_reference(argv[2]);
	unsigned passed = 0, failed = 0, total = 0, codes[2] = {0, 0};
	for (unsigned c = 0; c < nclasses; c++) {
		if (classes[c].region && !classes[c].region->len)
			continue; /* the sample has none (a static one: no dynamic section) */
		unsigned bad = run_class(c, &classes[c], codes);
		total += classes[c].count;
		if (bad) {
			printf("FAIL corrupt-%s%s: %u of %u damaged files\n",
			       run_mode ? "run-" : "", classes[c].name, bad, classes[c].count);
			failed++;
		} else {
			passed++;
		}
	}
	printf("corruption: %u damaged copies of %s %s (seed %llu): %u %s, %u refused (exit 126)\n",
	       total, argv[2], run_mode ? "run" : "given to --check", (unsigned long long)seed,
	       codes[0], run_mode ? "ran as the sample or named a missing function" : "still load",
	       codes[1]);
	printf("RESULT %u %u\n", passed, failed);
	return failed ? 1 : 0;
}
