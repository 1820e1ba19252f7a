/*
 * KUSER_SHARED_DATA: the page at 0x7ffe0000 that Windows keeps current in
 * every process.  Go reads its clocks there without any call — nanotime
 * from InterruptTime (0x7ffe0008), time.Now from SystemTime (0x7ffe0014)
 * (runtime/sys_windows_amd64.s) — so the page's resolution is the
 * resolution of Go's clock.  A host thread of xeno's (it never runs guest
 * code, every signal blocked) writes both every millisecond, and every wait
 * writes them as it returns, so a timer that fires sees its time.  Writes
 * follow the KSYSTEM_TIME protocol readers use (High2Time, LowPart,
 * High1Time: Wine's server/fd.c set_user_shared_data_time), with LowPart
 * and High1Time in one aligned store where Go reads them in one load.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <time.h>

#include "libs/windows/windows.h"

static volatile struct win_kuser_shared_data *page;

uint64_t win_interrupt_time(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 10000000ULL + (uint64_t)ts.tv_nsec / 100;
}

uint64_t win_system_time(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 10000000ULL + (uint64_t)ts.tv_nsec / 100 + WIN_EPOCH_DIFF;
}

static void store(volatile struct win_ksystem_time *k, uint64_t v)
{
	k->high2_time = (int32_t)(v >> 32);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	if (((uintptr_t)k & 7) == 0) {
		__atomic_store_n((volatile uint64_t *)k, v, __ATOMIC_RELEASE);
	} else {
		k->low_part = (uint32_t)v;
		__atomic_thread_fence(__ATOMIC_RELEASE);
		k->high1_time = (int32_t)(v >> 32);
	}
}

void win_kuser_refresh(void)
{
	if (!page)
		return;
	store(&page->interrupt_time, win_interrupt_time());
	store(&page->system_time, win_system_time());
}

int win_kuser_map(void)
{
	if (page)
		return 0;
	void *p = mmap((void *)WIN_KUSER_SHARED_DATA, sizeof *page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED)
		return -errno;
	if ((uint64_t)p != WIN_KUSER_SHARED_DATA) {
		munmap(p, sizeof *page);
		return -EEXIST;
	}
	page = p;
	win_kuser_refresh();
	return 0;
}

static void *updater(void *arg)
{
	(void)arg;
	struct timespec next;
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (;;) {
		next.tv_nsec += 1000000;
		if (next.tv_nsec >= 1000000000) {
			next.tv_nsec -= 1000000000;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
		win_kuser_refresh();
	}
	return NULL;
}

void win_kuser_start(void)
{
	static bool started;
	if (started)
		return;
	started = true;
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_t th;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_create(&th, &attr, updater, NULL);
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}
