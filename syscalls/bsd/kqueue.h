/*
 * kqueue and kevent, written once for the BSD personalities, on top of
 * Linux epoll (with an eventfd, timerfds and pidfds where epoll alone has
 * nothing to wait on).  The engine works on the neutral struct kq_kevent
 * (abi/bsd/kevent.h); each personality hands it a struct kq_codec for its
 * own struct kevent layout.  The model is FreeBSD's sys/kern/kern_event.c:
 * kqueue_register for changes, kqueue_scan for events; where epoll makes
 * it behave differently the comment at that place says so.
 */
#ifndef XENO_SYSCALLS_BSD_KQUEUE_H
#define XENO_SYSCALLS_BSD_KQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/bsd/kevent.h"

/* A new kqueue (host_flags: 0 or EPOLL_CLOEXEC): its descriptor, or -errno. */
long kq_create(int host_flags);
/* kqueue1/kqueuex: a new kqueue with the OS's creation flags (set s),
 * EINVAL for a flag it does not have. */
long kq_create_flags(const struct xeno_flagset *s, int flags);

/*
 * kevent(2).  changelist and eventlist are guest addresses of arrays in
 * the codec's layout, timeout the guest address of a struct timespec (two
 * 64-bit words on every BSD for amd64) or 0 to wait for ever.  The number
 * of events written, or -errno (host).  A wait interrupted by a signal is
 * -EINTR: kevent is never restarted.
 */
long kq_kevent(int kqfd, uint64_t changelist, int nchanges, uint64_t eventlist, int nevents,
	       uint64_t timeout, const struct kq_codec *codec);

/*
 * A guest descriptor is about to be closed (close, dup2 over it, closefrom
 * ...).  FreeBSD removes the knotes of a closed descriptor from every
 * kqueue (knote_fdclose); epoll would forget a registration only once the
 * last reference to the file is gone.  If fd is a kqueue, its state goes.
 * Call it before the descriptor is closed.  Cheap when no kqueue exists.
 */
void xeno_kqueue_fd_closed(int fd);
/* Whether a kqueue is fd or watches it: if not, its close has no knotes
 * to drop (and needs none of glibc's thread state, syscalls/bsd/fs_fd.c).
 * Lock-free. */
bool xeno_kqueue_fd_watched(int fd);
/* Around fork(): the registry held across it; in the child every kqueue is
 * gone (FreeBSD does not pass them on). */
/* The same for every descriptor in [lo, hi] (close_range, closefrom). */
void xeno_kqueue_fds_closed(unsigned lo, unsigned hi);

#endif
