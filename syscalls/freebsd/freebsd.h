/*
 * The FreeBSD personality's own handlers; the shared ones are declared in
 * syscalls/bsd/bsd.h.  Group prototypes by the file that defines them.
 */
#ifndef XENO_SYSCALLS_FREEBSD_H
#define XENO_SYSCALLS_FREEBSD_H

#include <stddef.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/personality.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_personality freebsd_personality;
extern const struct xeno_sysent freebsd_sysent[];
extern const unsigned freebsd_nsysent;

/* ---- files (syscalls/freebsd/fs.c: stat and dirent forms) ---- */

/* ---- events (syscalls/freebsd/event.c) ---- */
long freebsd_sys_kqueuex(struct xeno_thread *t, int flags);
long freebsd_sys_kevent(struct xeno_thread *t, int fd, uint64_t changelist, int nchanges,
			uint64_t eventlist, int nevents, uint64_t timeout);
long freebsd_sys_freebsd11_kevent(struct xeno_thread *t, int fd, uint64_t changelist,
				  int nchanges, uint64_t eventlist, int nevents, uint64_t timeout);

/* ---- system (syscalls/freebsd/sysctl.c, sysarch.c, cpuset.c) ---- */

/* ---- signals (syscalls/freebsd/signal.c, sigframe.c) ---- */
struct xeno_sigaction;
long freebsd_sys_sigaction(struct xeno_thread *t, int sig, uint64_t act, uint64_t oact);
long freebsd_sys_sigprocmask(struct xeno_thread *t, int how, uint64_t set, uint64_t oset);
long freebsd_sys_sigaltstack(struct xeno_thread *t, uint64_t ss, uint64_t oss);
long freebsd_sys_sigpending(struct xeno_thread *t, uint64_t set);
long freebsd_sys_sigsuspend(struct xeno_thread *t, uint64_t sigmask);
long freebsd_sys_sigtimedwait(struct xeno_thread *t, uint64_t set, uint64_t info, uint64_t timeout);
long freebsd_sys_sigwaitinfo(struct xeno_thread *t, uint64_t set, uint64_t info);
long freebsd_sys_sigwait(struct xeno_thread *t, uint64_t set, uint64_t sig);
long freebsd_sys_sigreturn(struct xeno_thread *t, uint64_t sigcntxp);
long freebsd_sys_kill(struct xeno_thread *t, int pid, int signum);
long freebsd_sys_sigqueue(struct xeno_thread *t, int pid, int signum, uint64_t value);
long freebsd_sys_thr_kill(struct xeno_thread *t, long id, int sig);
long freebsd_sys_thr_kill2(struct xeno_thread *t, int pid, long id, int sig);
void freebsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask);

/* ---- threads (syscalls/freebsd/thread.c, umtx.c) ---- */
long freebsd_sys_thr_new(struct xeno_thread *t, uint64_t param, int param_size);
long freebsd_sys_thr_self(struct xeno_thread *t, uint64_t id);
long freebsd_sys_thr_exit(struct xeno_thread *t, uint64_t state);
long freebsd_sys_thr_suspend(struct xeno_thread *t, uint64_t timeout);
long freebsd_sys_thr_wake(struct xeno_thread *t, long id);
long freebsd_sys_thr_set_name(struct xeno_thread *t, long id, uint64_t name);
long freebsd_sys__umtx_op(struct xeno_thread *t, uint64_t obj, int op, unsigned long val,
			  uint64_t uaddr1, uint64_t uaddr2);

/* ---- time (abi/freebsd/clock.c) ---- */
/* A FreeBSD clock id as a host one, -1 if unknown. */
int freebsd_clock_to_host(int id);

#endif
