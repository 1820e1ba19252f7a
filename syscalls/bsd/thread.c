/*
 * The thread operations the BSDs share (syscalls/bsd/thread.h).  A
 * thread's park word (suspend_word) is idle, has an unpark pending, is
 * parked, or was interrupted while parked; only its own thread leaves the
 * parked and interrupted states, others move it to pending or
 * interrupted and wake the futex.
 */
#include "syscalls/bsd/thread.h"

#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/threadlist.h"

enum { PARK_IDLE, PARK_PENDING, PARK_PARKED, PARK_INTERRUPTED };

static bool cas(uint32_t *w, uint32_t from, uint32_t to)
{
	return __atomic_compare_exchange_n(w, &from, to, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/* How a park that was left ends, once the word is idle again. */
static long park_end(uint32_t *w, long r)
{
	if (cas(w, PARK_PARKED, PARK_IDLE))
		return r;
	/* someone moved it meanwhile: that decides */
	return __atomic_exchange_n(w, PARK_IDLE, __ATOMIC_ACQ_REL) == PARK_INTERRUPTED ? -EINTR : 0;
}

long bsd_thread_park(struct xeno_thread *t, const struct timespec *deadline, int clock)
{
	uint32_t *w = &t->suspend_word;
	if (cas(w, PARK_PENDING, PARK_IDLE))
		return -EALREADY;
	if (!cas(w, PARK_IDLE, PARK_PARKED)) {
		/* an unpark or an interrupt came in between */
		return __atomic_exchange_n(w, PARK_IDLE, __ATOMIC_ACQ_REL) == PARK_PENDING
			   ? -EALREADY
			   : -EINTR;
	}
	int op = FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG |
		 (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
	for (;;) {
		long r = host_blocking_syscall(SYS_futex, w, op, PARK_PARKED, deadline, 0,
					       FUTEX_BITSET_MATCH_ANY);
		uint32_t v = __atomic_load_n(w, __ATOMIC_ACQUIRE);
		if (v != PARK_PARKED)
			return park_end(w, 0);
		if (r == -ETIMEDOUT || r == -EINTR)
			return park_end(w, r);
		/* a spurious wake-up (or EAGAIN): the deadline stays */
	}
}

static void unpark_one(struct xeno_thread *target, void *arg)
{
	(void)arg;
	uint32_t *w = &target->suspend_word;
	if (__atomic_exchange_n(w, PARK_PENDING, __ATOMIC_ACQ_REL) == PARK_PARKED)
		host_syscall3(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1);
}

long bsd_thread_unpark(long id)
{
	if (id <= 0)
		return -ESRCH;
	return xeno_thread_with(id, unpark_one, NULL);
}

static void interrupt_one(struct xeno_thread *target, void *arg)
{
	long *r = arg;
	uint32_t *w = &target->suspend_word;
	if (cas(w, PARK_PARKED, PARK_INTERRUPTED)) {
		host_syscall3(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1);
		*r = 0;
	}
}

long bsd_thread_interrupt(long id)
{
	long r = -ENODEV;
	if (id <= 0)
		return -ESRCH;
	int err = xeno_thread_with(id, interrupt_one, &r);
	return err ? err : r;
}

void bsd_deadline_after(int clock, const struct timespec *rel, struct timespec *deadline)
{
	clock_gettime(clock, deadline);
	deadline->tv_sec += rel->tv_sec;
	deadline->tv_nsec += rel->tv_nsec;
	if (deadline->tv_nsec >= 1000000000) {
		deadline->tv_nsec -= 1000000000;
		deadline->tv_sec++;
	}
}

void bsd_time_left(int clock, const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;
	clock_gettime(clock, &now);
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += 1000000000;
		left->tv_sec--;
	}
	if (left->tv_sec < 0)
		left->tv_sec = left->tv_nsec = 0;
}

struct kill_arg {
	int sig;
	long result;
};

static void kill_one(struct xeno_thread *t, void *arg)
{
	struct kill_arg *k = arg;
	long r = host_syscall3(SYS_tgkill, getpid(), t->tid, k->sig);
	if (r < 0)
		k->result = r;
}

long bsd_thread_kill(long id, int hsig)
{
	struct kill_arg k = {hsig, 0};
	int err = xeno_thread_with(id, kill_one, &k);
	return err ? err : k.result;
}

struct name_arg {
	const char *name;
	long result;
};

static void name_one(struct xeno_thread *target, void *arg)
{
	struct name_arg *n = arg;
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/comm", (int)target->tid);
	int fd = (int)host_syscall3(SYS_open, path, 01 /* O_WRONLY */, 0);
	if (fd < 0) {
		n->result = fd;
		return;
	}
	long w = host_syscall3(SYS_write, fd, n->name, strlen(n->name));
	host_syscall1(SYS_close, fd);
	n->result = w < 0 ? w : 0;
}

long bsd_thread_set_name(struct xeno_thread *t, long id, const char *name)
{
	char host_name[16]; /* Linux keeps 15 characters */
	strncpy(host_name, name, sizeof host_name - 1);
	host_name[sizeof host_name - 1] = '\0';
	if (id == t->tid)
		return prctl(PR_SET_NAME, host_name) < 0 ? -errno : 0;
	struct name_arg a = {host_name, 0};
	int err = xeno_thread_with(id, name_one, &a);
	return err ? err : a.result;
}
