/*
 * Clock reads at patched sites (core/sitecall.h), answered from the host's
 * vDSO (core/vdso.h) before the dispatcher is entered: Go reads the clock
 * about 80 times just to start.  Everything here runs before the guest's
 * FP state is saved, so it is built general-regs-only and calls nothing
 * but the vDSO (built without FP/vector registers) and xeno_copy_out.
 *
 * Which foreign clocks the vDSO can read is learnt from the ordinary
 * handler (bsd_sys_clock_gettime, through the personality's clock_to_host):
 * a clock id's first read takes the normal path; anything unusual (an
 * unknown or CPU-time clock, a time zone, a bad pointer) always does.
 */
#include <time.h>

#include "abi/bsd/abi.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/vdso.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/sitecall_regs.h"

#define LEARNT 32

/* foreign clock id -> host clock id + 1, for the clocks the vDSO reads */
static int8_t learnt[LEARNT];

void bsd_sitecall_clock_learn(int clock_id, const struct bsd_clock *c)
{
	if (clock_id < 0 || clock_id >= LEARNT || c->kind != BSD_CLOCK_HOST)
		return;
	switch (c->host_id) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		__atomic_store_n(&learnt[clock_id], (int8_t)(c->host_id + 1), __ATOMIC_RELAXED);
		break;
	default:
		break;
	}
}

XENO_NOFPU static bool read_clock(uint64_t nr, greg_t *g, uint64_t nr_clock_gettime,
				  uint64_t nr_gettimeofday)
{
	struct timespec ts;
	if (nr == nr_clock_gettime) {
		int id = (int)g[REG_RDI];
		int host =
		    id >= 0 && id < LEARNT ? __atomic_load_n(&learnt[id], __ATOMIC_RELAXED) : 0;
		return host && xeno_vdso_clock_gettime(host - 1, &ts) == 0 &&
		       xeno_copy_out((uint64_t)g[REG_RSI], &ts, sizeof ts) == 0;
	}
	if (nr == nr_gettimeofday) {
		if (!g[REG_RDI] || g[REG_RSI] || xeno_vdso_clock_gettime(CLOCK_REALTIME, &ts) != 0)
			return false; /* no time, or a time zone too */
		struct timeval tv = {.tv_sec = ts.tv_sec, .tv_usec = ts.tv_nsec / 1000};
		return xeno_copy_out((uint64_t)g[REG_RDI], &tv, sizeof tv) == 0;
	}
	return false;
}

XENO_NOFPU bool bsd_sitecall_clock(greg_t *g, struct xeno_callrec *rec, uint64_t nr_clock_gettime,
				   uint64_t nr_gettimeofday)
{
	uint64_t nr = (uint64_t)g[REG_RAX];
	if (!xeno_vdso_clock_gettime || !read_clock(nr, g, nr_clock_gettime, nr_gettimeofday))
		return false;
	bsd_sitecall_take_args(rec, g);
	rec->ret = 0;
	g[REG_RAX] = 0;
	g[REG_EFL] &= ~(greg_t)PSL_C;
	return true;
}
