/*
 * Damage the Mach-O parser must refuse although every fixup alone lies
 * inside a writable segment (loader/macho_places.c, macho_fixups.c,
 * macho_classic.c): fixups that write over each other or outside every
 * section, a lazy bind outside the lazy pointers or with an addend, symbol
 * names that are empty or unprintable; an entry point that is none of the
 * functions LC_FUNCTION_STARTS lists, or a damaged list.  Each was a damaged
 * copy of a macOS sample that loaded and then crashed (tests/corrupt).
 */
#include "macho_unit.h"

static void with_streams(struct mb *m, const struct mb_ops *rebase, const struct mb_ops *bind,
			 const struct mb_ops *weak, const struct mb_ops *lazy)
{
	mb_begin(m, false);
	mb_dyld_info_streams(m, rebase, bind, weak, lazy);
}

/* Opcodes: the pointer at __DATA + off gets one fixup. */
static void rebase_at(struct mb_ops *o, uint64_t off)
{
	mb_op(o, MACHO_REBASE_OPCODE_SET_TYPE_IMM | MACHO_REBASE_TYPE_POINTER);
	mb_op(o, MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(o, off);
	mb_op(o, MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES | 1);
}

static void bind_at(struct mb_ops *o, const char *name, uint64_t off, bool typed)
{
	mb_op(o, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 1);
	mb_name(o, 0, name);
	if (typed)
		mb_op(o, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(o, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(o, off);
	mb_op(o, MACHO_BIND_OPCODE_DO_BIND);
}

static void fixups_that_overlap(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops rebase = {0}, bind = {0}, half = {0};
	bind_at(&bind, "_a", 0, true);
	bind_at(&bind, "_b", 0, true);
	with_streams(&m, NULL, &bind, NULL, NULL);
	refused(&m, "its fixups overlap: _a at 0x1003000 and _b at 0x1003000");
	bind_at(&half, "_a", 0, true);
	bind_at(&half, "_b", 4, true);
	with_streams(&m, NULL, &half, NULL, NULL);
	refused(&m, "its fixups overlap: _a at 0x1003000 and _b at 0x1003004");
	rebase_at(&rebase, 0x10);
	rebase_at(&rebase, 0x10); /* would slide the pointer twice */
	with_streams(&m, &rebase, NULL, NULL, NULL);
	refused(&m, "its fixups overlap: a rebase at 0x1003010 and a rebase at 0x1003010");
	struct mb_ops r = {0}, lazy = {0};
	rebase_at(&r, 0x4);
	bind_at(&lazy, "_read", 0, false);
	with_streams(&m, &r, NULL, NULL, &lazy);
	refused(&m, "its fixups overlap: _read at 0x1003000 and a rebase at 0x1003004");
}

static void fixups_outside_sections(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops bind = {0}, rebase = {0}, lazy = {0};
	/* __DATA: __la_symbol_ptr 0..0x10, __data 0x10..0x110, __bss 0x1000.. */
	bind_at(&bind, "_a", 0x110, true);
	with_streams(&m, NULL, &bind, NULL, NULL);
	refused(&m, "fixes up _a at 0x1003110, outside every section");
	rebase_at(&rebase, 0x10c); /* the last pointer's end past __data's */
	with_streams(&m, &rebase, NULL, NULL, NULL);
	refused(&m, "fixes up a rebase at 0x100310c, outside every section");
	bind_at(&lazy, "_read", 0x10, false);
	with_streams(&m, NULL, NULL, NULL, &lazy);
	refused(&m, "binds _read lazily in __DATA,__data, which holds no lazy pointers");
}

static void fixups_that_may_share(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	/* a lazy pointer is rebased (to the stub helper) and bound */
	struct mb_ops rebase = {0}, lazy = {0}, weak = {0}, bind = {0};
	rebase_at(&rebase, 0);
	bind_at(&lazy, "_read", 0, false);
	/* a weak bind coalesces a pointer the image binds or rebases already */
	bind_at(&bind, "_a", 8, true);
	mb_name(&weak, 0, "_a");
	mb_op(&weak, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(&weak, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&weak, 0);
	mb_op(&weak, MACHO_BIND_OPCODE_DO_BIND_ULEB_TIMES_SKIPPING_ULEB); /* 0 and 8 */
	mb_uleb(&weak, 2);
	mb_uleb(&weak, 0);
	with_streams(&m, &rebase, &bind, &weak, &lazy);
	parse_ok(&m, &img);
	assert_int_equal(img.nrebases, 1);
	assert_int_equal(img.nbinds, 4);
	macho_free(&img);
	/* but not half over one */
	struct mb_ops off = {0};
	mb_name(&off, 0, "_a");
	mb_op(&off, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(&off, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&off, 0x1c);
	mb_op(&off, MACHO_BIND_OPCODE_DO_BIND);
	struct mb_ops in_data = {0};
	bind_at(&in_data, "_a", 0x18, true);
	with_streams(&m, NULL, &in_data, &off, NULL);
	refused(&m, "its fixups overlap: _a at 0x1003018 and _a at 0x100301c");
}

static void lazy_bind_with_an_addend(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops lazy = {0};
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&lazy, 0);
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 1);
	mb_name(&lazy, 0, "_read");
	mb_op(&lazy, MACHO_BIND_OPCODE_SET_ADDEND_SLEB);
	mb_sleb(&lazy, -13);
	mb_op(&lazy, MACHO_BIND_OPCODE_DO_BIND);
	with_streams(&m, NULL, NULL, NULL, &lazy);
	refused(&m, "binds _read lazily with an addend (-13)");
}

static void names_empty_or_unprintable(void **state)
{
	(void)state;
	struct mb m;
	static const char *const names[] = {"", "\x1drite", "exi\x7f", "_a\nb"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct mb_ops bind = {0}, lazy = {0};
		bind_at(&bind, names[i], 0, true);
		with_streams(&m, NULL, &bind, NULL, NULL);
		refused(&m, "its bind stream names a symbol that is empty or unprintable");
		bind_at(&lazy, names[i], 0, false);
		with_streams(&m, NULL, NULL, NULL, &lazy);
		refused(&m, "its lazy-bind stream names a symbol that is empty or unprintable");
	}
	/* the classic form: the string table's names */
	mb_classic(&m, false);
	m.bytes[MB_STRS + 2] = 0x1b; /* "_\x1brite" */
	refused(&m, "indirect symbol 0 has an empty or unprintable name");
	mb_classic(&m, false);
	((struct macho_nlist_64 *)(m.bytes + MB_SYMS))[1].n_strx = 0; /* the empty name */
	refused(&m, "indirect symbol 1 has an empty or unprintable name");
}

/* The program with LC_FUNCTION_STARTS over these bytes (at 0x4700). */
static void with_starts(struct mb *m, const uint8_t *bytes, uint32_t n)
{
	mb_dyld_info(m, false);
	struct macho_linkedit_data_command *fs =
	    mb_cmd(m, MACHO_LC_FUNCTION_STARTS, sizeof(struct macho_linkedit_data_command));
	fs->dataoff = 0x4700;
	fs->datasize = n;
	memcpy(m->bytes + 0x4700, bytes, n);
}

static void function_starts(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	/* __TEXT at 0x1000000, the entry at 0x1001000, another function after */
	const uint8_t good[8] = {0x80, 0x20, 0x10, 0, 0, 0, 0, 0};
	with_starts(&m, good, sizeof good);
	parse_ok(&m, &img);
	macho_free(&img);
	const uint8_t moved[4] = {0x90, 0x20, 0, 0}; /* 0x1010 only */
	with_starts(&m, moved, sizeof moved);
	refused(&m, "its entry point 0x1001000 is none of the functions it lists");
	const uint8_t past[4] = {0x80, 0x20, 0x81, 0x20}; /* 0x2001: past __TEXT */
	with_starts(&m, past, sizeof past);
	refused(&m, "its function starts run past __TEXT");
	with_starts(&m, good, 3);
	refused(&m, "its function starts have no end");
	const uint8_t cut[3] = {0x80, 0x20, 0x80};
	with_starts(&m, cut, sizeof cut);
	refused(&m, "its function starts have a number too long or cut off");
	const uint8_t padded[6] = {0x80, 0x20, 0, 0, 7, 0};
	with_starts(&m, padded, sizeof padded);
	refused(&m, "its function starts have data past their end");
	with_starts(&m, good, sizeof good);
	((struct macho_linkedit_data_command *)find_cmd(&m, MACHO_LC_FUNCTION_STARTS, 0))->dataoff =
	    MB_SIZE - 4;
	refused(&m, "its function starts (8 bytes at 0x4ffc) run past the end of the file");
}

/* A file with two faults is refused for the one found first when each
 * stream was read on its own (the rebase stream, the bind streams, the binds'
 * places, the rebases' places in the stream's order), although the rebases
 * are now checked in the walk that decodes them, after the binds. */
static void faults_in_order(void **state)
{
	(void)state;
	struct mb m;
	struct mb_ops place = {0}, bad_rebase = {0}, bad_bind = {.b = {0xe0}, .n = 1};
	rebase_at(&place, 0x10c); /* outside every section */
	bad_rebase = place;
	mb_op(&bad_rebase, 0x90); /* an unknown opcode after it */
	with_streams(&m, &bad_rebase, &bad_bind, NULL, NULL);
	refused(&m, "its rebase stream has an unknown opcode 0x90");
	with_streams(&m, &bad_rebase, NULL, NULL, NULL);
	refused(&m, "its rebase stream has an unknown opcode 0x90");
	with_streams(&m, &place, &bad_bind, NULL, NULL);
	refused(&m, "its bind stream has an unknown opcode 0xe0");
	struct mb_ops outside_bind = {0}, two = {0};
	bind_at(&outside_bind, "_a", 0x110, true);
	with_streams(&m, &place, &outside_bind, NULL, NULL);
	refused(&m, "fixes up _a at 0x1003110, outside every section");
	rebase_at(&two, 0x20);
	rebase_at(&two, 0x20); /* rebased twice, then one outside */
	rebase_at(&two, 0x10c);
	with_streams(&m, &two, NULL, NULL, NULL);
	refused(&m, "its fixups overlap: a rebase at 0x1003020 and a rebase at 0x1003020");
	struct mb_ops late = {0};
	rebase_at(&late, 0x10c); /* outside, then rebased twice */
	rebase_at(&late, 0x20);
	rebase_at(&late, 0x20);
	with_streams(&m, &late, NULL, NULL, NULL);
	refused(&m, "fixes up a rebase at 0x100310c, outside every section");
}

int main(void)
{
	RUN(cmocka_unit_test(fixups_that_overlap), cmocka_unit_test(fixups_that_may_share),
	    cmocka_unit_test(fixups_outside_sections), cmocka_unit_test(lazy_bind_with_an_addend),
	    cmocka_unit_test(names_empty_or_unprintable), cmocka_unit_test(function_starts),
	    cmocka_unit_test(faults_in_order));
}
