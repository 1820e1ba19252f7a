/* File-system handlers shared by the BSD personalities (syscalls/bsd/fs*.c). */
#ifndef XENO_SYSCALLS_BSD_FS_H
#define XENO_SYSCALLS_BSD_FS_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_close(struct xeno_thread *t, int fd);

#endif
