/* Memory handlers shared by the BSD personalities (syscalls/bsd/mm.c). */
#ifndef XENO_SYSCALLS_BSD_MM_H
#define XENO_SYSCALLS_BSD_MM_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

long bsd_sys_mmap(struct xeno_thread *t, uint64_t addr, size_t len, int prot, int flags, int fd,
		  int64_t pos);
long bsd_sys_munmap(struct xeno_thread *t, uint64_t addr, size_t len);
long bsd_sys_mprotect(struct xeno_thread *t, uint64_t addr, size_t len, int prot);
long bsd_sys_madvise(struct xeno_thread *t, uint64_t addr, size_t len, int behav);
long bsd_sys_msync(struct xeno_thread *t, uint64_t addr, size_t len, int flags);
long bsd_sys_minherit(struct xeno_thread *t, uint64_t addr, size_t len, int inherit);
long bsd_sys_mlock(struct xeno_thread *t, uint64_t addr, size_t len);
long bsd_sys_munlock(struct xeno_thread *t, uint64_t addr, size_t len);
long bsd_sys_mincore(struct xeno_thread *t, uint64_t addr, size_t len, uint64_t vec);

#endif
