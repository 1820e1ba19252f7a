/* OpenBSD clocks, resource limits, wait options and terminal control flags
 * onto Linux's (abi/openbsd/proc.h). */
#include "abi/openbsd/proc.h"

#include <asm/termbits.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "abi/bsd/ioctl.h"
#include "abi/bsd/resource.h"
#include "abi/bsd/time.h"
#include "abi/bsd/wait.h"

#define C(name, host) XENO_ENUM(#name, OPENBSD_##name, host)

/* CLOCK_UPTIME excludes suspended time, CLOCK_BOOTTIME includes it: Linux's
 * CLOCK_MONOTONIC and CLOCK_BOOTTIME */
static const struct xeno_flag clock_ids[] = {
    C(CLOCK_REALTIME, CLOCK_REALTIME),	 C(CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID),
    C(CLOCK_MONOTONIC, CLOCK_MONOTONIC), C(CLOCK_THREAD_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID),
    C(CLOCK_UPTIME, CLOCK_MONOTONIC),	 C(CLOCK_BOOTTIME, CLOCK_BOOTTIME),
};
const struct xeno_flagset openbsd_clock_ids = XENO_FLAGSET("clockid", clock_ids, 1);

static const struct bsd_clock_ids special = {
    -1, -1, -1, OPENBSD_CLOCK_PROCESS_CPUTIME_ID, OPENBSD_CLOCK_THREAD_CPUTIME_ID,
};

int openbsd_clock_to_host(int clock_id, struct bsd_clock *c)
{
	return bsd_clock_to_host(&openbsd_clock_ids, &special, clock_id, c);
}

static const struct xeno_flag rlimit_resources[] = {
    BSD_RLIMIT(RLIMIT_CPU, 0, RLIMIT_CPU),	   BSD_RLIMIT(RLIMIT_FSIZE, 1, RLIMIT_FSIZE),
    BSD_RLIMIT(RLIMIT_DATA, 2, RLIMIT_DATA),	   BSD_RLIMIT(RLIMIT_STACK, 3, RLIMIT_STACK),
    BSD_RLIMIT(RLIMIT_CORE, 4, RLIMIT_CORE),	   BSD_RLIMIT(RLIMIT_RSS, 5, RLIMIT_RSS),
    BSD_RLIMIT(RLIMIT_MEMLOCK, 6, RLIMIT_MEMLOCK), BSD_RLIMIT(RLIMIT_NPROC, 7, RLIMIT_NPROC),
    BSD_RLIMIT(RLIMIT_NOFILE, 8, RLIMIT_NOFILE),
};
const struct xeno_flagset openbsd_rlimit_resources = XENO_FLAGSET("rlimit", rlimit_resources, 1);

static const struct xeno_flag wait_options[] = {
    BSD_WAIT_OPTIONS_SHARED,
    XENO_FLAG("WCONTINUED", 0x8, WCONTINUED),
};
const struct xeno_flagset openbsd_wait_options = XENO_FLAGSET("waitopt", wait_options, 0);

/* MDMBUF (DTR/DCD flow control) has no Linux twin: accepted as a no-op */
static const struct xeno_flag cflags[] = {
    BSD_CFLAGS_SHARED,
    XENO_FLAG("CRTSCTS", 0x00010000, CRTSCTS),
    XENO_FLAG_FOREIGN("MDMBUF", 0x00100000),
    BSD_CFLAGS_HOST_ONLY,
};
const struct xeno_flagset openbsd_cflag_flagset = XENO_FLAGSET("cflag", cflags, 0);
