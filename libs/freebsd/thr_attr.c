/*
 * FreeBSD's thread attributes (lib/libthr/thread/thr_attr.c): a
 * pthread_attr_t points at an object on the guest heap, and
 * pthread_attr_get_np reads a running thread's into one.
 */
#include <errno.h>

#include "core/process.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libthr_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"

const struct fbsd_attr fbsd_default_attr = {
    .magic = FBSD_ATTR_MAGIC,
    .stacksize = FREEBSD_THR_STACK_DEFAULT,
    .guardsize = FREEBSD_THR_GUARD_DEFAULT,
};

/* The object a guest's pthread_attr_t points at, or NULL. */
struct fbsd_attr *fbsd_attr_at(uint64_t attrp)
{
	uint64_t a;
	uint32_t magic;
	if (!attrp || xeno_copy_in(&a, attrp, sizeof a) < 0 || !a || a % 8 ||
	    xeno_copy_in(&magic, a, sizeof magic) < 0 || magic != FBSD_ATTR_MAGIC)
		return NULL;
	return (struct fbsd_attr *)a;
}

long freebsd_libthr_pthread_attr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_attr *a = xeno_heap_alloc(sizeof *a);
	if (!a)
		return -ENOMEM;
	*a = fbsd_default_attr;
	if (xeno_copy_out(attr, &a, sizeof a) < 0) {
		xeno_heap_free(a);
		return -EINVAL;
	}
	return 0;
}

long freebsd_libthr_pthread_attr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a)
		return -EINVAL;
	a->magic = 0;
	xeno_heap_free(a);
	uint64_t none = 0;
	xeno_copy_out(attr, &none, sizeof none);
	return 0;
}

/* Stores a value of the attribute object for the guest: 0 or -EINVAL. */
static long give(uint64_t to, const void *value, size_t size)
{
	return xeno_copy_out(to, value, size) < 0 ? -EINVAL : 0;
}

long freebsd_libthr_pthread_attr_setdetachstate(struct xeno_thread *t, uint64_t attr, int state)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a ||
	    (state != FREEBSD_PTHREAD_CREATE_JOINABLE && state != FREEBSD_PTHREAD_CREATE_DETACHED))
		return -EINVAL;
	a->detached = state == FREEBSD_PTHREAD_CREATE_DETACHED;
	return 0;
}

long freebsd_libthr_pthread_attr_getdetachstate(struct xeno_thread *t, uint64_t attr,
						uint64_t state)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	int32_t v =
	    a && a->detached ? FREEBSD_PTHREAD_CREATE_DETACHED : FREEBSD_PTHREAD_CREATE_JOINABLE;
	return a ? give(state, &v, sizeof v) : -EINVAL;
}

long freebsd_libthr_pthread_attr_setstacksize(struct xeno_thread *t, uint64_t attr, size_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a || size < FREEBSD_PTHREAD_STACK_MIN)
		return -EINVAL;
	a->stacksize = size;
	return 0;
}

long freebsd_libthr_pthread_attr_getstacksize(struct xeno_thread *t, uint64_t attr, uint64_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	return a ? give(size, &a->stacksize, sizeof a->stacksize) : -EINVAL;
}

long freebsd_libthr_pthread_attr_setstack(struct xeno_thread *t, uint64_t attr, uint64_t addr,
					  size_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a || !addr || size < FREEBSD_PTHREAD_STACK_MIN || addr + size < addr ||
	    addr + size > XENO_USER_END)
		return -EINVAL;
	a->stackaddr = addr;
	a->stacksize = size;
	return 0;
}

long freebsd_libthr_pthread_attr_getstack(struct xeno_thread *t, uint64_t attr, uint64_t addr,
					  uint64_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a)
		return -EINVAL;
	long r = give(addr, &a->stackaddr, sizeof a->stackaddr);
	return r ? r : give(size, &a->stacksize, sizeof a->stacksize);
}

long freebsd_libthr_pthread_attr_setguardsize(struct xeno_thread *t, uint64_t attr, size_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a)
		return -EINVAL;
	a->guardsize = size;
	return 0;
}

long freebsd_libthr_pthread_attr_getguardsize(struct xeno_thread *t, uint64_t attr, uint64_t size)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	return a ? give(size, &a->guardsize, sizeof a->guardsize) : -EINVAL;
}

long freebsd_libthr_pthread_attr_setscope(struct xeno_thread *t, uint64_t attr, int scope)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	if (!a || (scope != FREEBSD_PTHREAD_SCOPE_PROCESS && scope != FREEBSD_PTHREAD_SCOPE_SYSTEM))
		return -EINVAL;
	a->scope = scope;
	return 0;
}

long freebsd_libthr_pthread_attr_getscope(struct xeno_thread *t, uint64_t attr, uint64_t scope)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	int32_t v = a ? a->scope : 0;
	return a ? give(scope, &v, sizeof v) : -EINVAL;
}

/* What thread was made with, the stack it runs on, and whether it is
 * detached now; the main thread's stack is libthr's view of it
 * (thr_init.c init_main_thread: THR_STACK_INITIAL below kern.usrstack). */
long freebsd_libthr_pthread_attr_get_np(struct xeno_thread *t, uint64_t thread, uint64_t attr)
{
	(void)t;
	struct fbsd_attr *a = fbsd_attr_at(attr);
	struct fbsd_pthread *p = fbsd_thread_of(thread);
	if (!a || !thread)
		return -EINVAL;
	if (!p)
		return -ESRCH;
	if (p->is_main) {
		a->stacksize = FREEBSD_THR_STACK_INITIAL;
		a->stackaddr = xeno_proc.stack_top - FREEBSD_THR_STACK_INITIAL;
		a->guardsize = FREEBSD_THR_GUARD_DEFAULT;
	} else {
		a->stackaddr = p->stackaddr;
		a->stacksize = p->stacksize;
		a->guardsize = p->guardsize;
	}
	a->detached = p->detached;
	a->scope = FREEBSD_PTHREAD_SCOPE_SYSTEM;
	return 0;
}
