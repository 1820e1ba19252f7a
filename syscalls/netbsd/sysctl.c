/*
 * NetBSD __sysctl(202): the shared engine (syscalls/bsd/sysctl.c) over
 * NetBSD's nodes, with NetBSD's dispatch (sys/kern/kern_sysctl.c
 * sysctl_dispatch, sysctl_locate, sysctl_lookup) and its way of naming
 * things: no name2oid node, but CTL_QUERY as the last component, which
 * lists the children of a node as struct sysctlnode (sysctl_query).  Go
 * and libc's sysctlbyname resolve names with it.
 */
#include <errno.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "abi/bsd/exec.h"
#include "abi/netbsd/exec.h"
#include "abi/netbsd/socket.h"
#include "abi/netbsd/sysctl.h"
#include "core/uaccess.h"
#include "syscalls/bsd/stack.h"
#include "syscalls/bsd/sysctl.h"
#include "syscalls/netbsd/netbsd.h"

/* ---- value sources NetBSD's own ---- */

/* hw.physmem and hw.usermem: an int, the RAM capped at INT_MAX; the 64
 * forms: a quad. */
static unsigned long ram(void)
{
	struct sysinfo si;
	return sysinfo(&si) == 0 ? si.totalram * (unsigned long)si.mem_unit : 0;
}

static int h_physmem32(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		       struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned long r = ram();
	int v = r > 0x7fffffff ? 0x7fffffff : (int)r;
	return bsd_sysctl_out(req, &v, sizeof v);
}

/* The strings of a vector of the initial stack: argv or envp, read where
 * struct ps_strings says they are (sysctl_kern_proc_args does the same). */
static int proc_vector(struct bsd_sysctl_req *req, bool env, bool count)
{
	struct bsd_ps_strings ps;
	if (!bsd_ps_strings || xeno_copy_in(&ps, bsd_ps_strings, sizeof ps) < 0)
		return EFAULT;
	uint64_t vec = env ? ps.ps_envstr : ps.ps_argvstr;
	int n = (int)(env ? ps.ps_nenvstr : ps.ps_nargvstr);
	if (count)
		return bsd_sysctl_out(req, &n, sizeof n);
	for (int i = 0; i < n; i++) {
		uint64_t s;
		char buf[4096];
		if (xeno_copy_in(&s, vec + 8 * (uint64_t)i, sizeof s) < 0)
			return EFAULT;
		long len = xeno_strncpy_in(buf, s, sizeof buf);
		if (len < 0)
			return EFAULT;
		int err = bsd_sysctl_out(req, buf, strnlen(buf, sizeof buf - 1) + 1);
		if (err)
			return err;
	}
	return 0;
}

/* kern.proc_args.<pid>.<what>: the program's path of any process, the
 * vectors of this one. */
static int h_proc_args(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
		       struct bsd_sysctl_req *req)
{
	(void)n;
	if (nargs != 2)
		return EINVAL;
	if (args[1] == NETBSD_KERN_PROC_PATHNAME)
		return bsd_sysctl_pathname_of(args, 1, req);
	if (args[0] != -1 && args[0] != getpid())
		return EPERM; /* another process's vectors: not kept by xeno */
	switch (args[1]) {
	case NETBSD_KERN_PROC_ARGV:
		return proc_vector(req, false, false);
	case NETBSD_KERN_PROC_NARGV:
		return proc_vector(req, false, true);
	case NETBSD_KERN_PROC_ENV:
		return proc_vector(req, true, false);
	case NETBSD_KERN_PROC_NENV:
		return proc_vector(req, true, true);
	}
	return EINVAL;
}

/* ---- the table ---- */

/* clang-format off */
#define T_NODE	 (NETBSD_CTLTYPE_NODE | NETBSD_CTLFLAG_PERMANENT)
#define T_INT	 (NETBSD_CTLTYPE_INT | NETBSD_CTLFLAG_PERMANENT)
#define T_STRING (NETBSD_CTLTYPE_STRING | NETBSD_CTLFLAG_PERMANENT)
#define T_QUAD	 (NETBSD_CTLTYPE_QUAD | NETBSD_CTLFLAG_PERMANENT)
#define T_STRUCT (NETBSD_CTLTYPE_STRUCT | NETBSD_CTLFLAG_PERMANENT)

#define DEPTH(...) (sizeof((int[]){__VA_ARGS__}) / sizeof(int))
#define NODE(nm, ...)                                                                              \
	{nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_NODE, NULL, NULL, 0, NULL, 0}
#define INT(nm, v, ...)                                                                            \
	{nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_INT, NULL, bsd_sysctl_int, v, NULL, 4}
#define STR(nm, s, ...)                                                                            \
	{nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_STRING, NULL, bsd_sysctl_string, 0, s, sizeof(s)}
#define VAL(nm, type, size, h, ...)                                                                \
	{nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), type, NULL, h, 0, NULL, size}

#define KERN NETBSD_CTL_KERN
#define HW   NETBSD_CTL_HW

static const struct bsd_sysctl_node nodes[] = {
	NODE("kern", KERN),
	STR("kern.ostype", NETBSD_OSTYPE, KERN, NETBSD_KERN_OSTYPE),
	STR("kern.osrelease", NETBSD_OSRELEASE, KERN, NETBSD_KERN_OSRELEASE),
	INT("kern.osrevision", NETBSD_VERSION, KERN, NETBSD_KERN_OSREV),
	STR("kern.version", "NetBSD " NETBSD_OSRELEASE " (xeno)\n", KERN, NETBSD_KERN_VERSION),
	VAL("kern.maxfiles", T_INT, 4, bsd_sysctl_maxfiles, KERN, NETBSD_KERN_MAXFILES),
	INT("kern.argmax", NETBSD_ARG_MAX, KERN, NETBSD_KERN_ARGMAX),
	VAL("kern.hostname", T_STRING, 256, bsd_sysctl_hostname, KERN, NETBSD_KERN_HOSTNAME),
	INT("kern.ngroups", NETBSD_NGROUPS_MAX, KERN, NETBSD_KERN_NGROUPS),
	INT("kern.job_control", 1, KERN, NETBSD_KERN_JOB_CONTROL),
	INT("kern.saved_ids", 1, KERN, NETBSD_KERN_SAVED_IDS),
	VAL("kern.domainname", T_STRING, 256, bsd_sysctl_domainname, KERN, NETBSD_KERN_DOMAINNAME),
	INT("kern.iov_max", NETBSD_UIO_MAXIOV, KERN, NETBSD_KERN_IOV_MAX),
	VAL("kern.proc_args", T_NODE, 0, h_proc_args, KERN, NETBSD_KERN_PROC_ARGS),
	VAL("kern.arandom", T_STRUCT, 0, bsd_sysctl_arandom, KERN, NETBSD_KERN_ARND),

	NODE("hw", HW),
	STR("hw.machine", NETBSD_MACHINE, HW, NETBSD_HW_MACHINE),
	VAL("hw.model", T_STRING, 48, bsd_sysctl_model, HW, NETBSD_HW_MODEL),
	VAL("hw.ncpu", T_INT, 4, bsd_sysctl_ncpu, HW, NETBSD_HW_NCPU),
	/* sys/arch/x86/include/endian_machdep.h: _BYTE_ORDER is 1234 */
	INT("hw.byteorder", 1234, HW, NETBSD_HW_BYTEORDER),
	VAL("hw.physmem", T_INT, 4, h_physmem32, HW, NETBSD_HW_PHYSMEM),
	VAL("hw.usermem", T_INT, 4, h_physmem32, HW, NETBSD_HW_USERMEM),
	INT("hw.pagesize", 4096, HW, NETBSD_HW_PAGESIZE),
	STR("hw.machine_arch", NETBSD_MACHINE_ARCH, HW, NETBSD_HW_MACHINE_ARCH),
	INT("hw.alignbytes", NETBSD_ALIGNBYTES, HW, NETBSD_HW_ALIGNBYTES),
	VAL("hw.physmem64", T_QUAD, 8, bsd_sysctl_physmem, HW, NETBSD_HW_PHYSMEM64),
	VAL("hw.usermem64", T_QUAD, 8, bsd_sysctl_physmem, HW, NETBSD_HW_USERMEM64),
	VAL("hw.ncpuonline", T_INT, 4, bsd_sysctl_ncpu, HW, NETBSD_HW_NCPUONLINE),

	NODE("user", NETBSD_CTL_USER),
	STR("user.cs_path", "/usr/bin:/bin:/usr/sbin:/sbin:/usr/pkg/bin:/usr/pkg/sbin:/usr/local/bin:"
	    "/usr/local/sbin", NETBSD_CTL_USER, NETBSD_USER_CS_PATH),
};
/* clang-format on */

static const struct bsd_sysctl_tree tree = {nodes, sizeof nodes / sizeof nodes[0],
					    NETBSD_CTL_MAXNAME};

/* ---- CTL_QUERY (sysctl_query) ---- */

/* The children of the node at name[0..depth) as struct sysctlnode; only
 * whole records are copied (sysctl_cvt_out).  The request's new value must
 * be a struct sysctlnode of version 1 (sysctl_cvt_in). */
static int query(const int *name, unsigned depth, struct bsd_sysctl_req *req)
{
	if (depth) {
		const struct bsd_sysctl_node *parent;
		unsigned indx;
		int err = bsd_sysctl_find(&tree, name, depth, &parent, &indx);
		if (err)
			return err;
		if (!bsd_sysctl_is_node(parent) || indx != depth)
			return ENOTDIR;
	}
	struct netbsd_sysctlnode q;
	if (!req->new || req->newlen < sizeof q.sysctl_flags)
		return EINVAL;
	if (req->new_fault)
		return EFAULT;
	memcpy(&q.sysctl_flags, req->new, sizeof q.sysctl_flags);
	if (req->newlen != sizeof q ||
	    (q.sysctl_flags & NETBSD_SYSCTL_VERS_MASK) != NETBSD_SYSCTL_VERS_1)
		return EINVAL;
	for (unsigned i = 0; i < tree.n; i++) {
		const struct bsd_sysctl_node *n = &nodes[i];
		if (n->depth != depth + 1 || memcmp(n->mib, name, depth * sizeof *name) != 0)
			continue;
		struct netbsd_sysctlnode out;
		memset(&out, 0, sizeof out);
		out.sysctl_flags = n->kind | NETBSD_SYSCTL_VERS_1;
		out.sysctl_num = n->mib[depth];
		strncpy(out.sysctl_name, bsd_sysctl_leaf_name(n), sizeof out.sysctl_name - 1);
		out.sysctl_size = n->size;
		if (bsd_sysctl_is_node(n) && !n->handler)
			for (unsigned k = 0; k < tree.n; k++)
				if (nodes[k].depth == depth + 2 &&
				    memcmp(nodes[k].mib, n->mib, (depth + 1) * sizeof(int)) == 0)
					out.sysctl_un.child.clen++, out.sysctl_un.child.csize++;
		size_t room = req->old && req->oldlen > req->oldidx ? req->oldlen - req->oldidx : 0;
		bsd_sysctl_out(req, room >= sizeof out ? &out : NULL, sizeof out);
	}
	return 0;
}

/* ---- dispatch (sysctl_dispatch) ---- */

int netbsd_sysctl(const int *name, unsigned namelen, struct bsd_sysctl_req *req)
{
	if (namelen == 0)
		return EINVAL;
	/* a negative last component names an operation on the node before */
	if (name[namelen - 1] < 0) {
		switch (name[namelen - 1]) {
		case NETBSD_CTL_QUERY:
			return query(name, namelen - 1, req);
		case NETBSD_CTL_CREATE:
		case NETBSD_CTL_DESTROY:
			return req->new ? EPERM : EINVAL; /* the tree is the kernel's */
		}
		return EOPNOTSUPP;
	}
	const struct bsd_sysctl_node *n;
	unsigned indx;
	int err = bsd_sysctl_find(&tree, name, namelen, &n, &indx);
	if (err)
		return err;
	if (bsd_sysctl_is_node(n) && !n->handler)
		return EINVAL; /* sysctl_lookup: a node can be queried, not looked up */
	if (req->new && req->newlen && !(n->kind & NETBSD_CTLFLAG_READWRITE))
		return EPERM;
	if (bsd_sysctl_is_node(n))
		return n->handler(n, name + indx, namelen - indx, req);
	return n->handler(n, NULL, 0, req);
}

long netbsd_sys___sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen, uint64_t oldv,
			 uint64_t oldlenp, uint64_t newv, size_t newlen)
{
	int mib[NETBSD_CTL_MAXNAME];
	if (namelen > NETBSD_CTL_MAXNAME || namelen < 1)
		return -EINVAL;
	if (xeno_copy_in(mib, name, namelen * sizeof *mib) < 0)
		return -EFAULT;
	return bsd_sysctl_for_guest(t, netbsd_sysctl, mib, namelen, oldv, oldlenp, newv, newlen,
				    BSD_SYSCTL_LENP_NEEDED);
}
