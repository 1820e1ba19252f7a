/*
 * The sysctl engine the BSDs share (syscalls/bsd/sysctl.h): transfers,
 * finding nodes, the value sources several OSes' tables use, and the guest
 * side of the system call.
 */
#include "syscalls/bsd/sysctl.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/fd.h"
#include "core/process.h"
#include "core/thread.h"
#include "core/uaccess.h"

/* ---- the transfer functions (sysctl_old_user, sysctl_new_user) ---- */

int bsd_sysctl_out(struct bsd_sysctl_req *req, const void *p, size_t l)
{
	size_t origidx = req->oldidx;
	req->oldidx += l;
	if (!req->old)
		return 0;
	size_t room = req->oldlen < BSD_SYSCTL_OUT_MAX ? req->oldlen : BSD_SYSCTL_OUT_MAX;
	size_t i = origidx >= room ? 0 : (l < room - origidx ? l : room - origidx);
	if (i > 0 && p)
		memcpy((char *)req->old + origidx, p, i);
	return i < l ? ENOMEM : 0;
}

int bsd_sysctl_in(struct bsd_sysctl_req *req, void *p, size_t l)
{
	if (!req->new)
		return 0;
	if (req->new_fault)
		return EFAULT;
	if (req->newlen < l)
		return EINVAL;
	memcpy(p, req->new, l);
	return 0;
}

/* ---- finding nodes ---- */

const struct bsd_sysctl_node *bsd_sysctl_node_at(const struct bsd_sysctl_tree *tr, const int *name,
						 unsigned depth)
{
	for (unsigned i = 0; i < tr->n; i++) {
		const struct bsd_sysctl_node *n = &tr->nodes[i];
		if (n->depth == depth && memcmp(n->mib, name, depth * sizeof *name) == 0)
			return n;
	}
	return NULL;
}

const char *bsd_sysctl_leaf_name(const struct bsd_sysctl_node *n)
{
	const char *dot = strrchr(n->name, '.');
	return dot ? dot + 1 : n->name;
}

const struct bsd_sysctl_node *bsd_sysctl_child_named(const struct bsd_sysctl_tree *tr,
						     const struct bsd_sysctl_node *parent,
						     const char *name, size_t len)
{
	unsigned depth = parent ? parent->depth + 1 : 1;
	for (unsigned i = 0; i < tr->n; i++) {
		const struct bsd_sysctl_node *n = &tr->nodes[i];
		const char *leaf = bsd_sysctl_leaf_name(n);
		if (n->depth == depth && strlen(leaf) == len && memcmp(leaf, name, len) == 0 &&
		    (!parent || memcmp(n->mib, parent->mib, parent->depth * sizeof(int)) == 0))
			return n;
	}
	return NULL;
}

int bsd_sysctl_find(const struct bsd_sysctl_tree *tr, const int *name, unsigned namelen,
		    const struct bsd_sysctl_node **found, unsigned *indx)
{
	for (unsigned i = 1; i <= namelen && i <= tr->maxname; i++) {
		const struct bsd_sysctl_node *n = i <= 4 ? bsd_sysctl_node_at(tr, name, i) : NULL;
		if (!n)
			return ENOENT;
		if (bsd_sysctl_is_node(n)) {
			if (!n->handler && i < namelen)
				continue;
		} else if (i != namelen) {
			return ENOTDIR;
		}
		*found = n;
		*indx = i;
		return 0;
	}
	return ENOENT;
}

/* ---- value sources ---- */

static int out_int(struct bsd_sysctl_req *req, int v)
{
	return bsd_sysctl_out(req, &v, sizeof v);
}

static int out_ulong(struct bsd_sysctl_req *req, unsigned long v)
{
	return bsd_sysctl_out(req, &v, sizeof v);
}

static int out_string(struct bsd_sysctl_req *req, const char *s)
{
	return bsd_sysctl_out(req, s, strlen(s) + 1);
}

int bsd_sysctl_int(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		   struct bsd_sysctl_req *req)
{
	(void)a, (void)na;
	return out_int(req, (int)n->value);
}

int bsd_sysctl_string(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		      struct bsd_sysctl_req *req)
{
	(void)a, (void)na;
	return out_string(req, n->string);
}

int bsd_sysctl_hostname(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	struct utsname u;
	return out_string(req, uname(&u) == 0 ? u.nodename : "");
}

/* Linux says "(none)" where the BSDs have an empty domain name. */
int bsd_sysctl_domainname(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			  struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	struct utsname u;
	const char *d = uname(&u) == 0 && strcmp(u.domainname, "(none)") != 0 ? u.domainname : "";
	return out_string(req, d);
}

/* kern.arandom: FreeBSD's sysctl_kern_arnd and NetBSD's sysctl_kern_arnd
 * both give at most 256 bytes, never ENOMEM. */
int bsd_sysctl_arandom(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		       struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned char buf[256];
	size_t len = req->oldlen < sizeof buf ? req->oldlen : sizeof buf;
	if (req->old && getrandom(buf, len, 0) != (ssize_t)len)
		return EIO;
	return bsd_sysctl_out(req, req->old ? buf : NULL, len);
}

int bsd_sysctl_ncpu(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		    struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	return out_int(req, xeno_proc.ncpus > 0 ? xeno_proc.ncpus : 1);
}

/* Linux does not tell wired pages apart cheaply: usermem is all of it too. */
int bsd_sysctl_physmem(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		       struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	struct sysinfo si;
	unsigned long bytes = sysinfo(&si) == 0 ? si.totalram * (unsigned long)si.mem_unit : 0;
	return out_ulong(req, bytes);
}

/* The CPUID brand string, leading blanks skipped (FreeBSD identcpu.c;
 * NetBSD's machdep.cpu_brand alike). */
int bsd_sysctl_model(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		     struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned regs[12] = {0};
	unsigned max;
	__asm__ volatile("cpuid" : "=a"(max) : "a"(0x80000000U) : "ebx", "ecx", "edx");
	for (unsigned leaf = 0; max >= 0x80000004U && leaf < 3; leaf++)
		__asm__ volatile("cpuid"
				 : "=a"(regs[4 * leaf]), "=b"(regs[4 * leaf + 1]),
				   "=c"(regs[4 * leaf + 2]), "=d"(regs[4 * leaf + 3])
				 : "a"(0x80000002U + leaf), "c"(0));
	char brand[sizeof regs + 1];
	memcpy(brand, regs, sizeof regs);
	brand[sizeof regs] = '\0';
	const char *b = brand;
	while (*b == ' ')
		b++;
	return out_string(req, *b ? b : "Unknown");
}

int bsd_sysctl_usrstack(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	return out_ulong(req, xeno_proc.stack_top);
}

int bsd_sysctl_maxfiles(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned long cur, max;
	if (xeno_fd_guest_limits(&cur, &max) < 0)
		max = INT_MAX;
	return out_int(req, max > INT_MAX ? INT_MAX : (int)max);
}

/* This process's program (-1 or its own pid), or what Linux knows of
 * another's. */
int bsd_sysctl_pathname_of(const int *args, unsigned nargs, struct bsd_sysctl_req *req)
{
	if (nargs != 1)
		return EINVAL;
	if (args[0] == -1 || args[0] == getpid())
		return out_string(req, xeno_proc.exe_path);
	char link[64], path[PATH_MAX];
	snprintf(link, sizeof link, "/proc/%d/exe", args[0]);
	ssize_t len = readlink(link, path, sizeof path - 1);
	if (len < 0)
		return errno == ENOENT ? ESRCH : errno;
	path[len] = '\0';
	return out_string(req, path);
}

/* ---- the guest's side ---- */

long bsd_sysctl_for_guest(struct xeno_thread *t, bsd_sysctl_dispatch run, const int *mib,
			  unsigned namelen, uint64_t old, uint64_t oldlenp, uint64_t new,
			  size_t newlen, enum bsd_sysctl_lenp lenp)
{
	_Static_assert(BSD_SYSCTL_OUT_MAX <= XENO_SCRATCH_SIZE, "sysctl answer in the scratch");
	char *out = (char *)t->scratch;
	char in[BSD_SYSCTL_IN_MAX];
	struct bsd_sysctl_req req = {0};
	if (oldlenp && xeno_copy_in(&req.oldlen, oldlenp, sizeof req.oldlen) < 0)
		return -EFAULT;
	req.old = old ? out : NULL;
	if (new) {
		size_t n = newlen < sizeof in ? newlen : sizeof in;
		req.new = in;
		req.newlen = newlen;
		req.new_fault = xeno_copy_in(in, new, n) < 0;
	}
	int err = run(mib, namelen, &req);
	if (err && err != ENOMEM)
		return -err;
	size_t done = req.oldidx;
	if (lenp != BSD_SYSCTL_LENP_NEEDED && req.old && req.oldidx > req.oldlen)
		done = req.oldlen;
	size_t copied = req.oldidx < req.oldlen ? req.oldidx : req.oldlen;
	if (copied > BSD_SYSCTL_OUT_MAX)
		copied = BSD_SYSCTL_OUT_MAX;
	if (old && copied && xeno_copy_out(old, out, copied) < 0)
		return -EFAULT;
	if (oldlenp && (err == 0 || lenp != BSD_SYSCTL_LENP_FIT_ON_SUCCESS) &&
	    xeno_copy_out(oldlenp, &done, sizeof done) < 0)
		return -EFAULT;
	if (lenp == BSD_SYSCTL_LENP_NEEDED && old && req.oldidx > req.oldlen)
		err = ENOMEM;
	return -err;
}
