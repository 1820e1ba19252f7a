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
typedef unsigned int sigset_t;
typedef unsigned int socklen_t;
/* sys/sys/siginfo.h */
typedef struct {
	int si_signo, si_code, si_errno;
	union {
		int pad[29];
		struct {
			pid_t pid;
			int pad_;
			unsigned uid; /* in union _pdata, 8-aligned */
			void *value;
		} proc;
		struct {
			void *addr;
			int trapno;
		} fault;
	} data;
} siginfo_t;
#define si_pid	data.proc.pid
#define si_uid	data.proc.uid
#define si_addr data.fault.addr
struct sigaction {
	void (*sa_sigaction)(int, siginfo_t *, void *);
	sigset_t sa_mask;
	int sa_flags;
};
typedef struct sigaltstack {
	void *ss_sp;
	size_t ss_size;
	int ss_flags;
} stack_t;
/* sys/arch/amd64/include/signal.h: the handler's third argument */
struct sigcontext {
	long sc_rdi, sc_rsi, sc_rdx, sc_rcx, sc_r8, sc_r9, sc_r10, sc_r11;
	long sc_r12, sc_r13, sc_r14, sc_r15, sc_rbp, sc_rbx, sc_rax;
	long sc_gs, sc_fs, sc_es, sc_ds, sc_trapno, sc_err;
	long sc_rip, sc_cs, sc_rflags, sc_rsp, sc_ss;
	void *sc_fpstate;
	int __sc_unused;
	int sc_mask;
	long sc_cookie;
};
struct timeval {
	long tv_sec, tv_usec;
};
struct itimerval {
	struct timeval it_interval, it_value;
};
struct in_addr {
	uint32_t s_addr;
};
struct sockaddr_in {
	uint8_t sin_len, sin_family;
	uint16_t sin_port;
	struct in_addr sin_addr;
	int8_t sin_zero[8];
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
#define EPERM	     1
#define ENOENT	     2
#define ESRCH	     3
#define EINTR	     4
#define EBADF	     9
#define ECHILD	     10
#define EPIPE	     32
#define EAGAIN	     35
#define EWOULDBLOCK  EAGAIN
#define ECONNREFUSED 61
#define EOVERFLOW    87
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
/* sys/sys/signal.h */
#define SIGPIPE	    13
#define SIGALRM	    14
#define SIGTERM	    15
#define SIGUSR1	    30
#define SIGUSR2	    31
#define SA_ONSTACK  0x0001
#define SA_RESTART  0x0002
#define SA_SIGINFO  0x0040
#define SIG_BLOCK   1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3
#define SS_ONSTACK  0x0001
/* sys/sys/time.h */
#define ITIMER_REAL 0
/* sys/sys/wait.h: the status as 4.4BSD (and Linux) lay it out */
#define WNOHANG	       1
#define WIFEXITED(s)   (((s)&0177) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) (((s)&0177) != 0177 && ((s)&0177) != 0)
#define WTERMSIG(s)    ((s)&0177)
/* sys/sys/socket.h, sys/netinet/in.h, sys/netinet/tcp.h */
#define AF_INET	      2
#define SOCK_STREAM   1
#define SOCK_NONBLOCK 0x4000
#define SOCK_CLOEXEC  0x8000
#define SOL_SOCKET    0xffff
#define SO_REUSEADDR  0x0004
#define SO_ERROR      0x1007
#define SO_TYPE	      0x1008
#define IPPROTO_TCP   6
#define TCP_NODELAY   0x01
/* sys/sys/fcntl.h */
#define F_GETFD 1
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
pid_t getppid(void);
pid_t fork(void);
int execve(const char *, char *const *, char *const *);
pid_t waitpid(pid_t, int *, int);
void _exit(int) __attribute__((noreturn));
int kill(pid_t, int);
int thrkill(pid_t, int, void *);
int sigaction(int, const struct sigaction *, struct sigaction *);
int sigprocmask(int, const sigset_t *, sigset_t *);
int sigaltstack(const stack_t *, stack_t *);
int setitimer(int, const struct itimerval *, struct itimerval *);
int nanosleep(const struct timespec *, struct timespec *);
int socket(int, int, int);
int bind(int, const void *, socklen_t);
int listen(int, int);
int accept(int, void *, socklen_t *);
int connect(int, const void *, socklen_t);
int getsockname(int, void *, socklen_t *);
int getpeername(int, void *, socklen_t *);
int setsockopt(int, int, int, const void *, socklen_t);
int getsockopt(int, int, int, void *, socklen_t *);
int shutdown(int, int);
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
