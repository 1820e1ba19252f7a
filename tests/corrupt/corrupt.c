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
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "corrupt.h"

#define TIMEOUT 10 /* seconds for one xeno --check */

static const char *xeno, *workdir;
static bool run_mode; /* --run: run each copy instead of --check */
unsigned char *sample;
size_t sample_size;
static uint64_t seed = 1;

/* ---- a small deterministic generator (splitmix64) ---- */

static uint64_t rng_state;

static void rng_seed(unsigned cls, unsigned i)
{
	rng_state = seed * 0x9e3779b97f4a7c15ULL ^ ((uint64_t)cls << 32 | i);
}

uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t below(uint64_t n)
{
	return n ? rng() % n : 0;
}

/* ---- running xeno on one file ---- */

struct outcome {
	int status; /* exit status, or -1 */
	int signal; /* the signal that ended it, or 0 */
	char err[600];
	char out[600];
	bool report; /* --check: the standard output starts like a report */
};

/* The undamaged sample's run, which a damaged copy may end like. */
static struct outcome reference;

static void slurp(const char *path, char *buf, size_t n)
{
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	size_t got = fread(buf, 1, n - 1, f);
	buf[got] = '\0';
	fclose(f);
}

static void run_xeno(const char *file, struct outcome *o)
{
	char out_path[512], err_path[512];
	snprintf(out_path, sizeof out_path, "%s/out", workdir);
	snprintf(err_path, sizeof err_path, "%s/err", workdir);
	pid_t pid = fork();
	if (pid == 0) {
		int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int in = open("/dev/null", O_RDONLY);
		if (out < 0 || err < 0 || in < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
		    dup2(in, 0) < 0)
			_exit(120);
		alarm(TIMEOUT); /* a hang ends by SIGALRM, which counts as a failure */
		if (run_mode)
			execl(xeno, xeno, file, (char *)NULL);
		else
			execl(xeno, xeno, "--check", file, (char *)NULL);
		_exit(121);
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	o->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	o->signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	slurp(err_path, o->err, sizeof o->err);
	slurp(out_path, o->out, sizeof o->out);
	o->report = strncmp(o->out, "file: ", 6) == 0;
}

/* Refused as the rules say: one line naming the file, exit 126. */
static bool one_line_refusal(const char *file, const struct outcome *o)
{
	char prefix[600];
	snprintf(prefix, sizeof prefix, "xeno: %s: ", file);
	const char *nl = strchr(o->err, '\n');
	return o->status == 126 && !o->signal && strncmp(o->err, prefix, strlen(prefix)) == 0 &&
	       nl && nl[1] == '\0';
}

/* --run: what is wrong with the outcome, or NULL. */
static const char *judge_run(const char *file, const struct outcome *o, char *why, size_t n)
{
	if (one_line_refusal(file, o))
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
	if (run_mode)
		return judge_run(file, o, why, n);
	if (o->signal)
		snprintf(why, n, "killed by signal %d%s", o->signal,
			 o->signal == SIGALRM ? " (a hang: no answer within the timeout)" : "");
	else if (o->status == 0 && (!o->report || o->err[0]))
		snprintf(why, n, "exit 0 without a clean report: %s", o->err);
	else if (o->status == 126 && !one_line_refusal(file, o))
		snprintf(why, n, "exit 126 without one line \"xeno: %s: ...\": %s", file, o->err);
	else if (o->status != 0 && o->status != 126)
		snprintf(why, n, "exit status %d: %s", o->status, o->err);
	else
		return NULL;
	return why;
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

static bool write_file(const char *path, const unsigned char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(bytes, 1, n, f) == n;
	return f && fclose(f) == 0 && ok;
}

/* Runs one class; the number of variants that failed. */
static unsigned run_class(unsigned cls, const struct class *c, unsigned *codes)
{
	unsigned char *f = malloc(sample_size);
	char file[512], why[800];
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
		run_xeno(file, &o);
		if (one_line_refusal(file, &o))
			codes[1]++;
		else if (!judge(file, &o, why, sizeof why))
			codes[0]++;
		if (judge(file, &o, why, sizeof why)) {
			char keep[600];
			snprintf(keep, sizeof keep, "%s/failed-%s-%u", workdir, c->name, i);
			rename(file, keep);
			if (failed++ < 5)
				printf("  %s variant %u (kept as %s): %s\n", c->name, i, keep, why);
		}
	}
	free(f);
	return failed;
}

static void read_sample(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) < 0 || st.st_size < 4096) {
		fprintf(stderr, "corrupt: cannot read the sample %s\n", path);
		exit(2);
	}
	sample_size = (size_t)st.st_size;
	sample = malloc(sample_size);
	if (!sample || fread(sample, 1, sample_size, f) != sample_size) {
		fprintf(stderr, "corrupt: cannot read the sample %s\n", path);
		exit(2);
	}
	fclose(f);
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
	run_xeno(path, &reference);
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
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: corrupt [--run] XENO SAMPLE WORKDIR [SEED]\n");
		return 2;
	}
	xeno = argv[1];
	workdir = argv[3];
	if (argc == 5)
		seed = strtoull(argv[4], NULL, 0);
	read_sample(argv[2]);
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
