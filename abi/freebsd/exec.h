/*
 * What a new FreeBSD/amd64 process finds: auxiliary vector types
 * (sys/sys/elf_common.h), struct ps_strings (sys/sys/exec.h), and the kernel
 * version xeno presents itself as (sys/sys/param.h __FreeBSD_version).
 */
#ifndef XENO_ABI_FREEBSD_EXEC_H
#define XENO_ABI_FREEBSD_EXEC_H

#include <stddef.h>
#include <stdint.h>

/* FreeBSD 14.2-RELEASE: __FreeBSD_version 1402000. */
#define FREEBSD_OSRELDATE 1402000
#define FREEBSD_OSRELEASE "14.2-RELEASE"
#define FREEBSD_OSTYPE	  "FreeBSD"

/* sys/sys/elf_common.h: AT_* */
enum {
	FREEBSD_AT_NULL = 0,
	FREEBSD_AT_IGNORE = 1,
	FREEBSD_AT_EXECFD = 2,
	FREEBSD_AT_PHDR = 3,
	FREEBSD_AT_PHENT = 4,
	FREEBSD_AT_PHNUM = 5,
	FREEBSD_AT_PAGESZ = 6,
	FREEBSD_AT_BASE = 7,
	FREEBSD_AT_FLAGS = 8,
	FREEBSD_AT_ENTRY = 9,
	FREEBSD_AT_NOTELF = 10,
	FREEBSD_AT_UID = 11,
	FREEBSD_AT_EUID = 12,
	FREEBSD_AT_GID = 13,
	FREEBSD_AT_EGID = 14,
	FREEBSD_AT_EXECPATH = 15,
	FREEBSD_AT_CANARY = 16,
	FREEBSD_AT_CANARYLEN = 17,
	FREEBSD_AT_OSRELDATE = 18,
	FREEBSD_AT_NCPUS = 19,
	FREEBSD_AT_PAGESIZES = 20,
	FREEBSD_AT_PAGESIZESLEN = 21,
	FREEBSD_AT_TIMEKEEP = 22,
	FREEBSD_AT_STACKPROT = 23,
	FREEBSD_AT_EHDRFLAGS = 24,
	FREEBSD_AT_HWCAP = 25,
	FREEBSD_AT_HWCAP2 = 26,
	FREEBSD_AT_BSDFLAGS = 27,
	FREEBSD_AT_ARGC = 28,
	FREEBSD_AT_ARGV = 29,
	FREEBSD_AT_ENVC = 30,
	FREEBSD_AT_ENVV = 31,
	FREEBSD_AT_PS_STRINGS = 32,
	FREEBSD_AT_FXRNG = 33,
	FREEBSD_AT_KPRELOAD = 34,
	FREEBSD_AT_USRSTACKBASE = 35,
	FREEBSD_AT_USRSTACKLIM = 36,
};

/* sys/sys/exec.h: where a process's argument and environment vectors are. */
struct freebsd_ps_strings {
	uint64_t ps_argvstr; /* char ** */
	uint32_t ps_nargvstr;
	uint32_t pad0_;
	uint64_t ps_envstr; /* char ** */
	uint32_t ps_nenvstr;
	uint32_t pad1_;
};
_Static_assert(sizeof(struct freebsd_ps_strings) == 32, "ps_strings layout");
_Static_assert(offsetof(struct freebsd_ps_strings, ps_envstr) == 16, "ps_strings layout");

/* sys/kern/kern_exec.c: the canary handed to the stack protector. */
#define FREEBSD_CANARY_LEN 64

#endif
