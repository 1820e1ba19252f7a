/*
 * FreeBSD's signal functions of libc that are not system calls: raise
 * (lib/libc/gen/raise.c: the calling thread), signal (gen/signal.c: a
 * handler with SA_RESTART) and the sigset operations (gen/sigsetops.c,
 * over FreeBSD's 128-bit sigset_t).
 */
#include <errno.h>

#include "abi/freebsd/signal.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "libs/freebsd/freebsd.h"

long freebsd_libc_raise(struct xeno_thread *t, int sig)
{
	return freebsd_sys_thr_kill(t, t->tid, sig);
}

/* SIG_ERR, ((void (*)(int))-1), with errno set. */
long freebsd_libc_signal(struct xeno_thread *t, int sig, uint64_t handler)
{
	struct freebsd_sigaction sa = {.handler = handler, .flags = BSD_SA_RESTART}, old;
	long r = bsd_sys_sigaction(t, sig, (uint64_t)&sa, (uint64_t)&old);
	if (r < 0) {
		t->lib_errno = t->os->errno_from_host((int)-r);
		return -1;
	}
	return (long)old.handler;
}

static long set_all(uint64_t set, uint32_t word)
{
	struct bsd_sigset s = {{word, word, word, word}};
	return xeno_copy_out(set, &s, sizeof s) < 0 ? -EFAULT : 0;
}

long freebsd_libc_sigemptyset(struct xeno_thread *t, uint64_t set)
{
	(void)t;
	return set_all(set, 0);
}

long freebsd_libc_sigfillset(struct xeno_thread *t, uint64_t set)
{
	(void)t;
	return set_all(set, ~0u);
}

/* The word of signo in a sigset at set, through op: 0 (clear), 1 (set),
 * 2 (ask); the answer or -errno. */
static long signal_bit(uint64_t set, int signo, int op)
{
	if (signo <= 0 || signo > FREEBSD_NSIG)
		return -EINVAL;
	unsigned w = (unsigned)(signo - 1) / 32;
	uint32_t bit = 1u << ((unsigned)(signo - 1) % 32), word;
	uint64_t at = set + w * sizeof word;
	if (xeno_copy_in(&word, at, sizeof word) < 0)
		return -EFAULT;
	if (op == 2)
		return (word & bit) != 0;
	word = op ? word | bit : word & ~bit;
	return xeno_copy_out(at, &word, sizeof word) < 0 ? -EFAULT : 0;
}

long freebsd_libc_sigaddset(struct xeno_thread *t, uint64_t set, int signo)
{
	(void)t;
	return signal_bit(set, signo, 1);
}

long freebsd_libc_sigdelset(struct xeno_thread *t, uint64_t set, int signo)
{
	(void)t;
	return signal_bit(set, signo, 0);
}

long freebsd_libc_sigismember(struct xeno_thread *t, uint64_t set, int signo)
{
	(void)t;
	return signal_bit(set, signo, 2);
}

/* gen/pause.c: sigsuspend with the mask as it is; always EINTR. */
long freebsd_libc_pause(struct xeno_thread *t)
{
	struct bsd_sigset now;
	long r = bsd_sys_sigprocmask(t, BSD_SIG_BLOCK, 0, (uint64_t)&now);
	return r < 0 ? r : bsd_sys_sigsuspend(t, (uint64_t)&now);
}
