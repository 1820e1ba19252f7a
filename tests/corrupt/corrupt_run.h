/*
 * What the corruption drivers share (tests/corrupt/corrupt.c for ELF and
 * Mach-O, corrupt_pe.c for PE; corrupt_run.c): a small deterministic
 * generator, running xeno on a damaged file — `xeno --check FILE` or `xeno
 * FILE` — with its standard output and error kept, and the judgement of a
 * --check: exit 0 with a clean report, or exit 126 with one line "xeno:
 * FILE: reason"; never a signal, never a hang (TIMEOUT seconds), never
 * anything else.
 */
#ifndef XENO_TESTS_CORRUPT_RUN_H
#define XENO_TESTS_CORRUPT_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TIMEOUT 10 /* seconds for one run of xeno */

extern const char *xeno, *workdir;
extern uint64_t seed;
extern unsigned char *sample; /* the undamaged program */
extern size_t sample_size;

/* A splitmix64 generator: variant i of class cls comes from (seed, cls, i). */
void rng_seed(unsigned cls, unsigned i);
uint64_t rng(void);
uint64_t below(uint64_t n);

struct outcome {
	int status; /* exit status, or -1 */
	int signal; /* the signal that ended it, or 0 */
	char err[600];
	char out[600];
	bool report; /* the standard output starts like a report */
};

/* Runs `xeno --check file` (check) or `xeno file`, without input. */
void run_xeno(bool check, const char *file, struct outcome *o);
void run_check(const char *file, struct outcome *o);
/* Whether err is exactly one line "xeno: FILE: reason". */
bool one_line_refusal(const char *file, const char *err);
/* What is wrong with the outcome of a --check, or NULL if it is one of the
 * two allowed. */
const char *judge_check(const char *file, const struct outcome *o, char *why, size_t n);

bool write_file(const char *path, const unsigned char *bytes, size_t n);
/* Reads the sample at path (at least min bytes) into sample; exits 2 if it cannot. */
void read_sample(const char *path, size_t min);
/* Takes the arguments XENO SAMPLE WORKDIR [SEED] and reads the sample (at
 * least min bytes); exits 2 on a usage error. */
void take_arguments(int argc, char **argv, const char *usage, size_t min);
/* Keeps a failing variant of class name as WORKDIR/failed-NAME-I and says
 * why (the first five of a class); the count of failures so far. */
unsigned keep_failed(const char *file, const char *name, unsigned i, const char *why,
		     unsigned failed);

#endif
