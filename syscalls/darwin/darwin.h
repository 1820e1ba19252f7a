/* The macOS trap table's handlers (syscalls/darwin/syscalls.master): the
 * personality and its shims live in libs/darwin/. */
#ifndef XENO_SYSCALLS_DARWIN_H
#define XENO_SYSCALLS_DARWIN_H

#include "libs/darwin/darwin.h"

#endif
