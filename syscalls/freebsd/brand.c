/* How FreeBSD programs are recognised (sys/kern/imgact_elf.c and
 * sys/amd64/amd64/elf_machdep.c: the freebsd_brand_info records). */
#include <elf.h>
#include <stdio.h>

#include "core/brand.h"
#include "syscalls/freebsd/freebsd.h"

/* __FreeBSD_version is major * 100000 + minor * 1000 + a patch count
 * (sys/sys/param.h). */
static void describe_version(uint32_t v, char *buf, size_t size)
{
	snprintf(buf, size, "FreeBSD %u.%u", v / 100000, v / 1000 % 100);
}

static const char *const interpreters[] = {"/libexec/ld-elf.so", NULL};

const struct xeno_brand freebsd_brand = {
    .name = "freebsd",
    .title = "FreeBSD",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_FREEBSD,
    .note_owner = "FreeBSD",
    .interpreters = interpreters,
    .describe_version = describe_version,
    .personality = &freebsd_personality,
};
