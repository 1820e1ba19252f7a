/*
 * Time, randomness and the osinit calls: mach_absolute_time counts
 * nanoseconds of CLOCK_MONOTONIC with a 1/1 timebase (struct
 * mach_timebase_info {uint32 numer, denom}); clock_gettime's ids
 * (Libc include/time.h: CLOCK_REALTIME 0, CLOCK_MONOTONIC_RAW 4,
 * CLOCK_MONOTONIC_RAW_APPROX 5, CLOCK_MONOTONIC 6, CLOCK_UPTIME_RAW 8,
 * CLOCK_UPTIME_RAW_APPROX 9, CLOCK_PROCESS_CPUTIME_ID 12,
 * CLOCK_THREAD_CPUTIME_ID 16).
 */
#include <errno.h>
#include <sys/random.h>
#include <sys/time.h>
#include <time.h>

#include "core/blocking.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

uint32_t darwin_mach_task_self = 0x103; /* a port name, as a Mac's first task port */

long darwin_libSystem_mach_absolute_time(struct xeno_thread *t)
{
	(void)t;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

long darwin_libSystem_mach_timebase_info(struct xeno_thread *t, uint64_t info)
{
	(void)t;
	uint32_t tb[2] = {1, 1};
	return xeno_copy_out(info, tb, sizeof tb) < 0 ? 4 /* KERN_INVALID_ARGUMENT */ : 0;
}

static int clock_to_host(int id)
{
	switch (id) {
	case 0:
		return CLOCK_REALTIME;
	case 4:
	case 5:
		return CLOCK_MONOTONIC_RAW;
	case 6:
		return CLOCK_MONOTONIC;
	case 8:
	case 9:
		return CLOCK_MONOTONIC_RAW;
	case 12:
		return CLOCK_PROCESS_CPUTIME_ID;
	case 16:
		return CLOCK_THREAD_CPUTIME_ID;
	default:
		return -1;
	}
}

long darwin_libSystem_clock_gettime(struct xeno_thread *t, int clock, uint64_t tp)
{
	(void)t;
	int h = clock_to_host(clock);
	if (h < 0)
		return -EINVAL;
	struct timespec ts;
	clock_gettime(h, &ts);
	return xeno_copy_out(tp, &ts, sizeof ts) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_usleep(struct xeno_thread *t, unsigned int usec)
{
	(void)t;
	struct timespec ts = {usec / 1000000, (long)(usec % 1000000) * 1000};
	long r = host_blocking_syscall(SYS_nanosleep, &ts, NULL, 0, 0, 0, 0);
	return r == -EINTR ? -EINTR : 0;
}

/* struct itimerval: two timevals of 16 bytes, tv_usec a 32-bit int
 * (bsd/sys/_types/_timeval.h): only its low half counts. */
long darwin_libSystem_setitimer(struct xeno_thread *t, int which, uint64_t value, uint64_t ovalue)
{
	(void)t;
	if (which < 0 || which > 2) /* ITIMER_REAL, VIRTUAL, PROF: Linux's numbers */
		return -EINVAL;
	int64_t v[4];
	struct itimerval in = {0}, out;
	if (value) {
		if (xeno_copy_in(v, value, sizeof v) < 0)
			return -EFAULT;
		in.it_interval = (struct timeval){v[0], (int32_t)v[1]};
		in.it_value = (struct timeval){v[2], (int32_t)v[3]};
	}
	long r = host_syscall3(SYS_setitimer, which, value ? &in : NULL, &out);
	if (r < 0 || !ovalue)
		return r;
	int64_t o[4] = {out.it_interval.tv_sec, out.it_interval.tv_usec, out.it_value.tv_sec,
			out.it_value.tv_usec};
	return xeno_copy_out(ovalue, o, sizeof o) < 0 ? -EFAULT : 0;
}

long darwin_libSystem_arc4random_buf(struct xeno_thread *t, uint64_t buf, size_t n)
{
	(void)t;
	for (size_t done = 0; done < n;) {
		long r = host_syscall3(SYS_getrandom, (char *)buf + done, n - done, 0);
		if (r > 0)
			done += (size_t)r;
	}
	return 0;
}

/* Go's osinit hack (runtime/sys_darwin.go osinit_hack): nothing to do. */
long darwin_libSystem_notify_is_valid_token(struct xeno_thread *t, int token)
{
	(void)t, (void)token;
	return 0;
}

long darwin_libSystem_xpc_date_create_from_current(struct xeno_thread *t)
{
	(void)t;
	return 0;
}

/* runtime/pprof's reading of the address space: no Mach VM here
 * (KERN_INVALID_ADDRESS 1), and no region file names. */
long darwin_libSystem_mach_vm_region(struct xeno_thread *t, unsigned int task, uint64_t address,
				     uint64_t size, int flavor, uint64_t info, uint64_t count,
				     uint64_t object)
{
	(void)t, (void)task, (void)address, (void)size, (void)flavor, (void)info, (void)count,
	    (void)object;
	return 1;
}

long darwin_libSystem_proc_regionfilename(struct xeno_thread *t, int pid, unsigned long address,
					  uint64_t buf, unsigned int size)
{
	(void)t, (void)pid, (void)address, (void)buf, (void)size;
	return -ESRCH;
}
