/*
 * A minimal runtime for the FreeBSD samples: raw FreeBSD system calls (the
 * numbers come from xeno's own table, build/gen/freebsd_sysnums.h), a few
 * string helpers and a small printf.  No libc: the samples are built on Linux
 * with the host compiler and branded as FreeBSD programs.
 */
#ifndef XENO_SAMPLES_MINI_H
#define XENO_SAMPLES_MINI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "freebsd_sysnums.h"

long fbsd_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
long fbsd_syscall2(long nr, long *second, long a1, long a2, long a3);

/* SYSn(name, args...): the raw FreeBSD call FREEBSD_SYS_name; the result, or
 * the negated FreeBSD errno. */
#define SYS6(n, a, b, c, d, e, f)                                                                  \
	fbsd_syscall(FREEBSD_SYS_##n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e),       \
		     (long)(f))
#define SYS0(n)		       SYS6(n, 0, 0, 0, 0, 0, 0)
#define SYS1(n, a)	       SYS6(n, a, 0, 0, 0, 0, 0)
#define SYS2(n, a, b)	       SYS6(n, a, b, 0, 0, 0, 0)
#define SYS3(n, a, b, c)       SYS6(n, a, b, c, 0, 0, 0)
#define SYS4(n, a, b, c, d)    SYS6(n, a, b, c, d, 0, 0)
#define SYS5(n, a, b, c, d, e) SYS6(n, a, b, c, d, e, 0)

/* FreeBSD facts the samples use. */
/* sys/sys/fcntl.h */
#define O_RDONLY     0x0000
#define O_WRONLY     0x0001
#define O_RDWR	     0x0002
#define O_NONBLOCK   0x0004
#define O_APPEND     0x0008
#define O_NOFOLLOW   0x0100
#define O_CREAT	     0x0200
#define O_TRUNC	     0x0400
#define O_EXCL	     0x0800
#define O_DIRECTORY  0x00020000
#define O_CLOEXEC    0x00100000
#define AT_FDCWD     (-100)
#define AT_REMOVEDIR 0x0800
/* sys/sys/unistd.h */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
/* sys/sys/mman.h */
#define PROT_NONE	 0
#define PROT_READ	 1
#define PROT_WRITE	 2
#define PROT_EXEC	 4
#define MAP_SHARED	 0x0001
#define MAP_PRIVATE	 0x0002
#define MAP_FIXED	 0x0010
#define MAP_RESERVED0100 0x0100 /* once MAP_NOEXTEND; mmap(2) now rejects it */
#define MAP_ANON	 0x1000
#define MAP_FAILED	 ((void *)-1)
/* sys/sys/dirent.h */
#define DT_DIR 4
/* sys/amd64/include/param.h */
#define PAGE_SIZE 4096

extern char **environ;

void mini_exit(int status) __attribute__((noreturn));
size_t mini_strlen(const char *s);
int mini_strcmp(const char *a, const char *b);
int mini_strncmp(const char *a, const char *b, size_t n);
/* BSD strlcpy/strlcat: always NUL-terminate, return the length they tried
 * to make (>= size means truncated). */
size_t mini_strlcpy(char *dst, const char *src, size_t size);
size_t mini_strlcat(char *dst, const char *src, size_t size);
/* Writes all n bytes to fd: 0, or the negated FreeBSD errno. */
long mini_write_all(int fd, const void *buf, size_t n);
char *mini_getenv(const char *name);
long mini_atol(const char *s);
/* printf subset: %d %i %u %x %ld %lu %lx %s %c %p %%, to stdout (buffered). */
int mini_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int mini_dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mini_flush(void);
/* FreeBSD errno name for a number (sys/sys/errno.h), "E?" if unknown. */
const char *mini_errname(long err);
/* Checks that a call failed with the errno named want, and prints one line:
 * "WHAT WANT ok", or what happened instead.  1 if it did, else 0. */
int mini_expect_error(const char *what, long result, const char *want);

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

int main(int argc, char **argv, char **envp);

#endif
