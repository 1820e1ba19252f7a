#include "core/fd.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#define RAISE_TO (1UL << 16) /* how far the soft limit is raised at most */

static unsigned long guest_limit = 1024;
static unsigned long xeno_floor = 0;

/* Where xeno's own descriptors go: XENO_FDS below the host's soft limit. */
static void set_floor(rlim_t host_soft)
{
	xeno_floor = host_soft > 2 * XENO_FDS ? host_soft - XENO_FDS : 3;
}

void xeno_fd_init(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	guest_limit = rl.rlim_cur;
	rlim_t want = rl.rlim_max < RAISE_TO ? rl.rlim_max : RAISE_TO;
	if (want > rl.rlim_cur) {
		struct rlimit raised = {want, rl.rlim_max};
		if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
			rl.rlim_cur = want;
	}
	set_floor(rl.rlim_cur);
}

int xeno_fd_move_high(int fd)
{
	if (xeno_floor == 0)
		xeno_fd_init();
	int high = fcntl(fd, F_DUPFD_CLOEXEC, (int)xeno_floor);
	if (high < 0)
		high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	int err = errno;
	close(fd);
	return high < 0 ? -err : high;
}

unsigned long xeno_fd_guest_limit(void)
{
	return guest_limit;
}

int xeno_fd_guest_limits(unsigned long *cur, unsigned long *max)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -errno;
	*max = rl.rlim_max == RLIM_INFINITY || rl.rlim_max <= XENO_FDS ? rl.rlim_max
								       : rl.rlim_max - XENO_FDS;
	*cur = guest_limit < *max ? guest_limit : *max;
	return 0;
}

/* n + XENO_FDS, saturating at infinity. */
static rlim_t with_room(unsigned long n)
{
	return n >= RLIM_INFINITY - XENO_FDS ? RLIM_INFINITY : n + XENO_FDS;
}

int xeno_fd_set_guest_limits(unsigned long cur, unsigned long max)
{
	struct rlimit rl;
	if (cur > max)
		return -EINVAL;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -errno;
	rlim_t hard = with_room(max), soft = with_room(cur);
	if (soft < rl.rlim_cur)
		soft = rl.rlim_cur; /* xeno's descriptors may sit up there already */
	if (soft > hard)
		soft = hard;
	struct rlimit want = {soft, hard};
	if (setrlimit(RLIMIT_NOFILE, &want) != 0)
		return -errno;
	guest_limit = cur;
	set_floor(soft);
	return 0;
}
