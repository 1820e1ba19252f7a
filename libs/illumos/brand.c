/* How illumos (and Solaris) programs are recognised: EI_OSABI 6 where set;
 * most carry 0 and no ABI note, and are told apart by their interpreter,
 * ld.so.1 (usr/src/cmd/sgs/rtld: the amd64 path /lib/amd64/ld.so.1), or by
 * the PT_SUNWSTACK program header only Solaris link-editors (and Go's, for
 * GOOS=solaris and illumos) write (usr/src/uts/common/sys/elf.h). */
#include <elf.h>

#include "core/brand.h"
#include "libs/illumos/illumos.h"

#ifndef PT_SUNWSTACK
#define PT_SUNWSTACK 0x6ffffffb
#endif

static const char *const interpreters[] = {"/usr/lib/amd64/ld.so.1", "/lib/amd64/ld.so.1", NULL};

const struct xeno_brand illumos_brand = {
    .name = "illumos",
    .title = "illumos",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_SOLARIS,
    .interpreters = interpreters,
    .elf_phdr_type = PT_SUNWSTACK,
    .personality = &illumos_personality,
};
