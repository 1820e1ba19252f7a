/* illumos's errno: System V numbers, one per thread (___errno), left alone
 * by calls that succeed. */
#include "illumos.h"

static int check(const char *what, int got, int want)
{
	printf("%s: errno %d%s\n", what, got, got == want ? "" : " (wrong)");
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
	struct stat st;
	errno = 0;
	bad |= check("open missing", open("/no/such/file", O_RDONLY) < 0 ? errno : 0, ENOENT);
	errno = 0;
	bad |= check("stat succeeds", stat("/", &st) == 0 ? errno : -1, 0);
	if (pipe(fds) < 0 || fcntl(fds[0], F_SETFL, O_NONBLOCK) < 0)
		return 2;
	char c;
	bad |= check("read of an empty pipe", read(fds[0], &c, 1) < 0 ? errno : 0, EAGAIN);
	char tio[36];
	bad |= check("TCGETS on a pipe", ioctl(fds[0], TCGETS, tio) < 0 ? errno : 0, ENOTTY);
	sem_t sem;
	struct timespec ts = {0, 1000000};
	sem_init(&sem, 0, 0);
	bad |=
	    check("sem_reltimedwait_np", sem_reltimedwait_np(&sem, &ts) < 0 ? errno : 0, ETIMEDOUT);
	unsigned n = 1;
	int port = port_create();
	port_event_t pe;
	bad |=
	    check("port_getn timed out", port_getn(port, &pe, 1, &n, &ts) < 0 ? errno : 0, ETIME);
	bad |= check("port_get timed out", port_get(port, &pe, &ts) < 0 ? errno : 0, ETIME);
	bad |= check("port_dissociate", port_dissociate(port, PORT_SOURCE_FD, 0) < 0 ? errno : 0,
		     ENOENT);
	errno = 0;
	pthread_t t;
	int theirs = 0;
	pthread_create(&t, 0, other_thread, &theirs);
	pthread_join(t, 0);
	bad |= check("another thread's errno", theirs, EBADF);
	bad |= check("this thread's errno", errno, 0);
	return bad;
}
