/*
 * Where a Mach-O program's fixups write, checked over all of them at once:
 * each 8-byte pointer a rebase or bind sets lies inside a section of its
 * segment (linkers fix up section contents, never the padding between), a
 * lazy bind inside a lazy symbol pointer section (the pointers its stubs jump
 * through), and no two fixups write over each other's bytes.  Two may share a
 * place only when one of them is a rebase and the other a bind — a lazy
 * pointer is rebased (it points at the stub helper) and bound — or when one
 * is a weak bind, which may coalesce a pointer the image already fixes.
 * Anything else (a pointer bound twice, a bind half over another, a pointer
 * rebased twice, a lazy bind over some other data) comes of a damaged stream
 * or indirect table, and would corrupt the program where no check of the
 * segment alone can see it: refused.  Section types: xnu
 * EXTERNAL_HEADERS/mach-o/loader.h (S_LAZY_SYMBOL_POINTERS...).
 */
#include <stdlib.h>

#include "loader/macho_parse.h"

enum fixup_kind { FIX_REBASE, FIX_BIND, FIX_WEAK };

struct fixup {
	uint64_t addr; /* segment's vmaddr + offset: segments do not overlap */
	uint32_t kind;
	uint32_t index; /* in rebases[] or binds[] */
};

static int by_place(const void *a, const void *b)
{
	const struct fixup *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static const char *describe(const struct macho_image *img, const struct fixup *f)
{
	return f->kind == FIX_REBASE ? "a rebase" : img->binds[f->index].symbol;
}

static bool may_share(const struct fixup *a, const struct fixup *b)
{
	return a->kind == FIX_WEAK || b->kind == FIX_WEAK || a->kind != b->kind;
}

/* The sections, by address: where fixups may write. */
struct place {
	uint64_t addr, end;
	uint32_t type;
	unsigned index;
};

static int by_addr(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static bool lazy_pointers(uint32_t type)
{
	return type == MACHO_S_LAZY_SYMBOL_POINTERS || type == MACHO_S_LAZY_DYLIB_SYMBOL_POINTERS;
}

/* Each fixup, in order of place, inside a section (a lazy bind in lazy
 * pointers); s walks the sections along. */
static int check_inside(struct macho_parser *p, const struct fixup *f, size_t n,
			const struct place *s, unsigned ns)
{
	const struct macho_image *img = p->img;
	unsigned j = 0;
	for (size_t i = 0; i < n; i++) {
		while (j < ns && s[j].end < f[i].addr + MACHO_PTRSIZE)
			j++;
		const char *what = describe(img, &f[i]);
		if (j == ns || s[j].addr > f[i].addr)
			return macho_fail(p, "fixes up %s at 0x%llx, outside every section", what,
					  (unsigned long long)f[i].addr);
		if (f[i].kind == FIX_BIND && img->binds[f[i].index].kind == MACHO_BIND_LAZY &&
		    !lazy_pointers(s[j].type)) {
			const struct macho_section *sect = &img->sections[s[j].index];
			return macho_fail(p,
					  "binds %s lazily in %s,%s, which holds no lazy pointers",
					  what, sect->segname, sect->sectname);
		}
	}
	return 0;
}

static int check_sections(struct macho_parser *p, const struct fixup *f, size_t n)
{
	const struct macho_image *img = p->img;
	struct place s[MACHO_MAX_SECTIONS];
	unsigned ns = 0;
	for (unsigned i = 0; i < img->nsections; i++) {
		const struct macho_section *sect = &img->sections[i];
		s[ns++] = (struct place){sect->addr, sect->addr + sect->size, sect->type, i};
	}
	qsort(s, ns, sizeof *s, by_addr);
	return check_inside(p, f, n, s, ns);
}

static int refuse(struct macho_parser *p, const struct fixup *a, const struct fixup *b)
{
	const struct macho_image *img = p->img;
	return macho_fail(p, "its fixups overlap: %s at 0x%llx and %s at 0x%llx", describe(img, a),
			  (unsigned long long)a->addr, describe(img, b),
			  (unsigned long long)b->addr);
}

int macho_check_fixup_places(struct macho_parser *p)
{
	const struct macho_image *img = p->img;
	size_t n = img->nrebases + img->nbinds;
	if (n == 0)
		return 0;
	struct fixup *f = malloc(n * sizeof *f);
	if (!f)
		return macho_fail(p, "out of memory for its fixups");
	size_t k = 0;
	for (size_t i = 0; i < img->nrebases; i++) {
		const struct macho_rebase *r = &img->rebases[i];
		f[k++] = (struct fixup){img->segments[r->segment].vmaddr + r->offset, FIX_REBASE,
					(uint32_t)i};
	}
	for (size_t i = 0; i < img->nbinds; i++) {
		const struct macho_bind *b = &img->binds[i];
		f[k++] =
		    (struct fixup){img->segments[b->segment].vmaddr + b->offset,
				   b->kind == MACHO_BIND_WEAK ? FIX_WEAK : FIX_BIND, (uint32_t)i};
	}
	qsort(f, n, sizeof *f, by_place);
	int r = check_sections(p, f, n);
	/* sorted by place, then kind: an overlap shows between neighbours */
	for (size_t i = 0; i + 1 < n && r == 0; i++) {
		const struct fixup *a = &f[i], *b = &f[i + 1];
		if (b->addr - a->addr < MACHO_PTRSIZE && (b->addr != a->addr || !may_share(a, b)))
			r = refuse(p, a, b);
	}
	free(f);
	return r;
}
