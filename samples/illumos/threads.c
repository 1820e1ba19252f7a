/* illumos threads: joinable and detached threads, their own ids, and the
 * semaphores that wake them. */
#include "illumos.h"

#define N 4

static sem_t ready, go;
static int done[N];

static void *worker(void *arg)
{
	long i = (long)arg;
	sem_post(&ready);
	sem_wait(&go);
	done[i] = 1;
	return (void *)(i * 10);
}

static void *detached(void *arg)
{
	(void)arg;
	sem_post(&ready);
	pthread_exit(0);
}

int main(void)
{
	pthread_t t[N], d;
	sem_init(&ready, 0, 0);
	sem_init(&go, 0, 0);
	for (long i = 0; i < N; i++)
		if (pthread_create(&t[i], 0, worker, (void *)i) != 0)
			return 2;
	for (int i = 0; i < N; i++)
		sem_wait(&ready);
	printf("%d threads ready\n", N);
	int distinct = 1;
	for (int i = 0; i < N; i++)
		distinct &= t[i] != pthread_self() && (i == 0 || t[i] != t[i - 1]);
	printf("thread ids distinct: %s\n", distinct ? "yes" : "no");
	for (int i = 0; i < N; i++)
		sem_post(&go);
	long sum = 0;
	for (int i = 0; i < N; i++) {
		void *r;
		if (pthread_join(t[i], &r) != 0)
			return 3;
		sum += (long)r;
	}
	printf("joined: results sum %ld, all done %d\n", sum,
	       done[0] & done[1] & done[2] & done[3]);
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&d, &a, detached, 0) != 0)
		return 4;
	pthread_attr_destroy(&a);
	sem_wait(&ready);
	printf("detached thread ran; join it: %d\n", pthread_join(d, 0) == EINVAL);
	int v = -1;
	sem_getvalue(&go, &v);
	printf("semaphore value %d, trywait %s\n", v,
	       sem_trywait(&go) < 0 && errno == EAGAIN ? "EAGAIN" : "?");
	return 0;
}
