/*
 * OpenBSD's sysctl(3) MIB as Go and libc ask it (sys/sys/sysctl.h: CTL_KERN
 * 1, CTL_HW 6, KERN_OSTYPE 1, KERN_OSRELEASE 2, KERN_OSREV 3, KERN_VERSION
 * 4, KERN_MAXFILES 7, KERN_ARGMAX 8, KERN_HOSTNAME 10, KERN_DOMAINNAME 22,
 * HW_MACHINE 1, HW_MODEL 2, HW_NCPU 3, HW_BYTEORDER 4, HW_PAGESIZE 7,
 * HW_PHYSMEM64 19, HW_NCPUONLINE 25), on the shared engine
 * (syscalls/bsd/sysctl.c) with OpenBSD's dispatch (sys/kern/kern_sysctl.c
 * sys_sysctl: CTL_MAXNAME 12, *oldlenp the whole size, ENOMEM when it did
 * not fit), and kevent on the shared kqueue engine.
 */
#include <errno.h>
#include <limits.h>

#include "abi/openbsd/event.h"
#include "core/call.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/openbsd/openbsd.h"
#include "openbsd_libc_proto.h"
#include "syscalls/bsd/fs.h"
#include "syscalls/bsd/kqueue.h"
#include "syscalls/bsd/mm.h"
#include "syscalls/bsd/proc.h"
#include "syscalls/bsd/sysctl.h"

#define CTL_MAXNAME 12
#define KERN	    1
#define HW	    6
/* the release xeno answers for: OpenBSD 7.6 (sys/conf/newvers.sh,
 * sys/sys/param.h OpenBSD 202410) */
#define OSRELEASE "7.6"
#define OSREV	  202410

#define T_NODE 1
#define T_INT  2
#define T_STR  3
#define T_QUAD 4

#define DEPTH(...) (sizeof((int[]){__VA_ARGS__}) / sizeof(int))
#define NODE(nm, ...)                                                                              \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_NODE, NULL, NULL, 0, NULL, 0              \
	}
#define INT(nm, v, ...)                                                                            \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_INT, NULL, bsd_sysctl_int, v, NULL, 4     \
	}
#define STR(nm, s, ...)                                                                            \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_STR, NULL, bsd_sysctl_string, 0, s,       \
		    sizeof(s)                                                                      \
	}
#define VAL(nm, type, h, ...)                                                                      \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), type, NULL, h, 0, NULL, 0                   \
	}

/* clang-format off */
static const struct bsd_sysctl_node nodes[] = {
	NODE("kern", KERN),
	STR("kern.ostype", "OpenBSD", KERN, 1),
	STR("kern.osrelease", OSRELEASE, KERN, 2),
	INT("kern.osrevision", OSREV, KERN, 3),
	STR("kern.version", "OpenBSD " OSRELEASE " (xeno)\n", KERN, 4),
	VAL("kern.maxfiles", T_INT, bsd_sysctl_maxfiles, KERN, 7),
	INT("kern.argmax", 512 * 1024, KERN, 8), /* sys/sys/syslimits.h ARG_MAX */
	VAL("kern.hostname", T_STR, bsd_sysctl_hostname, KERN, 10),
	VAL("kern.domainname", T_STR, bsd_sysctl_domainname, KERN, 22),
	NODE("hw", HW),
	STR("hw.machine", "amd64", HW, 1),
	VAL("hw.model", T_STR, bsd_sysctl_model, HW, 2),
	VAL("hw.ncpu", T_INT, bsd_sysctl_ncpu, HW, 3),
	INT("hw.byteorder", 1234, HW, 4),
	INT("hw.pagesize", 4096, HW, 7),
	VAL("hw.physmem", T_QUAD, bsd_sysctl_physmem, HW, 19),
	VAL("hw.ncpuonline", T_INT, bsd_sysctl_ncpu, HW, 25),
};
/* clang-format on */

static const struct bsd_sysctl_tree tree = {nodes, sizeof nodes / sizeof nodes[0], CTL_MAXNAME};

static int dispatch(const int *name, unsigned namelen, struct bsd_sysctl_req *req)
{
	const struct bsd_sysctl_node *n;
	unsigned indx;
	int err = bsd_sysctl_find(&tree, name, namelen, &n, &indx);
	if (err)
		return err == ENOENT ? EOPNOTSUPP : err; /* kern_sysctl.c: unknown is EOPNOTSUPP */
	if (bsd_sysctl_is_node(n))
		return EISDIR;
	if (req->new && req->newlen)
		return EPERM;
	return n->handler(n, NULL, 0, req);
}

long openbsd_libc_sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen, uint64_t oldp,
			 uint64_t oldlenp, uint64_t newp, size_t newlen)
{
	int mib[CTL_MAXNAME];
	if (namelen > CTL_MAXNAME || namelen < 2)
		return -EINVAL;
	if (xeno_copy_in(mib, name, namelen * sizeof *mib) < 0)
		return -EFAULT;
	return bsd_sysctl_for_guest(t, dispatch, mib, namelen, oldp, oldlenp, newp, newlen,
				    BSD_SYSCTL_LENP_NEEDED);
}

long openbsd_libc_kevent(struct xeno_thread *t, int kq, uint64_t changelist, int nchanges,
			 uint64_t eventlist, int nevents, uint64_t timeout)
{
	(void)t;
	if (nchanges < 0 || nevents < 0)
		return -EINVAL;
	return kq_kevent(kq, changelist, nchanges, eventlist, nevents, timeout,
			 &openbsd_kevent_codec);
}

/* syscall(number, ...): libc's indirect system call, which Go 1.16 to 1.19
 * call with OpenBSD's numbers (sys/kern/syscalls.master) for getentropy
 * (7), fcntl (92), ioctl (54) and munmap (73); OpenBSD 7.4 removed it.
 * Other numbers are named once and fail with ENOSYS. */
long openbsd_libc_syscall(struct xeno_thread *t, int number, long a1, long a2, long a3, long a4,
			  long a5)
{
	(void)a4, (void)a5;
	switch (number) {
	case 7: /* getentropy(buf, nbytes): at most 256 bytes, all or EIO */
		if (a2 < 0 || a2 > 256)
			return -EINVAL;
		for (long done = 0; done < a2;) {
			long r = bsd_sys_getrandom(t, (uint64_t)a1 + (uint64_t)done,
						   (size_t)(a2 - done), 0);
			if (r == -EINTR || r == -EAGAIN)
				continue;
			if (r <= 0)
				return r < 0 ? r : -EIO;
			done += r;
		}
		return 0;
	case 54:
		return bsd_sys_ioctl(t, (int)a1, (uint64_t)a2, (uint64_t)a3);
	case 73:
		return bsd_sys_munmap(t, (uint64_t)a1, (size_t)a2);
	case 92:
		return bsd_sys_fcntl(t, (int)a1, (int)a2, a3);
	}
	return xeno_unimplemented_op(t, "syscall", number);
}

/* waitpid: wait4 without the resource usage (lib/libc/gen/waitpid.c). */
long openbsd_libc_waitpid(struct xeno_thread *t, int pid, uint64_t status, int options)
{
	return bsd_sys_wait4(t, pid, status, options, 0);
}

/* fork: one result, 0 in the child (the system call's second value, RDX,
 * is the trap's convention, not the function's). */
long openbsd_libc_fork(struct xeno_thread *t)
{
	long pid = bsd_sys_fork(t);
	t->have_rval2 = 0;
	return pid;
}
