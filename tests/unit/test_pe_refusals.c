/*
 * What the PE parser (loader/pe*.c) refuses: files that are no x86-64
 * Windows console program (32-bit, other machines, DLLs, .NET, GUI and other
 * subsystems) and malformed ones, each damaged in one way from the full
 * image of tests/fuzz/pe_build.h.  Each case is a test of its own: the file
 * must be refused with XENO_LOAD_BAD, a reason containing the words given,
 * and nothing left allocated (the ASan run checks the last).
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "loader/image.h"
#include "loader/pe.h"
#include "tests/fuzz/pe_build.h"

typedef void damage_fn(struct pe_builder *b);

struct refusal {
	const char *name;
	damage_fn *damage;
	const char *reason; /* a part of the reason */
};

/* ---- what kind of file ---- */
static void no_mz(struct pe_builder *b)
{
	b->bytes[0] = 'X';
}
static void no_pe_signature(struct pe_builder *b)
{
	b->bytes[PB_LFANEW] = 'N';
}
static void lfanew_past_end(struct pe_builder *b)
{
	((struct pe_dos_header *)b->bytes)->e_lfanew = 0xfffffff0;
}
static void truncated_file_header(struct pe_builder *b)
{
	b->size = PB_LFANEW + 8;
}
static void i386(struct pe_builder *b)
{
	pb_fh(b)->machine = PE_MACHINE_I386;
}
static void pe32_magic(struct pe_builder *b)
{
	pb_opt(b)->magic = PE_OPT_MAGIC_PE32;
}
static void arm64(struct pe_builder *b)
{
	pb_fh(b)->machine = PE_MACHINE_ARM64;
}
static void rom_magic(struct pe_builder *b)
{
	pb_opt(b)->magic = PE_OPT_MAGIC_ROM;
}
static void dll(struct pe_builder *b)
{
	pb_fh(b)->characteristics |= PE_FILE_DLL;
}
static void not_executable(struct pe_builder *b)
{
	pb_fh(b)->characteristics &= ~PE_FILE_EXECUTABLE_IMAGE;
}
static void dotnet(struct pe_builder *b)
{
	*pb_dir(b, PE_DIR_COM_DESCRIPTOR) = (struct pe_data_directory){0x2380, 0x48};
}
static void dotnet_anycpu(struct pe_builder *b)
{
	/* a PE32 image, as C# compilers make by default */
	uint32_t count = PE_NUM_DIRS;
	struct pe_data_directory clr = {0x2380, 0x48};
	pb_fh(b)->machine = PE_MACHINE_I386;
	pb_opt(b)->magic = PE_OPT_MAGIC_PE32;
	memcpy(b->bytes + PB_OPT + PE32_OPT_NUMBER_OF_RVA_AND_SIZES, &count, sizeof count);
	memcpy(b->bytes + PB_OPT + PE32_OPT_DATA_DIRECTORY + 8 * PE_DIR_COM_DESCRIPTOR, &clr, 8);
}
static void gui(struct pe_builder *b)
{
	pb_opt(b)->subsystem = PE_SUBSYSTEM_WINDOWS_GUI;
}
static void efi(struct pe_builder *b)
{
	pb_opt(b)->subsystem = PE_SUBSYSTEM_EFI_APPLICATION;
}
static void native(struct pe_builder *b)
{
	pb_opt(b)->subsystem = PE_SUBSYSTEM_NATIVE;
}

/* ---- headers ---- */
static void optional_header_short(struct pe_builder *b)
{
	pb_fh(b)->size_of_optional_header = 100;
}
static void directories_past_optional_header(struct pe_builder *b)
{
	pb_fh(b)->size_of_optional_header = 120;
}
static void section_alignment_odd(struct pe_builder *b)
{
	pb_opt(b)->section_alignment = 0x1800;
}
static void file_alignment_over_section(struct pe_builder *b)
{
	pb_opt(b)->file_alignment = 0x2000;
}
static void section_alignment_small(struct pe_builder *b)
{
	pb_opt(b)->section_alignment = 0x200;
}
static void base_unaligned(struct pe_builder *b)
{
	pb_opt(b)->image_base += 0x10;
}
static void base_in_kernel(struct pe_builder *b)
{
	pb_opt(b)->image_base = 0xffff800000000000ULL;
}
static void image_past_user(struct pe_builder *b)
{
	pb_opt(b)->image_base = 0x7ffffffff000ULL;
}
static void image_size_zero(struct pe_builder *b)
{
	pb_opt(b)->size_of_image = 0;
}
static void headers_before_table_end(struct pe_builder *b)
{
	pb_opt(b)->size_of_headers = 0x100;
}
static void headers_past_file(struct pe_builder *b)
{
	pb_opt(b)->size_of_headers = 0x2000;
}

/* ---- sections ---- */
static void no_sections(struct pe_builder *b)
{
	pb_fh(b)->number_of_sections = 0;
}
static void too_many_sections(struct pe_builder *b)
{
	pb_fh(b)->number_of_sections = PE_MAX_SECTIONS + 1;
	pb_opt(b)->size_of_headers = PB_FILE_MAX; /* room for the table */
	b->size = PB_FILE_MAX;
}
static void section_unaligned(struct pe_builder *b)
{
	pb_section(b, 1)->virtual_address = 0x2100;
}
static void sections_overlap(struct pe_builder *b)
{
	pb_section(b, 1)->virtual_address = PB_TEXT;
}
static void section_over_headers(struct pe_builder *b)
{
	pb_section(b, 0)->virtual_address = 0;
}
static void section_past_image(struct pe_builder *b)
{
	pb_section(b, 2)->virtual_size = 0x3000;
}
static void raw_data_past_file(struct pe_builder *b)
{
	pb_section(b, 2)->size_of_raw_data = 0x1000;
}
static void raw_offset_huge(struct pe_builder *b)
{
	pb_section(b, 2)->pointer_to_raw_data = 0xffffff00;
}

/* ---- directories, entry point ---- */
static void directory_outside(struct pe_builder *b)
{
	*pb_dir(b, PE_DIR_DEBUG) = (struct pe_data_directory){0x4ff0, 0x100};
}
static void delay_imports(struct pe_builder *b)
{
	*pb_dir(b, PE_DIR_DELAY_IMPORT) = (struct pe_data_directory){0x2380, 0x40};
}
static void entry_zero(struct pe_builder *b)
{
	pb_opt(b)->address_of_entry_point = 0;
}
static void entry_in_data(struct pe_builder *b)
{
	pb_opt(b)->address_of_entry_point = PB_DATA;
}
static void entry_past_image(struct pe_builder *b)
{
	pb_opt(b)->address_of_entry_point = 0x10000;
}

/* ---- imports ---- */
static struct pe_import_descriptor *desc(struct pe_builder *b)
{
	return pb_at(b, PB_IMPORT_DIR);
}
static pe_thunk64 *k32_ilt(struct pe_builder *b)
{
	return pb_at(b, PB_ILT_K32);
}
static void dll_name_outside(struct pe_builder *b)
{
	desc(b)[0].name = 0x9000;
}
static void dll_name_empty(struct pe_builder *b)
{
	desc(b)[0].name = PB_DATA + 0x800;
}
static void dll_name_control(struct pe_builder *b)
{
	((char *)pb_at(b, PB_DLL_NAMES))[3] = '\n';
}
static void dll_name_unterminated(struct pe_builder *b)
{
	desc(b)[0].name = PB_HEADERS - 8; /* the headers' span ends there */
	memset(b->bytes + PB_HEADERS - 8, 'A', 8);
}
static void lookup_table_runs_out(struct pe_builder *b)
{
	desc(b)[0].original_first_thunk = PB_RELOC + 0xffc;
}
static void iat_outside(struct pe_builder *b)
{
	desc(b)[0].first_thunk = PB_RELOC + 0xffc;
}
static void import_directory_runs_out(struct pe_builder *b)
{
	*pb_dir(b, PE_DIR_IMPORT) = (struct pe_data_directory){PB_RELOC + 0xff0, 0x10};
}
static void ordinal_high_bits(struct pe_builder *b)
{
	((pe_thunk64 *)pb_at(b, PB_ILT_WS2))[0] |= 0x10000;
}
static void name_entry_high_bits(struct pe_builder *b)
{
	k32_ilt(b)[0] |= 1ULL << 40;
}
static void hint_name_outside(struct pe_builder *b)
{
	k32_ilt(b)[0] = 0x7fff0000;
}
static void import_name_empty(struct pe_builder *b)
{
	k32_ilt(b)[0] = PB_DATA + 0x800;
}
static void bound_without_lookup_table(struct pe_builder *b)
{
	desc(b)[0].original_first_thunk = 0;
	desc(b)[0].time_date_stamp = 0xffffffff;
}

/* ---- base relocations ---- */
static struct pe_base_relocation *block(struct pe_builder *b)
{
	return pb_at(b, PB_RELOC);
}
static uint16_t *entries(struct pe_builder *b)
{
	return pb_at(b, PB_RELOC + 8);
}
static void reloc_highlow(struct pe_builder *b)
{
	entries(b)[1] = PE_REL_BASED_HIGHLOW << 12 | 0x108;
}
static void reloc_unknown_type(struct pe_builder *b)
{
	entries(b)[1] = 0xb << 12;
}
static void reloc_in_headers(struct pe_builder *b)
{
	block(b)->virtual_address = 0;
}
static void reloc_block_small(struct pe_builder *b)
{
	block(b)->size_of_block = 4;
}
static void reloc_block_odd(struct pe_builder *b)
{
	block(b)->size_of_block = 9;
}
static void reloc_block_past_directory(struct pe_builder *b)
{
	block(b)->size_of_block = 0x100;
}
static void reloc_header_truncated(struct pe_builder *b)
{
	pb_dir(b, PE_DIR_BASERELOC)->size += 4;
}

/* ---- TLS, load configuration ---- */
static struct pe_tls_directory64 *tls(struct pe_builder *b)
{
	return pb_at(b, PB_TLS_DIR);
}
static uint64_t *callbacks(struct pe_builder *b)
{
	return pb_at(b, PB_TLS_CALLBACKS);
}
static void tls_template_outside(struct pe_builder *b)
{
	tls(b)->start_address_of_raw_data = PB_BASE + 0x9000;
}
static void tls_template_reversed(struct pe_builder *b)
{
	tls(b)->end_address_of_raw_data = PB_BASE + PB_TLS_TEMPLATE - 1;
}
static void tls_template_in_headers(struct pe_builder *b)
{
	tls(b)->start_address_of_raw_data = PB_BASE + 0x10;
	tls(b)->end_address_of_raw_data = PB_BASE + 0x20;
}
static void tls_index_outside(struct pe_builder *b)
{
	tls(b)->address_of_index = PB_BASE + PB_RELOC + 0xffe;
}
static void tls_callback_in_data(struct pe_builder *b)
{
	callbacks(b)[0] = PB_BASE + PB_DATA;
}
static void tls_callback_below_image(struct pe_builder *b)
{
	callbacks(b)[0] = 0x1234;
}
static void tls_callbacks_run_out(struct pe_builder *b)
{
	uint64_t cb = PB_TLS_CALLBACK;
	memcpy(b->bytes + PB_HEADERS - 8, &cb, sizeof cb); /* the headers' span ends there */
	tls(b)->address_of_callbacks = PB_BASE + PB_HEADERS - 8;
}
static void tls_reserved_bits(struct pe_builder *b)
{
	tls(b)->characteristics |= 1;
}
static void tls_alignment_unused(struct pe_builder *b)
{
	tls(b)->characteristics = PE_SCN_ALIGN_MASK;
}
static void tls_block_huge(struct pe_builder *b)
{
	tls(b)->size_of_zero_fill = 0xffffffff;
}
static void tls_directory_runs_out(struct pe_builder *b)
{
	*pb_dir(b, PE_DIR_TLS) = (struct pe_data_directory){PB_RELOC + 0xff0, 0x10};
}
static void load_config_tiny(struct pe_builder *b)
{
	((struct pe_load_config64 *)pb_at(b, PB_LOAD_CONFIG))->size = 2;
}
static void cookie_in_headers(struct pe_builder *b)
{
	((struct pe_load_config64 *)pb_at(b, PB_LOAD_CONFIG))->security_cookie = PB_BASE + 0x10;
}

#define R(fn, why)                                                                                 \
	{                                                                                          \
#fn, fn, why                                                                       \
	}
static const struct refusal refusals[] = {
    R(no_mz, "no MZ signature"),
    R(no_pe_signature, "without a PE signature"),
    R(lfanew_past_end, "without a PE signature"),
    R(truncated_file_header, "truncated COFF file header"),
    R(i386, "32-bit Windows program"),
    R(pe32_magic, "32-bit Windows program"),
    R(arm64, "for arm64 (PE machine 0xaa64)"),
    R(rom_magic, "no PE32+ optional header"),
    R(dll, "a Windows DLL"),
    R(not_executable, "not marked executable"),
    R(dotnet, "a .NET program"),
    R(dotnet_anycpu, "a .NET program"),
    R(gui, "GUI program"),
    R(efi, "an EFI program"),
    R(native, "native program"),
    R(optional_header_short, "too short"),
    R(directories_past_optional_header, "too short for its 16 data directories"),
    R(section_alignment_odd, "bad alignments"),
    R(file_alignment_over_section, "bad alignments"),
    R(section_alignment_small, "below the page size"),
    R(base_unaligned, "not page-aligned"),
    R(base_in_kernel, "outside user memory"),
    R(image_past_user, "outside user memory"),
    R(image_size_zero, "SizeOfImage is 0"),
    R(headers_before_table_end, "bad SizeOfHeaders"),
    R(headers_past_file, "bad SizeOfHeaders"),
    R(no_sections, "no sections"),
    R(too_many_sections, "97 sections, more than 96"),
    R(section_unaligned, "not aligned to SectionAlignment"),
    R(sections_overlap, "overlaps"),
    R(section_over_headers, "overlaps the headers"),
    R(section_past_image, "past SizeOfImage"),
    R(raw_data_past_file, "raw data past the end of the file"),
    R(raw_offset_huge, "raw data past the end of the file"),
    R(directory_outside, "debug directory 0x4ff0+0x100 lies outside the image"),
    R(delay_imports, "delay-load imports"),
    R(entry_zero, "entry point"),
    R(entry_in_data, "entry point 0x3000 is not in an executable section"),
    R(entry_past_image, "entry point"),
    R(dll_name_outside, "lies outside the image"),
    R(dll_name_empty, "is empty or has a control character"),
    R(dll_name_control, "is empty or has a control character"),
    R(dll_name_unterminated, "is unterminated or too long"),
    R(lookup_table_runs_out, "KERNEL32.dll: import lookup table runs out"),
    R(iat_outside, "KERNEL32.dll: IAT slot 0x4ffc lies outside the sections"),
    R(import_directory_runs_out, "import directory runs out"),
    R(ordinal_high_bits, "WS2_32.dll: malformed import by ordinal"),
    R(name_entry_high_bits, "malformed import lookup entry"),
    R(hint_name_outside, "hint/name entry 0x7fff0000 lies outside"),
    R(import_name_empty, "is empty or has a control character"),
    R(bound_without_lookup_table, "bound imports without an import lookup table"),
    R(reloc_highlow, "type 3 (HIGHLOW) at 0x3108: only DIR64"),
    R(reloc_unknown_type, "type 11 (unknown)"),
    R(reloc_in_headers, "base relocation at 0x100 lies outside the sections"),
    R(reloc_block_small, "bad size 0x4"),
    R(reloc_block_odd, "bad size 0x9"),
    R(reloc_block_past_directory, "bad size 0x100"),
    R(reloc_header_truncated, "truncated base relocation block"),
    R(tls_template_outside, "TLS template"),
    R(tls_template_reversed, "TLS template"),
    R(tls_template_in_headers, "TLS template"),
    R(tls_index_outside, "TLS index slot"),
    R(tls_callback_in_data, "TLS callback 0x140003000 is not in an executable section"),
    R(tls_callback_below_image, "TLS callback 0x1234"),
    R(tls_callbacks_run_out, "TLS callback array"),
    R(tls_reserved_bits, "reserved bits"),
    R(tls_alignment_unused, "reserved bits"),
    R(tls_block_huge, "too large"),
    R(tls_directory_runs_out, "TLS directory"),
    R(load_config_tiny, "malformed load configuration"),
    R(cookie_in_headers, "security cookie"),
};
#define NREFUSALS (sizeof refusals / sizeof refusals[0])

static void refused(void **state)
{
	const struct refusal *r = *state;
	static struct pe_builder b;
	static struct pe_image img;
	pb_full(&b);
	if (pe_parse(&img, b.bytes, b.size) != 0)
		fail_msg("the undamaged image is refused: %s", img.reason);
	pe_free(&img);
	r->damage(&b);
	int err = pe_parse(&img, b.bytes, b.size);
	if (err != XENO_LOAD_BAD)
		fail_msg("%s: accepted (%d)", r->name, err);
	if (!strstr(img.reason, r->reason))
		fail_msg("%s: reason \"%s\" does not say \"%s\"", r->name, img.reason, r->reason);
	if (strchr(img.reason, '\n'))
		fail_msg("%s: reason of more than one line", r->name);
	assert_null(img.dlls);
	assert_null(img.imports);
	assert_null(img.reloc_blocks);
	assert_null(img.tls.callbacks);
}

int main(void)
{
	static struct CMUnitTest tests[NREFUSALS];
	for (size_t i = 0; i < NREFUSALS; i++)
		tests[i] = (struct CMUnitTest){.name = refusals[i].name,
					       .test_func = refused,
					       .initial_state = (void *)&refusals[i]};
	return _cmocka_run_group_tests("pe refusals", tests, NREFUSALS, NULL, NULL);
}
