/*
 * The FreeBSD personality's own handlers; the shared ones are declared in
 * syscalls/bsd/bsd.h.  Group prototypes by the file that defines them.
 */
#ifndef XENO_SYSCALLS_FREEBSD_H
#define XENO_SYSCALLS_FREEBSD_H

#include <stddef.h>
#include <stdint.h>

#include "core/personality.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_personality freebsd_personality;
extern const struct xeno_sysent freebsd_sysent[];
extern const unsigned freebsd_nsysent;

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

/* ---- system (syscalls/freebsd/sysctl.c, sysarch.c, cpuset.c) ---- */

#endif
