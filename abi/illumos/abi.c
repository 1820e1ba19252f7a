/*
 * The facts of illumos the shared handlers need (abi/bsd/abi.h).  illumos
 * is no BSD, but the shared handlers are POSIX kernels' semantics
 * parameterised by exactly these facts: its own flag tables, layouts and
 * rules fill them.  Its struct msghdr (the XPG4.2 form the __xnet_* calls
 * take) and struct pollfd have the BSD shapes.
 */
#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <time.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"
#include "abi/illumos/errno.h"
#include "abi/illumos/fcntl.h"
#include "abi/illumos/mman.h"
#include "abi/illumos/port.h"
#include "abi/illumos/resource.h"
#include "abi/illumos/signal.h"
#include "abi/illumos/socket.h"
#include "abi/illumos/stat.h"
#include "libs/illumos/illumos.h"

/* ---- poll(2) events (usr/src/uts/common/sys/poll.h): Linux's but for
 * POLLWRBAND (illumos 0x100, Linux 0x200) and POLLWRNORM (illumos's is
 * POLLOUT, Linux's its own bit 0x100). ---- */

static const struct xeno_flag poll_events[] = {
    XENO_FLAG("POLLIN", ILLUMOS_POLLIN, POLLIN),
    XENO_FLAG("POLLPRI", ILLUMOS_POLLPRI, POLLPRI),
    XENO_FLAG("POLLOUT", ILLUMOS_POLLOUT, POLLOUT),
    XENO_FLAG("POLLERR", ILLUMOS_POLLERR, POLLERR),
    XENO_FLAG("POLLHUP", ILLUMOS_POLLHUP, POLLHUP),
    XENO_FLAG("POLLNVAL", ILLUMOS_POLLNVAL, POLLNVAL),
    XENO_FLAG("POLLRDNORM", ILLUMOS_POLLRDNORM, POLLRDNORM),
    XENO_FLAG("POLLRDBAND", ILLUMOS_POLLRDBAND, POLLRDBAND),
    XENO_FLAG("POLLWRBAND", ILLUMOS_POLLWRBAND, POLLWRBAND),
};
const struct xeno_flagset illumos_poll_events = XENO_FLAGSET("pollev", poll_events, 0);

static int poll_events_to_host(int events, short *host)
{
	uint64_t h;
	if (xeno_flags_to_host(&illumos_poll_events, (uint16_t)events, &h) < 0)
		return -EINVAL;
	*host = (short)h;
	return 0;
}

static int poll_revents_from_host(int host, int requested)
{
	(void)requested;
	if (host & POLLWRNORM)
		host = (host & ~POLLWRNORM) | POLLOUT;
	uint64_t f = 0;
	xeno_flags_from_host(&illumos_poll_events, (uint16_t)host, &f);
	return (int)f;
}

/* ---- utimensat: UTIME_NOW -1, UTIME_OMIT -2 (sys/stat.h) ---- */

static int utimens_to_host(const void *foreign, struct timespec *host)
{
	const struct illumos_timespec *ts = foreign;
	for (int i = 0; i < 2; i++) {
		host[i].tv_sec = ts[i].tv_sec;
		host[i].tv_nsec = ts[i].tv_nsec == -1	? UTIME_NOW
				  : ts[i].tv_nsec == -2 ? UTIME_OMIT
							: ts[i].tv_nsec;
		if (host[i].tv_nsec != UTIME_NOW && host[i].tv_nsec != UTIME_OMIT &&
		    (host[i].tv_nsec < 0 || host[i].tv_nsec >= 1000000000))
			return -EINVAL;
	}
	return 0;
}

/* ---- getrandom(2) flags (sys/random.h: as Linux's) ---- */

static const struct xeno_flag getrandom_flags[] = {
    XENO_FLAG("GRND_NONBLOCK", 0x1, GRND_NONBLOCK),
    XENO_FLAG("GRND_RANDOM", 0x2, GRND_RANDOM),
};
const struct xeno_flagset illumos_getrandom_flags = XENO_FLAGSET("getrandom", getrandom_flags, 0);

/* ---- waitpid options (sys/wait.h: WNOHANG 0x40, WUNTRACED 0x04,
 * WCONTINUED 0x08; WEXITED 0x01, WTRAPPED 0x02, WNOWAIT 0x80 are
 * waitid's) ---- */

static const struct xeno_flag wait_options[] = {
    XENO_FLAG("WUNTRACED", 0x04, WUNTRACED),
    XENO_FLAG("WCONTINUED", 0x08, WCONTINUED),
    XENO_FLAG("WNOHANG", 0x40, WNOHANG),
};
const struct xeno_flagset illumos_wait_options = XENO_FLAGSET("waitopt", wait_options, 0);

static void sigset_to_host(const void *foreign, sigset_t *host)
{
	illumos_sigset_to_host(foreign, host);
}

_Static_assert(offsetof(struct bsd_msghdr, msg_control) == 32 &&
		   offsetof(struct bsd_msghdr, msg_controllen) == 40 &&
		   offsetof(struct bsd_msghdr, msg_flags) == 44,
	       "the XPG4.2 struct msghdr of illumos (sys/socket.h)");

const struct bsd_abi illumos_bsd_abi = {
    /* ---- files ---- */
    .at_fdcwd = ILLUMOS_AT_FDCWD,
    .path_max = 1024, /* limits.h PATH_MAX */
    .open_flags = &illumos_open_flagset,
    .setfl_mask = ILLUMOS_O_NONBLOCK | ILLUMOS_O_NDELAY | ILLUMOS_O_APPEND | ILLUMOS_O_SYNC |
		  ILLUMOS_O_DSYNC | ILLUMOS_O_RSYNC | ILLUMOS_O_LARGEFILE,
    .at_flags = &illumos_at_flagset,
    .access_mode = &illumos_access_flagset,
    .whence = &illumos_whence_flagset,
    .fcntl_cmds = &illumos_fcntlcmd_flagset,
    .fd_flags = &illumos_fdflags_flagset,
    /* an open(O_NOFOLLOW) of a symbolic link: ELOOP, as POSIX has it */
    .nofollow_symlink_errno = ELOOP,
    .posix_calls_return_errno = 1,
    .flock_size = sizeof(struct illumos_flock),
    .oflock_size = sizeof(struct illumos_flock),
    .flock_to_host = illumos_flock_to_host,
    .flock_from_host = illumos_flock_from_host,
    .utimens_size = 2 * sizeof(struct illumos_timespec),
    .utimens_to_host = utimens_to_host,

    /* ---- memory ---- */
    .mmap_plan = illumos_mmap_plan,
    .mmap_occupied_errno = ENOMEM,
    .prot_to_host = illumos_prot_to_host,
    .msync_to_host = illumos_msync_to_host,
    .madvise_to_host = illumos_madvise_to_host,

    /* ---- processes, resources, time ---- */
    .wait_options = &illumos_wait_options,
    .wait_continued_status = 0xffff, /* WCONTFLG */
    .rlimit_resource_to_host = illumos_rlimit_resource_to_host,
    .rlimit_nofile = ILLUMOS_RLIMIT_NOFILE,
    .rlim_nlimits = ILLUMOS_RLIM_NLIMITS,
    .rlimit_to_host = illumos_rlimit_to_host,
    .rlimit_from_host = illumos_rlimit_from_host,
    .rusage_from_host = illumos_rusage_from_host,
    .rusage_size = 144,
    .clock_to_host = illumos_clock_to_host,
    .timer_abstime = ILLUMOS_TIMER_ABSTIME,
    .getrandom_flags = &illumos_getrandom_flags,
    .maxlogname = 33, /* LOGNAME_MAX 32, the NUL included */

    /* ---- signals ---- */
    .sigset_size = sizeof(struct illumos_sigset),
    .sigset_to_host = sigset_to_host,

    /* ---- sockets ---- */
    .domain_to_host = illumos_domain_to_host,
    .domain_from_host = illumos_domain_from_host,
    .socktype_to_host = illumos_socktype_to_host,
    .accept_flags_to_host = illumos_accept_flags_to_host,
    .shutdown_how = &illumos_shutdown_how,
    .sockaddr_to_host = illumos_sockaddr_to_host,
    .sockaddr_from_host = illumos_sockaddr_from_host,
    .sockaddr_reported_len = illumos_sockaddr_reported_len,
    .sockaddr_max = ILLUMOS_SOCK_MAXADDRLEN,
    .inet6_v6only = false, /* illumos's IPv6 sockets take IPv4 too */
    .msg_flags_to_host = illumos_msg_flags_to_host,
    .msg_flags_from_host = illumos_msg_flags_from_host,
    .msg_nosignal = ILLUMOS_MSG_NOSIGNAL,
    .msg_eor = ILLUMOS_MSG_EOR,
    .cmsgs_to_host = illumos_cmsgs_to_host,
    .cmsgs_from_host = illumos_cmsgs_from_host,
    .cmsghdr_size = sizeof(struct illumos_cmsghdr),
    .cmsg_max = 2048,
    .uio_maxiov = 1024, /* IOV_MAX */
    .sockopt_find = illumos_sockopt_find,
    .poll_events_to_host = poll_events_to_host,
    .poll_revents_from_host = poll_revents_from_host,
    .poll_inftim = -1,
};
