/*
 * What a new NetBSD/amd64 process finds: auxiliary vector types
 * (sys/sys/exec_elf.h rev 1.145), struct ps_strings (sys/sys/exec.h: the
 * same four fields as FreeBSD's), the ABI note, and the release xeno
 * presents itself as (sys/sys/param.h __NetBSD_Version__: MMmmrrpp00).
 */
#ifndef XENO_ABI_NETBSD_EXEC_H
#define XENO_ABI_NETBSD_EXEC_H

#include <stdint.h>

/* NetBSD 10.0 */
#define NETBSD_VERSION	 1000000000
#define NETBSD_OSRELEASE "10.0"
#define NETBSD_OSTYPE	 "NetBSD"

/* sys/sys/exec_elf.h: AT_* */
enum {
	NETBSD_AT_NULL = 0,
	NETBSD_AT_PHDR = 3,
	NETBSD_AT_PHENT = 4,
	NETBSD_AT_PHNUM = 5,
	NETBSD_AT_PAGESZ = 6,
	NETBSD_AT_BASE = 7,
	NETBSD_AT_FLAGS = 8,
	NETBSD_AT_ENTRY = 9,
	NETBSD_AT_STACKBASE = 13,
	NETBSD_AT_EUID = 2000,
	NETBSD_AT_RUID = 2001,
	NETBSD_AT_EGID = 2002,
	NETBSD_AT_RGID = 2003,
	NETBSD_AT_SUN_EXECNAME = 2014,
};

#endif
