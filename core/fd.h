/*
 * Descriptors xeno keeps for itself (the trace file, …) live at the top of
 * the descriptor space, close-on-exec, out of the guest's way.  The guest
 * must not be able to name them: handlers refuse such a descriptor with
 * EBADF, as if it were not open, and never hand the guest one at or above
 * its own limit.
 * the descriptor space, close-on-exec, out of the guest's way.
 *
 * The guest's RLIMIT_NOFILE is a view of the host's: its hard limit is the
 * host's less XENO_FDS (that room stays xeno's), its soft limit the one it
 * started with or last set.  The host's soft limit stays high enough for
 * xeno's descriptors, so the guest's soft limit is reported, not enforced.
 */
#ifndef XENO_CORE_FD_H
#define XENO_CORE_FD_H

#include <stdbool.h>
#include <stddef.h>
#define XENO_FDS 32 /* descriptors reserved for xeno itself */

/* Raises the process's soft RLIMIT_NOFILE so that xeno has room above the
 * guest's descriptors; the guest goes on seeing the limit it started with. */
void xeno_fd_init(void);
/* Moves fd into xeno's range (close-on-exec): the new fd, or -errno. */
int xeno_fd_move_high(int fd);
/* The soft descriptor limit the guest sees. */
unsigned long xeno_fd_guest_limit(void);
/* True if fd is one of xeno's own (or lies in the range kept for them). */
bool xeno_fd_is_reserved(int fd);
/* Calls fn on each run of non-reserved descriptors within [lo, hi], in
 * order, and stops at the first non-zero result, which it returns. */
int xeno_fd_for_each_guest_run(unsigned lo, unsigned hi,
			       int (*fn)(unsigned lo, unsigned hi, void *arg), void *arg);
/* A descriptor the host just gave the guest: fd itself, or -EMFILE (after
 * closing it) if it lies at or above the guest's limit.  Negative fd (an
 * error) passes through. */
long xeno_fd_guest_new(long fd);
/* The guest's soft and hard limits (host units: RLIM_INFINITY is ~0): 0 or -errno. */
int xeno_fd_guest_limits(unsigned long *cur, unsigned long *max);
/* Sets them (cur <= max): the host's become max + XENO_FDS, and a soft limit
 * that still has XENO_FDS to spare above cur.  0 or -errno (EPERM when the
 * hard limit would rise without the privilege to). */
int xeno_fd_set_guest_limits(unsigned long cur, unsigned long max);

/* "/proc/self/fd/FD" into buf, without glibc's formatting (for handlers on
 * the guest's FS base): its length, 0 if it does not fit. */
size_t xeno_fd_proc_path(char *buf, size_t size, long fd);

/* Around execve: the new program starts with the guest's soft limit, as it
 * would have on the guest's own system, not the one xeno raised for its own
 * descriptors; after a failed execve xeno's is back. */
void xeno_fd_exec_begin(void);
void xeno_fd_exec_failed(void);

#endif
