/*
 * The dyld-info opcode streams of LC_DYLD_INFO(_ONLY): rebase, bind, weak
 * bind and lazy bind, decoded into (segment, offset, ...) records.  Opcodes
 * and their meaning: xnu EXTERNAL_HEADERS/mach-o/loader.h (REBASE_OPCODE_*,
 * BIND_OPCODE_*), as dyld interprets them (apple-oss-distributions/dyld
 * mach_o/RebaseOpcodes.cpp, mach_o/BindOpcodes.cpp): offsets advance by the
 * pointer size after each fixup, lazy streams separate their entries with
 * DONE and weak binds look up the weak namespace.  A stream that runs off its
 * end, uses an opcode xeno does not know, or writes outside a writable
 * segment is refused.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/macho_parse.h"

struct stream {
	const uint8_t *at, *end;
	const char *name; /* "rebase", "bind", "weak-bind", "lazy-bind" */
};

static int uleb(struct macho_parser *p, struct stream *s, uint64_t *out)
{
	if (macho_uleb(&s->at, s->end, out))
		return 0;
	return macho_fail(p, "its %s stream has a number too long or cut off", s->name);
}

static int sleb(struct macho_parser *p, struct stream *s, int64_t *out)
{
	uint64_t v = 0;
	for (unsigned shift = 0; s->at < s->end; shift += 7) {
		uint8_t b = *s->at++;
		if (shift >= 64)
			break;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			if (shift + 7 < 64 && (b & 0x40))
				v |= ~(uint64_t)0 << (shift + 7); /* sign-extend */
			*out = (int64_t)v;
			return 0;
		}
	}
	return macho_fail(p, "its %s stream has a number too long or cut off", s->name);
}

/* Where a fixup writes: inside a writable segment (dyld's rule for x86-64). */
static int check_target(struct macho_parser *p, bool seg_set, unsigned seg, uint64_t offset,
			const char *what)
{
	const struct macho_image *img = p->img;
	if (!seg_set)
		return macho_fail(p, "a %s before any segment was named", what);
	if (seg >= img->nsegments)
		return macho_fail(p, "a %s in segment %u, which does not exist", what, seg);
	const struct macho_segment *s = &img->segments[seg];
	if (s->reserved || !(s->initprot & PROT_WRITE))
		return macho_fail(p, "a %s in segment %s, which is not writable", what, s->name);
	if (s->vmsize < MACHO_PTRSIZE || offset > s->vmsize - MACHO_PTRSIZE)
		return macho_fail(p, "a %s at offset 0x%llx, outside segment %s", what,
				  (unsigned long long)offset, s->name);
	return 0;
}

/* Makes room for n more records of size each in *array. */
static int grow(struct macho_parser *p, void **array, size_t *cap, size_t used, size_t n,
		size_t each, const char *what)
{
	if (n > MACHO_MAX_FIXUPS - used)
		return macho_fail(p, "has more than %u %s", MACHO_MAX_FIXUPS, what);
	if (used + n <= *cap)
		return 0;
	size_t want = *cap ? *cap : 256;
	while (want < used + n)
		want *= 2;
	void *bigger = realloc(*array, want * each);
	if (!bigger)
		return macho_fail(p, "out of memory for its %s", what);
	*array = bigger;
	*cap = want;
	return 0;
}

int macho_add_bind(struct macho_parser *p, const struct macho_bind *b)
{
	struct macho_image *img = p->img;
	if (check_target(p, true, b->segment, b->offset, "bind") < 0)
		return -1;
	if (b->ordinal > (int32_t)img->ndylibs || b->ordinal < MACHO_ORDINAL_WEAK)
		return macho_fail(p, "binds %s to library %d, but it loads %u", b->symbol,
				  b->ordinal, img->ndylibs);
	if (grow(p, (void **)&img->binds, &p->binds_cap, img->nbinds, 1, sizeof *b, "binds") < 0)
		return -1;
	img->binds[img->nbinds++] = *b;
	return 0;
}

/* ---- rebase ---- */

/* The parse checks and counts the rebases, handing each to the check of its
 * place (macho_places_rebase) as it goes; macho_each_rebase runs the stream
 * again with another sink only when the image moved.  Go's programs have
 * ~50,000 of them, one opcode pair each: kept as records they took ~800 KB
 * (about 190 page faults at each start) for an image that almost never
 * moves. */
struct rebase_state {
	uint64_t offset;
	unsigned seg;
	uint8_t type;
	bool seg_set;
	macho_rebase_fn *fn; /* NULL: only checked and counted */
	void *ctx;
};

/* count rebases, each step bytes after the one before. */
static int do_rebase(struct macho_parser *p, struct rebase_state *st, uint64_t count, uint64_t step)
{
	struct macho_image *img = p->img;
	if (count > MACHO_MAX_FIXUPS || count > MACHO_MAX_FIXUPS - img->nrebases)
		return macho_fail(p, "has more than %u rebases", MACHO_MAX_FIXUPS);
	if (st->type != MACHO_REBASE_TYPE_POINTER)
		return macho_fail(p, "a rebase of type %u, which x86-64 programs do not use",
				  st->type);
	for (uint64_t i = 0; i < count; i++) {
		if (check_target(p, st->seg_set, st->seg, st->offset, "rebase") < 0)
			return -1;
		if (st->fn)
			st->fn(st->ctx, st->seg, st->offset);
		img->nrebases++;
		st->offset += step; /* wraps as dyld's does */
	}
	return 0;
}

static int rebase_op(struct macho_parser *p, struct stream *s, struct rebase_state *st, uint8_t op,
		     uint8_t imm)
{
	uint64_t a, b;
	switch (op) {
	case MACHO_REBASE_OPCODE_SET_TYPE_IMM:
		st->type = imm;
		return 0;
	case MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB:
		st->seg = imm, st->seg_set = true;
		return uleb(p, s, &st->offset);
	case MACHO_REBASE_OPCODE_ADD_ADDR_ULEB:
		if (uleb(p, s, &a) < 0)
			return -1;
		st->offset += a;
		return 0;
	case MACHO_REBASE_OPCODE_ADD_ADDR_IMM_SCALED:
		st->offset += (uint64_t)imm * MACHO_PTRSIZE;
		return 0;
	case MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES:
		return do_rebase(p, st, imm, MACHO_PTRSIZE);
	case MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES:
		return uleb(p, s, &a) < 0 ? -1 : do_rebase(p, st, a, MACHO_PTRSIZE);
	case MACHO_REBASE_OPCODE_DO_REBASE_ADD_ADDR_ULEB:
		return uleb(p, s, &a) < 0 ? -1 : do_rebase(p, st, 1, a + MACHO_PTRSIZE);
	case MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES_SKIPPING_ULEB:
		if (uleb(p, s, &a) < 0 || uleb(p, s, &b) < 0)
			return -1;
		return do_rebase(p, st, a, b + MACHO_PTRSIZE);
	}
	return macho_fail(p, "its rebase stream has an unknown opcode 0x%02x", op);
}

static int parse_rebases(struct macho_parser *p, struct stream *s, macho_rebase_fn *fn, void *ctx)
{
	struct rebase_state st = {.fn = fn, .ctx = ctx};
	while (s->at < s->end) {
		uint8_t op = *s->at & MACHO_REBASE_OPCODE_MASK,
			imm = *s->at & MACHO_REBASE_IMMEDIATE_MASK;
		s->at++;
		if (op == MACHO_REBASE_OPCODE_DONE)
			break;
		if (rebase_op(p, s, &st, op, imm) < 0)
			return -1;
	}
	return 0;
}

/* ---- bind, weak bind, lazy bind ---- */

struct bind_state {
	struct macho_bind b; /* the next bind: symbol, library, type, addend, place */
	bool seg_set, ordinal_set;
	bool lazy; /* DONE separates entries instead of ending the stream */
};

static int do_bind(struct macho_parser *p, struct bind_state *st, uint64_t count, uint64_t step)
{
	if (!st->b.symbol)
		return macho_fail(p, "a bind before any symbol was named");
	if (!st->ordinal_set)
		return macho_fail(p, "binds %s before naming its library", st->b.symbol);
	if (st->b.type != MACHO_BIND_TYPE_POINTER)
		return macho_fail(p, "binds %s with type %u, which x86-64 programs do not use",
				  st->b.symbol, st->b.type);
	/* a lazy pointer is jumped to through its stub: an addend would land
	 * inside the function (ld64 and lld never write one) */
	if (st->lazy && st->b.addend)
		return macho_fail(p, "binds %s lazily with an addend (%lld)", st->b.symbol,
				  (long long)st->b.addend);
	if (count > MACHO_MAX_FIXUPS)
		return macho_fail(p, "has more than %u binds", MACHO_MAX_FIXUPS);
	if (!st->seg_set)
		return macho_fail(p, "binds %s before naming a segment", st->b.symbol);
	for (uint64_t i = 0; i < count; i++) {
		if (macho_add_bind(p, &st->b) < 0)
			return -1;
		st->b.offset += step;
	}
	return 0;
}

static int set_symbol(struct macho_parser *p, struct stream *s, struct bind_state *st, uint8_t imm)
{
	const uint8_t *nul = memchr(s->at, '\0', (size_t)(s->end - s->at));
	if (!nul)
		return macho_fail(p, "its %s stream has a symbol name that runs off its end",
				  s->name);
	if (!macho_name_ok(s->at, (size_t)(nul - s->at)))
		return macho_fail(p, "its %s stream names a symbol that is empty or unprintable",
				  s->name);
	st->b.symbol = macho_keep_string(p, (uint64_t)(s->at - p->base), (size_t)(nul - s->at));
	if (!st->b.symbol)
		return macho_fail(p, "has more symbol names than room for them");
	s->at = nul + 1;
	st->b.weak_import = imm & MACHO_BIND_SYMBOL_FLAGS_WEAK_IMPORT;
	st->b.non_weak_definition = imm & MACHO_BIND_SYMBOL_FLAGS_NON_WEAK_DEFINITION;
	return 0;
}

static int set_ordinal(struct bind_state *st, int32_t ordinal)
{
	st->b.ordinal = ordinal;
	st->ordinal_set = true;
	return 0;
}

/* The opcodes that set what the next bind is. */
static int bind_set_op(struct macho_parser *p, struct stream *s, struct bind_state *st, uint8_t op,
		       uint8_t imm)
{
	uint64_t a;
	switch (op) {
	case MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM:
		return set_ordinal(st, imm);
	case MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_ULEB:
		if (uleb(p, s, &a) < 0)
			return -1;
		return set_ordinal(st, a > MACHO_MAX_DYLIBS ? INT32_MAX : (int32_t)a);
	case MACHO_BIND_OPCODE_SET_DYLIB_SPECIAL_IMM:
		/* 0 is the image itself; otherwise a negative ordinal, sign-extended */
		return set_ordinal(st, imm ? (int8_t)(MACHO_BIND_OPCODE_MASK | imm) : 0);
	case MACHO_BIND_OPCODE_SET_SYMBOL_TRAILING_FLAGS_IMM:
		return set_symbol(p, s, st, imm);
	case MACHO_BIND_OPCODE_SET_TYPE_IMM:
		st->b.type = imm;
		return 0;
	case MACHO_BIND_OPCODE_SET_ADDEND_SLEB:
		return sleb(p, s, &st->b.addend);
	case MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB:
		st->b.segment = imm, st->seg_set = true;
		return uleb(p, s, &st->b.offset);
	case MACHO_BIND_OPCODE_ADD_ADDR_ULEB:
		if (uleb(p, s, &a) < 0)
			return -1;
		st->b.offset += a;
		return 0;
	}
	return 1; /* not one of these */
}

static int bind_op(struct macho_parser *p, struct stream *s, struct bind_state *st, uint8_t op,
		   uint8_t imm)
{
	uint64_t a, b;
	int r = bind_set_op(p, s, st, op, imm);
	if (r <= 0)
		return r;
	switch (op) {
	case MACHO_BIND_OPCODE_DO_BIND:
		return do_bind(p, st, 1, MACHO_PTRSIZE);
	case MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_ULEB:
		/* dyld binds first, then reads the number */
		if (do_bind(p, st, 1, 0) < 0 || uleb(p, s, &a) < 0)
			return -1;
		st->b.offset += a + MACHO_PTRSIZE;
		return 0;
	case MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_IMM_SCALED:
		return do_bind(p, st, 1, (uint64_t)imm * MACHO_PTRSIZE + MACHO_PTRSIZE);
	case MACHO_BIND_OPCODE_DO_BIND_ULEB_TIMES_SKIPPING_ULEB:
		if (uleb(p, s, &a) < 0 || uleb(p, s, &b) < 0)
			return -1;
		return do_bind(p, st, a, b + MACHO_PTRSIZE);
	case MACHO_BIND_OPCODE_THREADED:
		return macho_fail(p, "uses threaded binds (arm64e), which xeno does not support");
	}
	return macho_fail(p, "its %s stream has an unknown opcode 0x%02x", s->name, op);
}

static int parse_binds(struct macho_parser *p, struct stream *s, enum macho_bind_kind kind)
{
	struct bind_state st = {.b.kind = kind, .lazy = kind == MACHO_BIND_LAZY};
	if (kind == MACHO_BIND_LAZY)
		st.b.type = MACHO_BIND_TYPE_POINTER; /* lazy binds are pointers implicitly */
	if (kind == MACHO_BIND_WEAK)
		set_ordinal(&st, MACHO_ORDINAL_WEAK); /* weak binds look up the weak namespace */
	while (s->at < s->end) {
		uint8_t op = *s->at & MACHO_BIND_OPCODE_MASK,
			imm = *s->at & MACHO_BIND_IMMEDIATE_MASK;
		s->at++;
		if (op == MACHO_BIND_OPCODE_DONE) {
			if (!st.lazy)
				break;
			continue;
		}
		if (bind_op(p, s, &st, op, imm) < 0)
			return -1;
	}
	return 0;
}

/* ---- the streams ---- */

struct stream_place {
	uint32_t off, size;
	const char *name;
};

static void stream_places(const struct macho_dyld_info_command *di, struct stream_place out[5])
{
	out[0] = (struct stream_place){di->rebase_off, di->rebase_size, "rebase"};
	out[1] = (struct stream_place){di->bind_off, di->bind_size, "bind"};
	out[2] = (struct stream_place){di->weak_bind_off, di->weak_bind_size, "weak-bind"};
	out[3] = (struct stream_place){di->lazy_bind_off, di->lazy_bind_size, "lazy-bind"};
	out[4] = (struct stream_place){di->export_off, di->export_size, "export"};
}

int macho_check_dyld_info(struct macho_parser *p)
{
	struct stream_place places[5];
	if (!p->have_dyld_info)
		return 0;
	stream_places(&p->dyld_info, places);
	for (int i = 0; i < 5; i++)
		if (places[i].size && !macho_in_slice(p, places[i].off, places[i].size))
			return macho_fail(
			    p, "its %s stream (%u bytes at 0x%x) runs past the end of the file",
			    places[i].name, places[i].size, places[i].off);
	return 0;
}

/* A stream macho_check_dyld_info found inside the file. */
static struct stream open_stream(const struct macho_parser *p, const struct stream_place *place)
{
	const uint8_t *at = p->base + (place->size ? place->off : 0);
	return (struct stream){.at = at, .end = at + place->size, .name = place->name};
}

/* The rebases, walked once: each checked where it writes as it is decoded
 * (macho_places_rebase).  That needs the binds, so they are read first; but
 * the rebase stream's own faults came first when it was read on its own, so
 * a bind stream's fault waits until the rebase stream has been read whole,
 * and the places are judged last (macho_places_close): whichever fault a
 * damaged file has, the one reported is the one it always was. */
static int parse_rebases_checked(struct macho_parser *p, struct stream *s, int bound)
{
	struct macho_places *pl = NULL;
	char bind_fault[sizeof p->img->reason];
	if (bound < 0)
		memcpy(bind_fault, p->img->reason, sizeof bind_fault);
	else if (!(pl = macho_places_open(p)))
		return -1;
	if (parse_rebases(p, s, pl ? macho_places_rebase : NULL, pl) < 0) {
		macho_places_close(pl, false);
		return -1;
	}
	if (bound < 0) {
		memcpy(p->img->reason, bind_fault, sizeof bind_fault);
		return -1;
	}
	return macho_places_close(pl, true);
}

int macho_parse_dyld_info(struct macho_parser *p)
{
	struct stream_place places[5];
	stream_places(&p->dyld_info, places);
	struct stream rebase = open_stream(p, &places[0]), bind = open_stream(p, &places[1]),
		      weak = open_stream(p, &places[2]), lazy = open_stream(p, &places[3]);
	p->img->rebase_off = places[0].size ? places[0].off : 0;
	p->img->rebase_size = places[0].size;
	int bound = parse_binds(p, &bind, MACHO_BIND_NONLAZY) < 0 ||
			    parse_binds(p, &weak, MACHO_BIND_WEAK) < 0 ||
			    parse_binds(p, &lazy, MACHO_BIND_LAZY) < 0
			? -1
			: 0;
	return parse_rebases_checked(p, &rebase, bound);
}

int macho_each_rebase(struct macho_image *img, const void *stream, size_t size, macho_rebase_fn *fn,
		      void *ctx)
{
	struct macho_parser p = {.img = img};
	struct stream s = {.at = stream, .end = (const uint8_t *)stream + size, .name = "rebase"};
	size_t parsed = img->nrebases;
	img->nrebases = 0;
	int r = parse_rebases(&p, &s, fn, ctx);
	if (r == 0 && img->nrebases != parsed)
		r = macho_fail(&p, "its rebase stream changed since it was read");
	img->nrebases = parsed;
	return r;
}
