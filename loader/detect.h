/* Which operating system an ELF program is for, and what a non-ELF file is. */
#ifndef XENO_LOADER_DETECT_H
#define XENO_LOADER_DETECT_H

#include <gelf.h>
#include <stddef.h>
#include <stdint.h>

/* The kind of file (enum xeno_format) its first bytes say. */
int xeno_file_format(const unsigned char *head, size_t n);
/* Names a file that is not ELF from its first bytes ("a Mach-O program
 * (macOS)"), or NULL if nothing is recognised. */
const char *xeno_describe_foreign_format(const unsigned char *head, size_t n);

/* The OS of an ELF program from EI_OSABI, its notes and PT_INTERP; sets
 * *version from the ABI note when there is one. */
int xeno_detect_os(Elf *elf, const char *interp, uint32_t *version);

#endif
