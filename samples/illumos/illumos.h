/*
 * What the illumos samples use of illumos's libc.so.1, libsocket.so.1 and
 * libsendfile.so.1, declared as illumos's headers declare it, with
 * illumos's values (the headers of usr/src/uts/common/sys/): no host header is
 * included, the samples link against xeno's link-only stubs of those
 * libraries.
 */
#ifndef XENO_SAMPLES_ILLUMOS_H
#define XENO_SAMPLES_ILLUMOS_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int pthread_t;
typedef struct {
	void *p;
} pthread_attr_t;
typedef struct {
	uint32_t count;
	uint16_t type, magic;
	uint64_t pad1[3], pad2[2];
} sem_t;
struct timespec {
	long tv_sec, tv_nsec;
};
typedef struct {
	uint32_t bits[4];
} sigset_t;
typedef struct {
	int si_signo, si_code, si_errno, si_pad;
	union {
		struct {
			int pid, pad;
			unsigned uid, pad2;
		} proc;
		void *addr;
		int pad[60];
	} data;
} siginfo_t;
typedef struct {
	void *ss_sp;
	size_t ss_size;
	int ss_flags;
} stack_t;
struct sigaction {
	int sa_flags;
	void (*sa_sigaction)(int, siginfo_t *, void *);
	sigset_t sa_mask;
};
/* ucontext_t: what the samples touch of it (sys/ucontext.h, regset.h) */
typedef struct {
	unsigned long uc_flags;
	void *uc_link;
	sigset_t uc_sigmask;
	stack_t uc_stack;
	long pad;
	long gregs[28];
} ucontext_part_t;
#define REG_RIP 17
#define REG_RSP 20
typedef struct {
	int portev_events;
	unsigned short portev_source, portev_pad;
	uintptr_t portev_object;
	void *portev_user;
} port_event_t;
struct utsname {
	char sysname[257], nodename[257], release[257], version[257], machine[257];
};
struct stat {
	uint64_t st_dev, st_ino;
	uint32_t st_mode, st_nlink, st_uid, st_gid;
	uint64_t st_rdev;
	int64_t st_size;
	struct timespec st_atim, st_mtim, st_ctim;
	int st_blksize;
	int64_t st_blocks;
	char st_fstype[16];
};
struct sockaddr_in {
	uint16_t sin_family, sin_port;
	uint32_t sin_addr;
	char sin_zero[8];
};
struct sockaddr_in6 {
	uint16_t sin6_family, sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t sin6_addr[16];
	uint32_t sin6_scope_id, src_id;
};

#define EPERM	    1
#define ENOENT	    2
#define EINTR	    4
#define EBADF	    9
#define EAGAIN	    11
#define EBUSY	    16
#define EINVAL	    22
#define ENOTTY	    25
#define ETIME	    62
#define EBADFD	    81
#define ENOSYS	    89
#define ETIMEDOUT   145
#define EINPROGRESS 150

#define SIGUSR1	    16
#define SIGUSR2	    17
#define SIGCHLD	    18
#define SIGURG	    21
#define SA_ONSTACK  0x1
#define SA_RESTART  0x4
#define SA_SIGINFO  0x8
#define SIG_BLOCK   1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3
#define SI_USER	    0
#define SI_LWP	    (-1)

#define O_RDONLY   0x0
#define O_WRONLY   0x1
#define O_RDWR	   0x2
#define O_NONBLOCK 0x80
#define O_CREAT	   0x100
#define O_TRUNC	   0x200
#define F_GETFL	   3
#define F_SETFL	   4
#define TCGETS	   0x540d

#define PORT_SOURCE_USER  3
#define PORT_SOURCE_FD	  4
#define PORT_SOURCE_ALERT 5
#define PORT_ALERT_SET	  1
#define PORT_ALERT_UPDATE 2
#define POLLIN		  0x1
#define POLLOUT		  0x4
#define POLLHUP		  0x10

#define AF_UNIX			1
#define AF_INET			2
#define AF_INET6		26
#define SOCK_DGRAM		1
#define SOCK_STREAM		2
#define SOL_SOCKET		0xffff
#define SO_TYPE			0x1008
#define SO_REUSEADDR		0x4
#define IPPROTO_TCP		6
#define TCP_NODELAY		1
#define _SC_PAGESIZE		11
#define _SC_NPROCESSORS_ONLN	15
#define CLOCK_MONOTONIC		4
#define PTHREAD_CREATE_DETACHED 0x40

extern char **environ;
int *___errno(void);
#define errno (*___errno())

void exit(int) __attribute__((noreturn));
int atexit(void (*)(void));
int printf(const char *, ...) __attribute__((format(printf, 1, 2)));
int puts(const char *);
size_t strlen(const char *);
int strcmp(const char *, const char *);
int strncmp(const char *, const char *, size_t);
void *memset(void *, int, size_t);
void *memcpy(void *, const void *, size_t);
int memcmp(const void *, const void *, size_t);
void *malloc(size_t);
void free(void *);

ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
int open(const char *, int, ...);
int close(int);
int pipe(int *);
int fcntl(int, int, ...);
int ioctl(int, int, ...);
int unlink(const char *);
int stat(const char *, struct stat *);
int fstat(int, struct stat *);
off_t lseek(int, off_t, int);
long sysconf(int);
int uname(struct utsname *);
const char *getexecname(void);
pid_t getpid(void);
int clock_gettime(int, struct timespec *);
int usleep(unsigned);

int sigaction(int, const struct sigaction *, struct sigaction *);
int sigprocmask(int, const sigset_t *, sigset_t *);
int sigaltstack(const stack_t *, stack_t *);
int raise(int);
int kill(pid_t, int);

int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int pthread_join(pthread_t, void **);
pthread_t pthread_self(void);
int pthread_kill(pthread_t, int);
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_attr_destroy(pthread_attr_t *);
void pthread_exit(void *) __attribute__((noreturn));
int sem_init(sem_t *, int, unsigned);
int sem_wait(sem_t *);
int sem_trywait(sem_t *);
int sem_post(sem_t *);
int sem_reltimedwait_np(sem_t *, const struct timespec *);
int sem_getvalue(sem_t *, int *);

int port_create(void);
int port_associate(int, int, uintptr_t, int, void *);
int port_dissociate(int, int, uintptr_t);
int port_getn(int, port_event_t *, unsigned, unsigned *, const struct timespec *);
int port_get(int, port_event_t *, const struct timespec *);
int port_alert(int, int, int, void *);
int port_send(int, int, void *);

int __xnet_socket(int, int, int);
int __xnet_socketpair(int, int, int, int *);
int __xnet_bind(int, const void *, unsigned);
int __xnet_connect(int, const void *, unsigned);
int __xnet_listen(int, int);
int __xnet_getsockopt(int, int, int, void *, unsigned *);
int accept(int, void *, unsigned *);
int getsockname(int, void *, unsigned *);
int setsockopt(int, int, int, const void *, unsigned);
int shutdown(int, int);
ssize_t sendfile(int, int, off_t *, size_t);

#endif
