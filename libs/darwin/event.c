/* kqueue and kevent on the shared kqueue engine (syscalls/bsd/kqueue.c),
 * with macOS's struct kevent (abi/darwin/event.h).  A kqueue is not
 * inherited across exec on macOS either: its epoll descriptor is
 * close-on-exec. */
#include <sys/epoll.h>

#include "abi/darwin/event.h"
#include "core/thread.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"
#include "syscalls/bsd/kqueue.h"

long darwin_libSystem_kqueue(struct xeno_thread *t)
{
	(void)t;
	return kq_create(EPOLL_CLOEXEC);
}

long darwin_libSystem_kevent(struct xeno_thread *t, int kq, uint64_t changes, int nchanges,
			     uint64_t events, int nevents, uint64_t timeout)
{
	(void)t;
	return kq_kevent(kq, changes, nchanges, events, nevents, timeout, &darwin_kevent_codec);
}
