/* The facts of FreeBSD the shared BSD handlers need (abi/bsd/abi.h). */
#include <stddef.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "abi/freebsd/abi.h"
#include "abi/freebsd/event.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/socket.h"
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/wait.h"

#include <errno.h>

#include "abi/bsd/dirent.h"
#include "abi/freebsd/dirent.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/ioctl.h"
#include "abi/freebsd/stat.h"

#include <errno.h>

#include "abi/freebsd/cpuset.h"
#include "abi/freebsd/mman.h"
#include "abi/bsd/random.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/sysarch.h"
#include "abi/freebsd/time.h"

const struct bsd_abi freebsd_bsd_abi = {
    /* ---- files ---- */
    .at_fdcwd = FREEBSD_AT_FDCWD,
    .path_max = 1024, /* sys/sys/syslimits.h PATH_MAX */
    .open_flags = &freebsd_open_flagset,
    .setfl_mask = FREEBSD_FCNTLFLAGS,
    .at_flags = &freebsd_at_flagset,
    .access_mode = &bsd_access_flagset,
    .whence = &freebsd_whence_flagset,
    .fcntl_cmds = &freebsd_fcntlcmd_flagset,
    .fd_flags = &bsd_fdflags_flagset,
    .seals = &freebsd_seals_flagset,
    .fadvise = &bsd_fadvise_flagset,
    .close_range = &freebsd_closerange_flagset,
    .ioctl_cmds = &bsd_ioctl_flagset,
    /* sys/kern/vfs_vnops.c vn_open_vnode: a symbolic link opened with
     * O_NOFOLLOW is EMLINK */
    .nofollow_symlink_errno = EMLINK,
    /* sys/kern/sys_generic.c kern_posix_error */
    .posix_calls_return_errno = 1,
    .flock_size = sizeof(struct freebsd_flock),
    .oflock_size = sizeof(struct bsd_flock),
    .flock_to_host = freebsd_flock_to_host,
    .flock_from_host = freebsd_flock_from_host,
    .termios_cflags = &freebsd_cflag_flagset,
    .getcwd_returns_length = 0,
    .getcwd_small_errno = EINVAL,
    .getcwd_short_errno = ENOMEM,
    .getcwd_max = 1024, /* PATH_MAX */
    .utime_now = FREEBSD_UTIME_NOW,
    .utime_omit = FREEBSD_UTIME_OMIT,

    /* ---- memory ---- */
    .mmap_plan = freebsd_mmap_plan,
    /* sys/vm/vm_mmap.c vm_mmap_to_errno: KERN_NO_SPACE is ENOMEM. */
    .mmap_occupied_errno = ENOMEM,
    .prot_to_host = freebsd_prot_to_host,
    .msync_to_host = freebsd_msync_to_host,
    .madv_advice = &freebsd_madv_advice,
    .minherit_kinds = &freebsd_minherit_kinds,

    /* ---- processes, resources, time ---- */
    .wait_options = &freebsd_wait_options,
    .wait_continued_status = FREEBSD_WCONTINUED_STATUS,
    .rlimit_resources = &freebsd_rlimit_resources,
    .rlimit_nofile = FREEBSD_RLIMIT_NOFILE,
    .rlim_nlimits = FREEBSD_RLIM_NLIMITS,
    .clock_to_host = freebsd_clock_to_host,
    .timer_abstime = FREEBSD_TIMER_ABSTIME,
    .getrandom_flags = &bsd_getrandom_flags,
    .maxlogname = 33,	       /* sys/sys/param.h MAXLOGNAME */
    .getgroups_lists_egid = 1, /* FreeBSD 14: cr_groups[0] is the egid */

    /* ---- signals ---- */
    .sig = &freebsd_signal_facts,

    /* ---- sockets (abi/freebsd/socket.h) ---- */
    .families = &freebsd_families,
    .socket_domains = &freebsd_socket_domains,
    .socket_types = &freebsd_socket_types,
    .shutdown_how = &bsd_shutdown_how,
    .sockaddr_max = FREEBSD_SOCK_MAXADDRLEN,
    /* sys/netinet6/in6_proto.c: net.inet6.ip6.v6only defaults to 1 */
    .inet6_v6only = true,
    .msg_flags = &freebsd_msg_flags,
    .msg_nosignal = FREEBSD_MSG_NOSIGNAL,
    .msg_eof = FREEBSD_MSG_EOF,
    .msg_eor = FREEBSD_MSG_EOR,
    .cmsg = &freebsd_cmsg_facts,
    .cmsghdr_size = sizeof(struct bsd_cmsghdr),
    .cmsg_max = FREEBSD_MCLBYTES,
    .uio_maxiov = FREEBSD_UIO_MAXIOV,
    .sockopts = freebsd_sockopts,
    .nsockopts = &freebsd_nsockopts,
    .poll_events = &freebsd_poll_events,
    .poll_ignore_eof = FREEBSD_POLLINIGNEOF,
    .poll_inftim = FREEBSD_INFTIM,
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const freebsd_flagsets[] = {
    &bsd_sigaction_flags,      &bsd_sigprocmask_how,	&freebsd_umtx_ops,
    &freebsd_wait_options,     &freebsd_idtypes,	&freebsd_open_flagset,
    &freebsd_at_flagset,       &bsd_access_flagset,	&freebsd_whence_flagset,
    &freebsd_fcntlcmd_flagset, &bsd_fdflags_flagset,	&freebsd_seals_flagset,
    &bsd_locktype_flagset,     &bsd_fadvise_flagset,	&freebsd_closerange_flagset,
    &bsd_ioctl_flagset,	       &bsd_dtype_flagset,	&bsd_iflag_flagset,
    &bsd_oflag_flagset,	       &freebsd_cflag_flagset,	&bsd_lflag_flagset,
    &freebsd_prot_flags,       &freebsd_mmap_flags,	&freebsd_madv_advice,
    &freebsd_msync_flags,      &freebsd_minherit_kinds, &freebsd_rlimit_resources,
    &freebsd_clock_ids,	       &bsd_getrandom_flags,	&freebsd_cpu_levels,
    &freebsd_cpu_whiches,      &freebsd_sysarch_ops,	&freebsd_kqueuex_flags,
    &freebsd_kevent_filters,   &freebsd_kevent_flags,	&freebsd_note_rw_flags,
    &freebsd_note_timer_flags, &bsd_note_proc_flags,	&bsd_note_user_flags,
    &freebsd_socket_domains,   &freebsd_socket_types,	&freebsd_msg_flags,
    &bsd_shutdown_how,	       &freebsd_poll_events,	NULL,
};
