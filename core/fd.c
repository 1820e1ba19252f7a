#include "core/fd.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#define XENO_FDS 32           /* descriptors reserved for xeno itself */
#define RAISE_TO (1UL << 16)  /* how far the soft limit is raised at most */

static unsigned long guest_limit = 1024;
static unsigned long xeno_floor = 0;

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
	xeno_floor = rl.rlim_cur > 2 * XENO_FDS ? rl.rlim_cur - XENO_FDS : 3;
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
