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
	uint64_t host;
	(void)t;
	if (xeno_flags_to_host(&netbsd_kqueue1_flags, (uint32_t)flags, &host) < 0)
		return -EINVAL;
	return kq_create((int)host);
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
