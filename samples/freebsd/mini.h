/*
 * The FreeBSD samples' runtime: raw FreeBSD system calls (the numbers come
 * from xeno's own table, build/gen/freebsd_sysnums.h) and the FreeBSD facts
 * the samples use; the rest is the BSD samples' runtime (samples/bsd/).
 * No libc: the samples are built on Linux with the host compiler and
 * branded as FreeBSD programs.
 */
#ifndef XENO_SAMPLES_MINI_H
#define XENO_SAMPLES_MINI_H

#include <stddef.h>
#include <stdint.h>

#include "freebsd_sysnums.h"

#define MINI_OS "FreeBSD"

long fbsd_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
long fbsd_syscall2(long nr, long *second, long a1, long a2, long a3);

/* SYSn(name, args...): the raw FreeBSD call FREEBSD_SYS_name; the result, or
 * the negated FreeBSD errno. */
#define SYS6(n, a, b, c, d, e, f)                                                                  \
	fbsd_syscall(FREEBSD_SYS_##n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e),       \
		     (long)(f))
/* SYSNR(name): the number itself, for a syscall written out in assembly. */
#define SYSNR(n)	       FREEBSD_SYS_##n
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
#define F_DUPFD	     0
#define F_GETFD	     1
#define F_GETLK	     11
/* sys/sys/filio.h */
#define FIONREAD 0x4004667fUL
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
#define MAP_STACK	 0x0400
#define MAP_ANON	 0x1000
#define MAP_EXCL	 0x4000
#define MAP_FAILED	 ((void *)-1)
#define MADV_FREE	 5
/* sys/sys/dirent.h */
#define DT_DIR 4
/* sys/amd64/include/param.h */
#define PAGE_SIZE 4096
/* sys/sys/_clock_id.h */
#define CLOCK_MONOTONIC 4
/* sys/sys/cpuset.h */
#define CPU_LEVEL_WHICH 3
#define CPU_WHICH_PID	2
/* sys/sys/sysctl.h */
#define CTL_KERN    1
#define KERN_OSTYPE 1

/* sys/sys/errno.h: the numbers the samples compare results with (the names
 * of all of them: mini_errname). */
#define EPERM	      1
#define ENOENT	      2
#define ESRCH	      3
#define EINTR	      4
#define EBADF	      9
#define ENOMEM	      12
#define EEXIST	      17
#define EINVAL	      22
#define ENOTTY	      25
#define EMLINK	      31
#define EPIPE	      32
#define EDOM	      33
#define EAGAIN	      35
#define EINPROGRESS   36
#define ENOPROTOOPT   42
#define EAFNOSUPPORT  47
#define EADDRNOTAVAIL 49
#define ECONNREFUSED  61
#define ENOSYS	      78

/* sys/sys/_timespec.h */
struct timespec {
	long tv_sec, tv_nsec;
};
/* sys/sys/_iovec.h */
struct iovec {
	void *base;
	size_t len;
};

/* sys/sys/resource.h */
#define RLIMIT_NOFILE 8
struct rlimit {
	long cur, max; /* rlim_t is signed */
};

/* sys/sys/signal.h, sys/sys/_sigset.h */
#define SIGUSR1	   30
#define SA_RESTART 0x0002
#define SIG_BLOCK  1
struct sigset {
	unsigned bits[4];
};
struct sigaction {
	void *handler; /* sa_handler or sa_sigaction */
	int flags;
	struct sigset mask;
};

/* sys/sys/signal.h, sys/x86/include/ucontext.h: what the samples' handlers
 * look at */
#define SA_SIGINFO 0x0040
struct stack {
	void *sp;
	size_t size;
	int flags;
};
struct siginfo {
	int signo, err, code, pid;
	unsigned uid;
	int status;
	void *addr;
	long value;
	long reason[5];
};
/* sys/x86/include/ucontext.h: only what the checks touch */
struct mcontext {
	long onstack, rdi, rsi, rdx, rcx, r8, r9, rax, rbx, rbp, r10, r11, r12, r13, r14, r15;
	int trapno;
	short fs, gs;
	long addr;
	int flags;
	short es, ds;
	long err, rip, cs, rflags, rsp, ss, len, fpformat, ownedfp;
	long rest[70];
};
struct ucontext {
	struct sigset sigmask;
	struct mcontext mc;
};

/* sys/sys/thr.h */
#define THR_SYSTEM_SCOPE 0x0002
struct thr_param {
	void (*start_func)(void *);
	void *arg;
	char *stack_base;
	size_t stack_size;
	char *tls_base;
	size_t tls_size;
	long *child_tid;
	long *parent_tid;
	int flags;
	void *rtp;
	void *spare[3];
};

/* sys/sys/umtx.h, sys/sys/_umtx.h */
#define UMTX_OP_WAIT		  2
#define UMTX_OP_WAIT_UINT_PRIVATE 15
#define UMTX_OP_WAKE_PRIVATE	  16
struct umtx_time {
	long sec, nsec;
	unsigned flags, clockid;
};

/* sys/sys/event.h: struct kevent as of FreeBSD 12 */
#define EVFILT_READ  (-1)
#define EVFILT_USER  (-11)
#define EV_ADD	     0x0001
#define EV_CLEAR     0x0020
#define NOTE_TRIGGER 0x01000000u
struct kevent {
	unsigned long ident;
	short filter;
	unsigned short flags;
	unsigned int fflags;
	long data;
	void *udata;
	unsigned long ext[4];
};

/* sys/sys/poll.h */
struct pollfd {
	int fd;
	short events, revents;
};

/* sys/sys/socket.h, sys/netinet/in.h */
#define AF_UNIX	      1
#define AF_INET	      2
#define SOCK_STREAM   1
#define SOCK_DGRAM    2
#define SOCK_NONBLOCK 0x20000000
#define SOL_SOCKET    0xffff
#define SO_REUSEADDR  0x0004
#define SO_TYPE	      0x1008
struct msghdr {
	void *name;
	unsigned namelen;
	struct iovec *iov;
	int iovlen;
	void *control;
	unsigned controllen;
	int flags;
};
struct sockaddr_in {
	unsigned char len, family;
	unsigned short port;
	unsigned addr;
	char zero[8];
};

#include "../bsd/runtime.h"

#endif
