/*
 * NetBSD struct kevent <-> the engine's neutral form (abi/bsd/kevent.h),
 * through the shared codec (abi/bsd/kevent.c) with NetBSD's numbering.
 * Values: sys/sys/event.h; what kevent1() does with a change's flags
 * (EV_SYSFLAGS cleared): sys/kern/kern_event.c.
 */
#include "abi/netbsd/event.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/epoll.h>

#include "abi/netbsd/errno.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/signal.h"

#define FILTER(name) XENO_ENUM("EVFILT_" #name, NETBSD_EVFILT_##name, KQ_FILTER_##name)

static const struct xeno_flag filters[] = {
    FILTER(READ),   FILTER(WRITE), FILTER(AIO), FILTER(VNODE), FILTER(PROC),
    FILTER(SIGNAL), FILTER(TIMER), FILTER(FS),	FILTER(USER),
};
const struct xeno_flagset netbsd_kevent_filters = XENO_FLAGSET("kevfilter", filters, 1);

/* kqueue1: O_NONBLOCK is kept by the host's epoll descriptor; O_NOSIGPIPE
 * means nothing for a kqueue. */
static const struct xeno_flag kqueue1[] = {
    XENO_FLAG("O_CLOEXEC", NETBSD_O_CLOEXEC, EPOLL_CLOEXEC),
    XENO_FLAG("O_NONBLOCK", 0x0004, O_NONBLOCK),
    XENO_FLAG_FOREIGN("O_NOSIGPIPE", NETBSD_O_NOSIGPIPE),
};
const struct xeno_flagset netbsd_kqueue1_flags = XENO_FLAGSET("kqueue1", kqueue1, 0);

const struct bsd_kevent_facts netbsd_kevent_facts = {
    .filters = &netbsd_kevent_filters,
    .flags = &bsd_kevent_flags,
    .sysflags = NETBSD_EV_SYSFLAGS,
    .zero_filter_skipped = 0, /* 0 is EVFILT_READ */
    .note_rw = &bsd_note_rw_flags,
    .note_timer = &bsd_note_timer_ms_flags, /* data counts milliseconds */
    .note_proc = &bsd_note_proc_flags,
    .note_user = &bsd_note_user_flags,
    .user_fflagsmask = BSD_NOTE_FFLAGSMASK,
    .errno_from_host = netbsd_errno_from_host,
    .signal_from_host = netbsd_signal_from_host,
};

static int to_host(const void *p, struct kq_kevent *kev)
{
	const struct netbsd_kevent *n = p;
	struct bsd_kevent_fields c = {n->ident, n->filter, n->flags, n->fflags, n->data, n->udata};
	return bsd_kevent_to_host(&netbsd_kevent_facts, &c, kev);
}

static int from_host(const struct kq_kevent *kev, void *p)
{
	struct bsd_kevent_fields c;
	int err = bsd_kevent_from_host(&netbsd_kevent_facts, kev, &c);
	if (err)
		return err;
	*(struct netbsd_kevent *)p = (struct netbsd_kevent){
	    c.ident, (uint32_t)c.filter, c.flags, c.fflags, 0, c.data, c.udata};
	return 0;
}

static void set_error(void *p, int host_errno)
{
	struct netbsd_kevent *n = p;
	n->flags = BSD_EV_ERROR;
	n->data = bsd_kevent_error_data(&netbsd_kevent_facts, host_errno);
}

const struct kq_codec netbsd_kevent_codec = {
    sizeof(struct netbsd_kevent),
    to_host,
    from_host,
    set_error,
};
