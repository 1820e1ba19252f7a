/*
 * A PE32+ image's base relocations (The .reloc Section (Image Only) of the
 * specification): blocks of 16-bit entries, each a type and an offset into
 * the block's page.  x86-64 images need only DIR64 (the whole 64-bit field
 * moves with the image) and ABSOLUTE (padding); any other type is refused.
 */
#include <stdlib.h>
#include <string.h>

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

/* Checks one entry: ABSOLUTE (padding) or DIR64 on a field inside a
 * section; the message says which and where when it is not. */
static const char *bad_entry(const struct pe_image *img, uint64_t rva, unsigned type)
{
	if (type == PE_REL_BASED_ABSOLUTE ||
	    (type == PE_REL_BASED_DIR64 && pe_section_at(img, rva, sizeof(uint64_t))))
		return NULL;
	return type == PE_REL_BASED_DIR64 ? "lies outside the sections" : reloc_type_name(type);
}

static int add_reloc(struct pe_ctx *c, uint64_t rva, unsigned type)
{
	struct pe_image *img = c->img;
	const char *bad = bad_entry(img, rva, type);
	if (bad && type == PE_REL_BASED_DIR64)
		return pe_fail(img, "base relocation at %#llx %s", (unsigned long long)rva, bad);
	if (bad)
		return pe_fail(img,
			       "base relocation of type %u (%s) at %#llx: only DIR64 is "
			       "supported",
			       type, bad, (unsigned long long)rva);
	if (type == PE_REL_BASED_ABSOLUTE) {
		img->nreloc_padding++;
		return 0;
	}
	if (img->nrelocs == PE_MAX_RELOCS)
		return pe_fail(img, "more than %d base relocations", PE_MAX_RELOCS);
	img->nrelocs++;
	return 0;
}

static int add_block(struct pe_image *img, uint32_t page_rva, uint64_t entries_rva, size_t n,
		     size_t *cap)
{
	if (img->nreloc_blocks == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct pe_reloc_block *p = realloc(img->reloc_blocks, ncap * sizeof *p);
		if (!p)
			return pe_fail(img, "out of memory");
		img->reloc_blocks = p;
		*cap = ncap;
	}
	img->reloc_blocks[img->nreloc_blocks++] =
	    (struct pe_reloc_block){page_rva, (uint32_t)entries_rva, (uint32_t)n};
	return 0;
}

/* The block at rva, whose header is b: its entries, checked. */
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
			int err = add_reloc(c, where, PE_RELOC_TYPE(e[i]));
			if (err)
				return err;
		}
		done += k;
	}
	return n ? add_block(c->img, b->virtual_address, at, n, cap) : 0;
}

long pe_apply_relocs(const struct pe_image *img, uint64_t base, uint64_t bias)
{
	long applied = 0;
	for (size_t i = 0; i < img->nreloc_blocks; i++) {
		const struct pe_reloc_block *b = &img->reloc_blocks[i];
		for (uint32_t k = 0; k < b->count; k++) {
			uint16_t e;
			memcpy(&e, (const void *)(base + b->entries_rva + 2ULL * k), sizeof e);
			uint64_t rva = (uint64_t)b->page_rva + PE_RELOC_OFFSET(e);
			/* checked again: a relocation may have rewritten the
			 * entries after it */
			if (bad_entry(img, rva, PE_RELOC_TYPE(e)))
				return -1;
			if (PE_RELOC_TYPE(e) == PE_REL_BASED_DIR64) {
				uint64_t v;
				memcpy(&v, (const void *)(base + rva), sizeof v);
				v += bias;
				memcpy((void *)(base + rva), &v, sizeof v);
				applied++;
			}
		}
	}
	return applied;
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
