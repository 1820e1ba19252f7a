/*
 * macOS threads (libpthread: pthread.c, pthread_attr) on host threads
 * (core/threads.h).  A pthread_t is the thread's TSD block, which is also
 * its GS base (xnu libsyscall/os/tsd.h: slot 0 holds the thread itself).
 * A pthread_attr_t is 64 bytes the caller owns (Go keeps one in its frame,
 * runtime/defs_darwin_amd64.go): its signature word, then the detach state
 * and the stack size here.  A new thread gets a stack of that size
 * (512 KiB by default, libpthread's DEFAULT_STACK_SIZE), its own TSD block
 * and the creator's signal mask; its start routine returning ends it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/host.h"
#include "core/libcall.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

#define DEFAULT_STACK (512u << 10)
#define MIN_STACK     (16u << 10) /* PTHREAD_STACK_MIN */
#define ATTR_SIG      0x54484441  /* _PTHREAD_ATTR_SIG, "THDA" */
/* pthread.h */
#define DARWIN_PTHREAD_CREATE_JOINABLE 1
#define DARWIN_PTHREAD_CREATE_DETACHED 2

struct darwin_attr {
	uint64_t sig;
	int32_t detachstate, pad;
	uint64_t stacksize;
	uint8_t opaque[40];
};
_Static_assert(sizeof(struct darwin_attr) == 64, "pthread_attr_t: 8 + 56 bytes");

/* Which host thread runs on which TSD block. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
struct rec {
	uint64_t tsd;
	pid_t tid;
	uint64_t stack, stack_size;
	struct rec *next;
};
static struct rec *recs;

uint64_t darwin_tsd_new(void)
{
	void *p =
	    mmap(NULL, DARWIN_TSD_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 0;
	((uint64_t *)p)[0] = (uint64_t)p; /* _PTHREAD_TSD_SLOT_PTHREAD_SELF */
	return (uint64_t)p;
}

void darwin_tsd_free(uint64_t tsd)
{
	munmap((void *)tsd, DARWIN_TSD_SIZE);
}

static struct rec *add(uint64_t tsd, pid_t tid)
{
	struct rec *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->tsd = tsd, r->tid = tid;
	pthread_mutex_lock(&lock);
	r->next = recs, recs = r;
	pthread_mutex_unlock(&lock);
	return r;
}

void darwin_thread_register(uint64_t tsd, pid_t tid)
{
	add(tsd, tid);
}

pid_t darwin_thread_tid(uint64_t tsd)
{
	pid_t tid = 0;
	pthread_mutex_lock(&lock);
	for (struct rec *r = recs; r; r = r->next)
		if (r->tsd == tsd)
			tid = r->tid;
	pthread_mutex_unlock(&lock);
	return tid;
}

static uint64_t tsd_of(pid_t tid)
{
	uint64_t tsd = 0;
	pthread_mutex_lock(&lock);
	for (struct rec *r = recs; r; r = r->next)
		if (r->tid == tid)
			tsd = r->tsd;
	pthread_mutex_unlock(&lock);
	return tsd;
}

static long read_attr(uint64_t attr, struct darwin_attr *a)
{
	if (xeno_copy_in(a, attr, sizeof *a) < 0)
		return -EFAULT;
	return a->sig == ATTR_SIG ? 0 : -EINVAL;
}

long darwin_libSystem_pthread_attr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct darwin_attr a = {.sig = ATTR_SIG,
				.detachstate = DARWIN_PTHREAD_CREATE_JOINABLE,
				.stacksize = DEFAULT_STACK};
	return xeno_copy_out(attr, &a, sizeof a) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_pthread_attr_getstacksize(struct xeno_thread *t, uint64_t attr, uint64_t size)
{
	(void)t;
	struct darwin_attr a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	return xeno_copy_out(size, &a.stacksize, 8) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_pthread_attr_setdetachstate(struct xeno_thread *t, uint64_t attr, int state)
{
	(void)t;
	struct darwin_attr a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	if (state != DARWIN_PTHREAD_CREATE_DETACHED && state != DARWIN_PTHREAD_CREATE_JOINABLE)
		return -EINVAL;
	a.detachstate = state;
	return xeno_copy_out(attr, &a, sizeof a) < 0 ? -EFAULT : 0;
}

static uint64_t libsystem_function(const char *name)
{
	extern const struct xeno_library darwin_libSystem_library;
	const struct xeno_library *l = &darwin_libSystem_library;
	for (unsigned i = 0; i < l->nexports; i++)
		if (strcmp(xeno_export_name(&l->exports[i]), name) == 0)
			return (uint64_t)xeno_export_addr(&l->exports[i]);
	return 0;
}

/* Gives back the stacks and TSD blocks of threads that are gone (lock held). */
static void reap(void)
{
	long pid = host_syscall0(SYS_getpid);
	for (struct rec **p = &recs; *p;) {
		struct rec *r = *p;
		if (!r->stack || host_syscall3(SYS_tgkill, pid, r->tid, 0) != -ESRCH) {
			p = &r->next;
			continue;
		}
		host_syscall2(SYS_munmap, r->stack, r->stack_size);
		host_syscall2(SYS_munmap, r->tsd, DARWIN_TSD_SIZE);
		*p = r->next;
		free(r);
	}
}

long darwin_libSystem_pthread_create(struct xeno_thread *t, uint64_t thread, uint64_t attr,
				     uint64_t start, uint64_t arg)
{
	struct darwin_attr a = {.sig = ATTR_SIG, .stacksize = DEFAULT_STACK};
	if (attr && read_attr(attr, &a) < 0)
		return -EINVAL;
	static uint64_t thread_exit;
	if (!thread_exit)
		thread_exit = libsystem_function("pthread_exit");
	uint64_t size = (a.stacksize + 4095) & ~4095ULL;
	long s = host_syscall6(SYS_mmap, 0, size + 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (s < 0)
		return -EAGAIN;
	host_syscall3(SYS_mprotect, s, 4096, PROT_NONE); /* a guard page below */
	uint64_t tsd = darwin_tsd_new();
	struct rec *r = tsd ? calloc(1, sizeof *r) : NULL;
	if (!r) {
		host_syscall2(SYS_munmap, s, size + 4096);
		if (tsd)
			darwin_tsd_free(tsd);
		return -EAGAIN;
	}
	r->tsd = tsd, r->stack = (uint64_t)s, r->stack_size = size + 4096;
	struct xeno_thread_start st = {
	    .entry = {.rip = (uint64_t)xeno_guest_start_thread,
		      .rsp = (r->stack + r->stack_size - 64) & ~15ULL,
		      .rbx = start,
		      .rdi = arg,
		      .r12 = thread_exit,
		      .gs = tsd},
	    .sigmask = t->sigmask,
	};
	pthread_mutex_lock(&lock);
	reap();
	long tid = xeno_thread_spawn(t, &st);
	if (tid > 0) {
		r->tid = (pid_t)tid;
		r->next = recs, recs = r;
	}
	pthread_mutex_unlock(&lock);
	if (tid <= 0) {
		host_syscall2(SYS_munmap, s, size + 4096);
		darwin_tsd_free(tsd);
		free(r);
		return tid < 0 ? tid : -EAGAIN;
	}
	return thread ? xeno_copy_out(thread, &tsd, sizeof tsd) : 0;
}

long darwin_libSystem_pthread_exit(struct xeno_thread *t, uint64_t value)
{
	(void)value;
	xeno_thread_exit(t);
}

long darwin_libSystem_pthread_self(struct xeno_thread *t)
{
	return (long)tsd_of(t->tid);
}
