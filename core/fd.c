#include "core/fd.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/resource.h>
#include <unistd.h>

#define XENO_FDS 32	     /* descriptors reserved for xeno itself */
#define RAISE_TO (1UL << 16) /* how far the soft limit is raised at most */

static unsigned long guest_limit = 1024;
static unsigned long xeno_floor = 0;

/* Descriptors xeno_fd_move_high handed out; below the floor only when the
 * limit left no room above the guest's. */
static int owned[XENO_FDS];
static unsigned owned_count;

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
	/* With no room to raise the limit (soft = hard), xeno's descriptors
	 * come out of the guest's: the guest sees a limit that much lower. */
	if (guest_limit > xeno_floor)
		guest_limit = xeno_floor;
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
	if (high < 0)
		return -err;
	if ((unsigned long)high < xeno_floor && owned_count < XENO_FDS)
		owned[owned_count++] = high;
	return high;
}

unsigned long xeno_fd_guest_limit(void)
{
	return guest_limit;
}

bool xeno_fd_is_reserved(int fd)
{
	if (fd < 0)
		return false;
	if (xeno_floor && (unsigned long)fd >= xeno_floor)
		return true;
	for (unsigned i = 0; i < owned_count; i++)
		if (owned[i] == fd)
			return true;
	return false;
}

/* The lowest reserved descriptor >= from, or UINT_MAX if none. */
static unsigned next_reserved(unsigned from)
{
	unsigned next = xeno_floor ? (unsigned)xeno_floor : UINT_MAX;
	if (from >= next)
		return from;
	for (unsigned i = 0; i < owned_count; i++)
		if ((unsigned)owned[i] >= from && (unsigned)owned[i] < next)
			next = (unsigned)owned[i];
	return next;
}

int xeno_fd_for_each_guest_run(unsigned lo, unsigned hi,
			       int (*fn)(unsigned lo, unsigned hi, void *arg), void *arg)
{
	while (lo <= hi) {
		unsigned r = next_reserved(lo);
		if (r > lo) {
			int ret = fn(lo, r - 1 < hi ? r - 1 : hi, arg);
			if (ret != 0)
				return ret;
		}
		/* Past the floor every descriptor is xeno's. */
		if (r >= hi || (xeno_floor && r >= xeno_floor))
			break;
		lo = r + 1;
	}
	return 0;
}

long xeno_fd_guest_new(long fd)
{
	if (fd >= 0 && (unsigned long)fd >= guest_limit) {
		close((int)fd);
		return -EMFILE;
	}
	return fd;
}
