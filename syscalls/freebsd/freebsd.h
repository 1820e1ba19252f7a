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

/* ---- system (syscalls/freebsd/sysctl.c, sysarch.c, cpuset.c) ---- */

#endif
