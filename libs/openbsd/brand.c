/* How OpenBSD programs are recognised: EI_OSABI 12, the OpenBSD ABI note of
 * .note.openbsd.ident (lib/csu/os-note-elf.h), or the interpreter
 * /usr/libexec/ld.so. */
#include <elf.h>

#include "core/brand.h"
#include "libs/openbsd/openbsd.h"

static const char *const interpreters[] = {"/usr/libexec/ld.so", NULL};

const struct xeno_brand openbsd_brand = {
    .name = "openbsd",
    .title = "OpenBSD",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_OPENBSD,
    .note_owner = "OpenBSD",
    .interpreters = interpreters,
    .personality = &openbsd_personality,
};
