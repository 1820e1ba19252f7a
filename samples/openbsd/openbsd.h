/*
 * What the OpenBSD samples use of OpenBSD's libc.so and libpthread.so,
 * declared as OpenBSD's headers declare it, with OpenBSD's values
 * (the headers of sys/sys/): no host header is included, the samples link against
 * xeno's link-only stubs of those libraries.  Output goes through write(2)
 * and the small formatter below (the shims have no stdio).
 */
#ifndef XENO_SAMPLES_OPENBSD_H
#define XENO_SAMPLES_OPENBSD_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int pid_t;
typedef struct pthread *pthread_t;
typedef struct pthread_attr *pthread_attr_t;
struct timespec {
	long tv_sec, tv_nsec;
};
struct kevent {
	uintptr_t ident;
	short filter;
	unsigned short flags;
	unsigned int fflags;
	int64_t data;
	void *udata;
};

/* sys/sys/errno.h */
#define EPERM	    1
#define ENOENT	    2
#define ESRCH	    3
#define EINTR	    4
#define EBADF	    9
#define EAGAIN	    35
#define EWOULDBLOCK EAGAIN
#define EOVERFLOW   87
/* sys/sys/fcntl.h */
#define O_RDONLY   0x0000
#define O_NONBLOCK 0x0004
#define O_CLOEXEC  0x10000
#define F_GETFL	   3
#define F_SETFL	   4
/* sys/sys/_time.h */
#define CLOCK_MONOTONIC 3
/* sys/sys/event.h */
#define EVFILT_READ  (-1)
#define EVFILT_WRITE (-2)
#define EV_ADD	     0x0001
#define EV_ONESHOT   0x0010
/* include/pthread.h */
#define PTHREAD_CREATE_DETACHED 1

int *__errno(void);
#define errno (*__errno())
void exit(int) __attribute__((noreturn));
ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
int open(const char *, int, ...);
int close(int);
int pipe2(int[2], int);
int fcntl(int, int, ...);
pid_t getpid(void);
pid_t getthrid(void);
int sysctl(const int *, unsigned int, void *, size_t *, void *, size_t);
int __thrsleep(const volatile void *, int, const struct timespec *, void *, const int *);
int __thrwakeup(const volatile void *, int);
int clock_gettime(int, struct timespec *);
int kqueue(void);
int kevent(int, const struct kevent *, int, struct kevent *, int, const struct timespec *);
int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int pthread_join(pthread_t, void **);
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_getstacksize(const pthread_attr_t *, size_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_attr_destroy(pthread_attr_t *);

/* ---- output ---- */

static inline size_t s_len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void put(const char *s)
{
	write(1, s, s_len(s));
}

static inline void put_long(long v)
{
	char buf[24];
	int i = sizeof buf;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	do
		buf[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		buf[--i] = '-';
	write(1, buf + i, sizeof buf - i);
}

/* "what: N\n" */
static inline void say(const char *what, long n)
{
	put(what);
	put(": ");
	put_long(n);
	put("\n");
}

#endif
