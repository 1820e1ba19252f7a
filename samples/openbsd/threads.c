/* OpenBSD threads as Go makes them: detached pthreads with the default
 * stack size, each waiting on its own word with __thrsleep until the main
 * thread's __thrwakeup, told apart by getthrid. */
#include "openbsd.h"

#define N 4

static volatile int words[N];
static volatile int done[N];
static pid_t ids[N];

static void *worker(void *arg)
{
	int i = (int)(intptr_t)arg;
	ids[i] = getthrid();
	while (__atomic_load_n(&words[i], __ATOMIC_ACQUIRE) == 0)
		__thrsleep(&words[i], CLOCK_MONOTONIC, NULL, NULL, (const int *)&words[i]);
	__atomic_store_n(&done[i], 1, __ATOMIC_RELEASE);
	__thrwakeup(&done[i], 1);
	return 0;
}

int main(void)
{
	pthread_attr_t attr;
	size_t size = 0;
	if (pthread_attr_init(&attr) || pthread_attr_getstacksize(&attr, &size) ||
	    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED))
		return 2;
	say("default stack KiB", (long)(size >> 10));
	for (int i = 0; i < N; i++) {
		pthread_t t;
		if (pthread_create(&t, &attr, worker, (void *)(intptr_t)i) != 0)
			return 2;
	}
	pthread_attr_destroy(&attr);
	for (int i = 0; i < N; i++) {
		__atomic_store_n(&words[i], 1, __ATOMIC_RELEASE);
		__thrwakeup(&words[i], 1);
		while (__atomic_load_n(&done[i], __ATOMIC_ACQUIRE) == 0)
			__thrsleep(&done[i], CLOCK_MONOTONIC, NULL, NULL, (const int *)&done[i]);
	}
	int distinct = 1;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < i; j++)
			distinct &= ids[i] != ids[j] && ids[i] != getthrid();
	say("threads done", N);
	say("distinct thread ids", distinct);
	return distinct ? 0 : 1;
}
