/*
 * What the dynamically linked FreeBSD samples use of FreeBSD's libc.so.7,
 * libthr.so.3 and libm.so.5, declared as FreeBSD's headers declare it (no
 * host header is included: the samples link against xeno's link-only stubs
 * of FreeBSD's libraries).  Constants and layouts are FreeBSD's: the header
 * each comes from is named beside it.
 */
#ifndef XENO_SAMPLES_FREEBSD_DYN_LIBC_H
#define XENO_SAMPLES_FREEBSD_DYN_LIBC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int pid_t;
typedef long time_t;

/* <stdio.h>: FreeBSD's FILE (include/stdio.h struct __sFILE), the fields
 * the inline character functions reach into, and room for the rest */
typedef struct __sFILE {
	unsigned char *_p; /* the buffer's current position */
	int _r, _w;	   /* what getc and putc may still take and put */
	short _flags, _file;
	struct {
		unsigned char *_base;
		int _size;
	} _bf;
	int _lbfsize;
	char rest_[312 - 48];
} FILE;
extern FILE *__stdinp, *__stdoutp, *__stderrp;
#define stdin  __stdinp
#define stdout __stdoutp
#define stderr __stderrp
#define EOF    (-1)
int __srget(FILE *fp);
int __swbuf(int c, FILE *fp);
/* getc_unlocked and putc_unlocked are inline in FreeBSD's <stdio.h>: they
 * use the buffer while _r and _w last, and call __srget and __swbuf when
 * they run out */
static inline int getc_unlocked(FILE *fp)
{
	return --fp->_r < 0 ? __srget(fp) : (int)*fp->_p++;
}
static inline int putc_unlocked(int c, FILE *fp)
{
	if (--fp->_w >= 0 || (fp->_w >= fp->_lbfsize && (char)c != '\n'))
		return *fp->_p++ = (unsigned char)c;
	return __swbuf(c, fp);
}
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *s, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int puts(const char *s);
int fputs(const char *s, FILE *fp);
int putc(int c, FILE *fp);
int putchar(int c);
size_t fwrite(const void *p, size_t size, size_t n, FILE *fp);
size_t fread(void *p, size_t size, size_t n, FILE *fp);
char *fgets(char *buf, int size, FILE *fp);
int getc(FILE *fp);
int fflush(FILE *fp);
int fileno(FILE *fp);
int feof(FILE *fp);
int ferror(FILE *fp);
void clearerr(FILE *fp);
FILE *fopen(const char *path, const char *mode);
int fclose(FILE *fp);
void perror(const char *s);

/* <unistd.h>, <fcntl.h> (sys/sys/fcntl.h) */
#define O_RDONLY 0x0000
#define O_WRONLY 0x0001
#define O_CREAT	 0x0200
ssize_t write(int fd, const void *buf, size_t n);
ssize_t read(int fd, void *buf, size_t n);
int open(const char *path, int flags, ...);
int close(int fd);
int pipe(int fildes[2]);
int unlink(const char *path);
pid_t getpid(void);
int usleep(unsigned int useconds);
unsigned int sleep(unsigned int seconds);
void _exit(int status) __attribute__((noreturn));

/* <stdlib.h> */
void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
int atexit(void (*fn)(void));
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
extern char **environ;
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void qsort(void *base, size_t n, size_t size, int (*compar)(const void *, const void *));
/* FreeBSD 14's qsort_r takes POSIX's order (FBSD_1.7) */
void qsort_r(void *base, size_t n, size_t size, int (*compar)(const void *, const void *, void *),
	     void *thunk);

/* <string.h> */
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *d, const char *s);
char *strchr(const char *s, int c);
char *strdup(const char *s);
char *strerror(int errnum);
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);

/* <errno.h> (sys/sys/errno.h) */
int *__error(void);
#define errno	  (*__error())
#define EPERM	  1
#define ENOENT	  2
#define EINTR	  4
#define EBADF	  9
#define EDEADLK	  11
#define EBUSY	  16
#define EINVAL	  22
#define ETIMEDOUT 60
#define ENOSYS	  78

/* <signal.h> (sys/sys/signal.h, sys/sys/_sigset.h) */
#define SIGINT	    2
#define SIGABRT	    6
#define SIGALRM	    14
#define SIGTERM	    15
#define SIGUSR1	    30
#define SIGUSR2	    31
#define SA_RESTART  0x0002
#define SA_SIGINFO  0x0040
#define SIG_BLOCK   1
#define SIG_UNBLOCK 2
typedef struct {
	uint32_t __bits[4];
} sigset_t;
typedef struct {
	int si_signo, si_errno, si_code;
	pid_t si_pid;
	unsigned si_uid;
	int si_status;
	void *si_addr;
	char rest_[48]; /* si_value, _reason */
} siginfo_t;
struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	int sa_flags;
	sigset_t sa_mask;
};
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int sigemptyset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int raise(int sig);
int kill(pid_t pid, int sig);
typedef volatile int sig_atomic_t;

/* <time.h> */
struct timespec {
	time_t tv_sec;
	long tv_nsec;
};
#define CLOCK_REALTIME 0
int clock_gettime(int clock, struct timespec *ts);

/* <dlfcn.h> */
#define RTLD_NOW     2
#define RTLD_GLOBAL  0x100
#define RTLD_DEFAULT ((void *)-2)
void *dlopen(const char *path, int mode);
void *dlsym(void *handle, const char *name);
int dlclose(void *handle);
char *dlerror(void);
/* <link.h> (sys/sys/link_elf.h) */
struct dl_phdr_info {
	uint64_t dlpi_addr;
	const char *dlpi_name;
	const void *dlpi_phdr;
	uint16_t dlpi_phnum;
	unsigned long long dlpi_adds, dlpi_subs;
	size_t dlpi_tls_modid;
	void *dlpi_tls_data;
};
int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data);

/* <pthread.h> (include/pthread.h, sys/sys/_pthreadtypes.h): handles are
 * pointers to objects libthr makes */
typedef struct pthread *pthread_t;
typedef struct pthread_attr *pthread_attr_t;
typedef struct pthread_mutex *pthread_mutex_t;
typedef struct pthread_mutex_attr *pthread_mutexattr_t;
typedef struct pthread_cond *pthread_cond_t;
typedef struct pthread_cond_attr *pthread_condattr_t;
typedef struct pthread_rwlock *pthread_rwlock_t;
typedef int pthread_key_t;
typedef struct {
	int state;
	pthread_mutex_t mutex;
} pthread_once_t;
#define PTHREAD_MUTEX_INITIALIZER  NULL
#define PTHREAD_COND_INITIALIZER   NULL
#define PTHREAD_RWLOCK_INITIALIZER NULL
#define PTHREAD_ONCE_INIT                                                                          \
	{                                                                                          \
		0, NULL                                                                            \
	}
#define PTHREAD_CREATE_DETACHED	 1
#define PTHREAD_MUTEX_ERRORCHECK 1
#define PTHREAD_MUTEX_RECURSIVE	 2
int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **value);
int pthread_detach(pthread_t t);
void pthread_exit(void *value) __attribute__((noreturn));
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_main_np(void);
int pthread_kill(pthread_t t, int sig);
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abs);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_rwlock_rdlock(pthread_rwlock_t *rw);
int pthread_rwlock_wrlock(pthread_rwlock_t *rw);
int pthread_rwlock_unlock(pthread_rwlock_t *rw);
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);
int pthread_once(pthread_once_t *once, void (*fn)(void));

/* <math.h> */
double sqrt(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double exp(double x);
double log(double x);
double floor(double x);
double fmod(double x, double y);
double atan2(double y, double x);

#endif
