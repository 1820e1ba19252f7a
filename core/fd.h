/*
 * Descriptors xeno keeps for itself (the trace file, the compat root, a
 * kqueue's wake-up eventfd, …) live at the top of the descriptor space,
 * close-on-exec, out of the guest's way.  The guest must not be able to
 * name them: handlers refuse such a descriptor with EBADF, as if it were
 * not open, and never hand the guest one at or above its own limit.
 *
 * The guest's RLIMIT_NOFILE is a view of the host's: its hard limit is the
 * host's less the room kept for xeno (xeno_fd_reserved_below), its soft
 * limit the one it started with or last set.  xeno raises the host's soft
 * limit to make that room above the guest's; where the hard limit leaves
 * none (ulimit -n N sets both), the room comes out of the guest's: under a
 * limit of N it has N less an eighth of N (at least XENO_FDS_MIN, at most
 * XENO_FDS), and getrlimit says so.  If xeno needs more than its room, its
 * descriptors take free ones below it, which the guest cannot name either.
 */
#ifndef XENO_CORE_FD_H
#define XENO_CORE_FD_H

#include <stdbool.h>
#include <stddef.h>
#define XENO_FDS     32 /* descriptors kept for xeno itself, at most */
#define XENO_FDS_MIN 4	/* and at least: N = 20 leaves the guest 16 */

/* Raises the process's soft RLIMIT_NOFILE so that xeno has room above the
 * guest's descriptors; the guest goes on seeing the limit it started with. */
void xeno_fd_init(void);
/* How many descriptors below a host limit of `limit` xeno keeps: an eighth
 * of it, no fewer than XENO_FDS_MIN nor more than XENO_FDS, and never so
 * many that fewer than 3 stay the guest's. */
unsigned long xeno_fd_reserved_below(unsigned long limit);
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
/* Sets them (cur <= max): the host's become the limits that leave the guest
 * max and cur with xeno's room above them.  0 or -errno (EPERM when the hard
 * limit would rise without the privilege to). */
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
