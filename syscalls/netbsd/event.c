/*
 * NetBSD's kqueue1 and __kevent50 (sys/kern/kern_event.c): the engine
 * (syscalls/bsd/kqueue.c) with NetBSD's flags and its 40-byte struct
 * kevent (abi/netbsd/event.c).
 */
#include <errno.h>
#include <limits.h>

#include "abi/netbsd/event.h"
#include "syscalls/bsd/kqueue.h"
#include "syscalls/netbsd/netbsd.h"

long netbsd_sys_kqueue1(struct xeno_thread *t, int flags)
{
	(void)t;
	return kq_create_flags(&netbsd_kqueue1_flags, flags);
}

/* nchanges and nevents are size_t: more than an int holds is EINVAL. */
long netbsd_sys___kevent50(struct xeno_thread *t, int fd, uint64_t changelist, size_t nchanges,
			   uint64_t eventlist, size_t nevents, uint64_t timeout)
{
	(void)t;
	if (nchanges > INT_MAX || nevents > INT_MAX)
		return -EINVAL;
	return kq_kevent(fd, changelist, (int)nchanges, eventlist, (int)nevents, timeout,
			 &netbsd_kevent_codec);
}
