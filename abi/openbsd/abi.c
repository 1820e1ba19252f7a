/* The facts of OpenBSD the shared BSD handlers need (abi/bsd/abi.h), each
 * cited where OpenBSD defines or decides it. */
#include "abi/openbsd/abi.h"

#include <errno.h>
#include <stddef.h>

#include "abi/bsd/dirent.h"
#include "abi/bsd/mman.h"
#include "abi/bsd/ioctl.h"
#include "abi/bsd/random.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "abi/openbsd/event.h"
#include "abi/openbsd/fcntl.h"
#include "abi/openbsd/mman.h"
#include "abi/openbsd/proc.h"
#include "abi/openbsd/signal.h"
#include "abi/openbsd/socket.h"

const struct bsd_abi openbsd_bsd_abi = {
    /* ---- files ---- */
    .at_fdcwd = BSD_AT_FDCWD, /* sys/sys/fcntl.h AT_FDCWD -100 */
    .path_max = 1024,	      /* sys/sys/syslimits.h PATH_MAX */
    .open_flags = &openbsd_open_flagset,
    .setfl_mask = OPENBSD_FCNTLFLAGS,
    .at_flags = &openbsd_at_flagset,
    .access_mode = &bsd_access_flagset,
    .whence = &bsd_whence_flagset,
    .fcntl_cmds = &openbsd_fcntlcmd_flagset,
    .fd_flags = &bsd_fdflags_flagset,
    .seals = NULL,
    .fadvise = &bsd_fadvise_flagset,
    .close_range = NULL,
    .ioctl_cmds = &bsd_ioctl_flagset,
    /* sys/kern/vfs_vnops.c vn_open: O_NOFOLLOW on a symbolic link is
     * ELOOP, as on Linux */
    .nofollow_symlink_errno = ELOOP,
    /* lib/libc/sys/posix_fadvise: the error is the result */
    .posix_calls_return_errno = 1,
    .flock_size = sizeof(struct bsd_flock),
    .oflock_size = sizeof(struct bsd_flock),
    .flock_to_host = bsd_flock_shared_whence_to_host,
    .flock_from_host = bsd_flock_shared_whence_from_host,
    .termios_cflags = &openbsd_cflag_flagset,
    /* sys/kern/vfs_getcwd.c sys___getcwd: the length used, NUL included;
     * ERANGE for a buffer too short, EINVAL for an empty one */
    .getcwd_returns_length = 1,
    .getcwd_small_errno = EINVAL,
    .getcwd_short_errno = ERANGE,
    .getcwd_max = 4 * 1024, /* MAXPATHLEN * 4 */
    .utime_now = OPENBSD_UTIME_NOW,
    .utime_omit = OPENBSD_UTIME_OMIT,

    /* ---- memory ---- */
    .mmap_plan = openbsd_mmap_plan,
    .mmap_occupied_errno = ENOMEM,
    .prot_to_host = openbsd_prot_to_host,
    .msync_to_host = openbsd_msync_to_host,
    .madv_advice = &openbsd_madv_advice,
    .minherit_kinds = &openbsd_minherit_kinds,

    /* ---- processes, resources, time ---- */
    .wait_options = &openbsd_wait_options,
    .wait_continued_status = OPENBSD_WCONTINUED_STATUS,
    .timeval_usec_32 = 0, /* sys/sys/_time.h: suseconds_t is a long */
    .rlimit_resources = &openbsd_rlimit_resources,
    .rlimit_nofile = OPENBSD_RLIMIT_NOFILE,
    .rlim_nlimits = OPENBSD_RLIM_NLIMITS,
    .clock_to_host = openbsd_clock_to_host,
    .timer_abstime = OPENBSD_TIMER_ABSTIME,
    .getrandom_flags = &bsd_getrandom_flags,
    .maxlogname = 32, /* sys/sys/syslimits.h LOGIN_NAME_MAX, the NUL included */
    .getgroups_lists_egid = 0,

    /* ---- signals ---- */
    .sig = &openbsd_signal_facts,

    /* ---- sockets ---- */
    .families = &openbsd_families,
    .socket_domains = &openbsd_socket_domains,
    .socket_types = &openbsd_socket_types,
    .shutdown_how = &bsd_shutdown_how,
    .sockaddr_max = 255, /* sys/kern/uipc_syscalls.c sockargs: MLEN */
    /* sys/netinet6: OpenBSD sockets are always IPV6_V6ONLY */
    .inet6_v6only = true,
    .msg_flags = &openbsd_msg_flags,
    .msg_nosignal = OPENBSD_MSG_NOSIGNAL,
    .msg_eof = 0,
    .msg_eor = OPENBSD_MSG_EOR,
    .cmsg = &openbsd_cmsg_facts,
    .cmsghdr_size = sizeof(struct bsd_cmsghdr),
    .cmsg_max = OPENBSD_MCLBYTES,
    .uio_maxiov = OPENBSD_UIO_MAXIOV,
    .sockopts = openbsd_sockopts,
    .nsockopts = &openbsd_nsockopts,
    .poll_events = &bsd_poll_events,
    .poll_ignore_eof = 0,
    .poll_inftim = -1, /* sys/sys/poll.h INFTIM */
};

/* Flag sets the tracer decodes by name: flags(NAME) in the specs. */
const struct xeno_flagset *const openbsd_flagsets[] = {
    &openbsd_sigaction_flags,  &bsd_sigprocmask_how,	  &openbsd_wait_options,
    &openbsd_open_flagset,     &openbsd_at_flagset,	  &bsd_access_flagset,
    &bsd_whence_flagset,       &openbsd_fcntlcmd_flagset, &bsd_fdflags_flagset,
    &bsd_locktype_flagset,     &bsd_fadvise_flagset,	  &bsd_ioctl_flagset,
    &bsd_dtype_flagset,	       &bsd_prot_flags,		  &openbsd_mmap_flags,
    &openbsd_madv_advice,      &openbsd_msync_flags,	  &openbsd_minherit_kinds,
    &openbsd_rlimit_resources, &openbsd_clock_ids,	  &bsd_getrandom_flags,
    &openbsd_kevent_filters,   &bsd_kevent_flags,	  &bsd_note_rw_flags,
    &bsd_note_timer_ms_flags,  &bsd_note_proc_flags,	  &bsd_note_user_flags,
    &openbsd_socket_domains,   &openbsd_socket_types,	  &openbsd_msg_flags,
    &bsd_shutdown_how,	       &bsd_poll_events,	  NULL,
};
