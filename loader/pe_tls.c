/*
 * A PE32+ image's TLS directory (The .tls Section of the specification):
 * the template of each thread's TLS block, where the loader stores the TLS
 * index, the block's alignment, and the callbacks the loader calls before
 * the entry point.  Its fields are virtual addresses for the preferred
 * image base; each must lie inside the image.
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "loader/pe_read.h"

/* The most a thread's TLS block (template and zero fill) may take. */
#define MAX_TLS_BLOCK (16u << 20)

static int check_template(struct pe_ctx *c, const struct pe_tls_directory64 *td)
{
	struct pe_image *img = c->img;
	uint32_t rva;
	const struct pe_section *s = NULL;
	uint64_t start = td->start_address_of_raw_data, end = td->end_address_of_raw_data;
	if ((start || end) && (end < start || !pe_va_to_rva(img, start, end - start, &rva) ||
			       !(s = pe_section_at(img, rva, end - start))))
		return pe_fail(img, "TLS template %#llx..%#llx lies outside the sections",
			       (unsigned long long)start, (unsigned long long)end);
	/* each new thread's block is copied from it, before the program runs */
	if (s && end > start && !(s->prot & PROT_READ))
		return pe_fail(img,
			       "TLS template %#llx..%#llx is in section %s, which is not "
			       "readable",
			       (unsigned long long)start, (unsigned long long)end, s->name);
	if (end - start + td->size_of_zero_fill > MAX_TLS_BLOCK)
		return pe_fail(img, "TLS block of %#llx bytes is too large",
			       (unsigned long long)(end - start + td->size_of_zero_fill));
	if (td->address_of_index &&
	    (!pe_va_to_rva(img, td->address_of_index, 4, &rva) || !pe_section_at(img, rva, 4)))
		return pe_fail(img, "TLS index slot %#llx lies outside the sections",
			       (unsigned long long)td->address_of_index);
	return 0;
}

/* Bits 23..20 are an IMAGE_SCN_ALIGN_* value; the others are reserved. */
static int take_alignment(struct pe_image *img, uint32_t ch)
{
	unsigned n = (ch & PE_SCN_ALIGN_MASK) >> PE_SCN_ALIGN_SHIFT;
	if ((ch & ~PE_SCN_ALIGN_MASK) || n == 0xf)
		return pe_fail(img, "TLS directory characteristics %#x: reserved bits set", ch);
	img->tls.align = n ? 1u << (n - 1) : 0;
	return 0;
}

static int add_callback(struct pe_image *img, uint64_t va, size_t *cap)
{
	uint32_t rva;
	const struct pe_section *s;
	if (!pe_va_to_rva(img, va, 1, &rva) || !(s = pe_section_at(img, rva, 1)) ||
	    !(s->prot & PROT_EXEC))
		return pe_fail(img, "TLS callback %#llx is not in an executable section",
			       (unsigned long long)va);
	if (img->tls.ncallbacks == PE_MAX_CALLBACKS)
		return pe_fail(img, "more than %d TLS callbacks", PE_MAX_CALLBACKS);
	if (img->tls.ncallbacks == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		uint64_t *p = realloc(img->tls.callbacks, ncap * sizeof *p);
		if (!p)
			return pe_fail(img, "out of memory");
		img->tls.callbacks = p;
		*cap = ncap;
	}
	img->tls.callbacks[img->tls.ncallbacks++] = va;
	return 0;
}

/* The NULL-terminated array of callback addresses at AddressOfCallBacks. */
static int parse_callbacks(struct pe_ctx *c, uint64_t array_va)
{
	struct pe_image *img = c->img;
	size_t cap = 0;
	for (uint64_t va = array_va;; va += sizeof(uint64_t)) {
		uint32_t rva;
		uint64_t cb;
		if (!pe_va_to_rva(img, va, sizeof cb, &rva) || !pe_rva_read(c, rva, &cb, sizeof cb))
			return pe_fail(img, "TLS callback array at %#llx runs out of the image",
				       (unsigned long long)array_va);
		if (cb == 0)
			return 0;
		int err = add_callback(img, cb, &cap);
		if (err)
			return err;
	}
}

int pe_parse_tls(struct pe_ctx *c)
{
	struct pe_image *img = c->img;
	const struct pe_data_directory *dir = &img->dirs[PE_DIR_TLS];
	struct pe_tls_directory64 td;
	if (!dir->virtual_address)
		return 0;
	if (!pe_rva_read(c, dir->virtual_address, &td, sizeof td))
		return pe_fail(img, "TLS directory %#x lies outside the image",
			       dir->virtual_address);
	struct pe_tls *t = &img->tls;
	t->present = true;
	t->raw_start_va = td.start_address_of_raw_data;
	t->raw_end_va = td.end_address_of_raw_data;
	t->index_va = td.address_of_index;
	t->callbacks_va = td.address_of_callbacks;
	t->zero_fill = td.size_of_zero_fill;
	t->characteristics = td.characteristics;
	int err = check_template(c, &td);
	if (!err)
		err = take_alignment(img, td.characteristics);
	if (!err && td.address_of_callbacks)
		err = parse_callbacks(c, td.address_of_callbacks);
	return err;
}
