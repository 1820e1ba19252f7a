/* How illumos (and Solaris) programs are recognised: EI_OSABI 6 where set;
 * most carry 0 and no ABI note, and are told apart by their interpreter,
 * ld.so.1 (usr/src/cmd/sgs/rtld: the amd64 path /lib/amd64/ld.so.1). */
#include <elf.h>

#include "core/brand.h"

static const char *const interpreters[] = {"/usr/lib/amd64/ld.so.1", "/lib/amd64/ld.so.1", NULL};

const struct xeno_brand illumos_brand = {
    .name = "illumos",
    .title = "illumos",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_SOLARIS,
    .interpreters = interpreters,
};
