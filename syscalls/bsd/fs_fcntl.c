/* fcntl(2), shared by the BSD personalities: commands, flags and lock
 * records translate through the per-OS tables (bsd_abi_of(t)). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "core/blocking.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

/* What a BSD F_GETFL reports (FreeBSD's FMASK): the access mode and the
 * status flags; Linux adds its own (O_LARGEFILE, O_NOATIME...), dropped. */
#define GETFL_HOST_BITS                                                                            \
	(O_ACCMODE | O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_SYNC | O_DSYNC | O_PATH)

/* The foreign bits a flag set names. */
static uint64_t foreign_bits(const struct xeno_flagset *s)
{
	uint64_t m = 0;
	for (size_t i = 0; i < s->count; i++)
		m |= s->flags[i].fmask;
	return m;
}

static long dup_at_least(int fd, long min, int cloexec)
{
	if (min < 0 || (unsigned long)min >= xeno_fd_guest_limit())
		return -EINVAL;
	long ret = host_syscall3(SYS_fcntl, fd, cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, min);
	return xeno_fd_guest_new(ret);
}

/* A host F_GET* command whose answer is a set of flags (of those, the
 * host bits in host_bits), in the guest's terms. */
static long get_flags(const struct xeno_flagset *set, int fd, int host_cmd, uint64_t host_bits)
{
	uint64_t out;
	long ret = host_syscall2(SYS_fcntl, fd, host_cmd);
	if (ret < 0)
		return ret;
	return xeno_flags_from_host(set, (uint64_t)ret & host_bits, &out) < 0 ? -EINVAL : (long)out;
}

/* A host F_SET* command given the guest's flags in arg (an int, as the BSD
 * kernel reads it): guest bits outside guest_bits are ignored, host bits in
 * host_drop (xeno's pseudo-flags) are not passed on. */
static long set_flags(const struct xeno_flagset *set, int fd, int host_cmd, long arg,
		      uint64_t guest_bits, uint64_t host_drop)
{
	uint64_t in;
	if (xeno_flags_to_host(set, (uint32_t)arg & guest_bits, &in) < 0)
		return -EINVAL;
	return host_syscall3(SYS_fcntl, fd, host_cmd, in & ~host_drop);
}

/* F_GETLK, F_SETLK(W) and their old forms, whose record lacks l_sysid. */
static long record_lock(const struct bsd_abi *abi, int fd, uint64_t cmd, uint64_t arg)
{
	int old = cmd == BSD_F_OGETLK || cmd == BSD_F_OSETLK || cmd == BSD_F_OSETLKW;
	int host_cmd = cmd == BSD_F_OGETLK    ? F_GETLK
		       : cmd == BSD_F_OSETLK  ? F_SETLK
		       : cmd == BSD_F_OSETLKW ? F_SETLKW
					      : (int)cmd;
	size_t size = old ? abi->oflock_size : abi->flock_size;
	unsigned char rec[64] = {0}; /* the larger record, zero-extended */
	struct flock fl;
	if (abi->flock_size > sizeof rec)
		return -EINVAL;
	long ret = xeno_copy_in(rec, arg, size);
	if (ret < 0)
		return ret;
	if (abi->flock_to_host(rec, &fl) < 0)
		return -EINVAL;
	if (host_cmd == F_SETLKW) /* waits for the lock: interruptible, restartable */
		ret =
		    xeno_restartable(host_blocking_syscall(SYS_fcntl, fd, host_cmd, &fl, 0, 0, 0));
	else
		ret = host_syscall3(SYS_fcntl, fd, host_cmd, &fl);
	if (ret < 0 || host_cmd != F_GETLK)
		return ret;
	if (abi->flock_from_host(&fl, rec) < 0)
		return -EINVAL;
	return xeno_copy_out(arg, rec, size);
}

/* Read-ahead hints: accepted for regular files, ENOTTY otherwise. */
static long readahead_hint(int fd)
{
	struct statx stx;
	long ret = bsd_statx(fd, "", AT_EMPTY_PATH, &stx);
	if (ret < 0)
		return ret;
	return S_ISREG(stx.stx_mode) ? 0 : -ENOTTY;
}

/* The commands that only read or set a descriptor's flags. */
static bool flags_only(uint64_t host_cmd)
{
	switch (host_cmd) {
	case F_GETFD:
	case F_SETFD:
	case F_GETFL:
	case F_SETFL:
	case F_GETOWN:
	case F_SETOWN:
	case F_ADD_SEALS:
	case F_GET_SEALS:
	case BSD_F_ISUNIONSTACK:
		return true;
	default:
		return false;
	}
}

long bsd_sys_fcntl(struct xeno_thread *t, int fd, int cmd, long arg)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	uint64_t host_cmd;
	long err = fd < 0 ? -EBADF : bsd_fd(fd);
	if (err < 0)
		return err;
	if (xeno_flags_to_host(abi->fcntl_cmds, (uint32_t)cmd, &host_cmd) < 0)
		return -EINVAL;
	/* The handler is NOTLS: the descriptor flags, which programs ask for
	 * all the time, need nothing of glibc's; what may close descriptors
	 * (the kqueue engine takes glibc's locks) or wait loads its state. */
	if (!flags_only(host_cmd))
		xeno_host_tls(t);
	/* the BSD kernel reads the argument as an int where it is a number */
	switch (host_cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return dup_at_least(fd, (int)arg, host_cmd == F_DUPFD_CLOEXEC);
	case BSD_F_DUP2FD:
	case BSD_F_DUP2FD_CLOEXEC:
		return bsd_dup_fixed(fd, (int)arg, host_cmd == BSD_F_DUP2FD_CLOEXEC);
	case F_GETFD:
		return get_flags(abi->fd_flags, fd, F_GETFD, FD_CLOEXEC);
	case F_SETFD: /* bits other than FD_CLOEXEC are ignored, as BSD kernels do */
		return set_flags(abi->fd_flags, fd, F_SETFD, arg, foreign_bits(abi->fd_flags), 0);
	case F_GETFL:
		return get_flags(abi->open_flags, fd, F_GETFL, GETFL_HOST_BITS);
	case F_SETFL:
		/* only the bits F_SETFL may change count; the others (the access
		 * mode a caller passes back from F_GETFL, say) are ignored, as BSD
		 * kernels do */
		return set_flags(abi->open_flags, fd, F_SETFL, arg, abi->setfl_mask,
				 BSD_PSEUDO_MASK);
	case F_GETOWN:
		return host_syscall2(SYS_fcntl, fd, F_GETOWN);
	case F_SETOWN:
		return host_syscall3(SYS_fcntl, fd, F_SETOWN, (int)arg);
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case BSD_F_OGETLK:
	case BSD_F_OSETLK:
	case BSD_F_OSETLKW:
		return record_lock(abi, fd, host_cmd, (uint64_t)arg);
	case F_ADD_SEALS:
		return set_flags(abi->seals, fd, F_ADD_SEALS, arg, UINT32_MAX, 0);
	case F_GET_SEALS:
		return get_flags(abi->seals, fd, F_GET_SEALS, UINT64_MAX);
	case BSD_F_READAHEAD:
	case BSD_F_RDAHEAD:
		return readahead_hint(fd);
	case BSD_F_ISUNIONSTACK:
		/* no union mounts here: Linux overlayfs merges directories itself */
		err = host_syscall2(SYS_fcntl, fd, F_GETFD);
		return err < 0 ? err : 0;
	case BSD_F_SETLK_REMOTE:
		return -EPERM; /* for the NFS lock daemon only */
	case BSD_F_CLOSEM:
		return bsd_sys_closefrom(t, fd);
	default:
		/* F_KINFO (a struct kinfo_file) is not provided */
		return -EINVAL;
	}
}
