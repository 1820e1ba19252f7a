#include "loader/detect.h"

#include <string.h>

#include "loader/image.h"

const char *xeno_os_name(int os)
{
	switch (os) {
	case XENO_OS_LINUX:
		return "Linux";
	case XENO_OS_FREEBSD:
		return "FreeBSD";
	case XENO_OS_NETBSD:
		return "NetBSD";
	case XENO_OS_OPENBSD:
		return "OpenBSD";
	case XENO_OS_ILLUMOS:
		return "illumos";
	}
	return "an unknown OS";
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* 0: not Mach-O; 1: a thin Mach-O file; 2: a universal (fat) one. */
static int macho_kind(const unsigned char *h, size_t n)
{
	if (n < 4)
		return 0;
	uint32_t m = be32(h);
	if (m == 0xfeedface || m == 0xcefaedfe || m == 0xfeedfacf || m == 0xcffaedfe)
		return 1;
	/* 0xcafebabe starts both fat Mach-O files and Java classes: a fat
	 * header counts a few architectures, a class file has a version. */
	if ((m == 0xcafebabe || m == 0xbebafeca) && n >= 8 && be32(h + 4) < 45)
		return 2;
	return 0;
}

int xeno_file_format(const unsigned char *h, size_t n)
{
	if (n >= 4 && memcmp(h, "\177ELF", 4) == 0)
		return XENO_FORMAT_ELF;
	if (macho_kind(h, n))
		return XENO_FORMAT_MACHO;
	if (n >= 2 && h[0] == 'M' && h[1] == 'Z')
		return XENO_FORMAT_PE;
	if (n >= 2 && h[0] == '#' && h[1] == '!')
		return XENO_FORMAT_SCRIPT;
	return XENO_FORMAT_UNKNOWN;
}

const char *xeno_describe_foreign_format(const unsigned char *h, size_t n)
{
	switch (xeno_file_format(h, n)) {
	case XENO_FORMAT_MACHO:
		return macho_kind(h, n) == 2
			   ? "a universal Mach-O program (macOS), which xeno does not run yet"
			   : "a Mach-O program (macOS), which xeno does not run yet";
	case XENO_FORMAT_PE:
		return "a PE program (Windows), which xeno does not run yet";
	case XENO_FORMAT_SCRIPT:
		return "a script, not a program: run its interpreter instead";
	}
	return NULL;
}

/* Program interpreters that name their OS (the PT_INTERP of dynamic programs). */
static const struct {
	const char *prefix;
	int os;
} interps[] = {
    {"/libexec/ld-elf.so", XENO_OS_FREEBSD}, {"/usr/libexec/ld.elf_so", XENO_OS_NETBSD},
    {"/usr/libexec/ld.so", XENO_OS_OPENBSD}, {"/usr/lib/amd64/ld.so.1", XENO_OS_ILLUMOS},
    {"/lib/amd64/ld.so.1", XENO_OS_ILLUMOS}, {"/lib64/ld-linux", XENO_OS_LINUX},
    {"/lib/ld-linux", XENO_OS_LINUX},	     {"/lib/ld-musl", XENO_OS_LINUX},
};

/* ABI-tag notes (type 1) and the OS their owner names. */
static const struct {
	const char *owner;
	int os;
} notes[] = {
    {"FreeBSD", XENO_OS_FREEBSD},
    {"NetBSD", XENO_OS_NETBSD},
    {"OpenBSD", XENO_OS_OPENBSD},
};

#define NT_ABI_TAG 1

/* Looks through the PT_NOTE segments for an ABI tag. */
static int os_from_notes(Elf *elf, uint32_t *version)
{
	size_t phnum;
	if (elf_getphdrnum(elf, &phnum) != 0)
		return XENO_OS_UNKNOWN;
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_NOTE)
			continue;
		Elf_Data *d = elf_getdata_rawchunk(elf, (int64_t)ph.p_offset, ph.p_filesz,
						   ph.p_align == 8 ? ELF_T_NHDR8 : ELF_T_NHDR);
		if (!d)
			continue;
		GElf_Nhdr nh;
		size_t off = 0, name_off, desc_off;
		while (off < d->d_size &&
		       (off = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
			if (nh.n_type != NT_ABI_TAG || nh.n_namesz == 0)
				continue;
			const char *owner = (const char *)d->d_buf + name_off;
			if (owner[nh.n_namesz - 1] != '\0')
				continue;
			if (strcmp(owner, "GNU") == 0)
				return XENO_OS_LINUX;
			for (size_t k = 0; k < sizeof notes / sizeof notes[0]; k++) {
				if (strcmp(owner, notes[k].owner) != 0)
					continue;
				if (nh.n_descsz >= 4)
					memcpy(version, (const char *)d->d_buf + desc_off, 4);
				return notes[k].os;
			}
		}
	}
	return XENO_OS_UNKNOWN;
}

int xeno_detect_os(Elf *elf, const char *interp, uint32_t *version)
{
	*version = 0;
	int from_notes = os_from_notes(elf, version);
	const char *ident = elf_getident(elf, NULL);
	switch (ident ? (unsigned char)ident[EI_OSABI] : ELFOSABI_NONE) {
	case ELFOSABI_FREEBSD:
		return XENO_OS_FREEBSD;
	case ELFOSABI_NETBSD:
		return XENO_OS_NETBSD;
	case ELFOSABI_OPENBSD:
		return XENO_OS_OPENBSD;
	case ELFOSABI_SOLARIS:
		return XENO_OS_ILLUMOS;
	case ELFOSABI_LINUX:
		return XENO_OS_LINUX;
	}
	if (from_notes != XENO_OS_UNKNOWN)
		return from_notes;
	for (size_t i = 0; i < sizeof interps / sizeof interps[0]; i++)
		if (strncmp(interp, interps[i].prefix, strlen(interps[i].prefix)) == 0)
			return interps[i].os;
	return XENO_OS_UNKNOWN;
}
