/* The illumos trap table's handlers (syscalls/illumos/syscalls.master): the
 * personality and its shims live in libs/illumos/. */
#ifndef XENO_SYSCALLS_ILLUMOS_H
#define XENO_SYSCALLS_ILLUMOS_H

#include "libs/illumos/illumos.h"

#endif
