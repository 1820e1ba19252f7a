/*
 * What the corruption drivers share (tests/corrupt/corrupt.c for ELF and
 * Mach-O, corrupt_pe.c for PE): see corrupt_run.h.
 */
#include "tests/corrupt/corrupt_run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *xeno, *workdir;
uint64_t seed = 1;
unsigned char *sample;
size_t sample_size;

/* ---- a small deterministic generator (splitmix64) ---- */

static uint64_t rng_state;

void rng_seed(unsigned cls, unsigned i)
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

/* Runs `xeno --check file` (check) or `xeno file`, without input. */
void run_xeno(bool check, const char *file, struct outcome *o)
{
	char out_path[512], err_path[512];
	snprintf(out_path, sizeof out_path, "%s/out", workdir);
	snprintf(err_path, sizeof err_path, "%s/err", workdir);
	pid_t pid = fork();
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(err, 2) < 0)
			_exit(120);
		alarm(TIMEOUT); /* a hang ends by SIGALRM, which counts as a failure */
		if (check)
			execl(xeno, xeno, "--check", file, (char *)NULL);
		else
			execl(xeno, xeno, file, (char *)NULL);
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

void run_check(const char *file, struct outcome *o)
{
	run_xeno(true, file, o);
}

/* Whether err is exactly one line "xeno: FILE: reason". */
bool one_line_refusal(const char *file, const char *err)
{
	char prefix[600];
	snprintf(prefix, sizeof prefix, "xeno: %s: ", file);
	const char *nl = strchr(err, '\n');
	return strncmp(err, prefix, strlen(prefix)) == 0 && nl && nl[1] == '\0';
}

/* What is wrong with the outcome of a --check, or NULL if it is one of the
 * two allowed. */
const char *judge_check(const char *file, const struct outcome *o, char *why, size_t n)
{
	if (o->signal)
		snprintf(why, n, "killed by signal %d%s", o->signal,
			 o->signal == SIGALRM ? " (a hang: no answer within the timeout)" : "");
	else if (o->status == 0 && (!o->report || o->err[0]))
		snprintf(why, n, "exit 0 without a clean report: %s", o->err);
	else if (o->status == 126 && !one_line_refusal(file, o->err))
		snprintf(why, n, "exit 126 without one line \"xeno: %s: ...\": %s", file, o->err);
	else if (o->status != 0 && o->status != 126)
		snprintf(why, n, "exit status %d: %s", o->status, o->err);
	else
		return NULL;
	return why;
}

bool write_file(const char *path, const unsigned char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(bytes, 1, n, f) == n;
	return f && fclose(f) == 0 && ok;
}

/* Takes the arguments XENO SAMPLE WORKDIR [SEED] and reads the sample (at
 * least min bytes); exits 2 on a usage error. */
void take_arguments(int argc, char **argv, const char *usage, size_t min)
{
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: %s\n", usage);
		exit(2);
	}
	xeno = argv[1];
	workdir = argv[3];
	if (argc == 5)
		seed = strtoull(argv[4], NULL, 0);
	read_sample(argv[2], min);
}

/* Reads the sample at path (at least min bytes) into sample. */
void read_sample(const char *path, size_t min)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) < 0 || (size_t)st.st_size < min ||
	    !(sample = malloc((size_t)st.st_size)) ||
	    fread(sample, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		fprintf(stderr, "corrupt: cannot read the sample %s\n", path);
		exit(2);
	}
	sample_size = (size_t)st.st_size;
	fclose(f);
}

/* Keeps a failing variant of class name as WORKDIR/failed-NAME-I and says
 * why (the first five of a class); the count of failures so far. */
unsigned keep_failed(const char *file, const char *name, unsigned i, const char *why,
		     unsigned failed)
{
	char keep[600];
	snprintf(keep, sizeof keep, "%s/failed-%s-%u", workdir, name, i);
	rename(file, keep);
	if (failed < 5)
		printf("  %s variant %u (kept as %s): %s\n", name, i, keep, why);
	return failed + 1;
}
