/*
 * Whether a read or write of a guest descriptor can wait: on a pipe, a
 * socket, a terminal, a FIFO it can, for ever, and must then go through
 * the interruptible path (core/blocking.h), which costs two more host
 * calls; on a regular file, a directory or a block device it cannot.
 * The answer is remembered per descriptor (the first call asks the host
 * with fstat) until the descriptor is closed: the handlers that close
 * descriptors forget it.  A descriptor closed and reopened by another
 * thread while a call is on its way may get the old answer, which only
 * costs that call its interruptibility.  Safe on the guest's FS base.
 */
#ifndef XENO_CORE_FDKIND_H
#define XENO_CORE_FDKIND_H

#include <stdbool.h>

/* True unless fd is known to be a file whose reads and writes never wait. */
bool xeno_fd_may_wait(int fd);
/* fd (or every descriptor in [lo, hi]) was closed: forget what it was. */
void xeno_fd_forget(int fd);
void xeno_fd_forget_range(unsigned lo, unsigned hi);

#endif
