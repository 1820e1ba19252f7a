/* kqueue(2), the same on every BSD: a new kqueue, not close-on-exec. */
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/kqueue.h"

long bsd_sys_kqueue(struct xeno_thread *t)
{
	(void)t;
	return kq_create(0);
}
