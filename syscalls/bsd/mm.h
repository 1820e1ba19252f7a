/* Memory handlers shared by the BSD personalities (syscalls/bsd/mm.c). */
#ifndef XENO_SYSCALLS_BSD_MM_H
#define XENO_SYSCALLS_BSD_MM_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

#endif
