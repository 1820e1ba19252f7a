/* The facts of NetBSD the shared BSD handlers need (abi/bsd/abi.h), each
 * cited where NetBSD defines or decides it. */
#include "abi/netbsd/abi.h"

#include <errno.h>
#include <stddef.h>

#include "abi/bsd/dirent.h"
#include "abi/bsd/mman.h"
#include "abi/bsd/random.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "abi/netbsd/event.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/ioctl.h"
#include "abi/netbsd/lwp.h"
#include "abi/netbsd/mman.h"
#include "abi/netbsd/resource.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/socket.h"
#include "abi/netbsd/time.h"
#include "abi/netbsd/wait.h"

const struct bsd_abi netbsd_bsd_abi = {
    /* ---- files ---- */
    .at_fdcwd = BSD_AT_FDCWD,
    .path_max = 1024, /* sys/sys/syslimits.h PATH_MAX */
    .open_flags = &netbsd_open_flagset,
    .setfl_mask = NETBSD_FCNTLFLAGS,
    .at_flags = &netbsd_at_flagset,
    .access_mode = &bsd_access_flagset,
    .whence = &bsd_whence_flagset,
    .fcntl_cmds = &netbsd_fcntlcmd_flagset,
    .fd_flags = &bsd_fdflags_flagset,
    .seals = NULL, /* no F_ADD_SEALS in the table */
    .fadvise = &bsd_fadvise_flagset,
    .close_range = NULL, /* no close_range call */
    .ioctl_cmds = &bsd_ioctl_flagset,
    /* sys/kern/vfs_vnops.c vn_open: a symbolic link opened with O_NOFOLLOW
     * is EFTYPE, which Linux's EMEDIUMTYPE reads back as */
    .nofollow_symlink_errno = EMEDIUMTYPE,
    /* sys/kern/vfs_syscalls.c sys_posix_fallocate, sys___posix_fadvise50:
     * the error is the result */
    .posix_calls_return_errno = 1,
    .flock_size = sizeof(struct bsd_flock),
    .oflock_size = sizeof(struct bsd_flock),
    .flock_to_host = bsd_flock_shared_whence_to_host,
    .flock_from_host = bsd_flock_shared_whence_from_host,
    .termios_cflags = &netbsd_cflag_flagset,
    .getcwd_returns_length = 1,
    .getcwd_small_errno = ERANGE,
    .getcwd_short_errno = ERANGE,
    .getcwd_max = 4 * 1024, /* MAXPATHLEN * 4 */
    .utime_now = NETBSD_UTIME_NOW,
    .utime_omit = NETBSD_UTIME_OMIT,

    /* ---- memory ---- */
    .mmap_plan = netbsd_mmap_plan,
    .mmap_occupied_errno = ENOMEM,
    .prot_to_host = netbsd_prot_to_host,
    .msync_to_host = netbsd_msync_to_host,
    .madv_advice = &netbsd_madv_advice,
    .minherit_kinds = &netbsd_minherit_kinds,

    /* ---- processes, resources, time ---- */
    .wait_options = &netbsd_wait_options,
    .wait_continued_status = NETBSD_WCONTINUED_STATUS,
    .timeval_usec_32 = 1, /* sys/sys/types.h: suseconds_t is an int */
    .rlimit_resources = &netbsd_rlimit_resources,
    .rlimit_nofile = NETBSD_RLIMIT_NOFILE,
    .rlim_nlimits = NETBSD_RLIM_NLIMITS,
    .clock_to_host = netbsd_clock_to_host,
    .timer_abstime = NETBSD_TIMER_ABSTIME,
    .getrandom_flags = &bsd_getrandom_flags,
    .maxlogname = 17, /* sys/sys/syslimits.h LOGIN_NAME_MAX, the NUL included */
    /* sys/kern/kern_prot.c sys_getgroups: kauth's group list, without the
     * egid */
    .getgroups_lists_egid = 0,

    /* ---- signals ---- */
    .sig = &netbsd_signal_facts,

    /* ---- sockets (abi/netbsd/socket.h) ---- */
    .families = &netbsd_families,
    .socket_domains = &netbsd_socket_domains,
    .socket_types = &netbsd_socket_types,
    .shutdown_how = &bsd_shutdown_how,
    /* sys/kern/uipc_syscalls.c sockargs: a name is at most UCHAR_MAX bytes */
    .sockaddr_max = 255,
    /* sys/netinet6/ip6_input.c: ip6_v6only defaults to 1 */
    .inet6_v6only = true,
    .msg_flags = &netbsd_msg_flags,
    .msg_nosignal = NETBSD_MSG_NOSIGNAL,
    .msg_eof = 0, /* NetBSD has no MSG_EOF */
    .msg_eor = NETBSD_MSG_EOR,
    .cmsg = &netbsd_cmsg_facts,
    .cmsghdr_size = sizeof(struct bsd_cmsghdr),
    .cmsg_max = NETBSD_MCLBYTES, /* sockargs: at most MCLBYTES */
    .uio_maxiov = NETBSD_UIO_MAXIOV,
    .sockopts = netbsd_sockopts,
    .nsockopts = &netbsd_nsockopts,
    .poll_events = &bsd_poll_events,
    .poll_ignore_eof = 0,
    .poll_inftim = -1, /* sys/sys/poll.h INFTIM */
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const netbsd_flagsets[] = {
    &netbsd_sigaction_flags, &bsd_sigprocmask_how,     &netbsd_wait_options,
    &netbsd_open_flagset,    &netbsd_at_flagset,       &bsd_access_flagset,
    &bsd_whence_flagset,     &netbsd_fcntlcmd_flagset, &bsd_fdflags_flagset,
    &bsd_locktype_flagset,   &bsd_fadvise_flagset,     &bsd_ioctl_flagset,
    &bsd_dtype_flagset,	     &bsd_iflag_flagset,       &bsd_oflag_flagset,
    &netbsd_cflag_flagset,   &bsd_lflag_flagset,       &bsd_prot_flags,
    &netbsd_mmap_flags,	     &netbsd_madv_advice,      &netbsd_msync_flags,
    &netbsd_minherit_kinds,  &netbsd_rlimit_resources, &netbsd_clock_ids,
    &bsd_getrandom_flags,    &netbsd_kqueue1_flags,    &netbsd_kevent_filters,
    &bsd_kevent_flags,	     &bsd_note_rw_flags,       &bsd_note_timer_ms_flags,
    &bsd_note_proc_flags,    &bsd_note_user_flags,     &netbsd_socket_domains,
    &netbsd_socket_types,    &netbsd_msg_flags,	       &bsd_shutdown_how,
    &bsd_poll_events,	     &netbsd_lwpcreate_flags,  NULL,
};
