/*
 * Binds of the classic form, which images without LC_DYLD_INFO use (Go up to
 * 1.19 among them): each pointer of a S_NON_LAZY_SYMBOL_POINTERS or
 * S_LAZY_SYMBOL_POINTERS section is bound to the symbol that the LC_DYSYMTAB
 * indirect symbol table names for it (from the section's reserved1 on), and
 * that symbol's nlist_64 gives its name and, in a two-level image, its library
 * (the high byte of n_desc).  Facts: xnu EXTERNAL_HEADERS/mach-o/loader.h
 * (struct dysymtab_command, INDIRECT_SYMBOL_*) and mach-o/nlist.h.
 */
#include "loader/macho_parse.h"

struct classic {
	const char *strings; /* the string table, copied */
	uint32_t nindirect;
};

int macho_check_symtab(struct macho_parser *p)
{
	const struct macho_symtab_command *st = &p->symtab;
	const struct macho_dysymtab_command *dt = &p->dysymtab;
	if (p->have_dysymtab &&
	    !macho_in_slice(p, dt->indirectsymoff, (uint64_t)dt->nindirectsyms * 4))
		return macho_fail(p, "its indirect symbol table runs past the end of the file");
	if (!p->have_symtab)
		return 0;
	if (!macho_in_slice(p, st->symoff, (uint64_t)st->nsyms * sizeof(struct macho_nlist_64)))
		return macho_fail(p, "its symbol table runs past the end of the file");
	if (!macho_in_slice(p, st->stroff, st->strsize))
		return macho_fail(p, "its string table runs past the end of the file");
	return 0;
}

/* The library a symbol comes from, by its n_desc: two-level images name it,
 * flat ones look it up everywhere. */
static int32_t ordinal_of(const struct macho_parser *p, uint16_t desc)
{
	if (!p->img->twolevel)
		return MACHO_ORDINAL_FLAT;
	switch (MACHO_GET_LIBRARY_ORDINAL(desc)) {
	case MACHO_SELF_LIBRARY_ORDINAL:
		return MACHO_ORDINAL_SELF;
	case MACHO_DYNAMIC_LOOKUP_ORDINAL:
		return MACHO_ORDINAL_FLAT;
	case MACHO_EXECUTABLE_ORDINAL:
		return MACHO_ORDINAL_MAIN;
	}
	return MACHO_GET_LIBRARY_ORDINAL(desc);
}

/* The bind of one pointer whose indirect entry is index (not LOCAL or ABS). */
static int bind_pointer(struct macho_parser *p, const struct classic *c,
			const struct macho_section *sect, uint64_t i, uint32_t index)
{
	const struct macho_symtab_command *st = &p->symtab;
	struct macho_nlist_64 nl;
	if (index >= st->nsyms)
		return macho_fail(p, "indirect symbol %u is not in the symbol table", index);
	macho_read(p, st->symoff + (uint64_t)index * sizeof nl, &nl, sizeof nl);
	if (nl.n_type & MACHO_N_STAB)
		return macho_fail(p, "indirect symbol %u is a debugging entry", index);
	long len = nl.n_strx >= st->strsize ? -1
					    : macho_strlen(p, st->stroff + nl.n_strx,
							   (uint64_t)st->stroff + st->strsize);
	if (len < 0)
		return macho_fail(p, "symbol %u has a name outside the string table", index);
	if (!macho_name_ok(p->base + st->stroff + nl.n_strx, (size_t)len))
		return macho_fail(p, "indirect symbol %u has an empty or unprintable name", index);
	const struct macho_segment *seg = &p->img->segments[sect->segment];
	struct macho_bind b = {
	    .offset = sect->addr + i * MACHO_PTRSIZE - seg->vmaddr,
	    .symbol = c->strings + nl.n_strx,
	    .ordinal = ordinal_of(p, nl.n_desc),
	    .segment = (uint8_t)sect->segment,
	    .type = MACHO_BIND_TYPE_POINTER,
	    .kind = sect->type == MACHO_S_NON_LAZY_SYMBOL_POINTERS ? MACHO_BIND_NONLAZY
								   : MACHO_BIND_LAZY,
	    .weak_import = nl.n_desc & MACHO_N_WEAK_REF,
	};
	return macho_add_bind(p, &b);
}

static int bind_section(struct macho_parser *p, const struct classic *c,
			const struct macho_section *sect)
{
	uint64_t n = sect->size / MACHO_PTRSIZE;
	if (sect->reserved1 > c->nindirect || n > c->nindirect - sect->reserved1)
		return macho_fail(p, "section %s,%s has more pointers than indirect symbols",
				  sect->segname, sect->sectname);
	for (uint64_t i = 0; i < n; i++) {
		uint32_t index;
		macho_read(p, p->dysymtab.indirectsymoff + (sect->reserved1 + i) * 4, &index,
			   sizeof index);
		/* a pointer to the image's own data: no symbol, nothing to bind */
		if (index & (MACHO_INDIRECT_SYMBOL_LOCAL | MACHO_INDIRECT_SYMBOL_ABS))
			continue;
		if (bind_pointer(p, c, sect, i, index) < 0)
			return -1;
	}
	return 0;
}

int macho_parse_classic(struct macho_parser *p)
{
	if (!p->have_symtab)
		return macho_fail(p, "has indirect symbols but no symbol table");
	struct classic c = {
	    .strings = macho_keep_string(p, p->symtab.stroff, p->symtab.strsize),
	    .nindirect = p->dysymtab.nindirectsyms,
	};
	if (!c.strings)
		return macho_fail(p, "out of room for its symbol names");
	for (unsigned i = 0; i < p->img->nsections; i++) {
		const struct macho_section *sect = &p->img->sections[i];
		if (sect->type == MACHO_S_NON_LAZY_SYMBOL_POINTERS ||
		    sect->type == MACHO_S_LAZY_SYMBOL_POINTERS ||
		    sect->type == MACHO_S_LAZY_DYLIB_SYMBOL_POINTERS)
			if (bind_section(p, &c, sect) < 0)
				return -1;
	}
	return 0;
}
