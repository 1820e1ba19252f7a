/*
 * A PE32+ image's base relocations (The .reloc Section (Image Only) of the
 * specification): blocks of 16-bit entries, each a type and an offset into
 * the block's page.  x86-64 images need only DIR64 (the whole 64-bit field
 * moves with the image) and ABSOLUTE (padding); any other type is refused.
 */
#include <stdlib.h>

#include "loader/pe_read.h"

/* Entries read at a time. */
#define CHUNK 256

static const char *reloc_type_name(unsigned t)
{
	switch (t) {
	case PE_REL_BASED_HIGH:
		return "HIGH";
	case PE_REL_BASED_LOW:
		return "LOW";
	case PE_REL_BASED_HIGHLOW:
		return "HIGHLOW";
	case PE_REL_BASED_HIGHADJ:
		return "HIGHADJ";
	}
	return "unknown";
}

static int add_reloc(struct pe_ctx *c, uint64_t rva, unsigned type, size_t *cap)
{
	struct pe_image *img = c->img;
	if (type == PE_REL_BASED_ABSOLUTE) {
		img->nreloc_padding++;
		return 0;
	}
	if (type != PE_REL_BASED_DIR64)
		return pe_fail(img,
			       "base relocation of type %u (%s) at %#llx: only DIR64 is "
			       "supported",
			       type, reloc_type_name(type), (unsigned long long)rva);
	if (!pe_section_at(img, rva, sizeof(uint64_t)))
		return pe_fail(img, "base relocation at %#llx lies outside the sections",
			       (unsigned long long)rva);
	if (img->nrelocs == PE_MAX_RELOCS)
		return pe_fail(img, "more than %d base relocations", PE_MAX_RELOCS);
	if (img->nrelocs == *cap) {
		size_t ncap = *cap ? *cap * 2 : 1024;
		struct pe_reloc *p = realloc(img->relocs, ncap * sizeof *p);
		if (!p)
			return pe_fail(img, "out of memory");
		img->relocs = p;
		*cap = ncap;
	}
	img->relocs[img->nrelocs++] = (struct pe_reloc){(uint32_t)rva, (uint16_t)type};
	return 0;
}

/* The block at rva, whose header is b: its entries. */
static int parse_block(struct pe_ctx *c, uint64_t rva, const struct pe_base_relocation *b,
		       size_t *cap)
{
	size_t n = (b->size_of_block - sizeof *b) / sizeof(uint16_t);
	uint64_t at = rva + sizeof *b;
	for (size_t done = 0; done < n;) {
		uint16_t e[CHUNK];
		size_t k = n - done < CHUNK ? n - done : CHUNK;
		if (!pe_rva_read(c, at + done * sizeof e[0], e, k * sizeof e[0]))
			return pe_fail(c->img,
				       "base relocation block at %#llx runs out of the "
				       "image",
				       (unsigned long long)rva);
		for (size_t i = 0; i < k; i++) {
			uint64_t where = (uint64_t)b->virtual_address + PE_RELOC_OFFSET(e[i]);
			int err = add_reloc(c, where, PE_RELOC_TYPE(e[i]), cap);
			if (err)
				return err;
		}
		done += k;
	}
	return 0;
}

int pe_parse_relocs(struct pe_ctx *c)
{
	struct pe_image *img = c->img;
	const struct pe_data_directory *dir = &img->dirs[PE_DIR_BASERELOC];
	if (img->characteristics & PE_FILE_RELOCS_STRIPPED)
		return 0; /* fixed at image_base: whatever the directory says is unused */
	uint64_t at = dir->virtual_address, end = at + dir->size;
	size_t cap = 0;
	while (at < end) {
		struct pe_base_relocation b;
		if (end - at < sizeof b || !pe_rva_read(c, at, &b, sizeof b))
			return pe_fail(img, "truncated base relocation block at %#llx",
				       (unsigned long long)at);
		/* The specification has each block start on a 32-bit boundary,
		 * but Go's linker up to 1.19 writes blocks of 2-byte multiples
		 * (esbuild-windows-64 0.14.54), which Windows takes. */
		if (b.size_of_block < sizeof b || b.size_of_block % 2 || b.size_of_block > end - at)
			return pe_fail(img, "base relocation block at %#llx has bad size %#x",
				       (unsigned long long)at, b.size_of_block);
		int err = parse_block(c, at, &b, &cap);
		if (err)
			return err;
		at += b.size_of_block;
	}
	return 0;
}
