/*
 * The loader and the linker on damaged dynamically linked programs, built in
 * memory (tests/fuzz/dyn_build.h) and taken through the load path of `xeno
 * --check` (tests/fuzz/load_bytes.h: parse, map, link against the shims,
 * build the stack, undo): each kind of damage is refused with one line
 * saying what is wrong — never a crash, never a second line — and every
 * truncation and every damaged byte of the dynamic tables is survived.
 * A damaged library found on XENO_LIBRARY_PATH is refused the same way.
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/library.h"
#include "core/personality.h"
#include "tests/fuzz/dyn_build.h"
#include "tests/fuzz/load_bytes.h"

static struct dyn_elf prog;

/* Loads f: its result, the reason in reason. */
static int load(const struct dyn_elf *f, char *reason, size_t n)
{
	int r = load_bytes(f->b, f->size, reason, n);
	if (r < 0)
		fail_msg("the harness failed");
	return r;
}

static void the_program_links(void **state)
{
	(void)state;
	char reason[512];
	db_program(&prog);
	assert_int_equal(load(&prog, reason, sizeof reason), 0);
	/* again: one link leaves nothing behind that changes the next */
	assert_int_equal(load(&prog, reason, sizeof reason), 0);
	assert_null(xeno_runtime_tables());
}

/* ---- each kind of damage, one line ---- */

static void needed_outside_strings(struct dyn_elf *f)
{
	db_dyn(f, DT_NEEDED)->d_un.d_val = 0x10000;
}
static void soname_outside_strings(struct dyn_elf *f)
{
	db_dyn(f, DT_FLAGS)->d_tag = DT_SONAME;
	db_dyn(f, DT_SONAME)->d_un.d_val = 0xfff0;
}
static void symbol_name_outside(struct dyn_elf *f)
{
	db_sym(f, DB_SYM_MAIN)->st_name = 0x7fffffff;
}
static void strings_unterminated(struct dyn_elf *f)
{
	/* the last name runs to the table's end: cut its NUL off */
	db_dyn(f, DT_STRSZ)->d_un.d_val = f->strsz - 1;
}
static void reloc_outside_segments(struct dyn_elf *f)
{
	db_rela(f, DB_R_RELATIVE)->r_offset = 0x7000000;
}
static void reloc_straddles_segment_end(struct dyn_elf *f)
{
	db_rela(f, DB_R_RELATIVE)->r_offset = DB_SIZE - 4;
}
static void reloc_unknown_type(struct dyn_elf *f)
{
	db_rela(f, DB_R_RELATIVE)->r_info = ELF64_R_INFO(0, 99);
}
static void reloc_got32(struct dyn_elf *f)
{
	db_rela(f, DB_R_64_NOTHING)->r_info = ELF64_R_INFO(DB_SYM_NOTHING, R_X86_64_GOT32);
}
static void symbol_index_past_table(struct dyn_elf *f)
{
	db_rela(f, DB_R_JUMP_SLOT)->r_info = ELF64_R_INFO(50, R_X86_64_JUMP_SLOT);
}
static void symbol_index_huge(struct dyn_elf *f)
{
	db_rela(f, DB_R_JUMP_SLOT)->r_info = ELF64_R_INFO(0xffffffffu, R_X86_64_JUMP_SLOT);
}
static void absurd_relasz(struct dyn_elf *f)
{
	db_dyn(f, DT_RELASZ)->d_un.d_val = 0xffffffffffffffe8ULL;
}
static void relasz_beyond_file(struct dyn_elf *f)
{
	db_dyn(f, DT_RELASZ)->d_un.d_val = 1000 * sizeof(Elf64_Rela);
}
static void relasz_ragged(struct dyn_elf *f)
{
	db_dyn(f, DT_RELASZ)->d_un.d_val = 5;
}
static void absurd_strsz(struct dyn_elf *f)
{
	db_dyn(f, DT_STRSZ)->d_un.d_val = 1ULL << 40;
}
static void absurd_nchain(struct dyn_elf *f)
{
	((uint32_t *)(f->b + DB_HASH))[1] = 0xffffffffu;
}
static void nchain_beyond_file(struct dyn_elf *f)
{
	((uint32_t *)(f->b + DB_HASH))[1] = 100000;
}
static void absurd_init_arraysz(struct dyn_elf *f)
{
	db_dyn(f, DT_INIT_ARRAYSZ)->d_un.d_val = 1ULL << 62;
}
static void absurd_verneednum(struct dyn_elf *f)
{
	/* more than there are: the chain's end is what counts */
	db_dyn(f, DT_VERNEEDNUM)->d_un.d_val = 1ULL << 40;
	db_verneed(f)->vn_next = 0x10000;
}
static void missing_version(struct dyn_elf *f)
{
	*db_versym(f, DB_SYM_WRITE) = 5;
}
static void version_index_huge(struct dyn_elf *f)
{
	*db_versym(f, DB_SYM_WRITE) = 0x7fff;
}
static void vernaux_outside(struct dyn_elf *f)
{
	db_verneed(f)->vn_aux = 0x7ff0;
}
static void version_name_outside(struct dyn_elf *f)
{
	db_vernaux(f)->vna_name = 0xffff;
}
static void versym_outside(struct dyn_elf *f)
{
	db_dyn(f, DT_VERSYM)->d_un.d_val = 0x8000000;
}
static void tls_absurd_alignment(struct dyn_elf *f)
{
	db_phdr(f, PT_TLS)->p_align = 1ULL << 40;
}
static void tls_alignment_not_power(struct dyn_elf *f)
{
	db_phdr(f, PT_TLS)->p_align = 24;
}
static void tls_absurd_size(struct dyn_elf *f)
{
	db_phdr(f, PT_TLS)->p_memsz = 1ULL << 33;
}
static void tls_template_outside(struct dyn_elf *f)
{
	Elf64_Phdr *t = db_phdr(f, PT_TLS);
	t->p_vaddr = 0x9000000;
}
static void tls_reloc_without_tls(struct dyn_elf *f)
{
	db_phdr(f, PT_TLS)->p_type = PT_NULL;
}
static void dtpmod_of_shim(struct dyn_elf *f)
{
	db_rela(f, DB_R_DTPMOD)->r_info = ELF64_R_INFO(DB_SYM_WRITE, R_X86_64_DTPMOD64);
}
static void copy_without_symbol(struct dyn_elf *f)
{
	db_rela(f, DB_R_COPY)->r_info = ELF64_R_INFO(0, R_X86_64_COPY);
}
static void copy_of_nothing(struct dyn_elf *f)
{
	db_rela(f, DB_R_COPY)->r_info = ELF64_R_INFO(DB_SYM_NODATA, R_X86_64_COPY);
}
static void copy_absurd_size(struct dyn_elf *f)
{
	db_sym(f, DB_SYM_ENVIRON)->st_size = 1ULL << 36;
}
static void missing_object_absurd_size(struct dyn_elf *f)
{
	db_sym(f, DB_SYM_NODATA)->st_size = 1ULL << 40;
}
static void missing_tls_symbol(struct dyn_elf *f)
{
	db_sym(f, DB_SYM_TLS)->st_shndx = SHN_UNDEF;
}
static void needed_library_absent(struct dyn_elf *f)
{
	db_dyn(f, DT_NEEDED)->d_un.d_val = db_str(f, "libnothere.so.1");
	db_dyn(f, DT_STRSZ)->d_un.d_val = f->strsz;
}
static void needed_library_path(struct dyn_elf *f)
{
	/* a path is a file: the fuzzer's linker opens none */
	db_dyn(f, DT_NEEDED)->d_un.d_val = db_str(f, "/bin/sh");
	db_dyn(f, DT_STRSZ)->d_un.d_val = f->strsz;
}
static void rel_not_rela(struct dyn_elf *f)
{
	db_dyn(f, DT_FLAGS)->d_tag = DT_REL;
}
static void pltrel_rel(struct dyn_elf *f)
{
	db_dyn(f, DT_PLTREL)->d_un.d_val = DT_REL;
}
static void relaent_wrong(struct dyn_elf *f)
{
	db_dyn(f, DT_RELAENT)->d_un.d_val = 16;
}
static void syment_wrong(struct dyn_elf *f)
{
	db_dyn(f, DT_SYMENT)->d_un.d_val = 16;
}
static void no_strtab(struct dyn_elf *f)
{
	db_dyn(f, DT_STRTAB)->d_tag = DT_DEBUG;
}
static void no_symtab(struct dyn_elf *f)
{
	db_dyn(f, DT_SYMTAB)->d_tag = DT_DEBUG;
}
static void no_hash(struct dyn_elf *f)
{
	db_dyn(f, DT_HASH)->d_tag = DT_DEBUG;
}
static void dynamic_ragged(struct dyn_elf *f)
{
	db_phdr(f, PT_DYNAMIC)->p_filesz = 13;
}
static void dynamic_outside(struct dyn_elf *f)
{
	db_phdr(f, PT_DYNAMIC)->p_vaddr = 0x5000000;
}
static void no_dynamic(struct dyn_elf *f)
{
	db_phdr(f, PT_DYNAMIC)->p_type = PT_NULL;
}
static void name_with_newline(struct dyn_elf *f)
{
	/* a name from the file keeps the message on one line */
	memcpy(f->b + DB_STRTAB + db_sym(f, DB_SYM_ENVIRON)->st_name, "env\nron", 7);
}

static const struct damage {
	const char *name;
	void (*damage)(struct dyn_elf *f);
	const char *why; /* in the reason */
} damages[] = {
    {"DT_NEEDED outside the strings", needed_outside_strings, "(DT_NEEDED) lies outside"},
    {"DT_SONAME outside the strings", soname_outside_strings, "(DT_SONAME) lies outside"},
    {"a symbol's name outside", symbol_name_outside, "its name lies outside the string table"},
    {"strings unterminated", strings_unterminated, "needed version of libc.so.7 is malformed"},
    {"a relocation outside the segments", reloc_outside_segments, "lies outside every segment"},
    {"a relocation across a segment's end", reloc_straddles_segment_end,
     "lies outside every segment"},
    {"a relocation of unknown type", reloc_unknown_type, "relocation type 99"},
    {"a relocation of a link-time type", reloc_got32, "relocation type 3,"},
    {"a symbol index past the table", symbol_index_past_table, "names symbol 50 of 8"},
    {"a symbol index of 2^32-1", symbol_index_huge, "names symbol 4294967295 of 8"},
    {"an absurd DT_RELASZ", absurd_relasz, "relocations"},
    {"DT_RELASZ beyond the file", relasz_beyond_file, "DT_RELA lies outside"},
    {"a ragged DT_RELASZ", relasz_ragged, "not a whole number of relocations"},
    {"an absurd DT_STRSZ", absurd_strsz, "a dynamic string table of"},
    {"an absurd symbol count", absurd_nchain, "dynamic symbols"},
    {"a symbol count beyond the file", nchain_beyond_file, "symbol table lies outside"},
    {"an absurd DT_INIT_ARRAYSZ", absurd_init_arraysz, "DT_INIT_ARRAY of"},
    {"a version chain beyond its table", absurd_verneednum, "needed version"},
    {"a missing version definition", missing_version, "version 5, which is not defined"},
    {"a version index of 0x7fff", version_index_huge, "which is not defined"},
    {"needed versions outside", vernaux_outside, "needed version"},
    {"a version's name outside", version_name_outside, "malformed"},
    {"DT_VERSYM outside", versym_outside, "(DT_VERSYM) lie outside"},
    {"TLS alignment 2^40", tls_absurd_alignment, "TLS segment alignment 0x10000000000 is absurd"},
    {"TLS alignment 24", tls_alignment_not_power, "TLS segment alignment 0x18 is absurd"},
    {"a TLS block of 8 GB", tls_absurd_size, "malformed TLS segment"},
    {"the TLS template outside", tls_template_outside, "TLS template"},
    {"TLS relocations without TLS", tls_reloc_without_tls, "without thread-local storage"},
    {"DTPMOD64 of a shim's function", dtpmod_of_shim, "without thread-local storage"},
    {"COPY of no symbol", copy_without_symbol, "names no symbol"},
    {"COPY of what nothing defines", copy_of_nothing, "defined nowhere else"},
    {"COPY of 64 GB", copy_absurd_size, "COPY relocation of environ, 0x1000000000 bytes"},
    {"a missing object of 1 TB", missing_object_absurd_size, "an object of 0x10000000000 bytes"},
    {"a thread-local symbol nothing defines", missing_tls_symbol, "thread-local symbol tlsvar"},
    {"a library that is nowhere", needed_library_absent, "libnothere.so.1, needed by"},
    {"a library by path", needed_library_path, "/bin/sh, needed by"},
    {"REL relocations", rel_not_rela, "REL relocations"},
    {"PLT relocations of REL", pltrel_rel, "not RELA"},
    {"DT_RELAENT 16", relaent_wrong, "relocations of 16 bytes"},
    {"DT_SYMENT 16", syment_wrong, "dynamic symbols of 16 bytes"},
    {"no string table", no_strtab, "no dynamic string table"},
    {"no symbol table", no_symtab, "no dynamic symbol table"},
    {"no symbol count", no_hash, "cannot tell how many dynamic symbols"},
    {"a ragged dynamic section", dynamic_ragged, "malformed dynamic section"},
    {"the dynamic section outside", dynamic_outside, "dynamic section lies outside"},
    {"no dynamic section", no_dynamic, "no dynamic section"},
    {"a name with a newline", name_with_newline, "env?ron (COPY) is defined nowhere else"},
};

static void each_damage_is_one_line(void **state)
{
	(void)state;
	char reason[512];
	for (size_t i = 0; i < sizeof damages / sizeof damages[0]; i++) {
		const struct damage *d = &damages[i];
		db_program(&prog);
		d->damage(&prog);
		int r = load(&prog, reason, sizeof reason);
		if (r != XENO_LOAD_BAD)
			fail_msg("%s: loaded (%d)", d->name, r);
		if (!strstr(reason, d->why))
			fail_msg("%s: the reason \"%s\" does not say \"%s\"", d->name, reason,
				 d->why);
		for (const char *c = reason; *c; c++)
			if ((unsigned char)*c < 0x20)
				fail_msg("%s: the reason is not one printable line: %s", d->name,
					 reason);
		assert_null(xeno_runtime_tables()); /* a refusal leaves nothing behind */
	}
}

/* Damage that is no damage: a text relocation, a weak import nothing defines,
 * symbols without versions, no finalisers. */
static void tolerated(void **state)
{
	(void)state;
	char reason[512];
	db_program(&prog);
	db_rela(&prog, DB_R_RELATIVE)->r_offset = DB_TEXT + 8; /* in the text */
	memset(prog.b + DB_VERSYM, 0, 2 * DB_NSYMS);
	db_dyn(&prog, DT_FINI_ARRAY)->d_tag = DT_DEBUG;
	assert_int_equal(load(&prog, reason, sizeof reason), 0);
	db_program(&prog);
	db_dyn(&prog, DT_VERSYM)->d_tag = DT_DEBUG; /* no versions at all */
	assert_int_equal(load(&prog, reason, sizeof reason), 0);
}

/* ---- damage anywhere ---- */

static void survive(const char *what, size_t at)
{
	char reason[512];
	int r = load(&prog, reason, sizeof reason);
	if (r != 0 && r != XENO_LOAD_BAD)
		fail_msg("%s at %#zx: %d", what, at, r);
	if (r == XENO_LOAD_BAD && (!reason[0] || strchr(reason, '\n')))
		fail_msg("%s at %#zx: the reason \"%s\"", what, at, reason);
}

static void every_truncation(void **state)
{
	(void)state;
	for (size_t n = 1; n < DB_SIZE; n += n < 0x900 ? 1 : 64) {
		db_program(&prog);
		prog.size = n;
		survive("cut", n);
	}
}

/* Each byte of the tables and of the dynamic section set to telling values. */
static void every_damaged_table_byte(void **state)
{
	(void)state;
	static const uint8_t values[] = {0x00, 0xff, 0x7f, 0x80, 0x01};
	static const struct {
		size_t from, to;
	} spans[] = {
	    {DB_STRTAB, DB_STRTAB + 0x80},
	    {DB_SYMTAB, DB_SYMTAB + DB_NSYMS * sizeof(Elf64_Sym)},
	    {DB_HASH, DB_HASH + 16},
	    {DB_VERSYM, DB_VERSYM + 2 * DB_NSYMS},
	    {DB_VERNEED, DB_VERNEED + 32},
	    {DB_RELA, DB_RELA + DB_NRELOCS * sizeof(Elf64_Rela)},
	    {DB_DYNAMIC, DB_DYNAMIC + 23 * sizeof(Elf64_Dyn)},
	    {DB_PHDRS, DB_PHDRS + 8 * sizeof(Elf64_Phdr)},
	};
	for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++)
		for (size_t at = spans[s].from; at < spans[s].to; at++)
			for (size_t v = 0; v < sizeof values; v++) {
				db_program(&prog);
				prog.b[at] = values[v];
				survive("a byte", at);
			}
}

/* ---- a library found on XENO_LIBRARY_PATH ---- */

static char dir[256];
static struct dyn_elf lib;

static int write_library(const struct dyn_elf *f)
{
	char path[300];
	snprintf(path, sizeof path, "%s/libdbtest.so.1", dir);
	FILE *out = fopen(path, "wb");
	if (!out)
		return -1;
	size_t w = fwrite(f->b, 1, f->size, out);
	return fclose(out) == 0 && w == f->size ? 0 : -1;
}

/* The program needs libdbtest.so.1 (and, through it, libc.so.7). */
static void needs_library(struct dyn_elf *f)
{
	db_program(f);
	db_dyn(f, DT_NEEDED)->d_un.d_val = db_str(f, "libdbtest.so.1");
	db_dyn(f, DT_STRSZ)->d_un.d_val = f->strsz;
	db_verneed(f)->vn_file = db_dyn(f, DT_NEEDED)->d_un.d_val;
	/* its own TLS and COPY would be the library's business */
	db_rela(f, DB_R_COPY)->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	*db_versym(f, DB_SYM_WRITE) = 1;
	*db_versym(f, DB_SYM_ENVIRON) = 1;
}

static int library_setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/xeno-link.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	setenv("XENO_LIBRARY_PATH", dir, 1);
	load_bytes_library_files = true;
	return 0;
}

static int library_teardown(void **state)
{
	(void)state;
	char path[300];
	snprintf(path, sizeof path, "%s/libdbtest.so.1", dir);
	unlink(path);
	rmdir(dir);
	unsetenv("XENO_LIBRARY_PATH");
	load_bytes_library_files = false;
	return 0;
}

static void library_from_the_path(void **state)
{
	(void)state;
	char reason[512];
	db_library(&lib);
	assert_int_equal(write_library(&lib), 0);
	needs_library(&prog);
	if (load(&prog, reason, sizeof reason) != 0)
		fail_msg("%s", reason);
}

static void damaged_library_from_the_path(void **state)
{
	(void)state;
	char reason[512];
	size_t refused = 0;
	for (size_t i = 0; i < sizeof damages / sizeof damages[0]; i++) {
		const struct damage *d = &damages[i];
		db_library(&lib);
		d->damage(&lib);
		assert_int_equal(write_library(&lib), 0);
		needs_library(&prog);
		int r = load(&prog, reason, sizeof reason);
		if (r != 0 && r != XENO_LOAD_BAD)
			fail_msg("%s: %d", d->name, r);
		if (r == XENO_LOAD_BAD && (!reason[0] || strchr(reason, '\n')))
			fail_msg("%s: the reason \"%s\"", d->name, reason);
		refused += r == XENO_LOAD_BAD;
	}
	assert_true(refused > sizeof damages / sizeof damages[0] / 2);
	/* a library with an interpreter is no library */
	db_program(&lib);
	assert_int_equal(write_library(&lib), 0);
	needs_library(&prog);
	assert_int_equal(load(&prog, reason, sizeof reason), XENO_LOAD_BAD);
	assert_non_null(strstr(reason, "not a shared library"));
}

int main(void)
{
	RUN(cmocka_unit_test(the_program_links), cmocka_unit_test(each_damage_is_one_line),
	    cmocka_unit_test(tolerated), cmocka_unit_test(every_truncation),
	    cmocka_unit_test(every_damaged_table_byte),
	    cmocka_unit_test_setup_teardown(library_from_the_path, library_setup, library_teardown),
	    cmocka_unit_test_setup_teardown(damaged_library_from_the_path, library_setup,
					    library_teardown));
}
