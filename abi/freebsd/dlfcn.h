/*
 * FreeBSD's interface to its run-time linker: include/dlfcn.h (modes,
 * special handles, Dl_info), sys/sys/link_elf.h (struct dl_phdr_info) and
 * the x86-64 TLS index __tls_get_addr takes (libexec/rtld-elf/amd64/
 * rtld_machdep.h, tls_index).
 */
#ifndef XENO_ABI_FREEBSD_DLFCN_H
#define XENO_ABI_FREEBSD_DLFCN_H

#include <stddef.h>
#include <stdint.h>

#define FREEBSD_RTLD_LAZY     1
#define FREEBSD_RTLD_NOW      2
#define FREEBSD_RTLD_GLOBAL   0x100
#define FREEBSD_RTLD_TRACE    0x200
#define FREEBSD_RTLD_NODELETE 0x1000
#define FREEBSD_RTLD_NOLOAD   0x2000

/* special handles of dlsym */
#define FREEBSD_RTLD_NEXT    ((uint64_t)-1)
#define FREEBSD_RTLD_DEFAULT ((uint64_t)-2)
#define FREEBSD_RTLD_SELF    ((uint64_t)-3)

struct freebsd_dl_info {
	uint64_t dli_fname; /* const char * */
	uint64_t dli_fbase;
	uint64_t dli_sname; /* const char * */
	uint64_t dli_saddr;
};
_Static_assert(sizeof(struct freebsd_dl_info) == 32, "Dl_info layout");

struct freebsd_dl_phdr_info {
	uint64_t dlpi_addr;
	uint64_t dlpi_name; /* const char * */
	uint64_t dlpi_phdr; /* const Elf_Phdr * */
	uint16_t dlpi_phnum;
	uint16_t pad_[3];
	uint64_t dlpi_adds; /* objects loaded so far */
	uint64_t dlpi_subs; /* and unloaded */
	uint64_t dlpi_tls_modid;
	uint64_t dlpi_tls_data; /* the calling thread's block, or NULL */
};
_Static_assert(sizeof(struct freebsd_dl_phdr_info) == 64, "struct dl_phdr_info layout");
_Static_assert(offsetof(struct freebsd_dl_phdr_info, dlpi_adds) == 32, "dl_phdr_info layout");
_Static_assert(offsetof(struct freebsd_dl_phdr_info, dlpi_tls_data) == 56, "dl_phdr_info layout");

struct freebsd_tls_index {
	uint64_t ti_module;
	uint64_t ti_offset;
};
_Static_assert(sizeof(struct freebsd_tls_index) == 16, "tls_index layout");

#endif
