/* The OpenBSD trap table's handlers (syscalls/openbsd/syscalls.master): the
 * personality and its shims live in libs/openbsd/. */
#ifndef XENO_SYSCALLS_OPENBSD_H
#define XENO_SYSCALLS_OPENBSD_H

#include "libs/openbsd/openbsd.h"

#endif
