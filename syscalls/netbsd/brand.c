/* How NetBSD programs are recognised: EI_OSABI 2, or (on many, with EI_OSABI
 * 0) the NetBSD ABI note of .note.netbsd.ident (sys/sys/exec_elf.h,
 * ELF_NOTE_NETBSD_NAME), or the interpreter /usr/libexec/ld.elf_so. */
#include <elf.h>

#include "core/brand.h"

static const char *const interpreters[] = {"/usr/libexec/ld.elf_so", NULL};

const struct xeno_brand netbsd_brand = {
    .name = "netbsd",
    .title = "NetBSD",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_NETBSD,
    .note_owner = "NetBSD",
    .interpreters = interpreters,
};
