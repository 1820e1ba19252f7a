/*
 * The runtime the BSD samples share (samples/bsd/mini.c): a few string
 * helpers, a small printf, and the checks the samples print.  Each OS's
 * samples/<os>/mini.h gives its system calls (SYSn, through the numbers of
 * xeno's own table) and facts, and includes this file last; mini.c is
 * built against it with -Isamples/<os>.
 */
#ifndef XENO_SAMPLES_BSD_RUNTIME_H
#define XENO_SAMPLES_BSD_RUNTIME_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

extern char **environ;

void mini_exit(int status) __attribute__((noreturn));
size_t mini_strlen(const char *s);
int mini_strcmp(const char *a, const char *b);
int mini_strncmp(const char *a, const char *b, size_t n);
/* BSD strlcpy/strlcat: always NUL-terminate, return the length they tried
 * to make (>= size means truncated). */
size_t mini_strlcpy(char *dst, const char *src, size_t size);
size_t mini_strlcat(char *dst, const char *src, size_t size);
/* Writes all n bytes to fd: 0, or the negated errno. */
long mini_write_all(int fd, const void *buf, size_t n);
char *mini_getenv(const char *name);
long mini_atol(const char *s);
/* printf subset: %d %i %u %x %ld %lu %lx %s %c %p %%, to stdout (buffered). */
int mini_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int mini_dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mini_flush(void);
/* The errno name of a number (1..79: what the 4.4BSD family numbers
 * alike, sys/sys/errno.h), "E?" if unknown. */
const char *mini_errname(long err);

/* The checks a sample makes, one line each; every one that fails counts in
 * mini_failures, which decides the sample's exit status. */
extern int mini_failures;
/* Prints "NAME: ok", or "NAME: FAILED" and counts a failure. */
void mini_check(const char *name, int ok);
/* Checks that a call failed with the errno named want, and prints one line:
 * "WHAT WANT ok", or what happened instead and counts a failure.  1 if it
 * did, else 0. */
int mini_expect_error(const char *what, long result, const char *want);
/* The same with the line starting "CALL(WHAT):". */
int mini_expect_call_error(const char *call, const char *what, long result, const char *want);

/* The samples that make scratch files take the directory they go in as
 * their one argument. */
/* argv[1], kept for mini_scratch_path; with any other number of arguments,
 * prints "usage: NAME DIRECTORY" on standard error and exits 2. */
const char *mini_scratch_dir(int argc, char **argv, const char *name);
/* DIRECTORY/name, in a static buffer that the next call reuses. */
const char *mini_scratch_path(const char *name);

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

int main(int argc, char **argv, char **envp);

#endif
