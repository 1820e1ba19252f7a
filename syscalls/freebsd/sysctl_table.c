/*
 * The sysctl nodes xeno answers: what real FreeBSD programs read.  Names,
 * numbers and types are FreeBSD's (abi/freebsd/sysctl.h; the nodes are
 * declared in sys/kern/kern_mib.c, kern_exec.c, kern_proc.c, kern_tc.c,
 * subr_smp.c, kern_cpuset.c, vm/swap_pager.c and x86/x86/identcpu.c).  Nodes
 * FreeBSD numbers dynamically (OID_AUTO) get numbers from CTL_AUTO_START on.
 * The sysctl.* nodes (name, name2oid, oidfmt) live in sysctl.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "abi/freebsd/cpuset.h"
#include "abi/freebsd/exec.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/time.h"
#include "core/fd.h"
#include "core/process.h"
#include "syscalls/bsd/stack.h"
#include "syscalls/freebsd/freebsd.h"
#include "syscalls/freebsd/sysctl.h"

/* ---- value sources FreeBSD's own ---- */

/* The realtime clock less the uptime: FreeBSD's boottime + uptime = now
 * holds with CLOCK_UPTIME, which is Linux CLOCK_MONOTONIC (abi/freebsd/time.h). */
static int h_boottime(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		      struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	struct timespec now, up;
	clock_gettime(CLOCK_REALTIME, &now);
	clock_gettime(CLOCK_MONOTONIC, &up);
	long long ns = (now.tv_sec - up.tv_sec) * 1000000000LL + (now.tv_nsec - up.tv_nsec);
	struct bsd_timeval tv = {ns / 1000000000LL, (ns % 1000000000LL) / 1000};
	if (tv.tv_usec < 0) {
		tv.tv_sec--;
		tv.tv_usec += 1000000;
	}
	return bsd_sysctl_out(req, &tv, sizeof tv);
}

/* kern.proc.pathname.<pid>: exactly one argument. */
static int h_pathname(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
		      struct bsd_sysctl_req *req)
{
	(void)n;
	return bsd_sysctl_pathname_of(args, nargs, req);
}

static int h_ps_strings(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned long v = bsd_ps_strings;
	return bsd_sysctl_out(req, &v, sizeof v);
}

/* kern.sched.cpusetsizemin: the smallest set cpuset_getaffinity accepts. */
static int h_cpusetsizemin(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			   struct bsd_sysctl_req *req)
{
	(void)n, (void)a, (void)na;
	unsigned v = (unsigned)freebsd_cpuset_min_bytes();
	return bsd_sysctl_out(req, &v, sizeof v);
}

/* ---- the table ---- */

/* One node a line: a table. */
/* clang-format off */
#define RD	   FREEBSD_CTLFLAG_RD
#define T_NODE	   (FREEBSD_CTLTYPE_NODE | RD)
#define T_INT	   (FREEBSD_CTLTYPE_INT | RD)
#define T_UINT	   (FREEBSD_CTLTYPE_UINT | RD)
#define T_STRING   (FREEBSD_CTLTYPE_STRING | RD)
#define T_ULONG	   (FREEBSD_CTLTYPE_ULONG | RD)
#define T_OPAQUE   (FREEBSD_CTLTYPE_OPAQUE | RD)
#define T_NAME2OID (FREEBSD_CTLTYPE_INT | RD | FREEBSD_CTLFLAG_WR | FREEBSD_CTLFLAG_ANYBODY)
#define AUTO(n)	   (FREEBSD_CTL_AUTO_START + (n))

/* A plain node, a constant int, a constant string, a computed value. */
#define DEPTH(...) (sizeof((int[]){__VA_ARGS__}) / sizeof(int))
#define NODE(nm, ...)                                                                              \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_NODE, "N", NULL, 0, NULL, 0                  \
	}
#define INT(nm, v, ...)                                                                            \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_INT, "I", bsd_sysctl_int, v, NULL, 0                  \
	}
#define STR(nm, s, ...)                                                                            \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), T_STRING, "A", bsd_sysctl_string, 0, s, 0               \
	}
#define VAL(nm, type, fmt, h, ...)                                                                 \
	{                                                                                          \
		nm, {__VA_ARGS__}, DEPTH(__VA_ARGS__), type, fmt, h, 0, NULL, 0                       \
	}

#define KERN FREEBSD_CTL_KERN
#define HW   FREEBSD_CTL_HW

static const struct bsd_sysctl_node nodes[] = {
	NODE("sysctl", FREEBSD_CTL_SYSCTL),
	VAL("sysctl.name", T_NODE, "N", freebsd_sysctl_name, 0, FREEBSD_CTL_SYSCTL_NAME),
	VAL("sysctl.name2oid", T_NAME2OID, "I", freebsd_sysctl_name2oid_node, 0,
	FREEBSD_CTL_SYSCTL_NAME2OID),
	VAL("sysctl.oidfmt", T_NODE, "N", freebsd_sysctl_oidfmt, 0, FREEBSD_CTL_SYSCTL_OIDFMT),

	NODE("kern", KERN),
	STR("kern.ostype", FREEBSD_OSTYPE, KERN, FREEBSD_KERN_OSTYPE),
	STR("kern.osrelease", FREEBSD_OSRELEASE, KERN, FREEBSD_KERN_OSRELEASE),
	INT("kern.osrevision", FREEBSD_BSD, KERN, FREEBSD_KERN_OSREV),
	STR("kern.version", "FreeBSD " FREEBSD_OSRELEASE " xeno\n", KERN, FREEBSD_KERN_VERSION),
	INT("kern.argmax", FREEBSD_ARG_MAX, KERN, FREEBSD_KERN_ARGMAX),
	VAL("kern.hostname", T_STRING, "A", bsd_sysctl_hostname, KERN, FREEBSD_KERN_HOSTNAME),
	NODE("kern.proc", KERN, FREEBSD_KERN_PROC),
	VAL("kern.proc.pathname", T_NODE, "N", h_pathname, KERN, FREEBSD_KERN_PROC,
	FREEBSD_KERN_PROC_PATHNAME),
	INT("kern.ngroups", FREEBSD_NGROUPS_MAX, KERN, FREEBSD_KERN_NGROUPS),
	INT("kern.job_control", 1, KERN, FREEBSD_KERN_JOB_CONTROL),
	INT("kern.saved_ids", 1, KERN, FREEBSD_KERN_SAVED_IDS),
	VAL("kern.boottime", T_OPAQUE, "S,timeval", h_boottime, KERN, FREEBSD_KERN_BOOTTIME),
	VAL("kern.domainname", T_STRING, "A", bsd_sysctl_domainname, KERN, FREEBSD_KERN_NISDOMAINNAME),
	INT("kern.osreldate", FREEBSD_OSRELDATE, KERN, FREEBSD_KERN_OSRELDATE),
	VAL("kern.maxfilesperproc", T_INT, "I", bsd_sysctl_maxfiles, KERN, FREEBSD_KERN_MAXFILESPERPROC),
	VAL("kern.ps_strings", T_ULONG, "LU", h_ps_strings, KERN, FREEBSD_KERN_PS_STRINGS),
	VAL("kern.usrstack", T_ULONG, "LU", bsd_sysctl_usrstack, KERN, FREEBSD_KERN_USRSTACK),
	INT("kern.iov_max", FREEBSD_UIO_MAXIOV, KERN, FREEBSD_KERN_IOV_MAX),
	VAL("kern.arandom", T_OPAQUE, "", bsd_sysctl_arandom, KERN, FREEBSD_KERN_ARND),
	NODE("kern.smp", KERN, AUTO(0)),
	INT("kern.smp.maxcpus", FREEBSD_MAXCPU, KERN, AUTO(0), AUTO(1)),
	VAL("kern.smp.cpus", T_INT, "I", bsd_sysctl_ncpu, KERN, AUTO(0), AUTO(2)),
	NODE("kern.sched", KERN, AUTO(3)),
	INT("kern.sched.cpusetsize", FREEBSD_CPUSET_BYTES, KERN, AUTO(3), AUTO(4)),
	VAL("kern.sched.cpusetsizemin", T_UINT, "IU", h_cpusetsizemin, KERN, AUTO(3), AUTO(5)),

	NODE("vm", FREEBSD_CTL_VM),
	INT("vm.overcommit", 0, FREEBSD_CTL_VM, AUTO(6)),

	NODE("hw", HW),
	STR("hw.machine", FREEBSD_MACHINE, HW, FREEBSD_HW_MACHINE),
	VAL("hw.model", T_STRING, "A", bsd_sysctl_model, HW, FREEBSD_HW_MODEL),
	VAL("hw.ncpu", T_INT, "I", bsd_sysctl_ncpu, HW, FREEBSD_HW_NCPU),
	/* sys/x86/include/endian.h: BYTE_ORDER is _LITTLE_ENDIAN, 1234. */
	INT("hw.byteorder", 1234, HW, FREEBSD_HW_BYTEORDER),
	VAL("hw.physmem", T_ULONG, "LU", bsd_sysctl_physmem, HW, FREEBSD_HW_PHYSMEM),
	VAL("hw.usermem", T_ULONG, "LU", bsd_sysctl_physmem, HW, FREEBSD_HW_USERMEM),
	INT("hw.pagesize", (int)FREEBSD_PAGE_SIZE, HW, FREEBSD_HW_PAGESIZE),
	STR("hw.machine_arch", FREEBSD_MACHINE_ARCH, HW, FREEBSD_HW_MACHINE_ARCH),
	VAL("hw.realmem", T_ULONG, "LU", bsd_sysctl_physmem, HW, FREEBSD_HW_REALMEM),
};
/* clang-format on */
const struct bsd_sysctl_tree freebsd_sysctl_tree = {nodes, sizeof nodes / sizeof nodes[0],
						    FREEBSD_CTL_MAXNAME};
