/*
 * illumos threads (usr/src/lib/libc/port/threads/pthread.c, thr.c): the
 * shared POSIX threads (libs/common/pthread.c) with illumos's numbers.  A
 * pthread_t is the thread id, a uint_t (which join and detach widen); new
 * threads get 2 MiB stacks by default (the amd64 DEFAULTSTACK).  The calls
 * that need none of these numbers are the shared handlers themselves (the
 * spec's =lib_pthread_...).
 */
#include "core/thread.h"
#include "illumos_libc_proto.h"
#include "libs/common/pthread.h"
#include "libs/illumos/illumos.h"

extern const struct xeno_library illumos_libc_library;

/* sys/types.h, pthread.h: PTHREAD_CREATE_DETACHED 0x40, PTHREAD_STACK_MIN
 * 8 KiB on LP64 */
static const struct lib_pthread_os illumos_threads = {
    .detached = 0x40,
    .joinable = 0x00,
    .default_stack = 2u << 20,
    .min_stack = 8u << 10,
    .id_size = sizeof(uint32_t),
    .libc = &illumos_libc_library,
    .exit_name = "pthread_exit",
};

long illumos_libc_pthread_attr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return lib_pthread_attr_init(&illumos_threads, attr);
}

long illumos_libc_pthread_attr_setstack(struct xeno_thread *t, uint64_t attr, uint64_t addr,
					size_t size)
{
	(void)t;
	return lib_pthread_attr_setstack(&illumos_threads, attr, addr, size);
}

long illumos_libc_pthread_attr_setstacksize(struct xeno_thread *t, uint64_t attr, size_t size)
{
	(void)t;
	return lib_pthread_attr_setstacksize(&illumos_threads, attr, size);
}

long illumos_libc_pthread_attr_setdetachstate(struct xeno_thread *t, uint64_t attr, int state)
{
	(void)t;
	return lib_pthread_attr_setdetachstate(&illumos_threads, attr, state);
}

long illumos_libc_pthread_create(struct xeno_thread *t, uint64_t thread, uint64_t attr,
				 uint64_t start, uint64_t arg)
{
	return lib_pthread_create(&illumos_threads, t, thread, attr, start, arg);
}

long illumos_libc_pthread_join(struct xeno_thread *t, unsigned int thread, uint64_t status)
{
	return lib_pthread_join(t, thread, status);
}

long illumos_libc_pthread_detach(struct xeno_thread *t, unsigned int thread)
{
	return lib_pthread_detach(t, thread);
}
