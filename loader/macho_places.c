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
 *
 * The binds are few and kept (img->binds); the rebases are many and not kept
 * (macho_each_rebase), so they are checked in the parse's own walk of their
 * stream (macho_fixups.c calls macho_places_rebase for each, once the binds
 * are read): each against the sections and the binds by binary search, and
 * against the other rebases through a bitmap of the image's pointer-aligned
 * slots (Go's linker does not write the stream in order of place: sorting
 * its ~50,000 rebases cost ~5 ms at each start; decoding the stream a second
 * time to check them cost a third of the parse).  Only a stream with a
 * rebase off the slots (no linker writes one) is walked again, its places
 * collected and sorted.
 */
#include <stdlib.h>

#include "loader/macho_parse.h"

enum fixup_kind { FIX_REBASE, FIX_BIND, FIX_WEAK };

struct fixup {
	uint64_t addr; /* segment's vmaddr + offset: segments do not overlap */
	uint32_t kind;
	uint32_t index; /* in binds[]; 0 for a rebase */
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

/* Whether a and b (a first by place) write over each other's bytes. */
static bool overlap(const struct fixup *a, const struct fixup *b)
{
	return b->addr - a->addr < MACHO_PTRSIZE && (b->addr != a->addr || !may_share(a, b));
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

/* The largest bitmap of slots the walk takes (a span of 1 GiB); past it, a
 * damaged image's absurd span, the rebases are sorted instead. */
#define MAX_SLOT_BITMAP (16u << 20)

/* What the checks share: the sections and the binds, each sorted by place,
 * and the state of the walk over the rebase stream (the first fault found). */
struct macho_places {
	struct macho_parser *p;
	struct place s[MACHO_MAX_SECTIONS];
	unsigned ns;
	struct fixup *binds;
	size_t nbinds;
	uint64_t *slots;  /* a bit per pointer-aligned slot from img->lo, or NULL */
	bool slots_tried; /* allocated at the first rebase: most images have none */
	bool unaligned;	  /* a rebase off the slots, or no bitmap: sort them */
	enum { WALK_OK, WALK_OUTSIDE, WALK_OVERLAP } fault;
	struct fixup bad_a, bad_b;
	/* Where the last rebase's searches ended: the next one mostly lies in
	 * the same section and between the same two binds (the searches were
	 * two thirds of the walk's time). */
	unsigned last_section; /* MACHO_MAX_SECTIONS: none yet */
	size_t last_bind;
	bool ends_in_order; /* the sections' ends ascend, as their starts do */
};

/* The section holding the pointer at addr, or NULL. */
static const struct place *section_of(const struct macho_places *pl, uint64_t addr)
{
	unsigned lo = 0, hi = pl->ns; /* the first section ending at or past the pointer's end */
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (pl->s[mid].end < addr + MACHO_PTRSIZE)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < pl->ns && pl->s[lo].addr <= addr ? &pl->s[lo] : NULL;
}

/* Whether the pointer at addr lies inside a section: first the one the
 * last rebase's did, if section_of would find it (with the sections' ends
 * in order, as they are when none overlap, it finds the only section k
 * that ends past the pointer and whose predecessor does not). */
static bool inside_a_section(struct macho_places *pl, uint64_t addr)
{
	unsigned k = pl->last_section;
	if (k < pl->ns && pl->s[k].addr <= addr && addr + MACHO_PTRSIZE <= pl->s[k].end &&
	    (k == 0 || pl->s[k - 1].end < addr + MACHO_PTRSIZE))
		return true;
	const struct place *s = section_of(pl, addr);
	if (s && pl->ends_in_order)
		pl->last_section = (unsigned)(s - pl->s);
	return s != NULL;
}

static int outside(struct macho_places *pl, const struct fixup *f)
{
	return macho_fail(pl->p, "fixes up %s at 0x%llx, outside every section",
			  describe(pl->p->img, f), (unsigned long long)f->addr);
}

static int refuse(struct macho_places *pl, const struct fixup *a, const struct fixup *b)
{
	const struct macho_image *img = pl->p->img;
	return macho_fail(pl->p, "its fixups overlap: %s at 0x%llx and %s at 0x%llx",
			  describe(img, a), (unsigned long long)a->addr, describe(img, b),
			  (unsigned long long)b->addr);
}

/* Each bind inside a section (a lazy bind in lazy pointers), none over
 * another. */
static int check_binds(struct macho_places *pl)
{
	const struct macho_image *img = pl->p->img;
	for (size_t i = 0; i < pl->nbinds; i++) {
		const struct fixup *f = &pl->binds[i];
		const struct place *s = section_of(pl, f->addr);
		if (!s)
			return outside(pl, f);
		if (f->kind == FIX_BIND && img->binds[f->index].kind == MACHO_BIND_LAZY &&
		    !lazy_pointers(s->type)) {
			const struct macho_section *sect = &img->sections[s->index];
			return macho_fail(pl->p,
					  "binds %s lazily in %s,%s, which holds no lazy pointers",
					  describe(img, f), sect->segname, sect->sectname);
		}
		if (i > 0 && overlap(&pl->binds[i - 1], f))
			return refuse(pl, &pl->binds[i - 1], f);
	}
	return 0;
}

/* Whether the binds from i on are the first not below the reach of a
 * pointer at addr (those before are). */
static bool binds_start_at(const struct macho_places *pl, size_t i, uint64_t addr)
{
	return i <= pl->nbinds && (i == 0 || pl->binds[i - 1].addr + MACHO_PTRSIZE <= addr) &&
	       (i == pl->nbinds || pl->binds[i].addr + MACHO_PTRSIZE > addr);
}

/* The binds within a pointer's reach of the rebase r: any over it? */
static const struct fixup *bind_over(struct macho_places *pl, const struct fixup *r)
{
	size_t lo = pl->last_bind, hi = pl->nbinds; /* the first bind not below r's reach */
	if (!binds_start_at(pl, lo, r->addr)) {
		lo = 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (pl->binds[mid].addr + MACHO_PTRSIZE <= r->addr)
				lo = mid + 1;
			else
				hi = mid;
		}
		pl->last_bind = lo;
	}
	for (size_t i = lo; i < pl->nbinds && pl->binds[i].addr < r->addr + MACHO_PTRSIZE; i++)
		if (pl->binds[i].addr != r->addr && pl->binds[i].kind != FIX_WEAK)
			return &pl->binds[i];
	return NULL;
}

/* The bitmap of the image's pointer slots, at the first rebase; NULL if the
 * span is absurd or memory short (the rebases are then sorted). */
static uint64_t *slots_of(struct macho_places *pl)
{
	const struct macho_image *img = pl->p->img;
	if (!pl->slots_tried) {
		uint64_t words = (img->hi - img->lo) / MACHO_PTRSIZE / 64 + 1;
		pl->slots_tried = true;
		if (words * sizeof *pl->slots <= MAX_SLOT_BITMAP)
			pl->slots = calloc(words, sizeof *pl->slots);
	}
	return pl->slots;
}

void macho_places_rebase(void *ctx, unsigned segment, uint64_t offset)
{
	struct macho_places *pl = ctx;
	const struct macho_image *img = pl->p->img;
	struct fixup r = {img->segments[segment].vmaddr + offset, FIX_REBASE, 0};
	if (pl->fault != WALK_OK)
		return;
	const struct fixup *b;
	uint64_t *slots = slots_of(pl);
	if (!inside_a_section(pl, r.addr)) {
		pl->fault = WALK_OUTSIDE, pl->bad_a = r;
	} else if ((b = bind_over(pl, &r))) {
		pl->fault = WALK_OVERLAP;
		pl->bad_a = b->addr < r.addr ? *b : r;
		pl->bad_b = b->addr < r.addr ? r : *b;
	} else if (!slots || (r.addr - img->lo) % MACHO_PTRSIZE) {
		pl->unaligned = true;
	} else {
		uint64_t slot = (r.addr - img->lo) / MACHO_PTRSIZE, bit = 1ull << (slot % 64);
		if (slots[slot / 64] & bit) /* rebased twice */
			pl->fault = WALK_OVERLAP, pl->bad_a = pl->bad_b = r;
		slots[slot / 64] |= bit;
	}
}

/* A stream out of order: its places collected, sorted, compared. */
struct rebase_list {
	uint64_t *addr;
	size_t n;
	const struct macho_image *img;
};

static void keep_rebase(void *ctx, unsigned segment, uint64_t offset)
{
	struct rebase_list *l = ctx;
	l->addr[l->n++] = l->img->segments[segment].vmaddr + offset;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int check_rebase_order(struct macho_places *pl)
{
	struct macho_image *img = pl->p->img;
	struct rebase_list l = {malloc(img->nrebases * sizeof *l.addr), 0, img};
	if (!l.addr)
		return macho_fail(pl->p, "out of memory for its rebases");
	int r = macho_each_rebase(img, pl->p->base + img->rebase_off, img->rebase_size, keep_rebase,
				  &l);
	if (r == 0)
		qsort(l.addr, l.n, sizeof *l.addr, by_value);
	for (size_t i = 1; i < l.n && r == 0; i++)
		if (l.addr[i] - l.addr[i - 1] < MACHO_PTRSIZE)
			r = refuse(pl, &(struct fixup){l.addr[i - 1], FIX_REBASE, 0},
				   &(struct fixup){l.addr[i], FIX_REBASE, 0});
	free(l.addr);
	return r;
}

static void sort_sections(struct macho_places *pl)
{
	const struct macho_image *img = pl->p->img;
	for (unsigned i = 0; i < img->nsections; i++) {
		const struct macho_section *sect = &img->sections[i];
		pl->s[pl->ns++] =
		    (struct place){sect->addr, sect->addr + sect->size, sect->type, i};
	}
	qsort(pl->s, pl->ns, sizeof *pl->s, by_addr);
	pl->ends_in_order = true;
	for (unsigned i = 1; i < pl->ns; i++)
		if (pl->s[i].end < pl->s[i - 1].end)
			pl->ends_in_order = false;
	pl->last_section = MACHO_MAX_SECTIONS;
}

struct macho_places *macho_places_open(struct macho_parser *p)
{
	const struct macho_image *img = p->img;
	struct macho_places *pl = calloc(1, sizeof *pl);
	if (!pl || !(pl->binds = malloc((img->nbinds ? img->nbinds : 1) * sizeof *pl->binds))) {
		free(pl);
		macho_fail(p, "out of memory for its fixups");
		return NULL;
	}
	pl->p = p;
	sort_sections(pl);
	for (size_t i = 0; i < img->nbinds; i++) {
		const struct macho_bind *b = &img->binds[i];
		pl->binds[pl->nbinds++] =
		    (struct fixup){img->segments[b->segment].vmaddr + b->offset,
				   b->kind == MACHO_BIND_WEAK ? FIX_WEAK : FIX_BIND, (uint32_t)i};
	}
	qsort(pl->binds, pl->nbinds, sizeof *pl->binds, by_place);
	return pl;
}

/* The faults in the order of the checks before the walks were one: the
 * binds', then the first rebase's of the stream, then rebases out of order. */
static int verdict(struct macho_places *pl)
{
	if (check_binds(pl) < 0)
		return -1;
	if (pl->fault == WALK_OUTSIDE)
		return outside(pl, &pl->bad_a);
	if (pl->fault == WALK_OVERLAP)
		return refuse(pl, &pl->bad_a, &pl->bad_b);
	return pl->unaligned ? check_rebase_order(pl) : 0;
}

int macho_places_close(struct macho_places *pl, bool judge)
{
	if (!pl)
		return 0;
	int r = judge ? verdict(pl) : 0;
	free(pl->slots);
	free(pl->binds);
	free(pl);
	return r;
}

int macho_check_fixup_places(struct macho_parser *p)
{
	if (p->img->nrebases + p->img->nbinds == 0)
		return 0;
	struct macho_places *pl = macho_places_open(p);
	return pl ? macho_places_close(pl, true) : -1;
}
