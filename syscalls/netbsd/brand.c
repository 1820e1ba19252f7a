/* How NetBSD programs are recognised: EI_OSABI 2, or (on many, with EI_OSABI
 * 0) the NetBSD ABI note of .note.netbsd.ident (sys/sys/exec_elf.h,
 * ELF_NOTE_NETBSD_NAME), or the interpreter /usr/libexec/ld.elf_so.  Go's
 * NetBSD programs carry both EI_OSABI 2 and the note (version 700000000). */
#include <elf.h>
#include <stdio.h>

#include "core/brand.h"
#include "syscalls/netbsd/netbsd.h"

/* __NetBSD_Version__ is MMmmrrpp00 (sys/sys/param.h): major, minor, the
 * release (0 for a release, else -current's patch level). */
static void describe_version(uint32_t v, char *buf, size_t size)
{
	unsigned major = v / 100000000, minor = v / 1000000 % 100, patch = v / 100 % 100;
	if (patch)
		snprintf(buf, size, "NetBSD %u.%u.%u", major, minor, patch);
	else
		snprintf(buf, size, "NetBSD %u.%u", major, minor);
}

static const char *const interpreters[] = {"/usr/libexec/ld.elf_so", NULL};

const struct xeno_brand netbsd_brand = {
    .name = "netbsd",
    .title = "NetBSD",
    .format = XENO_FORMAT_ELF,
    .elf_osabi = ELFOSABI_NETBSD,
    .note_owner = "NetBSD",
    .interpreters = interpreters,
    .describe_version = describe_version,
    .personality = &netbsd_personality,
};
