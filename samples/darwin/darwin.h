/*
 * What the macOS samples use of libSystem, declared as macOS's headers
 * declare it (no SDK here: xnu bsd/sys headers, libpthread's pthread.h), with
 * macOS's numbers, and small output helpers that need no C library.
 */
#ifndef XENO_SAMPLES_DARWIN_H
#define XENO_SAMPLES_DARWIN_H

typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;

ssize_t write(int fd, const void *buf, size_t n);
ssize_t read(int fd, void *buf, size_t n);
int open(const char *path, int flags, ...);
int close(int fd);
int unlink(const char *path);
int mkdir(const char *path, int mode);
int rmdir(const char *path);
int *__error(void);
int getpid(void);
void exit(int status) __attribute__((noreturn));

#define O_RDONLY    0x0000
#define O_WRONLY    0x0001
#define O_CREAT	    0x0200
#define O_TRUNC	    0x0400
#define O_EXCL	    0x0800
#define O_DIRECTORY 0x100000
#define O_CLOEXEC   0x1000000

/* errno.h */
#define ENOENT 2
#define EBADF  9
#define EEXIST 17
#define EINVAL 22

static inline size_t str_len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void put(const char *s)
{
	write(1, s, str_len(s));
}

static inline void put_num(long v)
{
	char b[24];
	int i = sizeof b;
	int neg = v < 0;
	unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
	do
		b[--i] = (char)('0' + u % 10);
	while ((u /= 10) && i > 1);
	if (neg)
		b[--i] = '-';
	write(1, b + i, sizeof b - (size_t)i);
}

static inline void fail(const char *what)
{
	put("FAIL ");
	put(what);
	put("\n");
	exit(1);
}

#endif
