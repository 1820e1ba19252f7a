/*
 * The per-OS facts the shared BSD system call handlers (syscalls/bsd/) are
 * parameterised by.  Each BSD personality fills one struct bsd_abi from its
 * abi/<os>/ tables; handlers reach it as bsd_abi_of(t).
 *
 * Flag sets are struct xeno_flagset (core/xlat.h): one table serves both
 * translation directions and the tracer.  Where a translation is more than a
 * table (mmap's rules, clock kinds), the OS supplies a pure function that
 * fills one of the plan structures below, and the shared handler carries the
 * plan out on the host.
 */
#ifndef XENO_ABI_BSD_ABI_H
#define XENO_ABI_BSD_ABI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct flock;
struct termios2;
struct timespec;

/*
 * Pseudo host values.  A BSD flag Linux has no twin for, but which the shared
 * handlers must act on (take a lock after open, resolve beneath a directory),
 * translates into one of these bits above bit 39 of the 64-bit host word:
 * no Linux flag word reaches that high, so a handler can test for the bit and
 * must strip it (BSD_PSEUDO_MASK) before the word goes to the kernel.  The
 * per-OS tables decide which foreign flag becomes which pseudo bit.
 */
#define BSD_PSEUDO(n)	(1ULL << (40 + (n)))
#define BSD_PSEUDO_MASK (~0ULL << 40)
/* open(2) */
#define BSD_O_SHLOCK	 BSD_PSEUDO(0) /* flock(LOCK_SH) once open */
#define BSD_O_EXLOCK	 BSD_PSEUDO(1) /* flock(LOCK_EX) once open */
#define BSD_O_EXEC	 BSD_PSEUDO(2) /* open for execute (or search) only */
#define BSD_O_BENEATH	 BSD_PSEUDO(3) /* resolve beneath the directory fd */
#define BSD_O_EMPTY_PATH BSD_PSEUDO(4) /* an empty path reopens the fd */
/* the *at() calls */
#define BSD_AT_BENEATH	 BSD_PSEUDO(5) /* resolve beneath the directory fd */
#define BSD_AT_REMOVEDIR BSD_PSEUDO(6) /* Linux's bit doubles as AT_EACCESS */
/* fcntl(2) commands Linux lacks (enum values, far above Linux's) */
#define BSD_F_DUP2FD	     BSD_PSEUDO(0)
#define BSD_F_DUP2FD_CLOEXEC BSD_PSEUDO(1)
#define BSD_F_OGETLK	     BSD_PSEUDO(2) /* lock calls on the old flock */
#define BSD_F_OSETLK	     BSD_PSEUDO(3)
#define BSD_F_OSETLKW	     BSD_PSEUDO(4)
#define BSD_F_READAHEAD	     BSD_PSEUDO(5) /* read-ahead hints: accepted */
#define BSD_F_RDAHEAD	     BSD_PSEUDO(6)
#define BSD_F_ISUNIONSTACK   BSD_PSEUDO(7) /* libc's opendir asks: never */
#define BSD_F_KINFO	     BSD_PSEUDO(8)
#define BSD_F_SETLK_REMOTE   BSD_PSEUDO(9)
#define BSD_F_CLOSEM	     BSD_PSEUDO(10) /* NetBSD: close every fd from this one */

/* One directory entry as the host reported it, handed to a per-OS packer
 * (getdirentries); name holds namlen bytes, not necessarily NUL-ended. */
struct bsd_dirent {
	uint64_t ino;
	int64_t off;  /* where the next entry starts */
	uint8_t type; /* host DT_* */
	uint16_t namlen;
	const char *name;
};
/* Writes e as a foreign record at dst: its length, 0 if it does not fit in
 * room bytes, or -EINVAL if it cannot be represented at all. */
typedef long (*bsd_dirent_packer)(const struct bsd_dirent *e, void *dst, size_t room);
struct rusage;
struct stat;
struct sockaddr_storage;
struct bsd_sockopt;
struct bsd_signal_facts;
struct bsd_families;
struct bsd_cmsg_facts;

/* ---- memory ---- */

/* One guest mmap as the host must make it. */
struct bsd_mmap_plan {
	uint64_t addr; /* hint, or the exact place with MAP_FIXED* */
	uint64_t len;  /* whole pages */
	int prot;      /* host PROT_* */
	int flags;     /* host MAP_* */
	int fd;
	int64_t off;	      /* page-aligned file offset */
	uint64_t pageoff;     /* the offset's part below a page: added to the result */
	uint64_t align;	      /* 0, or the power of two the mapping must start on */
	uint8_t align_hint;   /* align is a preference (superpages), not a rule */
	uint8_t nocore;	      /* keep the pages out of core dumps */
	uint8_t file_untyped; /* a file mapping with neither SHARED nor PRIVATE */
};

/* madvise advice with no host call to make: accepted and done. */
#define BSD_MADV_NOOP (-1)

/* ---- processes, resources, time ---- */

/* struct rlimit of the BSDs: two 64-bit limits (same layout as Linux). */
struct bsd_rlimit {
	uint64_t cur, max;
};

/* A foreign clock as the host can read it. */
enum bsd_clock_kind {
	BSD_CLOCK_HOST,	   /* host_id says which host clock */
	BSD_CLOCK_SECOND,  /* host_id's time truncated to whole seconds */
	BSD_CLOCK_VIRTUAL, /* the process's user CPU time */
	BSD_CLOCK_PROF,	   /* the process's user+system CPU time */
};
struct bsd_clock {
	int kind;
	int host_id;	 /* host clock to read (and to sleep on) */
	int sleep_errno; /* 0 if clock_nanosleep may sleep on it, else host errno */
};

/* Socket addresses and control messages of an OS whose layouts are not the
 * 4.4BSD ones abi/bsd/socket.h codes from families and cmsg (illumos: a
 * 16-bit family and no sa_len, a 32-byte sockaddr_in6, control messages
 * 4-aligned): its own codecs, with the contracts of bsd_sockaddr_to_host,
 * bsd_sockaddr_from_host, bsd_cmsgs_to_host and bsd_cmsgs_from_host. */
struct bsd_socket_codecs {
	int (*sockaddr_to_host)(const void *addr, size_t len, struct sockaddr_storage *host,
				unsigned *host_len);
	size_t (*sockaddr_from_host)(const void *host, size_t host_len, void *out);
	long (*cmsgs_to_host)(const void *in, size_t len, void *out, size_t out_size);
	size_t (*cmsgs_from_host)(const void *in, size_t len, void *out, size_t out_size,
				  int *flags);
};

struct bsd_abi {
	/* ---- files: fcntl.h, stat.h, dirent.h, ioctl (syscalls/bsd/fs*.c) ---- */
	int at_fdcwd;				/* AT_FDCWD */
	size_t path_max;			/* PATH_MAX, the NUL included */
	const struct xeno_flagset *open_flags;	/* O_*: open(2), F_GETFL/F_SETFL */
	uint32_t setfl_mask;			/* the O_* bits F_SETFL may change */
	const struct xeno_flagset *at_flags;	/* AT_* */
	const struct xeno_flagset *access_mode; /* F_OK, R_OK, W_OK, X_OK */
	const struct xeno_flagset *whence;	/* SEEK_* */
	const struct xeno_flagset *fcntl_cmds;	/* F_* commands, an enum */
	const struct xeno_flagset *fd_flags;	/* FD_CLOEXEC */
	const struct xeno_flagset *seals;	/* F_SEAL_* */
	const struct xeno_flagset *fadvise;	/* POSIX_FADV_*, an enum */
	const struct xeno_flagset *close_range; /* CLOSE_RANGE_* */
	const struct xeno_flagset *ioctl_cmds;	/* ioctl commands, an enum */
	/* open(O_NOFOLLOW) of a symbolic link: the host errno that stands for
	 * the foreign one (FreeBSD EMLINK, where Linux says ELOOP). */
	int nofollow_symlink_errno;
	/* posix_fallocate and posix_fadvise return the (foreign) error number
	 * as their result instead of failing with it. */
	int posix_calls_return_errno;
	/* struct flock, and the older one without l_sysid (F_O*LK) */
	size_t flock_size, oflock_size;
	int (*flock_to_host)(const void *foreign, struct flock *host);
	int (*flock_from_host)(const struct flock *host, void *foreign);
	/* struct termios (abi/bsd/ioctl.h): the OS's control flags */
	const struct xeno_flagset *termios_cflags;
	/* __getcwd: FreeBSD fills the buffer and returns 0, a buffer under 2
	 * bytes being EINVAL and one too short ENOMEM (sys/kern/vfs_cache.c);
	 * NetBSD returns the length used, NUL included, and says ERANGE for
	 * both (sys/kern/vfs_getcwd.c sys___getcwd, getcwd_common), looking
	 * at no more than four times MAXPATHLEN. */
	uint8_t getcwd_returns_length;
	int getcwd_small_errno, getcwd_short_errno; /* host errnos */
	size_t getcwd_max;
	/* the two timespecs of utimensat/futimens (UTIME_NOW, UTIME_OMIT) */
	int64_t utime_now, utime_omit; /* their special tv_nsec values */

	/* ---- memory: mman.h (syscalls/bsd/mm.c) ---- */
	/* The OS's mmap rules: 0 and *plan filled, or -errno. */
	int (*mmap_plan)(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
			 struct bsd_mmap_plan *plan);
	int mmap_occupied_errno; /* host errno for a MAP_FIXED without replace on used space */
	int (*prot_to_host)(int prot, int *host_prot);
	int (*msync_to_host)(int flags, int *host_flags);
	const struct xeno_flagset *madv_advice;	   /* "madv": bsd_madvise_to_host */
	const struct xeno_flagset *minherit_kinds; /* "minherit": bsd_minherit_to_host */

	/* ---- processes, resources, time (syscalls/bsd/proc.c, process.c, time.c) ---- */
	const struct xeno_flagset *wait_options; /* wait4's options */
	int wait_continued_status;		 /* the status word of a continued child */
	/* struct timeval's tv_usec is an int (NetBSD's suseconds_t), not a long:
	 * only its low 32 bits count when read */
	uint8_t timeval_usec_32;
	/* ---- processes, resources, time (syscalls/bsd/proc.c, resource.c, time.c) ---- */
	/* Foreign RLIMIT_* -> host: 0, 1 when the host has no such limit
	 * (emulated), -EINVAL for an unknown one. */
	const struct xeno_flagset *rlimit_resources; /* "rlimit" */
	int rlimit_nofile;			     /* the foreign RLIMIT_NOFILE */
	int rlim_nlimits;			     /* RLIM_NLIMITS */
	/* RLIM_INFINITY as getrlimit reports it, when not the BSDs' 2^63 - 1
	 * (illumos: -3), or 0; any negative limit set reads as infinite */
	uint64_t rlim_infinity;
	/* Foreign clock id -> how to read it: 0 or -EINVAL. */
	int (*clock_to_host)(int clock_id, struct bsd_clock *clock);
	int timer_abstime; /* clock_nanosleep's TIMER_ABSTIME */
	const struct xeno_flagset *getrandom_flags;
	unsigned maxlogname;	      /* MAXLOGNAME: getlogin's buffer, NUL included */
	uint8_t getgroups_lists_egid; /* getgroups reports the egid first */

	/* ---- signals (syscalls/bsd/signal.c): abi/bsd/signal.h ---- */
	const struct bsd_signal_facts *sig;

	/* ---- sockets (syscalls/bsd/socket.c, sockio.c, sockopt.c, poll.c):
	 * the tables the shared codecs of abi/bsd/socket.h read ---- */
	const struct bsd_families *families;
	const struct xeno_flagset *socket_domains; /* "sockdomain" */
	const struct xeno_flagset *socket_types;   /* "socktype" */
	/* a type no protocol has: this host errno (illumos EPROTONOSUPPORT),
	 * or 0 for the BSDs' EPROTOTYPE */
	int socktype_unknown_errno;
	/* NULL, or the OS's own address and control message codecs */
	const struct bsd_socket_codecs *socket_codecs;
	const struct xeno_flagset *shutdown_how;
	size_t sockaddr_max; /* SOCK_MAXADDRLEN */
	bool inet6_v6only;   /* new AF_INET6 sockets are IPV6_V6ONLY */
	/* messages */
	const struct xeno_flagset *msg_flags; /* "msgflags" */
	int msg_nosignal, msg_eof, msg_eor;   /* foreign bits the handlers act on */
	const struct bsd_cmsg_facts *cmsg;    /* control message types */
	size_t cmsghdr_size;		      /* the least control data a sendmsg may pass */
	size_t cmsg_max;		      /* the most (sockargs' limit) */
	unsigned uio_maxiov;		      /* more iovecs is EMSGSIZE */
	/* options: the OS's table (abi/bsd/sockopt.h bsd_sockopt_find) */
	const struct bsd_sockopt *sockopts;
	const size_t *nsockopts;
	/* poll */
	const struct xeno_flagset *poll_events; /* "pollevents" */
	int poll_ignore_eof;			/* FreeBSD's POLLINIGNEOF, or 0 */
	int poll_inftim;			/* the one negative timeout that waits forever */
};

#endif
