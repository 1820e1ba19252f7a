/* Signal handlers shared by the BSD personalities (syscalls/bsd/signal.c). */
#ifndef XENO_SYSCALLS_BSD_SIGNAL_H
#define XENO_SYSCALLS_BSD_SIGNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

struct xeno_thread;
struct bsd_sigset;

long bsd_sys_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact);
long bsd_sys_sigprocmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset);
long bsd_sys_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss);
long bsd_sys_sigpending(struct xeno_thread *t, uint64_t set);
long bsd_sys_sigsuspend(struct xeno_thread *t, uint64_t sigmask);
long bsd_sys_sigtimedwait(struct xeno_thread *t, uint64_t set, uint64_t info, uint64_t timeout);
long bsd_sys_sigwaitinfo(struct xeno_thread *t, uint64_t set, uint64_t info);
long bsd_sys_sigwait(struct xeno_thread *t, uint64_t set, uint64_t sig);
long bsd_sys_kill(struct xeno_thread *t, int pid, int signum);
long bsd_sys_sigqueue(struct xeno_thread *t, int pid, int signum, uint64_t value);

/* A foreign signal number of the calling thread's OS, 0..its largest, as a
 * host one (0 for none): 0, or -EINVAL for one the OS or the host lacks. */
int bsd_signal_in(const struct xeno_thread *t, int sig, int *host);
/* Where a signal frame goes (FreeBSD sendsig, NetBSD sendsig_siginfo):
 * the top of the alternate stack when the handler asks for it, it is set
 * up and not in use, else below the red zone of the interrupted stack
 * pointer sp; *on_alt says whether sp was on the alternate stack already. */
struct xeno_sigaction;
uint64_t bsd_signal_frame_top(const struct xeno_thread *t, const struct xeno_sigaction *act,
			      uint64_t sp, bool *on_alt);
/* A foreign signal set as the host's. */
void bsd_sigset_in(const struct xeno_thread *t, const struct bsd_sigset *set, sigset_t *host);

#endif
