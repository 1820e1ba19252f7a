/*
 * Driving the kqueue engine (syscalls/bsd/kqueue.c) from a unit test: an
 * identity codec (the "guest" layout is the neutral struct itself, guest
 * memory is the test's own), and just enough of a xeno thread (its GS base)
 * for the interruptible wait in core/blocking.S.
 */
#ifndef XENO_TESTS_KQTEST_H
#define XENO_TESTS_KQTEST_H

#include <asm/prctl.h>
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/thread.h"
#include "syscalls/bsd/kqueue.h"
#include "unit.h"

static int identity_to_host(const void *f, struct kq_kevent *k)
{
	*k = *(const struct kq_kevent *)f;
	return 0;
}

static int identity_from_host(const struct kq_kevent *k, void *f)
{
	*(struct kq_kevent *)f = *k;
	return 0;
}

static void identity_set_error(void *f, int host_errno)
{
	struct kq_kevent *k = f;
	k->flags = KQ_EV_ERROR;
	k->data = host_errno;
}

static const struct kq_codec identity = {
    sizeof(struct kq_kevent),
    identity_to_host,
    identity_from_host,
    identity_set_error,
};

/* Gives the calling thread a GS base, as xeno_thread_attach would. */
static inline void kqtest_attach_thread(void)
{
	static __thread struct xeno_thread t;
	memset(&t, 0, sizeof t);
	t.self = &t;
	syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)&t);
}

static inline struct kq_kevent kev(uint64_t ident, int32_t filter, uint32_t flags, uint32_t fflags,
				   int64_t data, uint64_t udata)
{
	return (struct kq_kevent){ident, filter, flags, fflags, data, udata, {0}};
}

/* kevent with a timeout in milliseconds (negative: none, wait for ever). */
static inline long kq_call(int kq, struct kq_kevent *changes, int nchanges,
			   struct kq_kevent *events, int nevents, long timeout_ms)
{
	int64_t ts[2] = {timeout_ms / 1000, (timeout_ms % 1000) * 1000000};
	return kq_kevent(kq, (uint64_t)changes, nchanges, (uint64_t)events, nevents,
			 timeout_ms < 0 ? 0 : (uint64_t)ts, &identity);
}

/* One change, no event list: 0 or -errno. */
static inline long kq_change(int kq, struct kq_kevent change)
{
	return kq_call(kq, &change, 1, NULL, 0, 0);
}

/* Events available now. */
static inline long kq_poll(int kq, struct kq_kevent *events, int n)
{
	return kq_call(kq, NULL, 0, events, n, 0);
}

/* Closes a descriptor (a kqueue or one it watches) as the guest's close
 * does: the engine drops its knotes first. */
static inline void close_fd(int fd)
{
	xeno_kqueue_fd_closed(fd);
	close(fd);
}

/* cmocka setup and teardown for a test on a fresh kqueue, which the test
 * function finds as KQ. */
static inline int kqtest_setup(void **state)
{
	kqtest_attach_thread();
	long kq = kq_create(0);
	assert_true(kq >= 0);
	*state = (void *)kq;
	return 0;
}

static inline int kqtest_teardown(void **state)
{
	close_fd((int)(long)*state);
	return 0;
}

#define KQ ((int)(long)*state)

/* A test function run on a fresh kqueue. */
#define KQ_TEST(f) cmocka_unit_test_setup_teardown(f, kqtest_setup, kqtest_teardown)

#endif
