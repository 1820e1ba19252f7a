/* OpenBSD's errno: OpenBSD's numbers, one per thread (__errno), left alone
 * by calls that succeed; __thrsleep and __thrwakeup return theirs. */
#include "openbsd.h"

static int check(const char *what, int got, int want)
{
	say(what, got);
	return got != want;
}

static void *other_thread(void *arg)
{
	errno = 0;
	close(-1); /* EBADF here, not in main */
	*(int *)arg = errno;
	return 0;
}

int main(void)
{
	int bad = 0, fds[2];
	errno = 0;
	bad |= check("open missing", open("/no/such/file", O_RDONLY) < 0 ? errno : 0, ENOENT);
	errno = 0;
	bad |= check("getpid leaves errno", getpid() > 0 ? errno : -1, 0);
	if (pipe2(fds, O_NONBLOCK) < 0)
		return 2;
	char c;
	bad |= check("read of an empty pipe", read(fds[0], &c, 1) < 0 ? errno : 0, EAGAIN);
	int word = 0;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_nsec += 1000000;
	if (now.tv_nsec >= 1000000000)
		now.tv_sec++, now.tv_nsec -= 1000000000;
	bad |= check("__thrsleep timed out", __thrsleep(&word, CLOCK_MONOTONIC, &now, NULL, NULL),
		     EWOULDBLOCK);
	int abort = 1;
	bad |= check("__thrsleep aborted", __thrsleep(&word, CLOCK_MONOTONIC, NULL, NULL, &abort),
		     EINTR);
	bad |= check("__thrwakeup of nobody", __thrwakeup(&word, 1), ESRCH);
	errno = 0;
	pthread_t t;
	int theirs = 0;
	if (pthread_create(&t, NULL, other_thread, &theirs) != 0 || pthread_join(t, NULL) != 0)
		return 2;
	bad |= check("errno in the other thread", theirs, EBADF);
	bad |= check("errno here", errno, 0);
	return bad;
}
