#include "loader/detect.h"

#include <string.h>

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int xeno_detect_format(const unsigned char *h, size_t n)
{
	if (n >= 4 && memcmp(h, ELFMAG, SELFMAG) == 0)
		return XENO_FORMAT_ELF;
	if (n >= 4) {
		uint32_t m = be32(h);
		if (m == 0xfeedface || m == 0xcefaedfe || m == 0xfeedfacf || m == 0xcffaedfe)
			return XENO_FORMAT_MACHO;
		/* 0xcafebabe starts both fat Mach-O files and Java classes: a fat
		 * header counts a few architectures, a class file has a version. */
		if ((m == 0xcafebabe || m == 0xbebafeca) && n >= 8 && be32(h + 4) < 45)
			return XENO_FORMAT_MACHO;
	}
	if (n >= 2 && h[0] == 'M' && h[1] == 'Z')
		return XENO_FORMAT_PE;
	return 0;
}

const char *xeno_describe_other_format(const unsigned char *h, size_t n)
{
	if (n >= 2 && h[0] == '#' && h[1] == '!')
		return "a script, not a program: run its interpreter instead";
	return NULL;
}

/* The host's own programs (Linux): EI_OSABI 3, the GNU ABI note, or the
 * interpreter of glibc or musl.  xeno leaves them to the kernel. */
#define HOST_NOTE_OWNER "GNU"
static const char *const host_interpreters[] = {"/lib64/ld-linux", "/lib/ld-linux", "/lib/ld-musl",
						NULL};

#define NT_ABI_TAG 1

static bool starts_with_any(const char *s, const char *const *prefixes)
{
	for (; prefixes && *prefixes; prefixes++)
		if (strncmp(s, *prefixes, strlen(*prefixes)) == 0)
			return true;
	return false;
}

/* Notes an ABI tag found in a note segment: whose it is. */
static bool note_owner_known(struct xeno_elf_brand *r, const char *owner, const char *desc,
			     size_t descsz)
{
	if (strcmp(owner, HOST_NOTE_OWNER) == 0) {
		r->host = true;
		return true;
	}
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++) {
		if ((*b)->format != XENO_FORMAT_ELF || !(*b)->note_owner ||
		    strcmp(owner, (*b)->note_owner) != 0)
			continue;
		r->brand = *b;
		if (descsz >= 4)
			memcpy(&r->version, desc, 4);
		return true;
	}
	return false;
}

/* Looks through the PT_NOTE segments for the first ABI tag xeno knows. */
static void brand_from_notes(Elf *elf, struct xeno_elf_brand *r)
{
	size_t phnum;
	if (elf_getphdrnum(elf, &phnum) != 0)
		return;
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
			if (note_owner_known(r, owner, (const char *)d->d_buf + desc_off,
					     nh.n_descsz))
				return;
		}
	}
}

static const struct xeno_brand *brand_of_osabi(unsigned char osabi)
{
	for (const struct xeno_brand *const *b = xeno_brands; *b && osabi; b++)
		if ((*b)->format == XENO_FORMAT_ELF && (*b)->elf_osabi == osabi)
			return *b;
	return NULL;
}

/* The brand whose own program header type the program carries, if any. */
static const struct xeno_brand *brand_of_phdr(Elf *elf)
{
	size_t phnum;
	if (elf_getphdrnum(elf, &phnum) != 0)
		return NULL;
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph))
			continue;
		for (const struct xeno_brand *const *b = xeno_brands; *b; b++)
			if ((*b)->format == XENO_FORMAT_ELF && (*b)->elf_phdr_type &&
			    (*b)->elf_phdr_type == ph.p_type)
				return *b;
	}
	return NULL;
}

struct xeno_elf_brand xeno_detect_elf_brand(Elf *elf, const char *interp)
{
	struct xeno_elf_brand r = {0};
	brand_from_notes(elf, &r);
	const char *ident = elf_getident(elf, NULL);
	unsigned char osabi = ident ? (unsigned char)ident[EI_OSABI] : ELFOSABI_NONE;
	const struct xeno_brand *by_osabi = brand_of_osabi(osabi);
	if (by_osabi || osabi == ELFOSABI_LINUX) {
		/* EI_OSABI decides; the note still gives the version. */
		uint32_t version = r.brand == by_osabi ? r.version : 0;
		r = (struct xeno_elf_brand){
		    .brand = by_osabi, .host = !by_osabi, .version = version};
		return r;
	}
	if (r.brand || r.host)
		return r;
	if (starts_with_any(interp, host_interpreters)) {
		r.host = true;
		return r;
	}
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++)
		if ((*b)->format == XENO_FORMAT_ELF &&
		    starts_with_any(interp, (*b)->interpreters)) {
			r.brand = *b;
			return r;
		}
	r.brand = brand_of_phdr(elf);
	return r;
}
