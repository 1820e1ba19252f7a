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

/* ---- memory (syscalls/freebsd/compat.c: calls kept for old binaries) ---- */
long freebsd_sys_freebsd6_mmap(struct xeno_thread *t, uint64_t addr, size_t len, int prot,
			       int flags, int fd, int pad, int64_t pos);

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

#endif
