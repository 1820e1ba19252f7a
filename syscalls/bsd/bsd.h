/*
 * System call handlers the BSD personalities share.  They take their
 * per-OS facts (flag tables, struct layouts) from t->os->bsd.
 */
#ifndef XENO_SYSCALLS_BSD_H
#define XENO_SYSCALLS_BSD_H

#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

struct xeno_thread;
struct xeno_trap;

/* The BSD system call convention on amd64 (FreeBSD and NetBSD alike):
 * number in RAX, syscall(0) and __syscall(198) pass it in RDI; errors set
 * the carry flag with a positive errno in RAX. */
void bsd_decode_trap(const greg_t *g, struct xeno_trap *trap);
void bsd_set_result(struct xeno_thread *t, greg_t *g, long ret);

/* proc.c */
long bsd_sys_exit(struct xeno_thread *t, int rval);
long bsd_sys_getpid(struct xeno_thread *t);

/* io.c */
long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_close(struct xeno_thread *t, int fd);

#endif
