/*
 * Reading the clocks again and again, as Go's runtime does: under xeno,
 * once the call site is patched, most reads are answered from the host's
 * vDSO without entering the dispatcher (syscalls/bsd/time_sitecall.c).
 * Checks that the monotonic clocks never go back, that the wall clock and
 * gettimeofday agree, and that what is unusual (a CPU-time clock, a time
 * zone, a bad pointer, an unknown clock) still gets FreeBSD's answers.
 * One "name: ok" line per check; exit 0 if all passed.
 *
 *   clocks          the checks
 *   clocks crash    then dies of SIGSEGV (the flight recorder's report)
 */
#include "mini.h"

/* sys/sys/_clock_id.h */
#define CLOCK_REALTIME		 0
#define CLOCK_UPTIME		 5
#define CLOCK_MONOTONIC_FAST	 12
#define CLOCK_PROCESS_CPUTIME_ID 15

struct timeval {
	long tv_sec, tv_usec;
};

static int before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* n reads of clock: 1 if none went back and each succeeded. */
static int steady(int clock, int n)
{
	struct timespec last = {0, 0}, now;
	int ok = 1;
	for (int i = 0; i < n; i++) {
		ok &= SYS2(clock_gettime, clock, &now) == 0 && !before(&now, &last) &&
		      now.tv_nsec >= 0 && now.tv_nsec < 1000000000;
		last = now;
	}
	return ok;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	mini_check("CLOCK_MONOTONIC never goes back", steady(CLOCK_MONOTONIC, 1000));
	mini_check("CLOCK_UPTIME never goes back", steady(CLOCK_UPTIME, 1000));
	mini_check("CLOCK_MONOTONIC_FAST never goes back", steady(CLOCK_MONOTONIC_FAST, 1000));
	mini_check("CLOCK_PROCESS_CPUTIME_ID never goes back",
		   steady(CLOCK_PROCESS_CPUTIME_ID, 100));

	struct timespec ts;
	struct timeval tv;
	int agree = 1;
	for (int i = 0; i < 100; i++) {
		SYS2(clock_gettime, CLOCK_REALTIME, &ts);
		long r = SYS2(gettimeofday, &tv, NULL);
		agree &= r == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 &&
			 (tv.tv_sec == ts.tv_sec || tv.tv_sec == ts.tv_sec + 1);
	}
	mini_check("gettimeofday agrees with CLOCK_REALTIME", agree);
	int zone[2] = {-1, -1};
	mini_check("gettimeofday fills a time zone",
		   SYS2(gettimeofday, &tv, zone) == 0 && zone[0] == 0 && zone[1] == 0);
	for (int i = 0; i < 3; i++) {
		mini_expect_error("clock_gettime to NULL",
				  SYS2(clock_gettime, CLOCK_MONOTONIC, NULL), "EFAULT");
		mini_expect_error("gettimeofday to page 0", SYS2(gettimeofday, (void *)8, NULL),
				  "EFAULT");
		mini_expect_error("an unknown clock", SYS2(clock_gettime, 99, &ts), "EINVAL");
	}
	mini_flush();
	if (argc > 1 && mini_strcmp(argv[1], "crash") == 0) {
		steady(CLOCK_MONOTONIC, 3);
		*(volatile int *)0 = 0; /* a fault: reported, unlike a kill of itself */
	}
	return mini_failures ? 1 : 0;
}
