/*
 * POSIX threads of the library-interface OSes on host threads
 * (libs/common/pthread.h); first written for illumos
 * (usr/src/lib/libc/port/threads/pthread.c, thr.c), OpenBSD's libpthread
 * (lib/librthread/rthread.c, rthread_attr.c) behaves alike.
 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "core/library.h"
#include "libs/common/pthread.h"
#include "loader/link.h"

#define ATTR_MAGIC 0x78656e6f /* "xeno" */

/* What a pthread_attr_t points at. */
struct attr {
	uint32_t magic;
	int detachstate;
	uint64_t stackaddr, stacksize;
};

/* A thread pthread_create made. */
struct thread_rec {
	pid_t tid;
	bool detached, joined;
	uint32_t done; /* futex: 1 once pthread_exit ran */
	uint64_t result;
	uint64_t stack, stack_size; /* xeno's mapping, or 0 */
	uint64_t tp;
	struct thread_rec *next;
};

static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
static struct thread_rec *threads;

static long read_attr(uint64_t attr, struct attr **out)
{
	uint64_t p;
	if (xeno_copy_in(&p, attr, sizeof p) < 0)
		return -EFAULT;
	struct attr *a = (struct attr *)p;
	uint32_t magic = 0;
	if (!a || xeno_copy_in(&magic, p, sizeof magic) < 0 || magic != ATTR_MAGIC)
		return -EINVAL;
	*out = a;
	return 0;
}

long lib_pthread_attr_init(const struct lib_pthread_os *os, uint64_t attr)
{
	struct attr *a = calloc(1, sizeof *a);
	if (!a)
		return -ENOMEM;
	*a = (struct attr){
	    .magic = ATTR_MAGIC, .detachstate = os->joinable, .stacksize = os->default_stack};
	uint64_t p = (uint64_t)a;
	if (xeno_copy_out(attr, &p, sizeof p) < 0) {
		free(a);
		return -EFAULT;
	}
	return 0;
}

long lib_pthread_attr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	a->magic = 0;
	free(a);
	uint64_t zero = 0;
	return xeno_copy_out(attr, &zero, sizeof zero);
}

/* A NULL address with a size asks for a stack of that size (Go does so). */
long lib_pthread_attr_setstack(const struct lib_pthread_os *os, uint64_t attr, uint64_t addr,
			       size_t size)
{
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	if (size < os->min_stack)
		return -EINVAL;
	a->stackaddr = addr;
	a->stacksize = size;
	return 0;
}

long lib_pthread_attr_getstack(struct xeno_thread *t, uint64_t attr, uint64_t addr, uint64_t size)
{
	(void)t;
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	if (xeno_copy_out(addr, &a->stackaddr, 8) < 0 || xeno_copy_out(size, &a->stacksize, 8) < 0)
		return -EFAULT;
	return 0;
}

long lib_pthread_attr_setstacksize(const struct lib_pthread_os *os, uint64_t attr, size_t size)
{
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	if (size < os->min_stack)
		return -EINVAL;
	a->stacksize = size;
	return 0;
}

long lib_pthread_attr_getstacksize(struct xeno_thread *t, uint64_t attr, uint64_t size)
{
	(void)t;
	struct attr *a;
	long r = read_attr(attr, &a);
	return r < 0 ? r : xeno_copy_out(size, &a->stacksize, 8);
}

long lib_pthread_attr_setdetachstate(const struct lib_pthread_os *os, uint64_t attr, int state)
{
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	if (state != os->detached && state != os->joinable)
		return -EINVAL;
	a->detachstate = state;
	return 0;
}

long lib_pthread_attr_getdetachstate(struct xeno_thread *t, uint64_t attr, uint64_t state)
{
	(void)t;
	struct attr *a;
	long r = read_attr(attr, &a);
	if (r < 0)
		return r;
	int32_t s = a->detachstate;
	return xeno_copy_out(state, &s, sizeof s);
}

/* Gives back what threads that are gone left behind (threads_lock held). */
static void reap(void)
{
	long pid = host_syscall0(SYS_getpid);
	for (struct thread_rec **p = &threads; *p;) {
		struct thread_rec *r = *p;
		bool gone = __atomic_load_n(&r->done, __ATOMIC_ACQUIRE) &&
			    host_syscall3(SYS_tgkill, pid, r->tid, 0) == -ESRCH;
		if (!gone || (!r->detached && !r->joined)) {
			p = &r->next;
			continue;
		}
		if (r->stack)
			host_syscall2(SYS_munmap, r->stack, r->stack_size);
		xeno_link_free_tls(r->tp);
		*p = r->next;
		free(r);
	}
}

/* The guest address of one of libc's functions (a thread's way out). */
static uint64_t libc_function(const struct xeno_library *l, const char *name)
{
	for (unsigned i = 0; i < l->nexports; i++)
		if (strcmp(xeno_export_name(&l->exports[i]), name) == 0)
			return (uint64_t)xeno_export_addr(&l->exports[i]);
	return 0;
}

static long new_stack(struct thread_rec *r, uint64_t size)
{
	size = (size + 4095) & ~4095ULL;
	long s = host_syscall6(SYS_mmap, 0, size + 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (s < 0)
		return s;
	host_syscall3(SYS_mprotect, s, 4096, PROT_NONE); /* a guard page below */
	r->stack = (uint64_t)s;
	r->stack_size = size + 4096;
	return 0;
}

long lib_pthread_create(const struct lib_pthread_os *os, struct xeno_thread *t, uint64_t thread,
			uint64_t attr, uint64_t start, uint64_t arg)
{
	struct attr def = {.magic = ATTR_MAGIC,
			   .detachstate = os->joinable,
			   .stacksize = os->default_stack},
		    *a = &def;
	if (attr) {
		uint64_t p;
		if (xeno_copy_in(&p, attr, sizeof p) < 0)
			return -EFAULT;
		if (p && read_attr(attr, &a) < 0)
			return -EINVAL;
	}
	uint64_t thread_exit = libc_function(os->libc, os->exit_name);
	struct thread_rec *r = calloc(1, sizeof *r);
	if (!r)
		return -EAGAIN;
	r->detached = a->detachstate == os->detached;
	uint64_t top = a->stackaddr + a->stacksize;
	long err = 0;
	if (!a->stackaddr && (err = new_stack(r, a->stacksize)) == 0)
		top = r->stack + r->stack_size;
	if (!err && !(r->tp = xeno_link_new_tls()))
		err = -EAGAIN;
	if (err) {
		if (r->stack)
			host_syscall2(SYS_munmap, r->stack, r->stack_size);
		free(r);
		return err == -ENOMEM ? -EAGAIN : err;
	}
	/* Room above the start routine's frame: Go's tstart_sysvicall writes
	 * its result into its caller's argument slot. */
	struct xeno_thread_start st = {
	    .entry = {.rip = (uint64_t)xeno_guest_start_thread,
		      .rsp = (top - 64) & ~15ULL,
		      .rbx = start,
		      .rdi = arg,
		      .r12 = thread_exit,
		      .fs = r->tp},
	    .sigmask = t->sigmask,
	};
	pthread_mutex_lock(&threads_lock);
	reap();
	long tid = xeno_thread_spawn(t, &st);
	if (tid > 0) {
		r->tid = (pid_t)tid;
		r->next = threads;
		threads = r;
	}
	pthread_mutex_unlock(&threads_lock);
	if (tid <= 0) {
		if (r->stack)
			host_syscall2(SYS_munmap, r->stack, r->stack_size);
		xeno_link_free_tls(r->tp);
		free(r);
		return tid < 0 ? tid : -EAGAIN;
	}
	/* Stored by the creator only: thread often points into its stack
	 * frame, which is gone by the time the new thread could store it. */
	uint64_t id = (uint64_t)tid;
	return thread ? xeno_copy_out(thread, &id, os->id_size) : 0;
}

static struct thread_rec *find(pid_t tid)
{
	for (struct thread_rec *r = threads; r; r = r->next)
		if (r->tid == tid)
			return r;
	return NULL;
}

_Noreturn long lib_pthread_exit(struct xeno_thread *t, uint64_t value)
{
	xeno_host_tls(t);
	pthread_mutex_lock(&threads_lock);
	struct thread_rec *r = find(t->tid);
	if (r) {
		r->result = value;
		__atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
		host_syscall3(SYS_futex, &r->done, FUTEX_WAKE_PRIVATE, INT32_MAX);
	}
	pthread_mutex_unlock(&threads_lock);
	xeno_thread_exit(t);
}

/* The record stays until the joiner has its result: reap() leaves a
 * joinable thread's alone until then.  A signal's handler runs and the wait
 * goes on (pthread_join never fails with EINTR). */
long lib_pthread_join(struct xeno_thread *t, uint64_t thread, uint64_t status)
{
	if (thread == (uint64_t)t->tid)
		return -EDEADLK;
	if (thread > INT32_MAX)
		return -ESRCH;
	pthread_mutex_lock(&threads_lock);
	struct thread_rec *r = find((pid_t)thread);
	long err = !r ? -ESRCH : r->detached || r->joined ? -EINVAL : 0;
	pthread_mutex_unlock(&threads_lock);
	if (err)
		return err;
	while (!__atomic_load_n(&r->done, __ATOMIC_ACQUIRE))
		if (host_blocking_syscall(SYS_futex, &r->done, FUTEX_WAIT_PRIVATE, 0, NULL, 0, 0) ==
		    -EINTR)
			return -XENO_ERESTART;
	pthread_mutex_lock(&threads_lock);
	uint64_t result = r->result;
	r->joined = true;
	pthread_mutex_unlock(&threads_lock);
	if (status && xeno_copy_out(status, &result, sizeof result) < 0)
		return -EFAULT;
	return 0;
}

long lib_pthread_detach(struct xeno_thread *t, uint64_t thread)
{
	(void)t;
	if (thread > INT32_MAX)
		return -ESRCH;
	pthread_mutex_lock(&threads_lock);
	struct thread_rec *r = find((pid_t)thread);
	long err = !r ? -ESRCH : r->detached ? -EINVAL : 0;
	if (!err)
		r->detached = true;
	pthread_mutex_unlock(&threads_lock);
	return err;
}

long lib_pthread_self(struct xeno_thread *t)
{
	return t->tid;
}
