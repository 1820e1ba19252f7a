/*
 * The Mach-O parser's fixups: the dyld-info rebase and bind streams
 * (loader/macho_fixups.c), every opcode and every way a stream can be wrong;
 * the classic binds through the indirect symbol table (loader/macho_classic.c);
 * and the macOS samples as ld64.lld links them (samples/darwin/).
 */
#include "macho_unit.h"

#include <stdlib.h>

/* The program of macho_build.h with these streams instead of its own. */
static void with_streams(struct mb *m, const struct mb_ops *rebase, const struct mb_ops *bind,
			 const struct mb_ops *weak, const struct mb_ops *lazy)
{
	mb_begin(m, false);
	mb_dyld_info_streams(m, rebase, bind, weak, lazy);
}

static void assert_bind(const struct macho_bind *b, const char *symbol, int32_t ordinal,
			unsigned segment, uint64_t offset, int64_t addend, int kind)
{
	assert_string_equal(b->symbol, symbol);
	assert_int_equal(b->ordinal, ordinal);
	assert_int_equal(b->segment, segment);
	assert_int_equal(b->offset, offset);
	assert_int_equal(b->addend, addend);
	assert_int_equal(b->kind, kind);
	assert_int_equal(b->type, MACHO_BIND_TYPE_POINTER);
}

/* The rebases macho_each_rebase finds in the stream macho_parse checked. */
struct rebases {
	size_t n;
	unsigned segment[16];
	uint64_t offset[16];
};

static void keep_rebase(void *ctx, unsigned segment, uint64_t offset)
{
	struct rebases *r = ctx;
	assert_true(r->n < 16);
	r->segment[r->n] = segment;
	r->offset[r->n++] = offset;
}

static void rebases_of(const struct mb *m, struct macho_image *img, struct rebases *out)
{
	*out = (struct rebases){0};
	assert_int_equal(
	    macho_each_rebase(img, m->bytes + img->rebase_off, img->rebase_size, keep_rebase, out),
	    0);
	assert_int_equal(out->n, img->nrebases);
}

static void dyld_info_program(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	struct rebases r;
	mb_dyld_info(&m, false);
	parse_ok(&m, &img);
	assert_int_equal(img.form, MACHO_FIXUPS_DYLD_INFO);
	assert_int_equal(img.nrebases, 2);
	rebases_of(&m, &img, &r);
	assert_int_equal(r.segment[0], 3);
	assert_int_equal(r.offset[0], 0x10);
	assert_int_equal(r.segment[1], 3);
	assert_int_equal(r.offset[1], 0x18);
	assert_int_equal(img.nbinds, 5);
	assert_bind(&img.binds[0], "_write", 1, 2, 0, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[1], "_exit", 1, 2, 8, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[2], "_CFRelease", 2, 2, 16, 0, MACHO_BIND_NONLAZY);
	assert_false(img.binds[1].weak_import);
	assert_true(img.binds[2].weak_import);
	assert_bind(&img.binds[3], "_read", 1, 3, 0, 0, MACHO_BIND_LAZY);
	assert_bind(&img.binds[4], "_close", 1, 3, 8, 0, MACHO_BIND_LAZY);
	macho_free(&img);
}

static void every_rebase_opcode(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops o = {0};
	struct macho_image img;
	mb_op(&o, MACHO_REBASE_OPCODE_SET_TYPE_IMM | MACHO_REBASE_TYPE_POINTER);
	mb_op(&o, MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&o, 0);
	mb_op(&o, MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES); /* 0, 8, 16 */
	mb_uleb(&o, 3);
	mb_op(&o, MACHO_REBASE_OPCODE_ADD_ADDR_ULEB); /* to 32 */
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_REBASE_OPCODE_ADD_ADDR_IMM_SCALED | 2); /* to 48 */
	mb_op(&o, MACHO_REBASE_OPCODE_DO_REBASE_ADD_ADDR_ULEB); /* 48, then to 64 */
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES_SKIPPING_ULEB); /* 64, 80, to 96 */
	mb_uleb(&o, 2);
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES | 1); /* 96 */
	mb_op(&o, MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&o, 0x2ff8); /* the last pointer of __DATA, past its file part */
	mb_op(&o, MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES | 1);
	mb_op(&o, MACHO_REBASE_OPCODE_DONE);
	mb_op(&o, 0xf0); /* after DONE: not read */
	with_streams(&m, &o, NULL, NULL, NULL);
	parse_ok(&m, &img);
	const uint64_t want[] = {0, 8, 16, 48, 64, 80, 96, 0x2ff8};
	struct rebases r;
	assert_int_equal(img.nrebases, sizeof want / sizeof *want);
	rebases_of(&m, &img, &r);
	for (size_t i = 0; i < r.n; i++) {
		assert_int_equal(r.offset[i], want[i]);
		assert_int_equal(r.segment[i], 3);
	}
	assert_int_equal(img.nbinds, 0);
	macho_free(&img);
}

static void every_bind_opcode(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops o = {0};
	struct macho_image img;
	mb_op(&o, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_ULEB);
	mb_uleb(&o, 2);
	mb_name(&o, 0, "_a");
	mb_op(&o, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(&o, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&o, 0);
	mb_op(&o, MACHO_BIND_OPCODE_DO_BIND);			/* 0, then 8 */
	mb_op(&o, MACHO_BIND_OPCODE_SET_DYLIB_SPECIAL_IMM | 0); /* the image itself */
	mb_name(&o, 0, "_b");
	mb_op(&o, MACHO_BIND_OPCODE_SET_ADDEND_SLEB);
	mb_sleb(&o, -16);
	mb_op(&o, MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_ULEB); /* 8, then 24 */
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_BIND_OPCODE_SET_DYLIB_SPECIAL_IMM | 0xf);      /* -1: the executable */
	mb_op(&o, MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_IMM_SCALED | 1);  /* 24, then 40 */
	mb_op(&o, MACHO_BIND_OPCODE_SET_DYLIB_SPECIAL_IMM | 0xe);      /* -2: flat */
	mb_op(&o, MACHO_BIND_OPCODE_DO_BIND_ULEB_TIMES_SKIPPING_ULEB); /* 40, 56, then 72 */
	mb_uleb(&o, 2);
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_BIND_OPCODE_ADD_ADDR_ULEB); /* 80 */
	mb_uleb(&o, 8);
	mb_op(&o, MACHO_BIND_OPCODE_SET_ADDEND_SLEB);
	mb_sleb(&o, 0x1234);
	mb_op(&o, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&o, MACHO_BIND_OPCODE_DONE);
	with_streams(&m, NULL, &o, NULL, NULL);
	parse_ok(&m, &img);
	assert_int_equal(img.nbinds, 6);
	assert_bind(&img.binds[0], "_a", 2, 3, 0, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[1], "_b", MACHO_ORDINAL_SELF, 3, 8, -16, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[2], "_b", MACHO_ORDINAL_MAIN, 3, 24, -16, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[3], "_b", MACHO_ORDINAL_FLAT, 3, 40, -16, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[4], "_b", MACHO_ORDINAL_FLAT, 3, 56, -16, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[5], "_b", MACHO_ORDINAL_FLAT, 3, 80, 0x1234, MACHO_BIND_NONLAZY);
	macho_free(&img);
}

static void weak_and_lazy_streams(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops weak = {0}, lazy = {0};
	struct macho_image img;
	/* a strong definition the image overrides with, then one to coalesce */
	mb_name(&weak, MACHO_BIND_SYMBOL_FLAGS_NON_WEAK_DEFINITION, "__ZdlPv");
	mb_name(&weak, 0, "__ZTVN10__cxxabiv117__class_type_infoE");
	mb_op(&weak, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(&weak, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&weak, 0x20);
	mb_op(&weak, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&weak, MACHO_BIND_OPCODE_DONE);
	/* lazy entries: DONE between them, the type implicit */
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&lazy, 8);
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 2);
	mb_name(&lazy, MACHO_BIND_SYMBOL_FLAGS_WEAK_IMPORT, "_CFRetain");
	mb_op(&lazy, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&lazy, MACHO_BIND_OPCODE_DONE);
	mb_op(&lazy, MACHO_BIND_OPCODE_DONE);
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&lazy, 0);
	mb_name(&lazy, 0, "_read");
	mb_op(&lazy, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&lazy, MACHO_BIND_OPCODE_DONE);
	with_streams(&m, NULL, NULL, &weak, &lazy);
	parse_ok(&m, &img);
	assert_int_equal(img.nbinds, 3);
	assert_bind(&img.binds[0], "__ZTVN10__cxxabiv117__class_type_infoE", MACHO_ORDINAL_WEAK, 3,
		    0x20, 0, MACHO_BIND_WEAK);
	assert_false(img.binds[0].non_weak_definition);
	assert_bind(&img.binds[1], "_CFRetain", 2, 3, 8, 0, MACHO_BIND_LAZY);
	assert_true(img.binds[1].weak_import);
	assert_bind(&img.binds[2], "_read", 2, 3, 0, 0, MACHO_BIND_LAZY);
	assert_false(img.binds[2].weak_import);
	macho_free(&img);
}

/* ---- streams refused ---- */

struct bad_stream {
	const char *why;
	bool rebase; /* else a bind stream */
	uint8_t bytes[24];
	uint8_t n;
};

#define SEG_OFF(op, seg) (op) | (seg), 0
static const struct bad_stream bad_streams[] = {
    {"its rebase stream has an unknown opcode 0x90", true, {0x90}, 1},
    {"its rebase stream has a number too long or cut off", true, {0x23, 0x80}, 2},
    {"number too long or cut off",
     true,
     {0x23, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
     11},
    {"a rebase at offset 0x3000, outside segment __DATA", true, {0x11, 0x23, 0x80, 0x60, 0x51}, 5},
    {"a rebase in segment __TEXT, which is not writable", true, {0x11, SEG_OFF(0x20, 1), 0x51}, 4},
    {"a rebase in segment __PAGEZERO, which is not writable",
     true,
     {0x11, SEG_OFF(0x20, 0), 0x51},
     4},
    {"a rebase in segment __LINKEDIT, which is not writable",
     true,
     {0x11, SEG_OFF(0x20, 4), 0x51},
     4},
    {"a rebase in segment 9, which does not exist", true, {0x11, SEG_OFF(0x20, 9), 0x51}, 4},
    {"a rebase before any segment was named", true, {0x11, 0x51}, 2},
    {"a rebase of type 2", true, {0x12, SEG_OFF(0x20, 3), 0x51}, 4},
    {"a rebase of type 0", true, {SEG_OFF(0x20, 3), 0x51}, 3},
    {"has more than 2097152 rebases",
     true,
     {0x11, SEG_OFF(0x20, 3), 0x60, 0x80, 0x80, 0x80, 0x80, 0x01},
     9},
    {"its bind stream has a symbol name that runs off its end", false, {0x40, '_', 'a'}, 3},
    {"binds _a to library 3, but it loads 2",
     false,
     {0x13, 0x51, 0x40, '_', 'a', 0, 0x73, 0, 0x90},
     9},
    {"binds _a to library -4", false, {0x3c, 0x51, 0x40, '_', 'a', 0, 0x73, 0, 0x90}, 9},
    {"but it loads 2", false, {0x20, 0xe8, 0x07, 0x51, 0x40, '_', 'a', 0, 0x73, 0, 0x90}, 11},
    {"uses threaded binds (arm64e)", false, {0xd0, 0x00}, 2},
    {"its bind stream has an unknown opcode 0xe0", false, {0xe0}, 1},
    {"a bind before any symbol was named", false, {0x11, 0x72, 0, 0x90}, 4},
    {"binds _a before naming its library", false, {0x40, '_', 'a', 0, 0x72, 0, 0x90}, 7},
    {"binds _a before naming a segment", false, {0x11, 0x51, 0x40, '_', 'a', 0, 0x90}, 7},
    {"binds _a with type 2", false, {0x11, 0x52, 0x40, '_', 'a', 0, 0x72, 0, 0x90}, 9},
    {"binds _a with type 0", false, {0x11, 0x40, '_', 'a', 0, 0x72, 0, 0x90}, 8},
    {"a bind in segment __TEXT, which is not writable",
     false,
     {0x11, 0x51, 0x40, '_', 'a', 0, 0x71, 0, 0x90},
     9},
    {"a bind at offset 0xff9, outside segment __DATA_CONST",
     false,
     {0x11, 0x51, 0x40, '_', 'a', 0, 0x72, 0xf9, 0x1f, 0x90},
     10},
    {"has more than 2097152 binds",
     false,
     {0x11, 0x51, 0x40, '_', 'a', 0, 0x73, 0, 0xc0, 0x80, 0x80, 0x80, 0x80, 0x01, 0},
     15},
    {"its bind stream has a number too long or cut off", false, {0x60, 0x80}, 2},
    {"its bind stream has a number too long or cut off", false, {0x70}, 1},
};

static void stream_refusals(void **state)
{
	(void)state;
	struct mb m;
	for (size_t i = 0; i < sizeof bad_streams / sizeof *bad_streams; i++) {
		const struct bad_stream *b = &bad_streams[i];
		struct mb_ops o = {0};
		memcpy(o.b, b->bytes, b->n);
		o.n = b->n;
		if (b->rebase)
			with_streams(&m, &o, NULL, NULL, NULL);
		else
			with_streams(&m, NULL, &o, NULL, NULL);
		refused(&m, b->why);
	}
	/* a name from the file keeps the reason on one line (a fuzzer's finding) */
	struct mb_ops nl = {.b = {0x13, 0x51, 0x40, '_', 0x80, 'x', 0, 0x73, 0, 0x90}, .n = 10};
	with_streams(&m, NULL, &nl, NULL, NULL);
	refused(&m, "binds _");
	/* the same faults in the lazy and weak streams */
	struct mb_ops o = {.b = {0x40, '_', 'a'}, .n = 3};
	with_streams(&m, NULL, NULL, NULL, &o);
	refused(&m, "its lazy-bind stream has a symbol name that runs off its end");
	with_streams(&m, NULL, NULL, &o, NULL);
	refused(&m, "its weak-bind stream has a symbol name that runs off its end");
}

static void streams_outside_the_file(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops o = {.b = {0}, .n = 16};
	const char *names[5] = {"rebase", "bind", "weak-bind", "lazy-bind", "export"};
	for (int i = 0; i < 5; i++) {
		mb_begin(&m, false);
		struct macho_dyld_info_command *di = mb_dyld_info_streams(&m, &o, &o, &o, &o);
		uint32_t *pair = &di->rebase_off + 2 * i;
		pair[0] = MB_SIZE - 4, pair[1] = 16;
		char why[128];
		snprintf(why, sizeof why, "its %s stream (16 bytes at 0x4ffc) runs past the end",
			 names[i]);
		refused(&m, why);
		pair[0] = UINT32_MAX;
		refused(&m, "runs past the end of the file");
	}
}

/* ---- the classic form ---- */

static void classic_flat(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_classic(&m, false);
	parse_ok(&m, &img);
	assert_int_equal(img.form, MACHO_FIXUPS_CLASSIC);
	assert_false(img.twolevel);
	assert_int_equal(img.nrebases, 0);
	assert_int_equal(img.nbinds, 5); /* the LOCAL entry binds nothing */
	assert_bind(&img.binds[0], "_write", MACHO_ORDINAL_FLAT, 2, 0, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[1], "_exit", MACHO_ORDINAL_FLAT, 2, 8, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[2], "_CFRelease", MACHO_ORDINAL_FLAT, 2, 16, 0, MACHO_BIND_NONLAZY);
	assert_bind(&img.binds[3], "_read", MACHO_ORDINAL_FLAT, 3, 0, 0, MACHO_BIND_LAZY);
	assert_bind(&img.binds[4], "_close", MACHO_ORDINAL_FLAT, 3, 8, 0, MACHO_BIND_LAZY);
	macho_free(&img);
}

static void classic_twolevel(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_classic(&m, true);
	struct macho_nlist_64 *syms = (struct macho_nlist_64 *)(m.bytes + MB_SYMS);
	syms[1].n_desc = MACHO_EXECUTABLE_ORDINAL << 8;
	syms[2].n_desc |= MACHO_N_WEAK_REF;
	syms[3].n_desc = MACHO_DYNAMIC_LOOKUP_ORDINAL << 8;
	syms[4].n_desc = MACHO_SELF_LIBRARY_ORDINAL << 8;
	parse_ok(&m, &img);
	assert_true(img.twolevel);
	assert_int_equal(img.nbinds, 5);
	assert_int_equal(img.binds[0].ordinal, 1);
	assert_int_equal(img.binds[1].ordinal, MACHO_ORDINAL_MAIN);
	assert_int_equal(img.binds[2].ordinal, 2);
	assert_true(img.binds[2].weak_import);
	assert_false(img.binds[0].weak_import);
	assert_int_equal(img.binds[3].ordinal, MACHO_ORDINAL_FLAT);
	assert_int_equal(img.binds[4].ordinal, MACHO_ORDINAL_SELF);
	macho_free(&img);
}

static void classic_refusals(void **state)
{
	(void)state;
	struct mb m;
	mb_classic(&m, false);
	((uint32_t *)(m.bytes + MB_INDIRECT))[1] = 7;
	refused(&m, "indirect symbol 7 is not in the symbol table");
	mb_classic(&m, false);
	((struct macho_dysymtab_command *)find_cmd(&m, MACHO_LC_DYSYMTAB, 0))->nindirectsyms = 5;
	refused(&m, "section __DATA,__la_symbol_ptr has more pointers than indirect symbols");
	mb_classic(&m, false);
	((struct macho_dysymtab_command *)find_cmd(&m, MACHO_LC_DYSYMTAB, 0))->indirectsymoff =
	    MB_SIZE - 8;
	refused(&m, "its indirect symbol table runs past the end of the file");
	mb_classic(&m, false);
	struct macho_symtab_command *st = find_cmd(&m, MACHO_LC_SYMTAB, 0);
	st->nsyms = 0x1000;
	refused(&m, "its symbol table runs past the end of the file");
	mb_classic(&m, false);
	st = find_cmd(&m, MACHO_LC_SYMTAB, 0);
	st->strsize = 0x1000;
	refused(&m, "its string table runs past the end of the file");
	mb_classic(&m, false);
	st = find_cmd(&m, MACHO_LC_SYMTAB, 0);
	((struct macho_nlist_64 *)(m.bytes + MB_SYMS))[0].n_strx = st->strsize;
	refused(&m, "symbol 0 has a name outside the string table");
	mb_classic(&m, false);
	find_cmd(&m, MACHO_LC_SYMTAB, 0);
	((struct macho_symtab_command *)find_cmd(&m, MACHO_LC_SYMTAB, 0))->strsize = 4;
	refused(&m, "symbol 0 has a name outside the string table"); /* "_wri" has no NUL */
	mb_classic(&m, false);
	((struct macho_nlist_64 *)(m.bytes + MB_SYMS))[0].n_type = 0x24; /* N_FUN */
	refused(&m, "indirect symbol 0 is a debugging entry");
	mb_classic(&m, true);
	((struct macho_nlist_64 *)(m.bytes + MB_SYMS))[0].n_desc = 3 << 8;
	refused(&m, "binds _write to library 3, but it loads 2");
	mb_classic(&m, false);
	((struct macho_load_command *)find_cmd(&m, MACHO_LC_SYMTAB, 0))->cmd = 0x7e;
	refused(&m, "has indirect symbols but no symbol table");
	mb_classic(&m, false);
	((struct macho_segment_command_64 *)segment_cmd(&m, 3))->initprot = MACHO_VM_PROT_READ;
	refused(&m, "a bind in segment __DATA, which is not writable");
}

static void dyld_info_comes_first(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_classic(&m, true);
	mb_dyld_info_streams(&m, NULL, NULL, NULL, NULL);
	parse_ok(&m, &img);
	assert_int_equal(img.form, MACHO_FIXUPS_DYLD_INFO);
	assert_int_equal(img.nbinds, 0);
	macho_free(&img);
	mb_begin(&m, false); /* neither */
	parse_ok(&m, &img);
	assert_int_equal(img.form, MACHO_FIXUPS_NONE);
	assert_null(img.binds);
	macho_free(&img);
}

/* ---- what ld64.lld makes of samples/darwin/hello.c ---- */

static void parse_file(const char *path, struct macho_image *img)
{
	static struct mb m;
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("%s: not built (make samples)", path);
	m.size = (uint32_t)fread(m.bytes, 1, sizeof m.bytes, f);
	assert_true(feof(f));
	fclose(f);
	parse_ok(&m, img);
}

static const struct macho_bind *find_bind(const struct macho_image *img, const char *symbol)
{
	for (size_t i = 0; i < img->nbinds; i++)
		if (strcmp(img->binds[i].symbol, symbol) == 0)
			return &img->binds[i];
	fail_msg("no bind of %s", symbol);
	return NULL;
}

static void linked_sample(void **state)
{
	(void)state;
	struct macho_image img;
	const char *lib = "libSystem.B.dylib";
	parse_file("build/samples/darwin/hello", &img);
	assert_int_equal(img.entry.kind, MACHO_ENTRY_MAIN);
	assert_int_equal(macho_segment_at(&img, img.entry.addr, 1), 1); /* in __TEXT */
	assert_string_equal(img.dylinker, "/usr/lib/dyld");
	assert_int_equal(img.ndylibs, 1);
	assert_string_equal(img.dylibs[0].path, "/usr/lib/libSystem.B.dylib");
	assert_true(img.pie && img.twolevel);
	assert_int_equal(img.form, MACHO_FIXUPS_DYLD_INFO);
	const char *calls[3] = {"_write", "_getpid", "_exit"};
	for (int i = 0; i < 3; i++) {
		const struct macho_bind *b = find_bind(&img, calls[i]);
		assert_int_equal(b->kind, MACHO_BIND_LAZY);
		assert_string_equal(macho_ordinal_name(&img, b->ordinal), lib);
	}
	assert_int_equal(find_bind(&img, "dyld_stub_binder")->kind, MACHO_BIND_NONLAZY);
	assert_true(img.nrebases >= 6); /* three lazy pointers, three in lines[] */
	macho_free(&img);
	parse_file("build/samples/darwin/hello-flat", &img);
	assert_false(img.twolevel);
	assert_int_equal(find_bind(&img, "_write")->ordinal, MACHO_ORDINAL_FLAT);
	macho_free(&img);
}

int main(void)
{
	RUN(cmocka_unit_test(dyld_info_program), cmocka_unit_test(every_rebase_opcode),
	    cmocka_unit_test(every_bind_opcode), cmocka_unit_test(weak_and_lazy_streams),
	    cmocka_unit_test(stream_refusals), cmocka_unit_test(streams_outside_the_file),
	    cmocka_unit_test(classic_flat), cmocka_unit_test(classic_twolevel),
	    cmocka_unit_test(classic_refusals), cmocka_unit_test(dyld_info_comes_first),
	    cmocka_unit_test(linked_sample));
}
