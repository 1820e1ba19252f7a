/*
 * No two fixups of a Mach-O program may write over each other's bytes: each
 * rebase and each bind sets one 8-byte pointer, and a linker (ld64, lld, Go's)
 * writes one fixup per pointer.  Two may share a place only when one of them
 * is a rebase and the other a bind — a lazy pointer is rebased (it points at
 * the stub helper) and bound — or when one is a weak bind, which may coalesce
 * a pointer the image already fixes.  Anything else (two binds of one
 * pointer, a bind half over another, two rebases that would slide a pointer
 * twice) comes of a damaged stream or indirect table, and would corrupt the
 * program's data where no check of the segment alone can see it: refused.
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

static bool may_share(const struct fixup *a, const struct fixup *b)
{
	return a->kind == FIX_WEAK || b->kind == FIX_WEAK || a->kind != b->kind;
}

static const char *describe(const struct macho_image *img, const struct fixup *f)
{
	return f->kind == FIX_REBASE ? "a rebase" : img->binds[f->index].symbol;
}

static int refuse(struct macho_parser *p, const struct fixup *a, const struct fixup *b)
{
	const struct macho_image *img = p->img;
	return macho_fail(p, "its fixups overlap: %s at 0x%llx and %s at 0x%llx", describe(img, a),
			  (unsigned long long)a->addr, describe(img, b),
			  (unsigned long long)b->addr);
}

int macho_check_overlaps(struct macho_parser *p)
{
	const struct macho_image *img = p->img;
	size_t n = img->nrebases + img->nbinds;
	if (n < 2)
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
	int r = 0;
	/* sorted by place, then kind: an overlap shows between neighbours */
	for (size_t i = 0; i + 1 < n && r == 0; i++) {
		const struct fixup *a = &f[i], *b = &f[i + 1];
		if (b->addr - a->addr < MACHO_PTRSIZE && (b->addr != a->addr || !may_share(a, b)))
			r = refuse(p, a, b);
	}
	free(f);
	return r;
}
