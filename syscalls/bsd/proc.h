/* Process, resource and time handlers shared by the BSD personalities
 * (syscalls/bsd/proc.c, resource.c, time.c). */
#ifndef XENO_SYSCALLS_BSD_PROC_H
#define XENO_SYSCALLS_BSD_PROC_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

/* proc.c */
long bsd_sys_exit(struct xeno_thread *t, int rval);
long bsd_sys_getpid(struct xeno_thread *t);
long bsd_sys_getppid(struct xeno_thread *t);
long bsd_sys_getuid(struct xeno_thread *t);
long bsd_sys_geteuid(struct xeno_thread *t);
long bsd_sys_getgid(struct xeno_thread *t);
long bsd_sys_getegid(struct xeno_thread *t);
long bsd_sys_getresuid(struct xeno_thread *t, uint64_t ruid, uint64_t euid, uint64_t suid);
long bsd_sys_getresgid(struct xeno_thread *t, uint64_t rgid, uint64_t egid, uint64_t sgid);
long bsd_sys_getgroups(struct xeno_thread *t, unsigned int gidsetsize, uint64_t gidset);
long bsd_sys_setuid(struct xeno_thread *t, unsigned int uid);
long bsd_sys_setgid(struct xeno_thread *t, unsigned int gid);
long bsd_sys_setgroups(struct xeno_thread *t, int gidsetsize, uint64_t gidset);
long bsd_sys_issetugid(struct xeno_thread *t);
long bsd_sys_getpgrp(struct xeno_thread *t);
long bsd_sys_getpgid(struct xeno_thread *t, int pid);
long bsd_sys_getsid(struct xeno_thread *t, int pid);
long bsd_sys_setsid(struct xeno_thread *t);
long bsd_sys_setpgid(struct xeno_thread *t, int pid, int pgid);
long bsd_sys_getlogin(struct xeno_thread *t, uint64_t namebuf, unsigned int namelen);

/* resource.c */
long bsd_sys_getrlimit(struct xeno_thread *t, int which, uint64_t rlp);
long bsd_sys_setrlimit(struct xeno_thread *t, int which, uint64_t rlp);
long bsd_sys_getrusage(struct xeno_thread *t, int who, uint64_t rusage);
long bsd_sys_getpriority(struct xeno_thread *t, int which, int who);
long bsd_sys_setpriority(struct xeno_thread *t, int which, int who, int prio);

/* time.c */
long bsd_sys_clock_gettime(struct xeno_thread *t, int clock_id, uint64_t tp);
long bsd_sys_clock_getres(struct xeno_thread *t, int clock_id, uint64_t tp);
long bsd_sys_clock_nanosleep(struct xeno_thread *t, int clock_id, int flags, uint64_t rqtp,
			     uint64_t rmtp);
long bsd_sys_nanosleep(struct xeno_thread *t, uint64_t rqtp, uint64_t rmtp);
long bsd_sys_gettimeofday(struct xeno_thread *t, uint64_t tp, uint64_t tzp);
long bsd_sys_setitimer(struct xeno_thread *t, int which, uint64_t itv, uint64_t oitv);
long bsd_sys_getitimer(struct xeno_thread *t, int which, uint64_t itv);
struct bsd_timeval;
/* Reads a struct timeval of the calling thread's OS (NetBSD's tv_usec is
 * an int followed by padding): 0 or -EFAULT. */
long bsd_copy_in_timeval(struct xeno_thread *t, uint64_t addr, struct bsd_timeval *tv);
long bsd_sys_sched_yield(struct xeno_thread *t);
long bsd_sys_sched_getcpu(struct xeno_thread *t);
long bsd_sys_getrandom(struct xeno_thread *t, uint64_t buf, size_t buflen, int flags);

/* process.c */
long bsd_sys_fork(struct xeno_thread *t);
long bsd_sys_vfork(struct xeno_thread *t);
long bsd_sys_execve(struct xeno_thread *t, uint64_t fname, uint64_t argv, uint64_t envv);
long bsd_sys_wait4(struct xeno_thread *t, int pid, uint64_t status, int options, uint64_t rusage);
/* A Linux wait status in the guest's terms (its signal numbers). */
int bsd_wait_status_from_host(const struct xeno_thread *t, int status);
void bsd_free_vector(char **v);

#endif
