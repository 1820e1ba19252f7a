/* Which operating system a program is for, from its first bytes and, for ELF,
 * its EI_OSABI byte, ABI note and interpreter, as the brand records say. */
#ifndef XENO_LOADER_DETECT_H
#define XENO_LOADER_DETECT_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/brand.h"

/* The format of a file from its first bytes: XENO_FORMAT_ELF, _MACHO or
 * _PE, or 0 for anything else. */
int xeno_detect_format(const unsigned char *head, size_t n);

/* Names a file xeno does not run from its first bytes ("a script, not a
 * program: ..."), or NULL if nothing is recognised. */
const char *xeno_describe_other_format(const unsigned char *head, size_t n);

/* What an ELF program says about its OS. */
struct xeno_elf_brand {
	const struct xeno_brand *brand; /* NULL: none that xeno knows */
	bool host;			/* a Linux program: the host runs it */
	uint32_t version;		/* from the ABI note, 0 if none */
};

/* The brand of an ELF program from EI_OSABI, its notes, PT_INTERP and, last,
 * a program header type only one OS has. */
struct xeno_elf_brand xeno_detect_elf_brand(Elf *elf, const char *interp);

#endif
