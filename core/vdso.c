/* The host's vDSO: see core/vdso.h. */
#include "core/vdso.h"

#include <gelf.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "core/hostmem.h"

int (*xeno_vdso_clock_gettime)(clockid_t clock, struct timespec *ts);

/* The address of the vDSO's dynamic symbol name, mapped at base. */
static uint64_t lookup(Elf *elf, uint64_t base, const char *name)
{
	/* its symbols are relative to the first loaded segment */
	size_t nphdr;
	GElf_Phdr ph;
	uint64_t vaddr = 0;
	if (elf_getphdrnum(elf, &nphdr) != 0)
		return 0;
	for (size_t i = 0; i < nphdr; i++)
		if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_LOAD) {
			vaddr = ph.p_vaddr - ph.p_offset;
			break;
		}
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn)) != NULL;) {
		GElf_Shdr sh;
		Elf_Data *data;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM || sh.sh_entsize == 0 ||
		    !(data = elf_getdata(scn, NULL)))
			continue;
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym sym;
			const char *s;
			if (gelf_getsym(data, (int)i, &sym) && sym.st_value &&
			    sym.st_shndx != SHN_UNDEF &&
			    (s = elf_strptr(elf, sh.sh_link, sym.st_name)) && strcmp(s, name) == 0)
				return base + sym.st_value - vaddr;
		}
	}
	return 0;
}

void xeno_vdso_init(void)
{
	static bool done;
	uint64_t base = getauxval(AT_SYSINFO_EHDR), start, len;
	if (done || !base || !xeno_hostmem_vdso(&start, &len) || base != start)
		return;
	done = true;
	/* libelf reads a copy: the vDSO's pages are not to be written */
	char *copy = malloc(len);
	if (!copy || elf_version(EV_CURRENT) == EV_NONE) {
		free(copy);
		return;
	}
	memcpy(copy, (const void *)base, len);
	Elf *elf = elf_memory(copy, len);
	if (elf) {
		uint64_t f = lookup(elf, base, "__vdso_clock_gettime");
		if (f >= base && f < base + len)
			xeno_vdso_clock_gettime = (int (*)(clockid_t, struct timespec *))f;
		elf_end(elf);
	}
	free(copy);
}
