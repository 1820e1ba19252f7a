/*
 * The Mach-O parser (loader/macho.c, macho_segments.c) on programs built in
 * memory (tests/fuzz/macho_build.h): universal files, headers, load
 * commands, segments and sections, entry points.  Each accepted form is
 * checked field by field; each damaged one must be refused with a reason
 * that says what is wrong.  The fixups are tested in test_macho_fixups.c.
 */
#include "macho_unit.h"

#include <sys/mman.h>

/* ---- what a good program becomes ---- */

static void segments_and_sections(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, false);
	parse_ok(&m, &img);
	assert_int_equal(img.nsegments, 5);
	assert_string_equal(img.segments[0].name, "__PAGEZERO");
	assert_true(img.segments[0].reserved);
	assert_int_equal(img.segments[0].vmsize, MB_TEXT);
	assert_string_equal(img.segments[1].name, "__TEXT");
	assert_int_equal(img.segments[1].initprot, PROT_READ | PROT_EXEC);
	assert_false(img.segments[1].reserved);
	assert_string_equal(img.segments[2].name, "__DATA_CONST");
	assert_true(img.segments[2].read_only);
	assert_int_equal(img.segments[2].flags, MACHO_SG_READ_ONLY);
	assert_int_equal(img.segments[3].initprot, PROT_READ | PROT_WRITE);
	assert_int_equal(img.segments[3].vmsize, 0x3000);
	assert_int_equal(img.segments[3].filesize, 0x1000);
	assert_int_equal(img.segments[3].fileoff, 0x3000);
	assert_int_equal(img.lo, MB_TEXT); /* __PAGEZERO is not mapped */
	assert_int_equal(img.hi, 0x1007000);

	assert_int_equal(img.nsections, 5);
	assert_string_equal(img.sections[1].sectname, "__got");
	assert_string_equal(img.sections[1].segname, "__DATA_CONST");
	assert_int_equal(img.sections[1].segment, 2);
	assert_int_equal(img.sections[1].type, MACHO_S_NON_LAZY_SYMBOL_POINTERS);
	assert_int_equal(img.sections[2].type, MACHO_S_LAZY_SYMBOL_POINTERS);
	assert_int_equal(img.sections[2].reserved1, 4);
	assert_int_equal(img.sections[4].type, MACHO_S_ZEROFILL);
	assert_int_equal(img.sections[4].offset, 0);
	assert_false(img.fat);
	assert_int_equal(img.slice_offset, 0);
	macho_free(&img);
	assert_null(img.segments);
}

static void entry_unixthread(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, false);
	parse_ok(&m, &img);
	assert_int_equal(img.entry.kind, MACHO_ENTRY_UNIXTHREAD);
	assert_int_equal(img.entry.addr, MB_ENTRY);
	assert_int_equal(img.entry.stack, 0);
	macho_free(&img);
}

static void entry_main(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, true);
	((struct macho_entry_point_command *)find_cmd(&m, MACHO_LC_MAIN, 0))->stacksize = 1 << 20;
	parse_ok(&m, &img);
	assert_int_equal(img.entry.kind, MACHO_ENTRY_MAIN);
	assert_int_equal(img.entry.addr, MB_ENTRY); /* __TEXT's address + entryoff */
	assert_int_equal(img.entry.stacksize, 1 << 20);
	macho_free(&img);
}

static void libraries_in_load_order(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, false);
	mb_dylib(&m, MACHO_LC_REEXPORT_DYLIB, "/usr/lib/libreexported.dylib");
	mb_dylib(&m, MACHO_LC_LAZY_LOAD_DYLIB, "/usr/lib/liblazy.dylib");
	mb_dylib(&m, MACHO_LC_LOAD_UPWARD_DYLIB, "/usr/lib/libupward.dylib");
	parse_ok(&m, &img);
	assert_string_equal(img.dylinker, "/usr/lib/dyld");
	assert_int_equal(img.ndylibs, 5);
	assert_string_equal(img.dylibs[0].path, "/usr/lib/libSystem.B.dylib");
	assert_int_equal(img.dylibs[0].cmd, MACHO_LC_LOAD_DYLIB);
	assert_false(img.dylibs[0].weak);
	assert_true(img.dylibs[1].weak);
	assert_int_equal(img.dylibs[1].current_version, 0x10000);
	assert_int_equal(img.dylibs[2].cmd, MACHO_LC_REEXPORT_DYLIB);
	assert_int_equal(img.dylibs[3].cmd, MACHO_LC_LAZY_LOAD_DYLIB);
	assert_string_equal(img.dylibs[4].path, "/usr/lib/libupward.dylib");
	assert_string_equal(macho_ordinal_name(&img, 1), "libSystem.B.dylib");
	assert_string_equal(macho_ordinal_name(&img, 2), "CoreFoundation");
	assert_string_equal(macho_ordinal_name(&img, MACHO_ORDINAL_FLAT), "flat lookup");
	assert_string_equal(macho_ordinal_name(&img, 6), "?");
	macho_free(&img);
}

static void ignores_what_it_does_not_need(void **state)
{
	(void)state;
	struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_UUID, 24);
	mb_cmd(&m, MACHO_LC_BUILD_VERSION, 24);
	mb_cmd(&m, MACHO_LC_RPATH, 16);
	mb_cmd(&m, MACHO_LC_DYLD_EXPORTS_TRIE, 16);
	mb_cmd(&m, 0x7f, 8);			     /* unknown, but dyld may ignore it */
	mb_cmd(&m, MACHO_LC_ENCRYPTION_INFO_64, 24); /* cryptid 0: not encrypted */
	parse_ok(&m, &img);
	macho_free(&img);
}

/* ---- universal files ---- */

static void fat_picks_x86_64(void **state)
{
	(void)state;
	static struct mb thin, fat;
	const int32_t cpus[2] = {MACHO_CPU_TYPE_ARM64, MACHO_CPU_TYPE_X86_64};
	struct macho_image img;
	mb_dyld_info(&thin, false);
	for (int wide = 0; wide < 2; wide++) {
		mb_fat(&fat, &thin, cpus, 2, wide);
		assert_true(macho_probe(fat.bytes, fat.size));
		parse_ok(&fat, &img);
		assert_true(img.fat);
		assert_int_equal(img.slice_offset, 0x1000 + MB_SIZE);
		assert_int_equal(img.slice_size, MB_SIZE);
		assert_int_equal(img.nbinds, 5);
		macho_free(&img);
	}
}

static void fat_refusals(void **state)
{
	(void)state;
	static struct mb thin, fat;
	const int32_t arm[2] = {MACHO_CPU_TYPE_ARM64, MACHO_CPU_TYPE_ARM};
	mb_dyld_info(&thin, false);
	mb_fat(&fat, &thin, arm, 2, false);
	refused(&fat, "a universal file without an x86-64 part (it has arm64, arm)");
	const int32_t x86[1] = {MACHO_CPU_TYPE_X86_64};
	mb_fat(&fat, &thin, x86, 1, false);
	fat.size -= 1; /* the part ends past the file */
	refused(&fat, "its x86-64 part (0x5000 bytes at 0x1000) runs past the end of the file");
	mb_be32(fat.bytes + 4, 1000);
	refused(&fat, "a universal file of 1000 parts");
	mb_be32(fat.bytes + 4, 0);
	refused(&fat, "a universal file of 0 parts");
	fat.size = 30;
	mb_be32(fat.bytes + 4, 2);
	refused(&fat, "table of parts runs past its end");
	/* the x86-64 part must itself be an x86-64 program */
	mb_fat(&fat, &thin, x86, 1, false);
	((struct macho_header_64 *)(fat.bytes + 0x1000))->cputype = MACHO_CPU_TYPE_ARM64;
	refused(&fat, "a Mach-O file for arm64, not x86-64");
}

/* ---- headers ---- */

static void header_refusals(void **state)
{
	(void)state;
	static const struct {
		uint32_t filetype;
		const char *why;
	} types[] = {
	    {MACHO_MH_DYLIB, "a Mach-O dynamic library, not a program"},
	    {MACHO_MH_BUNDLE, "a Mach-O bundle (a plug-in), not a program"},
	    {MACHO_MH_OBJECT, "a Mach-O object file, not a program"},
	    {MACHO_MH_DYLINKER, "the Mach-O dynamic linker, not a program"},
	    {MACHO_MH_CORE, "a Mach-O core dump"},
	    {MACHO_MH_KEXT_BUNDLE, "a macOS kernel extension"},
	    {0x42, "a Mach-O file of type 66, not a program"},
	};
	struct mb m;
	for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
		mb_dyld_info(&m, false);
		mb_header(&m)->filetype = types[i].filetype;
		refused(&m, types[i].why);
	}
	mb_dyld_info(&m, false);
	mb_header(&m)->cputype = MACHO_CPU_TYPE_ARM64;
	refused(&m, "a Mach-O file for arm64, not x86-64");
	mb_header(&m)->magic = MACHO_MH_MAGIC;
	mb_header(&m)->cputype = MACHO_CPU_TYPE_X86;
	refused(&m, "a 32-bit Mach-O file (i386), not x86-64");
	mb_header(&m)->magic = MACHO_MH_CIGAM_64;
	refused(&m, "a big-endian Mach-O file");
	mb_header(&m)->magic = 0x464c457f; /* ELF */
	assert_false(macho_probe(m.bytes, m.size));
	refused(&m, "not a Mach-O file");
	m.size = 4;
	refused(&m, "too short");
	mb_dyld_info(&m, false);
	m.size = 20;
	refused(&m, "too short for a Mach-O header");
}

static void command_refusals(void **state)
{
	(void)state;
	struct mb m;
	mb_dyld_info(&m, false);
	mb_header(&m)->sizeofcmds = MB_SIZE;
	refused(&m, "its load commands (20480 bytes) run past the end of the file");
	mb_dyld_info(&m, false);
	mb_header(&m)->ncmds = mb_header(&m)->sizeofcmds;
	refused(&m, "load commands cannot fit");
	mb_dyld_info(&m, false);
	mb_header(&m)->ncmds++;
	refused(&m, "load command 10 runs past the load commands' end");
	uint32_t sizes[3] = {0, 12, 0x10000};
	for (int i = 0; i < 3; i++) {
		mb_dyld_info(&m, false);
		segment_cmd(&m, 1)->cmdsize = sizes[i];
		refused(&m, "load command 1 (0x19) has a bad size");
	}
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_DYLD_CHAINED_FIXUPS, 16);
	refused(&m, "uses chained fixups, which xeno does not support yet");
	mb_dyld_info(&m, false);
	mb_cmd(&m, 0x80000077, 8);
	refused(&m, "needs load command 0x80000077, which xeno does not know");
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_SEGMENT, 56);
	refused(&m, "32-bit segment command");
	mb_dyld_info(&m, false);
	((uint32_t *)mb_cmd(&m, MACHO_LC_ENCRYPTION_INFO_64, 24))[4] = 1;
	refused(&m, "encrypted");
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_DYLD_INFO, 48);
	refused(&m, "has two LC_DYLD_INFO commands");
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_SYMTAB, 16);
	refused(&m, "LC_SYMTAB too short");
}

static void string_refusals(void **state)
{
	(void)state;
	struct mb m;
	mb_dyld_info(&m, false);
	struct macho_dylib_command *dc = find_cmd(&m, MACHO_LC_LOAD_DYLIB, 0);
	memset(dc + 1, 'x', dc->cmdsize - sizeof *dc); /* no NUL inside the command */
	refused(&m, "has a name that is not inside it");
	mb_dyld_info(&m, false);
	((struct macho_dylib_command *)find_cmd(&m, MACHO_LC_LOAD_DYLIB, 0))->name_offset = 4;
	refused(&m, "has a name that is not inside it");
	mb_dyld_info(&m, false);
	((struct macho_dylinker_command *)find_cmd(&m, MACHO_LC_LOAD_DYLINKER, 0))->name_offset =
	    0x1000;
	refused(&m, "has a name that is not inside it");
	mb_dyld_info(&m, false);
	mb_dylinker(&m, "/usr/lib/dyld");
	refused(&m, "names two dynamic linkers");
	mb_dyld_info(&m, false);
	for (int i = 0; i < MACHO_MAX_DYLIBS; i++)
		mb_dylib(&m, MACHO_LC_LOAD_DYLIB, "/l");
	refused(&m, "loads more than 255 libraries");
}

/* ---- segments and sections ---- */

static void segment_refusals(void **state)
{
	(void)state;
	struct mb m;
	mb_dyld_info(&m, false);
	segment_cmd(&m, 3)->vmaddr = MB_GOT + 0x1000 - 0x1000; /* onto __DATA_CONST */
	segment_cmd(&m, 3)->nsects = 0;
	refused(&m, "segments __DATA_CONST and __DATA overlap");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 3)->filesize = 0x2001;
	refused(&m, "segment __DATA (0x2001 bytes at 0x3000) runs past the end of the file");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 4)->fileoff = UINT64_MAX - 0x10;
	refused(&m, "runs past the end of the file");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 4)->vmsize = 0x800;
	refused(&m, "segment __LINKEDIT has more file (0x1000) than memory (0x800)");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 4)->vmaddr = UINT64_MAX - 0xfff;
	refused(&m, "is outside user space");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 4)->vmaddr += 0x10;
	refused(&m, "segment __LINKEDIT is not page-aligned");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 1)->initprot |= 0x8;
	refused(&m, "segment __TEXT has protections xeno does not know");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 1)->maxprot = MACHO_VM_PROT_READ; /* initial beyond the most */
	refused(&m, "segment __TEXT has protections");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 1)->flags = MACHO_SG_PROTECTED_VERSION_1;
	refused(&m, "segment __TEXT is encrypted");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 1)->flags = 0x100;
	refused(&m, "segment __TEXT has flags xeno does not know (0x100)");
	mb_dyld_info(&m, false);
	segment_cmd(&m, 0)->initprot = segment_cmd(&m, 0)->maxprot = MACHO_VM_PROT_READ;
	refused(&m, "its __PAGEZERO segment has contents or access");
	mb_dyld_info(&m, false);
	for (int i = 0; i < MACHO_MAX_SEGMENTS; i++)
		mb_segment(&m, "__X", 0x2000000 + i * 0x1000ull, 0x1000, 0, 0, 0, 0);
	refused(&m, "has more than 32 segments");
}

static void section_refusals(void **state)
{
	(void)state;
	struct mb m;
	struct macho_section_64 *s;
	mb_dyld_info(&m, false);
	segment_cmd(&m, 1)->nsects = 2;
	refused(&m, "segment __TEXT says it has 2 sections, more than its command holds");
	mb_dyld_info(&m, false);
	s = (struct macho_section_64 *)(segment_cmd(&m, 1) + 1);
	s->size = 0x2000;
	refused(&m, "section __TEXT,__text lies outside its segment");
	mb_dyld_info(&m, false);
	s = (struct macho_section_64 *)(segment_cmd(&m, 1) + 1);
	s->addr = UINT64_MAX - 8;
	refused(&m, "section __TEXT,__text lies outside its segment");
	mb_dyld_info(&m, false);
	s = (struct macho_section_64 *)(segment_cmd(&m, 1) + 1);
	s->offset = 0x1f80;
	refused(&m, "section __TEXT,__text lies outside its segment's part of the file");
	mb_dyld_info(&m, false);
	s = (struct macho_section_64 *)(segment_cmd(&m, 2) + 1);
	s->size = 0x1c;
	refused(&m, "section __DATA_CONST,__got holds pointers but its size is 0x1c");
	mb_dyld_info(&m, false);
	s = (struct macho_section_64 *)(segment_cmd(&m, 2) + 1);
	memcpy(s->segname, "__DATA", 7);
	refused(&m, "section __got of segment __DATA_CONST says it is in another");
}

/* ---- entry points ---- */

static void entry_refusals(void **state)
{
	(void)state;
	struct mb m;
	mb_dyld_info(&m, false);
	((struct macho_load_command *)find_cmd(&m, MACHO_LC_UNIXTHREAD, 0))->cmd = 0x7e;
	refused(&m, "has no entry point (neither LC_MAIN nor LC_UNIXTHREAD)");
	mb_dyld_info(&m, false);
	mb_main(&m, 0x1000, 0);
	refused(&m, "has two entry points");
	mb_dyld_info(&m, false);
	mb_unixthread(&m, MB_ENTRY);
	refused(&m, "has two entry points");
	mb_dyld_info(&m, false);
	struct macho_thread_state_header *h =
	    (void *)((uint8_t *)find_cmd(&m, MACHO_LC_UNIXTHREAD, 0) + 8);
	h->flavor = 7;
	refused(&m, "LC_UNIXTHREAD without an x86-64 thread state");
	h->count = 1000;
	refused(&m, "LC_UNIXTHREAD has a thread state past its end");
	mb_dyld_info(&m, false);
	((struct macho_x86_thread_state64 *)((uint8_t *)find_cmd(&m, MACHO_LC_UNIXTHREAD, 0) + 16))
	    ->rip = MB_GOT; /* data, not code */
	refused(&m, "its entry point 0x1002000 is not in executable code");
	mb_dyld_info(&m, true);
	((struct macho_entry_point_command *)find_cmd(&m, MACHO_LC_MAIN, 0))->entryoff = 0x2000;
	refused(&m, "LC_MAIN's entry offset 0x2000 is past its segment");
	mb_dyld_info(&m, false);
	mb_cmd(&m, MACHO_LC_THREAD, 16);
	refused(&m, "LC_THREAD");
}

/* Every cut of a good program is refused or parsed, never a crash (the
 * ASan+UBSan run of this test watches the reads). */
static void every_truncation(void **state)
{
	(void)state;
	static struct mb m;
	struct macho_image img;
	mb_dyld_info(&m, false);
	uint32_t full = m.size;
	for (uint32_t n = 0; n < full; n += n < 0x1000 ? 1 : 0x100) {
		m.size = n;
		assert_int_not_equal(macho_parse(&img, m.bytes, n), 0);
		assert_true(img.reason[0] != '\0');
		macho_free(&img);
	}
}

int main(void)
{
	RUN(cmocka_unit_test(segments_and_sections), cmocka_unit_test(entry_unixthread),
	    cmocka_unit_test(entry_main), cmocka_unit_test(libraries_in_load_order),
	    cmocka_unit_test(ignores_what_it_does_not_need), cmocka_unit_test(fat_picks_x86_64),
	    cmocka_unit_test(fat_refusals), cmocka_unit_test(header_refusals),
	    cmocka_unit_test(command_refusals), cmocka_unit_test(string_refusals),
	    cmocka_unit_test(segment_refusals), cmocka_unit_test(section_refusals),
	    cmocka_unit_test(entry_refusals), cmocka_unit_test(every_truncation));
}
