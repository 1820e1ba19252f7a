/*
 * FreeBSD sysctl facts (sys/sys/sysctl.h, FreeBSD 14): the MIB's fixed
 * numbers, node types and flags, and the constants behind the values xeno
 * reports (each cited where it is defined).
 */
#ifndef XENO_ABI_FREEBSD_SYSCTL_H
#define XENO_ABI_FREEBSD_SYSCTL_H

#define FREEBSD_CTL_MAXNAME    24    /* largest number of components */
#define FREEBSD_CTL_AUTO_START 0x100 /* first dynamically numbered OID */

/* Types (CTLTYPE) and flags of an OID's kind. */
#define FREEBSD_CTLTYPE		0xf
#define FREEBSD_CTLTYPE_NODE	1
#define FREEBSD_CTLTYPE_INT	2
#define FREEBSD_CTLTYPE_STRING	3
#define FREEBSD_CTLTYPE_S64	4
#define FREEBSD_CTLTYPE_OPAQUE	5 /* also CTLTYPE_STRUCT */
#define FREEBSD_CTLTYPE_UINT	6
#define FREEBSD_CTLTYPE_LONG	7
#define FREEBSD_CTLTYPE_ULONG	8
#define FREEBSD_CTLTYPE_U64	9
#define FREEBSD_CTLFLAG_RD	0x80000000U
#define FREEBSD_CTLFLAG_WR	0x40000000U
#define FREEBSD_CTLFLAG_ANYBODY 0x10000000U
#define FREEBSD_CTLFLAG_MPSAFE	0x00040000U
#define FREEBSD_CTLFLAG_CAPRD	0x00008000U

/* Top-level identifiers. */
enum {
	FREEBSD_CTL_SYSCTL = 0, /* "magic" numbers */
	FREEBSD_CTL_KERN = 1,
	FREEBSD_CTL_VM = 2,
	FREEBSD_CTL_VFS = 3,
	FREEBSD_CTL_NET = 4,
	FREEBSD_CTL_DEBUG = 5,
	FREEBSD_CTL_HW = 6,
	FREEBSD_CTL_MACHDEP = 7,
	FREEBSD_CTL_USER = 8,
	FREEBSD_CTL_P1003_1B = 9,
};

/* CTL_SYSCTL identifiers. */
enum {
	FREEBSD_CTL_SYSCTL_DEBUG = 0,
	FREEBSD_CTL_SYSCTL_NAME = 1, /* string name of OID */
	FREEBSD_CTL_SYSCTL_NEXT = 2,
	FREEBSD_CTL_SYSCTL_NAME2OID = 3, /* int array of name */
	FREEBSD_CTL_SYSCTL_OIDFMT = 4,	 /* OID's kind and format */
	FREEBSD_CTL_SYSCTL_OIDDESCR = 5,
};

/* CTL_KERN identifiers. */
enum {
	FREEBSD_KERN_OSTYPE = 1,
	FREEBSD_KERN_OSRELEASE = 2,
	FREEBSD_KERN_OSREV = 3,
	FREEBSD_KERN_VERSION = 4,
	FREEBSD_KERN_MAXVNODES = 5,
	FREEBSD_KERN_MAXPROC = 6,
	FREEBSD_KERN_MAXFILES = 7,
	FREEBSD_KERN_ARGMAX = 8,
	FREEBSD_KERN_SECURELVL = 9,
	FREEBSD_KERN_HOSTNAME = 10,
	FREEBSD_KERN_HOSTID = 11,
	FREEBSD_KERN_CLOCKRATE = 12,
	FREEBSD_KERN_PROC = 14,
	FREEBSD_KERN_POSIX1 = 17,
	FREEBSD_KERN_NGROUPS = 18,
	FREEBSD_KERN_JOB_CONTROL = 19,
	FREEBSD_KERN_SAVED_IDS = 20,
	FREEBSD_KERN_BOOTTIME = 21,
	FREEBSD_KERN_NISDOMAINNAME = 22, /* "kern.domainname" */
	FREEBSD_KERN_OSRELDATE = 24,
	FREEBSD_KERN_MAXFILESPERPROC = 27,
	FREEBSD_KERN_PS_STRINGS = 32,
	FREEBSD_KERN_USRSTACK = 33,
	FREEBSD_KERN_IOV_MAX = 35,
	FREEBSD_KERN_HOSTUUID = 36,
	FREEBSD_KERN_ARND = 37, /* "kern.arandom" */
	FREEBSD_KERN_MAXPHYS = 38,
};
/* KERN_PROC subtypes. */
#define FREEBSD_KERN_PROC_PATHNAME 12

/* CTL_HW identifiers. */
enum {
	FREEBSD_HW_MACHINE = 1,
	FREEBSD_HW_MODEL = 2,
	FREEBSD_HW_NCPU = 3,
	FREEBSD_HW_BYTEORDER = 4,
	FREEBSD_HW_PHYSMEM = 5,
	FREEBSD_HW_USERMEM = 6,
	FREEBSD_HW_PAGESIZE = 7,
	FREEBSD_HW_FLOATINGPT = 10,
	FREEBSD_HW_MACHINE_ARCH = 11,
	FREEBSD_HW_REALMEM = 12,
};

/* Values behind fixed sysctls. */
#define FREEBSD_BSD	       199506		/* sys/sys/param.h BSD: kern.osrevision */
#define FREEBSD_ARG_MAX	       (2 * 256 * 1024) /* sys/sys/syslimits.h (LP64) */
#define FREEBSD_NGROUPS_MAX    1023		/* sys/sys/syslimits.h: kern.ngroups default */
#define FREEBSD_UIO_MAXIOV     1024		/* sys/sys/uio.h: kern.iov_max */
#define FREEBSD_MAXCPU	       1024		/* sys/amd64/include/param.h (SMP) */
#define FREEBSD_MAXHOSTNAMELEN 256		/* sys/sys/param.h */
#define FREEBSD_MACHINE	       "amd64"		/* sys/amd64/include/param.h MACHINE */
#define FREEBSD_MACHINE_ARCH   "amd64"		/* sys/amd64/include/param.h MACHINE_ARCH */
#define FREEBSD_MAXPATHLEN     1024		/* sys/sys/param.h: name2oid's name limit */

#endif
