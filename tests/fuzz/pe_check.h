/*
 * What every image the PE parser accepts must satisfy, whatever the bytes
 * were: the promises loader/pe.h makes to the code that will map it.  The
 * PE fuzzer (tests/fuzz/fuzz_pe.c) aborts on a violation, so an accepted
 * image that breaks one is a finding like a crash; the unit test
 * (tests/unit/test_pe.c) checks its images with it too.
 */
#ifndef XENO_TESTS_FUZZ_PE_CHECK_H
#define XENO_TESTS_FUZZ_PE_CHECK_H

#include <stdint.h>
#include <sys/mman.h>

#include "loader/pe.h"

static inline uint64_t pe_check_align(uint64_t x, uint64_t a)
{
	return (x + a - 1) & ~(a - 1);
}

static inline const char *pe_check_sections(const struct pe_image *img, size_t size)
{
	uint64_t prev_end = pe_check_align(img->size_of_headers, img->section_alignment);
	if (img->nsections == 0 || img->nsections > PE_MAX_SECTIONS)
		return "section count";
	for (size_t i = 0; i < img->nsections; i++) {
		const struct pe_section *s = &img->sections[i];
		uint64_t end = s->rva + pe_check_align(s->vsize, img->section_alignment);
		if (s->rva % img->section_alignment || s->rva < prev_end)
			return "section placement";
		if (end > pe_check_align(img->size_of_image, img->section_alignment))
			return "section past SizeOfImage";
		if (s->raw_size > s->vsize ||
		    (s->raw_size && (uint64_t)s->raw_offset + s->raw_size > size))
			return "section raw data";
		prev_end = end;
	}
	return NULL;
}

static inline const char *pe_check_imports(const struct pe_image *img)
{
	size_t next = 0;
	for (size_t i = 0; i < img->ndlls; i++) {
		const struct pe_import_dll *d = &img->dlls[i];
		if (!d->name || !d->name[0] || d->first != next || d->count > img->nimports - next)
			return "import DLL";
		next += d->count;
	}
	if (next != img->nimports)
		return "imports not all in a DLL";
	for (size_t i = 0; i < img->nimports; i++) {
		const struct pe_import *m = &img->imports[i];
		if (m->by_ordinal == (m->name != NULL) || (m->name && !m->name[0]))
			return "import kind";
		if (!pe_section_at(img, m->iat_rva, 8))
			return "IAT slot";
	}
	return NULL;
}

static inline const char *pe_check_tls(const struct pe_image *img)
{
	const struct pe_tls *t = &img->tls;
	uint64_t lo = img->image_base, hi = img->image_base + img->size_of_image;
	if (!t->present)
		return t->ncallbacks ? "TLS callbacks without TLS" : NULL;
	if ((t->raw_start_va || t->raw_end_va) &&
	    (t->raw_start_va < lo || t->raw_end_va > hi || t->raw_end_va < t->raw_start_va))
		return "TLS template";
	if (t->index_va && (t->index_va < lo || t->index_va + 4 > hi))
		return "TLS index";
	for (size_t i = 0; i < t->ncallbacks; i++) {
		const struct pe_section *s;
		if (t->callbacks[i] < lo || t->callbacks[i] >= hi ||
		    !(s = pe_section_at(img, t->callbacks[i] - lo, 1)) || !(s->prot & PROT_EXEC))
			return "TLS callback";
	}
	return NULL;
}

/* NULL if img (parsed from size bytes) keeps every promise, else which not. */
static inline const char *pe_check_image(const struct pe_image *img, size_t size)
{
	const struct pe_section *entry = pe_section_at(img, img->entry_rva, 1);
	if (img->machine != PE_MACHINE_AMD64 || img->subsystem != PE_SUBSYSTEM_WINDOWS_CUI ||
	    (img->characteristics & PE_FILE_DLL))
		return "kind";
	if (img->image_base % 4096 || img->size_of_headers > size ||
	    img->size_of_headers > img->size_of_image)
		return "layout";
	if (!entry || !(entry->prot & PROT_EXEC))
		return "entry point";
	const char *bad = pe_check_sections(img, size);
	if (!bad)
		bad = pe_check_imports(img);
	if (!bad)
		bad = pe_check_tls(img);
	/* each block's entries lie in the image; they add up to what was
	 * counted (the entries themselves were checked one by one) */
	size_t entries = 0;
	for (size_t i = 0; !bad && i < img->nreloc_blocks; i++) {
		const struct pe_reloc_block *rb = &img->reloc_blocks[i];
		if (!rb->count || (uint64_t)rb->entries_rva + 2ULL * rb->count > img->size_of_image)
			bad = "base relocation block";
		entries += rb->count;
	}
	if (!bad && entries != img->nrelocs + img->nreloc_padding)
		bad = "base relocation count";
	return bad;
}

#endif
