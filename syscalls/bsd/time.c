/*
 * Clocks, sleeping and yielding, shared by the BSD personalities.  The BSDs'
 * struct timespec and struct timeval on amd64 are Linux's: two 64-bit
 * fields (FreeBSD: abi/freebsd/time.h), so values pass through unchanged.
 */
#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/sockopt.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/vdso.h"
#include "syscalls/bsd/bsd.h"

_Static_assert(sizeof(struct timespec) == 16 && sizeof(struct timeval) == 16,
	       "BSD/amd64 and Linux/x86-64 time layouts agree");

#define NSEC 1000000000L

/* CPU time from getrusage: user, or user + system. */
static long cpu_time(int with_system, struct timespec *ts)
{
	struct rusage ru;
	long r = host_syscall2(SYS_getrusage, RUSAGE_SELF, &ru);
	if (r < 0)
		return r;
	long usec = ru.ru_utime.tv_usec + (with_system ? ru.ru_stime.tv_usec : 0);
	ts->tv_sec = ru.ru_utime.tv_sec + (with_system ? ru.ru_stime.tv_sec : 0) + usec / 1000000;
	ts->tv_nsec = (usec % 1000000) * 1000;
	return 0;
}

static long read_clock(const struct bsd_clock *c, struct timespec *ts)
{
	long r;
	switch (c->kind) {
	case BSD_CLOCK_VIRTUAL:
		return cpu_time(0, ts);
	case BSD_CLOCK_PROF:
		return cpu_time(1, ts);
	case BSD_CLOCK_SECOND:
		r = xeno_clock_gettime(c->host_id, ts);
		ts->tv_nsec = 0;
		return r;
	default: /* Go reads the clock under its scheduler's locks: no system call */
		return xeno_clock_gettime(c->host_id, ts);
	}
}

long bsd_sys_clock_gettime(struct xeno_thread *t, int clock_id, uint64_t tp)
{
	struct bsd_clock c;
	struct timespec ts;
	long r = bsd_abi_of(t)->clock_to_host(clock_id, &c);
	if (r < 0 || (r = read_clock(&c, &ts)) < 0)
		return r;
	bsd_sitecall_clock_learn(clock_id, &c);
	return xeno_copy_out(tp, &ts, sizeof ts);
}

long bsd_sys_clock_getres(struct xeno_thread *t, int clock_id, uint64_t tp)
{
	struct bsd_clock c;
	struct timespec ts = {1, 0}; /* CLOCK_SECOND ticks once a second */
	if (tp == 0)		     /* sys_clock_getres answers a NULL pointer before anything */
		return 0;
	long r = bsd_abi_of(t)->clock_to_host(clock_id, &c);
	if (r < 0)
		return r;
	if (c.kind != BSD_CLOCK_SECOND && (r = host_syscall2(SYS_clock_getres, c.host_id, &ts)) < 0)
		return r;
	return xeno_copy_out(tp, &ts, sizeof ts);
}

/* The host clock to sleep on: Linux cannot sleep on its coarse clocks. */
static int sleep_clock(int host_id)
{
	if (host_id == CLOCK_REALTIME_COARSE)
		return CLOCK_REALTIME;
	if (host_id == CLOCK_MONOTONIC_COARSE)
		return CLOCK_MONOTONIC;
	return host_id;
}

/*
 * kern_clock_nanosleep (FreeBSD sys/kern/kern_time.c): a time already past,
 * or a negative one, returns at once where Linux refuses a negative tv_sec;
 * the remaining time goes out only for a relative sleep that was interrupted.
 */
static long sleep_on(int host_clock, int abstime, uint64_t rqtp, uint64_t rmtp)
{
	struct timespec rq, rm;
	if (xeno_copy_in(&rq, rqtp, sizeof rq) < 0)
		return -EFAULT;
	if (rq.tv_nsec < 0 || rq.tv_nsec >= NSEC)
		return -EINVAL;
	if (rq.tv_sec < 0)
		return 0;
	/* Interruptible by the guest's signals: EINTR, never restarted. */
	long r = host_blocking_syscall(SYS_clock_nanosleep, host_clock, abstime ? TIMER_ABSTIME : 0,
				       &rq, &rm, 0, 0);
	if (r == -EINTR && !abstime && rmtp && xeno_copy_out(rmtp, &rm, sizeof rm) < 0)
		r = -EFAULT;
	return r;
}

long bsd_sys_nanosleep(struct xeno_thread *t, uint64_t rqtp, uint64_t rmtp)
{
	(void)t;
	return sleep_on(CLOCK_REALTIME, 0, rqtp, rmtp);
}

/* clock_nanosleep reports its error as its result, carry clear
 * (kern_posix_error): the foreign errno number, or 0. */
long bsd_sys_clock_nanosleep(struct xeno_thread *t, int clock_id, int flags, uint64_t rqtp,
			     uint64_t rmtp)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	struct bsd_clock c;
	struct timespec probe;
	long r = xeno_copy_in(&probe, rqtp, sizeof probe);
	if (r == 0 && (probe.tv_nsec < 0 || probe.tv_nsec >= NSEC))
		r = -EINVAL;
	if (r == 0 && (flags & ~abi->timer_abstime))
		r = -EINVAL;
	if (r == 0 && (r = abi->clock_to_host(clock_id, &c)) == 0 && c.sleep_errno)
		r = -c.sleep_errno;
	if (r == 0)
		r = sleep_on(sleep_clock(c.host_id), flags & abi->timer_abstime, rqtp, rmtp);
	return r < 0 ? t->os->errno_from_host((int)-r) : 0;
}

/* The time of day; the time zone is always zero west, no DST (FreeBSD keeps
 * no kernel time zone). */
long bsd_sys_gettimeofday(struct xeno_thread *t, uint64_t tp, uint64_t tzp)
{
	(void)t;
	if (tp) {
		struct timespec ts;
		long r = xeno_clock_gettime(CLOCK_REALTIME, &ts);
		struct timeval tv = {.tv_sec = ts.tv_sec, .tv_usec = ts.tv_nsec / 1000};
		if (r < 0 || (r = xeno_copy_out(tp, &tv, sizeof tv)) < 0)
			return r;
	}
	if (tzp) {
		static const int32_t zone[2] = {0, 0};
		return xeno_copy_out(tzp, zone, sizeof zone);
	}
	return 0;
}

XENO_NOFPU long bsd_sys_sched_yield(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_sched_yield);
}

long bsd_sys_sched_getcpu(struct xeno_thread *t)
{
	(void)t;
	unsigned cpu;
	long r = host_syscall3(SYS_getcpu, &cpu, NULL, NULL);
	return r < 0 ? r : (long)cpu;
}

/* Flags as the OS defines them; at most IOSIZE_MAX (INT_MAX) bytes a call. */
long bsd_sys_getrandom(struct xeno_thread *t, uint64_t buf, size_t buflen, int flags)
{
	uint64_t host_flags;
	if (xeno_flags_to_host(bsd_abi_of(t)->getrandom_flags, (unsigned)flags, &host_flags) < 0)
		return -EINVAL;
	if (buflen > 0x7fffffff)
		buflen = 0x7fffffff;
	return host_syscall3(SYS_getrandom, buf, buflen, host_flags);
}

long bsd_copy_in_timeval(struct xeno_thread *t, uint64_t addr, struct bsd_timeval *tv)
{
	if (xeno_copy_in(tv, addr, sizeof *tv) < 0)
		return -EFAULT;
	if (bsd_abi_of(t)->timeval_usec_32)
		tv->tv_usec = (int32_t)tv->tv_usec;
	return 0;
}

/* struct itimerval: two timevals, interval then value.  ITIMER_REAL,
 * ITIMER_VIRTUAL and ITIMER_PROF are 0, 1, 2 on the BSDs as on Linux;
 * itimerfix refuses a negative or too large part. */
static long itimer_out(uint64_t addr, const struct itimerval *h)
{
	struct bsd_timeval v[2] = {{h->it_interval.tv_sec, h->it_interval.tv_usec},
				   {h->it_value.tv_sec, h->it_value.tv_usec}};
	return xeno_copy_out(addr, v, sizeof v);
}

long bsd_sys_setitimer(struct xeno_thread *t, int which, uint64_t itv, uint64_t oitv)
{
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	struct itimerval h = {{0, 0}, {0, 0}}, old;
	if (itv) {
		struct bsd_timeval v[2];
		if (bsd_copy_in_timeval(t, itv, &v[0]) < 0 ||
		    bsd_copy_in_timeval(t, itv + sizeof v[0], &v[1]) < 0)
			return -EFAULT;
		for (int i = 0; i < 2; i++)
			if (v[i].tv_sec < 0 || v[i].tv_usec < 0 || v[i].tv_usec >= 1000000)
				return -EINVAL;
		h.it_interval = (struct timeval){v[0].tv_sec, v[0].tv_usec};
		h.it_value = (struct timeval){v[1].tv_sec, v[1].tv_usec};
	}
	long r = itv ? host_syscall3(SYS_setitimer, which, &h, &old)
		     : host_syscall2(SYS_getitimer, which, &old);
	if (r < 0)
		return r;
	return oitv ? itimer_out(oitv, &old) : 0;
}

long bsd_sys_getitimer(struct xeno_thread *t, int which, uint64_t itv)
{
	(void)t;
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	struct itimerval h;
	long r = host_syscall2(SYS_getitimer, which, &h);
	return r < 0 ? r : itimer_out(itv, &h);
}
