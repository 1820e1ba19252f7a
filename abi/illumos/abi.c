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

/* ---- utimensat: UTIME_NOW -1, UTIME_OMIT -2 (sys/stat.h) ---- */

#define ILLUMOS_UTIME_NOW  (-1)
#define ILLUMOS_UTIME_OMIT (-2)
_Static_assert(sizeof(struct illumos_timespec) == 16, "struct timespec: the BSDs' layout");

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

/* Addresses and control messages are not the 4.4BSD forms. */
static const struct bsd_socket_codecs socket_codecs = {
    .sockaddr_to_host = illumos_sockaddr_to_host,
    .sockaddr_from_host = illumos_sockaddr_from_host,
    .cmsgs_to_host = illumos_cmsgs_to_host,
    .cmsgs_from_host = illumos_cmsgs_from_host,
};

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
    .access_mode = &bsd_access_flagset,
    .whence = &illumos_whence_flagset,
    .fcntl_cmds = &illumos_fcntlcmd_flagset,
    .fd_flags = &bsd_fdflags_flagset,
    /* an open(O_NOFOLLOW) of a symbolic link: ELOOP, as POSIX has it */
    .nofollow_symlink_errno = ELOOP,
    .posix_calls_return_errno = 1,
    .flock_size = sizeof(struct illumos_flock),
    .oflock_size = sizeof(struct illumos_flock),
    .flock_to_host = illumos_flock_to_host,
    .flock_from_host = illumos_flock_from_host,
    /* getcwd(3C): the buffer filled, ERANGE when the path does not fit */
    .getcwd_returns_length = 0,
    .getcwd_small_errno = ERANGE,
    .getcwd_short_errno = ERANGE,
    .getcwd_max = 1024, /* MAXPATHLEN */
    .utime_now = ILLUMOS_UTIME_NOW,
    .utime_omit = ILLUMOS_UTIME_OMIT,

    /* ---- memory ---- */
    .mmap_plan = illumos_mmap_plan,
    .mmap_occupied_errno = ENOMEM,
    .prot_to_host = illumos_prot_to_host,
    .msync_to_host = illumos_msync_to_host,
    .madv_advice = &illumos_madv_advice,

    /* ---- processes, resources, time ---- */
    .wait_options = &illumos_wait_options,
    .wait_continued_status = 0xffff, /* WCONTFLG */
    .rlimit_resources = &illumos_rlimit_resources,
    .rlimit_nofile = ILLUMOS_RLIMIT_NOFILE,
    .rlim_nlimits = ILLUMOS_RLIM_NLIMITS,
    .rlim_infinity = ILLUMOS_RLIM_INFINITY,
    .clock_to_host = illumos_clock_to_host,
    .timer_abstime = ILLUMOS_TIMER_ABSTIME,
    .getrandom_flags = &illumos_getrandom_flags,
    .maxlogname = 33, /* LOGNAME_MAX 32, the NUL included */

    /* ---- sockets ---- */
    .socket_domains = &illumos_socket_domains,
    .socket_types = &illumos_socket_types,
    /* usr/src/uts/common/fs/sockfs/socksyscalls.c so_socket */
    .socktype_unknown_errno = EPROTONOSUPPORT,
    .socket_codecs = &socket_codecs,
    .shutdown_how = &illumos_shutdown_how,
    .sockaddr_max = ILLUMOS_SOCK_MAXADDRLEN,
    .inet6_v6only = false, /* illumos's IPv6 sockets take IPv4 too */
    .msg_flags = &illumos_msg_flags,
    .msg_nosignal = ILLUMOS_MSG_NOSIGNAL,
    .msg_eor = ILLUMOS_MSG_EOR,
    .cmsghdr_size = sizeof(struct illumos_cmsghdr),
    .cmsg_max = 2048,
    .uio_maxiov = 1024, /* IOV_MAX */
    .sockopts = illumos_sockopts,
    .nsockopts = &illumos_nsockopts,
    /* POLLWRNORM is POLLOUT, as on the BSDs; the host's own POLLWRNORM bit
     * is not reported */
    .poll_events = &illumos_poll_events,
    .poll_inftim = -1,
};
