/*
 * FreeBSD's shim libraries (libs/freebsd/<library>.spec): what their generated
 * tables need to see — the host functions bound directly, the data objects
 * they export, the system-call handlers they forward to (their prototypes
 * here make a forward whose spec line disagrees fail to compile) — and what
 * their handlers share.
 */
#ifndef XENO_LIBS_FREEBSD_H
#define XENO_LIBS_FREEBSD_H

#include <stdint.h>
#include <string.h>

#include "core/library.h"
#include "core/personality.h"
#include "freebsd_sysproto.h"

struct xeno_thread;

/* Exported data (libs/freebsd/start.c): guest-visible, read by the shims
 * through their _at pointers (a COPY relocation may move them). */
extern char **freebsd_environ;
extern const char *freebsd_progname;

/* Personality hooks (libs/freebsd/start.c). */
void freebsd_init_tcb(uint64_t tp, uint64_t dtv);
void freebsd_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp);

/* Writes the whole of buf to the guest's descriptor fd: 0 or -errno. */
long freebsd_write_all(struct xeno_thread *t, int fd, const void *buf, size_t n);

/* execvp's search (libs/freebsd/exec.c): file as a path if it has a slash,
 * else in each directory of PATH; returns only on failure, -errno. */
long freebsd_exec_search(struct xeno_thread *t, const char *file, uint64_t argv, uint64_t envp);

/* ---- streams (libs/freebsd/file.c) ---- */
/* The standard streams' variables (DATA: __stdinp...) and __isthreaded. */
extern uint64_t freebsd_stdinp, freebsd_stdoutp, freebsd_stderrp;
extern int32_t freebsd_isthreaded;
/* The program's stdout and stderr now (it may have changed them). */
uint64_t freebsd_stdout(void);
uint64_t freebsd_stderr(void);
/* Writes all of buf to the guest's stream fp: 0, or -errno (the stream is
 * marked in error; -EBADF for what is not an open stream). */
long freebsd_stream_write(struct xeno_thread *t, uint64_t fp, const void *buf, size_t n);

/* exit's work before the process ends (libs/freebsd/start.c): the atexit
 * handlers, then the linked set's finalisers.  Never returns. */
long freebsd_libc_exit(struct xeno_thread *t, int status);

/* ---- libthr (libs/freebsd/thr.c) ---- */
/* The thread record behind a pthread_t (opaque to the guest). */
struct fbsd_pthread;
/* The calling thread's record, read from its TCB (tcb_thread). */
struct fbsd_pthread *freebsd_self(struct xeno_thread *t);
/* The host thread id of a thread record, 0 if it has ended. */
int freebsd_pthread_tid(const struct fbsd_pthread *p);
/* fork's handlers (pthread_atfork): before, and after in parent or child. */
void freebsd_atfork_prepare(struct xeno_thread *t);
void freebsd_atfork_after(struct xeno_thread *t, int child);
/* HOST functions: they run as guest code, reading the guest's TCB at %fs. */
uint64_t freebsd_pthread_self(void);
int freebsd_pthread_equal(uint64_t a, uint64_t b);
uint64_t freebsd_pthread_getspecific(int key);
int freebsd_pthread_setspecific(int key, uint64_t value);

/* ---- libm (libs/freebsd/math.c): pure functions, bound directly ---- */
double freebsd_sqrt(double x);
double freebsd_sin(double x);
double freebsd_cos(double x);
double freebsd_tan(double x);
double freebsd_exp(double x);
double freebsd_log(double x);
double freebsd_log10(double x);
double freebsd_pow(double x, double y);
double freebsd_fmod(double x, double y);
double freebsd_atan2(double y, double x);
double atan(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double fabs(double x);
double fmin(double x, double y);
double fmax(double x, double y);
double copysign(double x, double y);
float floorf(float x);
float ceilf(float x);
float fabsf(float x);
float freebsd_sqrtf(float x);
float freebsd_sinf(float x);
float freebsd_cosf(float x);
float freebsd_tanf(float x);
float freebsd_asinf(float x);
float freebsd_acosf(float x);
float atanf(float x);
float freebsd_atan2f(float y, float x);
float freebsd_expf(float x);
float freebsd_logf(float x);
float freebsd_hypotf(float x, float y);
float freebsd_powf(float x, float y);

/* ---- libgcc_s: the compiler's run-time helpers, xeno's own libgcc's ---- */
__int128 __divti3(__int128 a, __int128 b);
__int128 __modti3(__int128 a, __int128 b);
unsigned __int128 __udivti3(unsigned __int128 a, unsigned __int128 b);
unsigned __int128 __umodti3(unsigned __int128 a, unsigned __int128 b);
int __popcountdi2(long a);
int __clzdi2(long a);
int __ctzdi2(long a);

#endif
