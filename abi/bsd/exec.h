/*
 * What the BSDs' exec leaves at the top of a new process's stack: struct
 * ps_strings, where the argument and environment vectors are (FreeBSD and
 * NetBSD sys/sys/exec.h agree on amd64), and the auxiliary vector's entry
 * (Elf64_Auxinfo: a long type, a long value).
 */
#ifndef XENO_ABI_BSD_EXEC_H
#define XENO_ABI_BSD_EXEC_H

#include <stddef.h>
#include <stdint.h>

struct bsd_ps_strings {
	uint64_t ps_argvstr; /* char ** */
	uint32_t ps_nargvstr;
	uint32_t pad0_;
	uint64_t ps_envstr; /* char ** */
	uint32_t ps_nenvstr;
	uint32_t pad1_;
};
_Static_assert(sizeof(struct bsd_ps_strings) == 32, "ps_strings layout");
_Static_assert(offsetof(struct bsd_ps_strings, ps_envstr) == 16, "ps_strings layout");

#endif
