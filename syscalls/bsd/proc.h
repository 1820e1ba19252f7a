/* Process, resource and time handlers shared by the BSD personalities
 * (syscalls/bsd/proc.c, time.c). */
#ifndef XENO_SYSCALLS_BSD_PROC_H
#define XENO_SYSCALLS_BSD_PROC_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

long bsd_sys_exit(struct xeno_thread *t, int rval);
long bsd_sys_getpid(struct xeno_thread *t);

/* process.c */
long bsd_sys_fork(struct xeno_thread *t);
long bsd_sys_vfork(struct xeno_thread *t);
long bsd_sys_execve(struct xeno_thread *t, uint64_t fname, uint64_t argv, uint64_t envv);
long bsd_sys_wait4(struct xeno_thread *t, int pid, uint64_t status, int options, uint64_t rusage);
/* A Linux wait status in the guest's terms (its signal numbers). */
int bsd_wait_status_from_host(const struct xeno_thread *t, int status);
void bsd_free_vector(char **v);

#endif
