#include "core/fd.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/host.h"

#define RAISE_TO (1UL << 16) /* how far the soft limit is raised at most */

static unsigned long guest_limit = 1024;
static unsigned long xeno_floor = 0;

/* Descriptors xeno_fd_move_high handed out; below the floor only when the
 * limit left no room above the guest's. */
static int owned[XENO_FDS];
static unsigned owned_count;
unsigned long xeno_fd_reserved_below(unsigned long limit)
{
	unsigned long r = limit / 8;
	if (r < XENO_FDS_MIN)
		r = XENO_FDS_MIN;
	if (r > XENO_FDS)
		r = XENO_FDS;
	return limit > r + 3 ? r : limit > 3 ? limit - 3 : 0;
}

/* Where xeno's own descriptors go: the top of the host's soft limit. */
static void set_floor(rlim_t host_soft)
{
	xeno_floor = host_soft - xeno_fd_reserved_below(host_soft);
}

/* The smallest host limit that leaves the guest n (host units). */
static rlim_t host_limit_for(unsigned long n)
{
	if (n >= RLIM_INFINITY - XENO_FDS)
		return RLIM_INFINITY;
	rlim_t h = n;
	while (h - xeno_fd_reserved_below(h) < n)
		h++;
	return h;
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
		host_syscall1(SYS_close, fd); /* not glibc's: this runs on the guest's FS base */
		return -EMFILE;
	}
	return fd;
}

int xeno_fd_guest_limits(unsigned long *cur, unsigned long *max)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -errno;
	*max = rl.rlim_max == RLIM_INFINITY ? rl.rlim_max
					    : rl.rlim_max - xeno_fd_reserved_below(rl.rlim_max);
	*cur = guest_limit < *max ? guest_limit : *max;
	return 0;
}

int xeno_fd_set_guest_limits(unsigned long cur, unsigned long max)
{
	struct rlimit rl;
	if (cur > max)
		return -EINVAL;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -errno;
	rlim_t hard = host_limit_for(max), soft = host_limit_for(cur);
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

static rlim_t soft_before_exec = RLIM_INFINITY;

void xeno_fd_exec_begin(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	soft_before_exec = rl.rlim_cur;
	if (guest_limit < rl.rlim_cur) {
		rl.rlim_cur = guest_limit;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

void xeno_fd_exec_failed(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == soft_before_exec)
		return;
	rl.rlim_cur = soft_before_exec;
	setrlimit(RLIMIT_NOFILE, &rl);
}

size_t xeno_fd_proc_path(char *buf, size_t size, long fd)
{
	static const char prefix[] = "/proc/self/fd/";
	char digits[24];
	size_t n = 0, len = sizeof prefix - 1;
	unsigned long v = fd < 0 ? 0 : (unsigned long)fd;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (len + n + 1 > size)
		return 0;
	memcpy(buf, prefix, len);
	while (n)
		buf[len++] = digits[--n];
	buf[len] = '\0';
	return len;
}
