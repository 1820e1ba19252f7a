/*
 * xeno's own output: trace lines, the recording, its messages and the flight
 * recorder's report.  It often goes where the guest's goes (standard error,
 * `2>&1 | head -1`), or into a pipe of the user's.  A write into a pipe or
 * socket whose reader is gone fails with EPIPE, and the kernel then sends
 * the writing thread SIGPIPE — a signal the guest would take for its own:
 * it would die of it, or run its handler, whose trace line raises the next
 * one, and so on forever.  These writes take that signal back; the guest
 * gets a SIGPIPE only for its own writes, as on its own system.
 */
#ifndef XENO_CORE_OWNWRITE_H
#define XENO_CORE_OWNWRITE_H

#include <stdbool.h>
#include <stddef.h>

struct xeno_own_out {
	int fd;
	bool may_sigpipe; /* a pipe or a socket (or unknown): writes are guarded */
	bool broken;	  /* its reader is gone: nothing more is written */
};

/* An output on fd, whose kind decides whether its writes need guarding. */
void xeno_own_out_init(struct xeno_own_out *o, int fd);

/* Writes all of buf (again after EINTR and short writes): 0, or the -errno
 * of the write that failed.  After an EPIPE the output is broken, and each
 * later write returns -EPIPE at once: a reader that went away is not waited
 * for.  Uses no glibc state (errno), so any thread may call it. */
int xeno_own_write(struct xeno_own_out *o, const void *buf, size_t n);

/* One write to fd, for output that has no xeno_own_out (a message on
 * standard error, which the guest may have replaced meanwhile). */
int xeno_own_write_fd(int fd, const void *buf, size_t n);

#endif
