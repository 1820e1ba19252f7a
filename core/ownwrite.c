#include "core/ownwrite.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "core/host.h"

/* The kernel's sigset_t: one bit per signal, signal n at bit n - 1. */
#define KERNEL_SIGSET_SIZE 8
#define SIGPIPE_BIT	   (1ull << (SIGPIPE - 1))

/* Raw calls throughout: never shown by --trace=host, which lists the calls
 * the guest's calls became, and never touching errno. */
static long raw(long nr, long a, long b, long c, long d)
{
	return xeno_raw_syscall(nr, a, b, c, d, 0, 0);
}

void xeno_own_out_init(struct xeno_own_out *o, int fd)
{
	struct stat st;
	o->fd = fd;
	o->broken = false;
	/* A file or a terminal never raises SIGPIPE; a pipe, a socket, or
	 * anything fstat cannot tell may. */
	o->may_sigpipe =
	    raw(SYS_fstat, fd, (long)&st, 0, 0) < 0 || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		long w = raw(SYS_write, fd, (long)p, (long)n, 0);
		if (w == -EINTR)
			continue;
		if (w < 0)
			return (int)w;
		if (w == 0)
			return -EIO;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The write with SIGPIPE blocked; if it fails with EPIPE, the SIGPIPE it
 * raised is taken from the thread's pending signals.  One that was pending
 * already (the guest's own write to the same pipe, a moment ago: its trace
 * line comes next) is left alone, for the kernel keeps one SIGPIPE however
 * often it is sent.  (One sent to the whole process stays pending apart
 * from the thread's own: then the guest may see two where it would see one.) */
static int guarded_write(int fd, const void *buf, size_t n)
{
	uint64_t pipe = SIGPIPE_BIT, old = 0, pending = 0;
	raw(SYS_rt_sigprocmask, SIG_BLOCK, (long)&pipe, (long)&old, KERNEL_SIGSET_SIZE);
	/* Unblocked until now, a SIGPIPE would have been delivered already. */
	if (old & SIGPIPE_BIT)
		raw(SYS_rt_sigpending, (long)&pending, KERNEL_SIGSET_SIZE, 0, 0);
	int r = write_all(fd, buf, n);
	if (r == -EPIPE && !(pending & SIGPIPE_BIT)) {
		struct timespec now = {0, 0};
		raw(SYS_rt_sigtimedwait, (long)&pipe, 0, (long)&now, KERNEL_SIGSET_SIZE);
	}
	if (!(old & SIGPIPE_BIT))
		raw(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&pipe, 0, KERNEL_SIGSET_SIZE);
	return r;
}

int xeno_own_write(struct xeno_own_out *o, const void *buf, size_t n)
{
	if (__atomic_load_n(&o->broken, __ATOMIC_RELAXED))
		return -EPIPE;
	int r = o->may_sigpipe ? guarded_write(o->fd, buf, n) : write_all(o->fd, buf, n);
	if (r == -EPIPE)
		__atomic_store_n(&o->broken, true, __ATOMIC_RELAXED);
	return r;
}

int xeno_own_write_fd(int fd, const void *buf, size_t n)
{
	return guarded_write(fd, buf, n);
}
