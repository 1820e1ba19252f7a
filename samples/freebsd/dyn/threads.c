/*
 * libthr: threads, a mutex, condition variables, a read-write lock,
 * thread-specific data with destructors, pthread_once, and thread-local
 * variables — the program's own (local-exec), a shared library's reached
 * from here (initial-exec) and from the library itself (general-dynamic,
 * __tls_get_addr).  Everything is printed by the main thread, in order.
 */
#include "libc.h"

extern __thread int greet_tls; /* libgreet.so.1's, starting at 100 */
int greet_count(void);
int *greet_tls_address(void);

#define WORKERS 4
#define ROUNDS	20000

__thread int own_tls = 5;
static __thread long own_zeroed;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static long counter;
static int once_runs;
static int stage;
static long destroyed[WORKERS];
static int ndestroyed;

struct result {
	int own, greet, greet_via_library, calls, specific_ok, main_np;
	long zeroed;
	int errno_own;
};
static struct result results[WORKERS];

static void count_once(void)
{
	once_runs++;
}

/* Runs as each worker ends, with the value it set. */
static void destructor(void *value)
{
	pthread_mutex_lock(&lock);
	destroyed[ndestroyed++] = (long)(intptr_t)value;
	pthread_mutex_unlock(&lock);
}

static void *worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	pthread_once(&once, count_once);
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	own_tls += id;
	own_zeroed += id;
	greet_tls += id;
	greet_count();
	errno = 1000 + id;
	pthread_setspecific(key, (void *)(intptr_t)((id + 1) * 100));
	struct result *r = &results[id];
	r->own = own_tls;
	r->zeroed = own_zeroed;
	r->greet = greet_tls;
	r->greet_via_library = *greet_tls_address();
	r->calls = greet_count();
	r->specific_ok = pthread_getspecific(key) == (void *)(intptr_t)((id + 1) * 100);
	r->main_np = pthread_main_np();
	r->errno_own = errno;
	if (id == WORKERS - 1)
		pthread_exit((void *)(intptr_t)(id * 10)); /* as if it returned */
	return (void *)(intptr_t)(id * 10);
}

static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (stage != 1)
		pthread_cond_wait(&changed, &lock);
	stage = 2;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rwlock);
	pthread_mutex_lock(&lock);
	stage = 3;
	pthread_cond_broadcast(&changed);
	while (stage != 4)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	pthread_rwlock_unlock(&rwlock);
	return NULL;
}

static void *try_unlock(void *arg)
{
	return (void *)(intptr_t)pthread_mutex_unlock(arg);
}

static void *detached(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	stage = 5;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void wait_for(int value)
{
	pthread_mutex_lock(&lock);
	while (stage != value)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
}

int main(void)
{
	pthread_t threads[WORKERS];
	printf("key_create: %d\n", pthread_key_create(&key, destructor));
	for (int i = 0; i < WORKERS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)(intptr_t)i);
	for (int i = 0; i < WORKERS; i++) {
		void *value;
		int r = pthread_join(threads[i], &value);
		printf("join %d: %d, returned %ld\n", i, r, (long)(intptr_t)value);
	}
	printf("counter: %ld (expected %d)\n", counter, WORKERS * ROUNDS);
	printf("once ran: %d time(s)\n", once_runs);
	for (int i = 0; i < WORKERS; i++) {
		struct result *r = &results[i];
		printf("worker %d: own tls %d, zeroed tls %ld, library tls %d (library sees %d), "
		       "library counter %d, specific %s, main_np %d, errno %d\n",
		       i, r->own, r->zeroed, r->greet, r->greet_via_library, r->calls,
		       r->specific_ok ? "ok" : "wrong", r->main_np, r->errno_own);
	}
	long sum = 0;
	for (int i = 0; i < ndestroyed; i++)
		sum += destroyed[i];
	printf("destructors ran: %d, values summing to %ld\n", ndestroyed, sum);
	int calls = greet_count();
	printf("main: own tls %d, library tls %d, library counter %d, specific %s, main_np %d\n",
	       own_tls, greet_tls, calls, pthread_getspecific(key) ? "set" : "none",
	       pthread_main_np());
	printf("pthread_self is stable: %s\n",
	       pthread_equal(pthread_self(), pthread_self()) ? "yes" : "no");

	/* a condition variable both ways */
	pthread_t w;
	pthread_create(&w, NULL, waiter, NULL);
	pthread_mutex_lock(&lock);
	stage = 1;
	pthread_cond_broadcast(&changed);
	while (stage != 2)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	pthread_join(w, NULL);
	printf("condition variable: stage %d\n", stage);

	struct timespec past = {1, 0};
	pthread_mutex_lock(&lock);
	printf("timedwait in the past: %d\n", pthread_cond_timedwait(&changed, &lock, &past));
	/* FreeBSD's default mutex checks errors */
	printf("relock by the owner: %d\n", pthread_mutex_lock(&lock));
	pthread_t other;
	void *unlock_result;
	pthread_create(&other, NULL, try_unlock, &lock);
	pthread_join(other, &unlock_result);
	printf("unlock by another thread: %ld\n", (long)(intptr_t)unlock_result);
	pthread_mutex_unlock(&lock);

	pthread_mutexattr_t attr;
	pthread_mutex_t recursive;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&recursive, &attr);
	pthread_mutexattr_destroy(&attr);
	int a = pthread_mutex_lock(&recursive), b = pthread_mutex_lock(&recursive);
	int c = pthread_mutex_unlock(&recursive), d = pthread_mutex_unlock(&recursive);
	printf("recursive: %d %d %d %d, then unlocked: %d\n", a, b, c, d,
	       pthread_mutex_unlock(&recursive));
	a = pthread_mutex_trylock(&lock);
	b = pthread_mutex_trylock(&lock);
	printf("trylock: %d, by the owner: %d\n", a, b);
	pthread_mutex_unlock(&lock);
	printf("destroy: %d\n", pthread_mutex_destroy(&recursive));

	/* two readers at once */
	pthread_t r;
	pthread_create(&r, NULL, reader, NULL);
	wait_for(3);
	printf("second reader: %d\n", pthread_rwlock_rdlock(&rwlock));
	pthread_rwlock_unlock(&rwlock);
	pthread_mutex_lock(&lock);
	stage = 4;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	pthread_join(r, NULL);
	printf("writer after them: %d\n", pthread_rwlock_wrlock(&rwlock));
	pthread_rwlock_unlock(&rwlock);

	/* a detached thread, on a stack size of its own */
	pthread_attr_t tattr;
	pthread_attr_init(&tattr);
	pthread_attr_setdetachstate(&tattr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&tattr, 256 * 1024);
	pthread_t d_thread;
	printf("detached create: %d\n", pthread_create(&d_thread, &tattr, detached, NULL));
	pthread_attr_destroy(&tattr);
	wait_for(5);
	printf("detached thread ran\n");
	return 0;
}
