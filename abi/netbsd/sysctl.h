/*
 * NetBSD sysctl facts (sys/sys/sysctl.h rev 1.233): the MIB's fixed
 * numbers, node types and flags, the meta operations below a node
 * (CTL_QUERY), and struct sysctlnode, what CTL_QUERY answers and takes.
 */
#ifndef XENO_ABI_NETBSD_SYSCTL_H
#define XENO_ABI_NETBSD_SYSCTL_H

#include <stddef.h>
#include <stdint.h>

#define NETBSD_CTL_MAXNAME    12 /* largest number of components */
#define NETBSD_SYSCTL_NAMELEN 32 /* longest name of a node */

/* Types (SYSCTL_TYPE) and flags of a node's sysctl_flags. */
#define NETBSD_CTLTYPE_NODE	 1
#define NETBSD_CTLTYPE_INT	 2
#define NETBSD_CTLTYPE_STRING	 3
#define NETBSD_CTLTYPE_QUAD	 4
#define NETBSD_CTLTYPE_STRUCT	 5
#define NETBSD_CTLTYPE_BOOL	 6
#define NETBSD_CTLFLAG_READONLY	 0x00000000U
#define NETBSD_CTLFLAG_READWRITE 0x00000070U
#define NETBSD_CTLFLAG_ANYWRITE	 0x00000080U
#define NETBSD_CTLFLAG_PERMANENT 0x00000200U
#define NETBSD_CTLFLAG_IMMEDIATE 0x00000800U
#define NETBSD_SYSCTL_VERS_MASK	 0xff000000U
#define NETBSD_SYSCTL_VERS_1	 0x01000000U /* SYSCTL_VERSION */

/* The operations a negative last component asks of the node before it. */
#define NETBSD_CTL_QUERY    (-2) /* enumerates children of a node */
#define NETBSD_CTL_CREATE   (-3)
#define NETBSD_CTL_DESTROY  (-5)
#define NETBSD_CTL_DESCRIBE (-7)

/* Top-level identifiers. */
enum {
	NETBSD_CTL_KERN = 1,
	NETBSD_CTL_VM = 2,
	NETBSD_CTL_VFS = 3,
	NETBSD_CTL_NET = 4,
	NETBSD_CTL_DEBUG = 5,
	NETBSD_CTL_HW = 6,
	NETBSD_CTL_MACHDEP = 7,
	NETBSD_CTL_USER = 8,
};

/* CTL_KERN identifiers. */
enum {
	NETBSD_KERN_OSTYPE = 1,
	NETBSD_KERN_OSRELEASE = 2,
	NETBSD_KERN_OSREV = 3,
	NETBSD_KERN_VERSION = 4,
	NETBSD_KERN_MAXFILES = 7,
	NETBSD_KERN_ARGMAX = 8,
	NETBSD_KERN_HOSTNAME = 10,
	NETBSD_KERN_NGROUPS = 18,
	NETBSD_KERN_JOB_CONTROL = 19,
	NETBSD_KERN_SAVED_IDS = 20,
	NETBSD_KERN_DOMAINNAME = 22,
	NETBSD_KERN_IOV_MAX = 38,
	NETBSD_KERN_PROC_ARGS = 48,
	NETBSD_KERN_ARND = 81,
};
/* KERN_PROC_ARGS subtypes (the last component, after the pid). */
#define NETBSD_KERN_PROC_ARGV	  1
#define NETBSD_KERN_PROC_NARGV	  2
#define NETBSD_KERN_PROC_ENV	  3
#define NETBSD_KERN_PROC_NENV	  4
#define NETBSD_KERN_PROC_PATHNAME 5

/* CTL_HW identifiers. */
enum {
	NETBSD_HW_MACHINE = 1,
	NETBSD_HW_MODEL = 2,
	NETBSD_HW_NCPU = 3,
	NETBSD_HW_BYTEORDER = 4,
	NETBSD_HW_PHYSMEM = 5,
	NETBSD_HW_USERMEM = 6,
	NETBSD_HW_PAGESIZE = 7,
	NETBSD_HW_MACHINE_ARCH = 10,
	NETBSD_HW_ALIGNBYTES = 11,
	NETBSD_HW_PHYSMEM64 = 13,
	NETBSD_HW_USERMEM64 = 14,
	NETBSD_HW_NCPUONLINE = 16,
};

/* CTL_USER identifiers. */
#define NETBSD_USER_CS_PATH 1

/* Values behind fixed nodes. */
#define NETBSD_BSD	    199506	 /* sys/sys/param.h BSD */
#define NETBSD_ARG_MAX	    (256 * 1024) /* sys/sys/syslimits.h */
#define NETBSD_NGROUPS_MAX  16		 /* sys/sys/syslimits.h */
#define NETBSD_MACHINE	    "amd64"
#define NETBSD_MACHINE_ARCH "x86_64" /* sys/arch/amd64/include/param.h */
#define NETBSD_ALIGNBYTES   7	     /* sys/arch/amd64/include/param.h ALIGNBYTES */

/* struct sysctlnode: every pointer and size in a 64-bit slot
 * (__sysc_pad). */
struct netbsd_sysctlnode {
	uint32_t sysctl_flags;
	int32_t sysctl_num;
	char sysctl_name[NETBSD_SYSCTL_NAMELEN];
	uint32_t sysctl_ver;
	uint32_t rsvd_;
	union {
		struct {
			uint32_t csize, clen;
			uint64_t child;
		} child;
		int32_t idata;
		uint64_t qdata;
		uint8_t raw[16];
	} sysctl_un;
	uint64_t sysctl_size;
	uint64_t sysctl_func;
	uint64_t sysctl_parent;
	uint64_t sysctl_desc;
};
_Static_assert(sizeof(struct netbsd_sysctlnode) == 96, "struct sysctlnode layout");
_Static_assert(offsetof(struct netbsd_sysctlnode, sysctl_ver) == 40, "struct sysctlnode layout");
_Static_assert(offsetof(struct netbsd_sysctlnode, sysctl_size) == 64, "struct sysctlnode layout");

#endif
