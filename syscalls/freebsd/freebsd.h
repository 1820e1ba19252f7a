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
extern const struct xeno_syscall freebsd_syscalls[];
extern const struct xeno_sysent freebsd_sysent[];
extern const struct xeno_calltable freebsd_systable;

/* ---- the process (syscalls/freebsd/stack.c) ---- */
/* Maps and fills a FreeBSD process's initial stack: 0 or -errno. */
int freebsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry);

/* ---- files (syscalls/freebsd/fs.c: stat and dirent forms) ---- */
long freebsd_sys_freebsd11_fstat(struct xeno_thread *t, int fd, uint64_t sb);
long freebsd_sys_freebsd11_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf,
				   int flag);
long freebsd_sys_freebsd11_getdirentries(struct xeno_thread *t, int fd, uint64_t buf,
					 unsigned int count, uint64_t basep);
long freebsd_sys_freebsd11_lstat(struct xeno_thread *t, uint64_t path, uint64_t ub);
long freebsd_sys_freebsd11_stat(struct xeno_thread *t, uint64_t path, uint64_t ub);
long freebsd_sys_fstat(struct xeno_thread *t, int fd, uint64_t sb);
long freebsd_sys_fstatat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, int flag);
long freebsd_sys_getdirentries(struct xeno_thread *t, int fd, uint64_t buf, size_t count,
			       uint64_t basep);

/* ---- events (syscalls/freebsd/event.c) ---- */
long freebsd_sys_kqueuex(struct xeno_thread *t, int flags);
long freebsd_sys_kevent(struct xeno_thread *t, int fd, uint64_t changelist, int nchanges,
			uint64_t eventlist, int nevents, uint64_t timeout);
long freebsd_sys_freebsd11_kevent(struct xeno_thread *t, int fd, uint64_t changelist, int nchanges,
				  uint64_t eventlist, int nevents, uint64_t timeout);

/* ---- system (syscalls/freebsd/sysctl.c, sysarch.c, cpuset.c) ---- */
long freebsd_sys___sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen, uint64_t old,
			  uint64_t oldlenp, uint64_t new, size_t newlen);
long freebsd_sys___sysctlbyname(struct xeno_thread *t, uint64_t name, size_t namelen, uint64_t old,
				uint64_t oldlenp, uint64_t new, size_t newlen);
long freebsd_sys_sysarch(struct xeno_thread *t, int op, uint64_t parms);
long freebsd_sys_cpuset_getid(struct xeno_thread *t, int level, int which, long id, uint64_t setid);
long freebsd_sys_cpuset_getaffinity(struct xeno_thread *t, int level, int which, long id,
				    size_t cpusetsize, uint64_t mask);
long freebsd_sys_cpuset_setaffinity(struct xeno_thread *t, int level, int which, long id,
				    size_t cpusetsize, uint64_t mask);
/* Bytes a CPU set needs to hold every CPU of the host (kern.sched.cpusetsizemin). */
size_t freebsd_cpuset_min_bytes(void);
/* Parses a Linux CPU list ("0-3,8\n", /sys/devices/system/cpu/online) into a
 * bit mask of `bytes` bytes: the number of CPUs set, or -EINVAL. */
int xeno_cpulist_parse(const char *list, uint8_t *mask, size_t bytes);

/* ---- signals (syscalls/freebsd/signal.c, sigframe.c) ---- */
struct xeno_sigaction;
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

/* ---- processes (syscalls/freebsd/proc.c) ---- */
long freebsd_sys_wait6(struct xeno_thread *t, int idtype, long id, uint64_t status, int options,
		       uint64_t wrusage, uint64_t info);

#endif
