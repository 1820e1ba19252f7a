/*
 * What the dynamically linked FreeBSD samples use of FreeBSD's libc,
 * declared as FreeBSD's headers declare it (no host header is included:
 * the samples link against xeno's link-only stubs of FreeBSD's libraries).
 */
#ifndef XENO_SAMPLES_FREEBSD_DYN_LIBC_H
#define XENO_SAMPLES_FREEBSD_DYN_LIBC_H

#include <stddef.h>

typedef long ssize_t;

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int puts(const char *s);
ssize_t write(int fd, const void *buf, size_t n);
void exit(int status) __attribute__((noreturn));
int atexit(void (*fn)(void));
size_t strlen(const char *s);
int *__error(void);
#define errno (*__error())

#endif
