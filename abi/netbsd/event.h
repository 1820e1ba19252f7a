/*
 * NetBSD kqueue: filters and EV_SYSFLAGS (sys/sys/event.h rev 1.45; the
 * EV_* flags and NOTE_* filter flags are the BSDs', abi/bsd/event.h),
 * struct kevent as __kevent50 (435) takes it: 40 bytes,
 * unsigned 32-bit filter and flags, EVFILT_READ 0 (NetBSD 10 keeps it as
 * struct kevent100 in sys/compat/sys/event.h for that call), and kqueue1's
 * flags (O_CLOEXEC, O_NONBLOCK, O_NOSIGPIPE of sys/sys/fcntl.h).
 */
#ifndef XENO_ABI_NETBSD_EVENT_H
#define XENO_ABI_NETBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/event.h"
#include "abi/bsd/kevent.h"
#include "core/xlat.h"

enum {
	NETBSD_EVFILT_READ = 0,
	NETBSD_EVFILT_WRITE = 1,
	NETBSD_EVFILT_AIO = 2,
	NETBSD_EVFILT_VNODE = 3,
	NETBSD_EVFILT_PROC = 4,
	NETBSD_EVFILT_SIGNAL = 5,
	NETBSD_EVFILT_TIMER = 6,
	NETBSD_EVFILT_FS = 7,
	NETBSD_EVFILT_USER = 8,
};

#define NETBSD_EV_SYSFLAGS 0xF000u

struct netbsd_kevent {
	uint64_t ident;
	uint32_t filter;
	uint32_t flags;
	uint32_t fflags;
	uint32_t pad_;
	int64_t data;
	uint64_t udata;
};
_Static_assert(sizeof(struct netbsd_kevent) == 40, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, flags) == 12, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, fflags) == 16, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, data) == 24, "struct kevent layout");
_Static_assert(offsetof(struct netbsd_kevent, udata) == 32, "struct kevent layout");

/* Tables, also for the tracer: "kevfilter" and "kqueue1" (the flags and
 * the filters' fflags are the BSDs' sets, abi/bsd/event.h). */
extern const struct xeno_flagset netbsd_kevent_filters;
extern const struct xeno_flagset netbsd_kqueue1_flags;

extern const struct bsd_kevent_facts netbsd_kevent_facts;
extern const struct kq_codec netbsd_kevent_codec;

#endif
