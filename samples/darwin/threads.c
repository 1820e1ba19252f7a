/*
 * macOS threads: pthread_attr_t (64 bytes) set detached, four threads made
 * with pthread_create, each with its own TSD block at %gs (slot 0 is the
 * thread itself: pthread_self), counting under a pthread_mutex_t (64 bytes)
 * and signalling a pthread_cond_t (48 bytes) the main thread waits on,
 * with pthread_cond_timedwait_relative_np timing out first.
 */
#include "darwin.h"

typedef struct {
	long sig;
	char opaque[56];
} pthread_attr_t, pthread_mutex_t;
typedef struct {
	long sig;
	char opaque[40];
} pthread_cond_t;
struct timespec {
	long tv_sec, tv_nsec;
};
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_create(void **, const pthread_attr_t *, void *(*)(void *), void *);
void *pthread_self(void);
int pthread_mutex_init(pthread_mutex_t *, const void *);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_cond_init(pthread_cond_t *, const void *);
int pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int pthread_cond_signal(pthread_cond_t *);
int pthread_cond_timedwait_relative_np(pthread_cond_t *, pthread_mutex_t *,
				       const struct timespec *);

#define PTHREAD_CREATE_DETACHED 2
#define ETIMEDOUT		60

static pthread_mutex_t lock;
static pthread_cond_t done;
static int count, distinct;
static void *selves[4];

static void *worker(void *arg)
{
	void *self = pthread_self(), *tsd0;
	__asm__ volatile("movq %%gs:0, %0" : "=r"(tsd0));
	pthread_mutex_lock(&lock);
	if (self == tsd0 && self)
		distinct++;
	selves[(long)arg] = self;
	count++;
	pthread_cond_signal(&done);
	pthread_mutex_unlock(&lock);
	return 0;
}

int main(void)
{
	pthread_attr_t attr;
	if (pthread_mutex_init(&lock, 0) || pthread_cond_init(&done, 0) ||
	    pthread_attr_init(&attr) || pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED))
		fail("init");
	struct timespec ms = {0, 10000000};
	pthread_mutex_lock(&lock);
	if (pthread_cond_timedwait_relative_np(&done, &lock, &ms) != ETIMEDOUT)
		fail("timedwait without a signal");
	pthread_mutex_unlock(&lock);
	for (long i = 0; i < 4; i++) {
		void *t;
		if (pthread_create(&t, &attr, worker, (void *)i) != 0)
			fail("pthread_create");
	}
	pthread_mutex_lock(&lock);
	while (count < 4)
		pthread_cond_wait(&done, &lock);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < 4; i++)
		if (selves[i] == pthread_self())
			fail("a thread has the main thread's pthread_t");
	put("threads: 4 ran, ");
	put_num(distinct);
	put(" saw their own TSD at %gs:0, timedwait ETIMEDOUT ");
	put_num(ETIMEDOUT);
	put("\n");
	return 0;
}
