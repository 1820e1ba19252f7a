/*
 * The NetBSD samples' runtime: raw NetBSD system calls (the numbers come
 * from xeno's own table, build/gen/netbsd_sysnums.h) and the NetBSD facts
 * the samples use; the rest is the BSD samples' runtime (samples/bsd/).
 */
#ifndef XENO_SAMPLES_NETBSD_MINI_H
#define XENO_SAMPLES_NETBSD_MINI_H

#include <stddef.h>
#include <stdint.h>

#include "netbsd_sysnums.h"

#define MINI_OS "NetBSD"

long nbsd_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6, long a7);
long nbsd_syscall2(long nr, long *second, long a1, long a2, long a3);

/* SYSn(name, args...): the raw NetBSD call NETBSD_SYS_name; the result, or
 * the negated NetBSD errno. */
#define SYS7(n, a, b, c, d, e, f, g)                                                               \
	nbsd_syscall(NETBSD_SYS_##n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e),        \
		     (long)(f), (long)(g))
/* SYSNR(name): the number itself, for a syscall written out in assembly. */
#define SYSNR(n)		  NETBSD_SYS_##n
#define SYS6(n, a, b, c, d, e, f) SYS7(n, a, b, c, d, e, f, 0)
#define SYS0(n)			  SYS7(n, 0, 0, 0, 0, 0, 0, 0)
#define SYS1(n, a)		  SYS7(n, a, 0, 0, 0, 0, 0, 0)
#define SYS2(n, a, b)		  SYS7(n, a, b, 0, 0, 0, 0, 0)
#define SYS3(n, a, b, c)	  SYS7(n, a, b, c, 0, 0, 0, 0)
#define SYS4(n, a, b, c, d)	  SYS7(n, a, b, c, d, 0, 0, 0)
#define SYS5(n, a, b, c, d, e)	  SYS7(n, a, b, c, d, e, 0, 0)

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
#define O_DIRECTORY  0x00200000
#define O_CLOEXEC    0x00400000
#define O_NOSIGPIPE  0x01000000
#define AT_FDCWD     (-100)
#define AT_REMOVEDIR 0x0800
#define F_GETFD	     1
#define F_SETFD	     2
#define F_GETFL	     3
#define F_CLOSEM     10
#define FD_CLOEXEC   1
/* sys/sys/unistd.h */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
/* sys/sys/mman.h */
#define PROT_NONE      0
#define PROT_READ      1
#define PROT_WRITE     2
#define PROT_EXEC      4
#define MAP_SHARED     0x0001
#define MAP_PRIVATE    0x0002
#define MAP_FIXED      0x0010
#define MAP_ANON       0x1000
#define MAP_ALIGNED(n) ((n) << 24)
#define MAP_FAILED     ((void *)-1)
/* sys/sys/dirent.h */
#define DT_DIR 4
/* sys/arch/amd64/include/param.h */
#define PAGE_SIZE 4096
/* sys/sys/time.h */
#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC 3
#define TIMER_ABSTIME	1
/* sys/sys/sysctl.h */
#define CTL_KERN    1
#define CTL_HW	    6
#define CTL_QUERY   (-2)
#define KERN_OSTYPE 1
#define HW_PAGESIZE 7

/* sys/sys/errno.h: the numbers the samples compare results with (the names
 * of all of them: mini_errname). */
#define EPERM	     1
#define ENOENT	     2
#define ESRCH	     3
#define EINTR	     4
#define EBADF	     9
#define ECHILD	     10
#define ENOMEM	     12
#define EFAULT	     14
#define EEXIST	     17
#define ENODEV	     19
#define ENOTDIR	     20
#define EINVAL	     22
#define ENOTTY	     25
#define EPIPE	     32
#define EAGAIN	     35
#define EALREADY     37
#define ETIMEDOUT    60
#define ECONNREFUSED 61
#define ENOSYS	     78
#define EFTYPE	     79

/* sys/sys/timespec.h; sys/sys/time.h: tv_usec is a 32-bit suseconds_t */
struct timespec {
	long tv_sec, tv_nsec;
};
struct timeval {
	long tv_sec;
	int tv_usec;
};
/* sys/sys/uio.h */
struct iovec {
	void *base;
	size_t len;
};

/* sys/sys/signal.h, sys/sys/sigtypes.h: signals 1..63 in four words */
#define SIGINT	     2
#define SIGSEGV	     11
#define SIGPIPE	     13
#define SIGALRM	     14
#define SIGTERM	     15
#define SIGCHLD	     20
#define SIGUSR1	     30
#define SIGUSR2	     31
#define SIGPWR	     32
#define SA_ONSTACK   0x0001
#define SA_RESTART   0x0002
#define SA_RESETHAND 0x0004
#define SA_SIGINFO   0x0040
#define SIG_BLOCK    1
#define SIG_UNBLOCK  2
#define SIG_SETMASK  3
#define SS_ONSTACK   0x0001
#define SS_DISABLE   0x0004
struct sigset {
	unsigned bits[4];
};
/* the mask before the flags (NetBSD's order) */
struct sigaction {
	void *handler; /* sa_handler or sa_sigaction */
	struct sigset mask;
	int flags;
};
struct stack {
	void *sp;
	size_t size;
	int flags;
};
/* __sigaction_sigtramp's trampoline version: siginfo, return through
 * setcontext (sys/sys/signal.h __SIGTRAMP_SIGINFO_VERSION) */
#define SIGTRAMP_SIGINFO_VERSION 2

/* sys/sys/event.h: struct kevent as __kevent50 (435) takes it */
#define EVFILT_READ   0
#define EVFILT_WRITE  1
#define EVFILT_PROC   4
#define EVFILT_SIGNAL 5
#define EVFILT_TIMER  6
#define EVFILT_USER   8
#define EV_ADD	      0x0001
#define EV_DELETE     0x0002
#define EV_ONESHOT    0x0010
#define EV_CLEAR      0x0020
#define EV_ERROR      0x4000
#define EV_EOF	      0x8000
#define NOTE_EXIT     0x80000000u
#define NOTE_TRIGGER  0x01000000u
struct kevent {
	unsigned long ident;
	unsigned filter;
	unsigned flags;
	unsigned fflags;
	long data;
	void *udata;
};

/* sys/sys/poll.h */
#define POLLIN	0x0001
#define POLLOUT 0x0004
#define POLLHUP 0x0010
struct pollfd {
	int fd;
	short events, revents;
};

/* sys/sys/socket.h, sys/netinet/in.h: AF_INET6 is 24 */
#define AF_UNIX	       1
#define AF_INET	       2
#define AF_INET6       24
#define SOCK_STREAM    1
#define SOCK_DGRAM     2
#define SOCK_CLOEXEC   0x10000000
#define SOCK_NONBLOCK  0x20000000
#define SOCK_NOSIGPIPE 0x40000000
#define SOL_SOCKET     0xffff
#define SO_REUSEADDR   0x0004
#define SO_KEEPALIVE   0x0008
#define SO_SNDBUF      0x1001
#define SO_ERROR       0x1007
#define SO_TYPE	       0x1008
#define SO_RCVTIMEO    0x100c
#define SHUT_WR	       1
#define MSG_PEEK       0x0002
#define MSG_NOSIGNAL   0x0400
#define SCM_RIGHTS     0x01
struct msghdr {
	void *name;
	unsigned namelen;
	struct iovec *iov;
	int iovlen;
	void *control;
	unsigned controllen;
	int flags;
};
struct cmsghdr {
	unsigned len;
	int level, type;
};
struct sockaddr_in {
	unsigned char len, family;
	unsigned short port;
	unsigned addr;
	char zero[8];
};
struct sockaddr_un {
	unsigned char len, family;
	char path[104];
};

/* sys/sys/ucontext.h, sys/arch/amd64/include/mcontext.h: ucontext_t, and
 * the registers in NetBSD's order (frame_regs.h) */
#define UC_SIGMASK 0x01
#define UC_CPU	   0x04
#define UC_TLSBASE 0x00080000
enum {
	REG_RDI = 0,
	REG_RSI,
	REG_RDX,
	REG_RCX,
	REG_R8,
	REG_R9,
	REG_R10,
	REG_R11,
	REG_R12,
	REG_R13,
	REG_R14,
	REG_R15,
	REG_RBP,
	REG_RBX,
	REG_RAX,
	REG_GS,
	REG_FS,
	REG_ES,
	REG_DS,
	REG_TRAPNO,
	REG_ERR,
	REG_RIP,
	REG_CS,
	REG_RFLAGS,
	REG_RSP,
	REG_SS,
	NGREG
};
struct ucontext {
	unsigned flags;
	void *link;
	struct sigset sigmask;
	struct stack stack;
	unsigned long gregs[NGREG];
	unsigned long tlsbase;
	unsigned char fpregs[512];
};
_Static_assert(sizeof(struct ucontext) == 784, "ucontext_t");
/* sys/sys/siginfo.h: the 128-byte siginfo_t */
#define SI_USER	    0
#define SI_LWP	    (-5)
#define SEGV_MAPERR 1
struct siginfo {
	int signo, code, err, pad_;
	union {
		struct {
			int pid;
			unsigned uid;
			long value;
		} rt;
		struct {
			void *addr;
			int trap;
		} fault;
		char spare[112];
	} reason;
};
/* sys/sys/lwp.h */
#define LWP_DETACHED 0x00000040

/* The trampoline of the samples' handlers (crt0.S). */
void nbsd_sigtramp(void);

#include "../bsd/runtime.h"

#endif
