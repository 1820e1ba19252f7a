/* The FreeBSD personality's own handlers (the shared ones: syscalls/bsd/bsd.h). */
#ifndef XENO_SYSCALLS_FREEBSD_H
#define XENO_SYSCALLS_FREEBSD_H

#include "core/personality.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_personality freebsd_personality;
extern const struct xeno_sysent freebsd_sysent[];
extern const unsigned freebsd_nsysent;

#endif
