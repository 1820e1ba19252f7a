/*
 * An illumos process's start and end as libc.so.1 and ld.so.1 give them:
 * the thread pointer's block (usr/src/lib/libc/inc/thr_uberdata.h: FS
 * points at the thread's ulwp_t, ul_self first; the executable's TLS lies
 * below it, variant II), what the program's entry finds, errno
 * (usr/src/lib/libc/port/gen/errno.c ___errno: the calling thread's),
 * exit with its atexit handlers newest first (usr/src/lib/libc/port/gen/
 * atexit.c), and environ.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/libcall.h"
#include "core/thread.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"
#include "loader/link.h"
#include "syscalls/bsd/proc.h"

char **illumos_environ;

void illumos_init_tcb(uint64_t tp, uint64_t dtv)
{
	(void)dtv;	      /* ld.so.1 keeps its own; the shims need none */
	*(uint64_t *)tp = tp; /* ul_self */
}

/* argc at RSP (libs/illumos/stack.c).  illumos's entry would also find an
 * atexit function in RDX: exit() runs the finalisers itself instead. */
void illumos_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp)
{
	(void)fini;
	*argc = *(const uint64_t *)e->rsp;
	*argv = e->rsp + 8;
	*envp = *argv + 8 * (*argc + 1);
	if (!*(char ***)illumos_environ_at)
		*(char ***)illumos_environ_at = (char **)*envp;
}

long illumos_libc____errno(struct xeno_thread *t)
{
	return (long)&t->lib_errno;
}

/* ---- the atexit list ---- */

#define MAX_ATEXIT 64 /* POSIX's ATEXIT_MAX minimum is 32 */

static uint64_t handlers[MAX_ATEXIT];
static unsigned nhandlers;
static int handlers_lock; /* a spinlock: NOTLS handlers cannot use glibc's */

static void lock(void)
{
	while (__atomic_exchange_n(&handlers_lock, 1, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
}

static void unlock(void)
{
	__atomic_store_n(&handlers_lock, 0, __ATOMIC_RELEASE);
}

long illumos_libc_atexit(struct xeno_thread *t, uint64_t func)
{
	(void)t;
	lock();
	long r = nhandlers < MAX_ATEXIT ? 0 : -ENOMEM;
	if (!r)
		handlers[nhandlers++] = func;
	unlock();
	return r;
}

static uint64_t next_handler(void)
{
	lock();
	uint64_t f = nhandlers ? handlers[--nhandlers] : 0;
	unlock();
	return f;
}

/* exit: the atexit handlers, then the linked set's finalisers, then _exit. */
long illumos_libc_exit(struct xeno_thread *t, int status)
{
	for (uint64_t f; (f = next_handler()) != 0 || (f = xeno_link_next_fini()) != 0;) {
		struct xeno_guest_call gc = {.fn = f};
		xeno_guest_call(&gc);
	}
	xeno_host_tls(t);
	return bsd_sys_exit(t, status);
}

/* ---- memory from the C heap: Go asks for its semaphores there ---- */

long illumos_libc_malloc(struct xeno_thread *t, size_t size)
{
	(void)t;
	void *p = malloc(size ? size : 1);
	return p ? (long)p : -ENOMEM;
}

long illumos_libc_calloc(struct xeno_thread *t, size_t n, size_t size)
{
	(void)t;
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? (long)p : -ENOMEM;
}

long illumos_libc_realloc(struct xeno_thread *t, uint64_t old, size_t size)
{
	(void)t;
	void *p = realloc((void *)old, size ? size : 1);
	return p ? (long)p : -ENOMEM;
}

long illumos_libc_free(struct xeno_thread *t, uint64_t p)
{
	(void)t;
	free((void *)p);
	return 0;
}
