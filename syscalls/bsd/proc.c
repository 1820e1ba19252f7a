/* Process identity and exit, shared by the BSD personalities. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "core/stats.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/tracehook.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"

long bsd_sys_exit(struct xeno_thread *t, int rval)
{
	xeno_trace_exit(t, rval);
	xeno_stats_report();
	host_syscall1(SYS_exit_group, rval);
	__builtin_unreachable();
}

XENO_NOFPU long bsd_sys_getpid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getpid);
}

XENO_NOFPU long bsd_sys_getppid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getppid);
}

XENO_NOFPU long bsd_sys_getuid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getuid);
}

XENO_NOFPU long bsd_sys_geteuid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_geteuid);
}

XENO_NOFPU long bsd_sys_getgid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getgid);
}

XENO_NOFPU long bsd_sys_getegid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getegid);
}

/* Each id goes to its pointer if that is not NULL; the first fault wins. */
static long copy_out_ids(const uint32_t ids[3], uint64_t a, uint64_t b, uint64_t c)
{
	const uint64_t to[3] = {a, b, c};
	long err = 0;
	for (int i = 0; i < 3; i++) {
		long e = to[i] ? xeno_copy_out(to[i], &ids[i], sizeof ids[i]) : 0;
		if (!err)
			err = e;
	}
	return err;
}

long bsd_sys_getresuid(struct xeno_thread *t, uint64_t ruid, uint64_t euid, uint64_t suid)
{
	(void)t;
	uint32_t ids[3];
	long r = host_syscall3(SYS_getresuid, &ids[0], &ids[1], &ids[2]);
	return r < 0 ? r : copy_out_ids(ids, ruid, euid, suid);
}

long bsd_sys_getresgid(struct xeno_thread *t, uint64_t rgid, uint64_t egid, uint64_t sgid)
{
	(void)t;
	uint32_t ids[3];
	long r = host_syscall3(SYS_getresgid, &ids[0], &ids[1], &ids[2]);
	return r < 0 ? r : copy_out_ids(ids, rgid, egid, sgid);
}

/* The guest's group list: on FreeBSD up to 14 the effective gid comes first
 * (cr_groups[0]), then the supplementary groups without it. */
static long group_list(const struct bsd_abi *abi, uint32_t **out)
{
	long n = host_syscall2(SYS_getgroups, 0, NULL);
	if (n < 0)
		return n;
	uint32_t *g = malloc((size_t)(n + 1) * sizeof *g);
	if (!g)
		return -ENOMEM;
	long got = host_syscall2(SYS_getgroups, n, g + 1);
	if (got < 0) {
		free(g);
		return got;
	}
	long k = 0;
	if (abi->getgroups_lists_egid) {
		uint32_t egid = (uint32_t)host_syscall0(SYS_getegid);
		g[k++] = egid;
		for (long i = 1; i <= got; i++)
			if (g[i] != egid)
				g[k++] = g[i];
	} else {
		memmove(g, g + 1, (size_t)got * sizeof *g);
		k = got;
	}
	*out = g;
	return k;
}

long bsd_sys_getgroups(struct xeno_thread *t, unsigned int gidsetsize, uint64_t gidset)
{
	uint32_t *g;
	long n = group_list(bsd_abi_of(t), &g);
	if (n < 0)
		return n;
	long r = n;
	if (gidsetsize != 0) {
		if (gidsetsize < (unsigned long)n)
			r = -EINVAL;
		else if (xeno_copy_out(gidset, g, (size_t)n * sizeof *g) < 0)
			r = -EFAULT;
	}
	free(g);
	return r;
}

/* The kernel changes the credentials of the calling thread only (Linux keeps
 * them per thread; glibc's setuid signals every thread to follow, which a
 * thread running guest code on the guest's FS base cannot take): a program
 * calls these on its way to an exec, in a child with one thread. */
long bsd_sys_setuid(struct xeno_thread *t, unsigned int uid)
{
	(void)t;
	return host_syscall1(SYS_setuid, uid);
}

long bsd_sys_setgid(struct xeno_thread *t, unsigned int gid)
{
	(void)t;
	return host_syscall1(SYS_setgid, gid);
}

/* The guest's list as group_list gives it back: on FreeBSD up to 14 its
 * first element is the effective gid (kern_setgroups: cr_groups[0]). */
long bsd_sys_setgroups(struct xeno_thread *t, int gidsetsize, uint64_t gidset)
{
	const struct bsd_abi *abi = bsd_abi_of(t);
	/* beyond the host's NGROUPS_MAX (65536) the list cannot be held;
	 * below it, the host's kernel judges a list too long */
	if (gidsetsize < 0 || gidsetsize > 65536)
		return -EINVAL;
	uint32_t *g = malloc((size_t)(gidsetsize + 1) * sizeof *g);
	if (!g)
		return -ENOMEM;
	long r = xeno_copy_in(g, gidset, (size_t)gidsetsize * sizeof *g);
	if (r == 0 && abi->getgroups_lists_egid && gidsetsize > 0) {
		r = host_syscall2(SYS_setgroups, gidsetsize - 1, g + 1);
		if (r == 0)
			r = host_syscall3(SYS_setresgid, -1, g[0], -1);
	} else if (r == 0) {
		r = host_syscall2(SYS_setgroups, gidsetsize, g);
	}
	free(g);
	return r;
}

/* Set-id only if xeno itself was started set-id (then the kernel marked it
 * AT_SECURE, and so would it have marked the guest). */
long bsd_sys_issetugid(struct xeno_thread *t)
{
	(void)t;
	return getauxval(AT_SECURE) ? 1 : 0;
}

long bsd_sys_getpgrp(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_getpgrp);
}

long bsd_sys_getpgid(struct xeno_thread *t, int pid)
{
	(void)t;
	return host_syscall1(SYS_getpgid, pid);
}

long bsd_sys_getsid(struct xeno_thread *t, int pid)
{
	(void)t;
	return host_syscall1(SYS_getsid, pid);
}

long bsd_sys_setsid(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_setsid);
}

long bsd_sys_setpgid(struct xeno_thread *t, int pid, int pgid)
{
	(void)t;
	return host_syscall2(SYS_setpgid, pid, pgid);
}

/* The session's login name (sys_getlogin): at most MAXLOGNAME bytes with the
 * NUL, ERANGE when it does not fit namelen.  Linux keeps no login name per
 * session; the one of the controlling terminal (utmp) stands in, else "". */
long bsd_sys_getlogin(struct xeno_thread *t, uint64_t namebuf, unsigned int namelen)
{
	unsigned max = bsd_abi_of(t)->maxlogname;
	char login[256] = "";
	if (max > sizeof login)
		max = sizeof login;
	if (namelen > max)
		namelen = max;
	if (getlogin_r(login, sizeof login) != 0)
		login[0] = '\0';
	size_t len = strnlen(login, max - 1) + 1;
	login[len - 1] = '\0';
	if (len > namelen)
		return -ERANGE;
	return xeno_copy_out(namebuf, login, len);
}
