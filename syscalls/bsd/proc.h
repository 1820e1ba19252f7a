/* Process, resource and time handlers shared by the BSD personalities
 * (syscalls/bsd/proc.c, time.c). */
#ifndef XENO_SYSCALLS_BSD_PROC_H
#define XENO_SYSCALLS_BSD_PROC_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

long bsd_sys_exit(struct xeno_thread *t, int rval);
long bsd_sys_getpid(struct xeno_thread *t);

#endif
