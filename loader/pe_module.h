/*
 * A PE program as xeno mapped and linked it (loader/pe_image.c), for the
 * personality that runs it: where it is, its entry, what its threads' stacks
 * and TLS blocks look like, its TLS callbacks; and the lookups the loader
 * binds its imports with, which LoadLibrary and GetProcAddress share.
 */
#ifndef XENO_LOADER_PE_MODULE_H
#define XENO_LOADER_PE_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct xeno_library;
struct xeno_personality;

struct pe_module {
	uint64_t base; /* where the image is (its ImageBase, or where it was moved) */
	uint64_t size; /* SizeOfImage, page-rounded */
	uint64_t entry;
	uint64_t stack_reserve, stack_commit; /* the main thread's, and the default */
	uint16_t subsystem_major, subsystem_minor;
	struct {
		bool present;
		uint64_t template_addr, template_size; /* the initial bytes */
		uint64_t zero_fill;		       /* zeros after them */
		uint64_t align;			       /* of a block; 0: unspecified */
		uint64_t index_addr;		       /* where the TLS index went, 0 if none */
	} tls;
	const uint64_t *callbacks; /* TLS callbacks, in order (relocated) */
	size_t ncallbacks;
};

/* The program linked by xeno_pe_link, or NULL. */
const struct pe_module *pe_program(void);

/* The shim library of personality os that stands for the DLL name ("KERNEL32.dll",
 * "C:\Windows\system32\ntdll.dll": compared without case and directory), or NULL. */
const struct xeno_library *pe_shim_named(const struct xeno_personality *os, const char *name);

/* The address of lib's export name (by ordinal when name is NULL), or 0. */
uint64_t pe_shim_export(const struct xeno_library *lib, const char *name, unsigned ordinal);

/* --check: the sections, each imported DLL and how its functions were
 * bound, the TLS directory. */
void pe_report(FILE *out);

#endif
