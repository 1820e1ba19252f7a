/*
 * A dynamically linked FreeBSD program's start and end: what rtld hands
 * _start (lib/csu/amd64/crt1_s.S: _start(ap, cleanup)), __libc_start1
 * (lib/libc/csu/libc_start1.c), exit and the atexit list
 * (lib/libc/stdlib/exit.c, atexit.c: handlers run in the reverse of their
 * registration, rtld's cleanup — registered first — last), and the TCB
 * libthr lays out (lib/libthr/arch/amd64/include/pthread_md.h: tcb_self,
 * tcb_dtv, tcb_thread).
 */
#include <errno.h>
#include <string.h>

#include "abi/freebsd/signal.h"
#include "core/forklock.h"
#include "core/libcall.h"
#include "core/thread.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"
#include "loader/link.h"

char **freebsd_environ;
const char *freebsd_progname = "";

uint64_t freebsd_tcb_thread(void); /* libs/freebsd/thr.c */

void freebsd_init_tcb(uint64_t tp, uint64_t dtv)
{
	uint64_t *tcb = (uint64_t *)tp;
	tcb[0] = tp;		       /* tcb_self */
	tcb[1] = dtv;		       /* tcb_dtv */
	tcb[2] = freebsd_tcb_thread(); /* tcb_thread: libthr's record of the thread */
}

/* FreeBSD's exec_setregs points RDI at argc; rtld calls _start(ap, cleanup). */
void freebsd_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp)
{
	e->rsi = fini;
	*argc = *(const uint64_t *)e->rdi;
	*argv = e->rdi + 8;
	*envp = *argv + 8 * (*argc + 1);
}

/* ---- the atexit list ---- */

#define MAX_ATEXIT 1024

static struct handler {
	uint64_t fn, arg, dso;
	bool with_arg;
} handlers[MAX_ATEXIT];
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

static void unlock_after_fork(bool child)
{
	(void)child;
	unlock();
}

XENO_FORK_LOCK(atexit_list, 30, lock, unlock_after_fork);

static long add_handler(struct handler h)
{
	lock();
	long r = nhandlers < MAX_ATEXIT ? 0 : -ENOMEM;
	if (!r)
		handlers[nhandlers++] = h;
	unlock();
	return r;
}

long freebsd_libc_atexit(struct xeno_thread *t, uint64_t func)
{
	(void)t;
	return add_handler((struct handler){.fn = func});
}

long freebsd_libc___cxa_atexit(struct xeno_thread *t, uint64_t func, uint64_t arg, uint64_t dso)
{
	(void)t;
	return add_handler((struct handler){.fn = func, .arg = arg, .dso = dso, .with_arg = true});
}

/* Runs the handlers registered for dso (0: all), newest first, each once. */
long freebsd_libc___cxa_finalize(struct xeno_thread *t, uint64_t dso)
{
	(void)t;
	for (;;) {
		struct handler h = {0};
		lock();
		for (unsigned i = nhandlers; i-- > 0;)
			if (handlers[i].fn && (!dso || handlers[i].dso == dso)) {
				h = handlers[i];
				handlers[i].fn = 0;
				break;
			}
		unlock();
		if (!h.fn)
			return 0;
		struct xeno_guest_call gc = {.fn = h.fn, .args = {h.arg}};
		xeno_guest_call(&gc);
	}
}

long freebsd_libc___xeno_rtld_exit(struct xeno_thread *t)
{
	(void)t;
	for (uint64_t f; (f = xeno_link_next_fini()) != 0;) {
		struct xeno_guest_call gc = {.fn = f};
		xeno_guest_call(&gc);
	}
	return 0;
}

long freebsd_libc_exit(struct xeno_thread *t, int status)
{
	freebsd_libc___cxa_finalize(t, 0);
	xeno_host_tls(t);
	return bsd_sys_exit(t, status);
}

/* lib/libc/stdlib/abort.c: SIGABRT unblocked and raised; if a handler
 * returns, raised again with the default action.  A raised signal is
 * delivered on the way out of the call (core/libgate.S), which then calls
 * abort again: the thread's record counts how far it got. */
long freebsd_libc_abort(struct xeno_thread *t)
{
	struct fbsd_pthread *self = freebsd_self(t);
	int step = self ? self->aborting++ : 1;
	struct bsd_sigset abrt = {{1u << (BSD_SIGABRT - 1)}};
	if (step == 1) {
		struct freebsd_sigaction dfl = {.handler = 0};
		bsd_sys_sigaction(t, BSD_SIGABRT, (uint64_t)&dfl, 0);
	}
	if (step > 1)
		return bsd_sys_exit(t, 128 + BSD_SIGABRT);
	bsd_sys_sigprocmask(t, BSD_SIG_UNBLOCK, (uint64_t)&abrt, 0);
	freebsd_sys_thr_kill(t, t->tid, BSD_SIGABRT);
	return -XENO_ERESTART;
}

/* ---- the start ---- */

long freebsd_libc___libc_start1(struct xeno_thread *t, int argc, uint64_t argv, uint64_t env,
				uint64_t cleanup, uint64_t mainf)
{
	char ***environ = (char ***)freebsd_environ_at;
	if (!*environ)
		*environ = (char **)env;
	const char *arg0 = argc > 0 ? ((const char **)argv)[0] : NULL;
	if (arg0) {
		const char *slash = strrchr(arg0, '/');
		*(const char **)freebsd_progname_at = slash ? slash + 1 : arg0;
	}
	if (cleanup)
		freebsd_libc_atexit(t, cleanup);
	struct xeno_guest_call gc = {.fn = mainf, .args = {(uint64_t)argc, argv, env}};
	int status = (int)xeno_guest_call(&gc);
	return freebsd_libc_exit(t, status);
}

long freebsd_libc___error(struct xeno_thread *t)
{
	return (long)&t->lib_errno;
}
