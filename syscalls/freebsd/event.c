/*
 * FreeBSD's kqueuex and its two kevent calls (sys/kern/kern_event.c): the
 * engine (syscalls/bsd/kqueue.c) with FreeBSD's flags and struct kevent
 * layouts (abi/freebsd/event.c).
 */
#include <errno.h>

#include "abi/freebsd/event.h"
#include "syscalls/bsd/kqueue.h"
#include "syscalls/freebsd/freebsd.h"

long freebsd_sys_kqueuex(struct xeno_thread *t, int flags)
{
	(void)t;
	return kq_create_flags(&freebsd_kqueuex_flags, flags);
}

long freebsd_sys_kevent(struct xeno_thread *t, int fd, uint64_t changelist, int nchanges,
			uint64_t eventlist, int nevents, uint64_t timeout)
{
	(void)t;
	return kq_kevent(fd, changelist, nchanges, eventlist, nevents, timeout,
			 &freebsd_kevent_codec);
}

long freebsd_sys_freebsd11_kevent(struct xeno_thread *t, int fd, uint64_t changelist, int nchanges,
				  uint64_t eventlist, int nevents, uint64_t timeout)
{
	(void)t;
	return kq_kevent(fd, changelist, nchanges, eventlist, nevents, timeout,
			 &freebsd11_kevent_codec);
}
