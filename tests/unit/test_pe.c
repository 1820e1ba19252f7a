/*
 * The PE parser (loader/pe*.c) on images it accepts: a minimal console
 * program and one with imports (by name and by ordinal), base relocations,
 * a TLS directory with a callback and a load configuration, built in memory
 * (tests/fuzz/pe_build.h); the Windows samples built by lld-link
 * (samples/windows/); and every truncation and many one-byte damages of the
 * full image, none of which may crash it or yield an image that breaks the
 * parser's promises (tests/fuzz/pe_check.h).  What it refuses is
 * tests/unit/test_pe_refusals.c.
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/image.h"
#include "loader/pe.h"
#include "tests/fuzz/pe_build.h"
#include "tests/fuzz/pe_check.h"

#ifndef PE_SAMPLES
#define PE_SAMPLES "build/samples/windows"
#endif

static struct pe_builder b;
static struct pe_image img;

/* Parses b, which must be accepted and keep every promise. */
static void accepted(void)
{
	int err = pe_parse(&img, b.bytes, b.size);
	if (err)
		fail_msg("refused: %s", img.reason);
	const char *bad = pe_check_image(&img, b.size);
	if (bad)
		fail_msg("accepted image breaks: %s", bad);
}

static void minimal_program(void **state)
{
	(void)state;
	pb_minimal(&b);
	accepted();
	assert_int_equal(img.machine, PE_MACHINE_AMD64);
	assert_int_equal(img.subsystem, PE_SUBSYSTEM_WINDOWS_CUI);
	assert_int_equal(img.subsystem_major, 6);
	assert_true(img.image_base == PB_BASE);
	assert_int_equal(img.size_of_image, PB_IMAGE_SIZE);
	assert_int_equal(img.size_of_headers, PB_HEADERS);
	assert_int_equal(img.section_alignment, 0x1000);
	assert_int_equal(img.file_alignment, 0x200);
	assert_int_equal(img.entry_rva, PB_TEXT);
	assert_int_equal(img.stack_reserve, 0x200000);
	assert_int_equal(img.stack_commit, 0x1000);
	assert_int_equal(img.dll_characteristics, PE_DLLCHAR_HIGH_ENTROPY_VA |
						      PE_DLLCHAR_DYNAMIC_BASE |
						      PE_DLLCHAR_NX_COMPAT);
	assert_int_equal(img.ndlls, 0);
	assert_int_equal(img.nrelocs, 0);
	assert_false(img.relocatable);
	assert_false(img.tls.present);
	assert_false(img.load_config.present);
	pe_free(&img);
}

static void sections_and_protections(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_section(&b, 1)->virtual_size = 0; /* then SizeOfRawData is the size */
	accepted();
	assert_int_equal(img.nsections, 3);
	const struct pe_section *t = &img.sections[0], *r = &img.sections[1], *d = &img.sections[2];
	assert_string_equal(t->name, ".text");
	assert_int_equal(t->rva, PB_TEXT);
	assert_int_equal(t->vsize, 0x10);
	assert_int_equal(t->raw_offset, 0x400);
	assert_int_equal(t->raw_size, 0x10); /* SizeOfRawData 0x200, cut to the size */
	assert_int_equal(t->prot, PROT_READ | PROT_EXEC);
	assert_string_equal(r->name, ".rdata");
	assert_int_equal(r->vsize, 0x400);
	assert_int_equal(r->prot, PROT_READ);
	assert_int_equal(d->vsize, 0x1000);
	assert_int_equal(d->raw_size, 0x200); /* the rest zero-filled */
	assert_int_equal(d->prot, PROT_READ | PROT_WRITE);
	assert_ptr_equal(pe_section_at(&img, PB_DATA + 0xff8, 8), d);
	assert_null(pe_section_at(&img, PB_DATA + 0xffc, 8));
	assert_null(pe_section_at(&img, 0x10, 1)); /* the headers are no section */
	pe_free(&img);
}

static void section_names_of_eight_and_unprintable(void **state)
{
	(void)state;
	pb_minimal(&b);
	memcpy(pb_section(&b, 1)->name, ".rdata\x01z", 8);
	memcpy(pb_section(&b, 2)->name, ".longnam", 8);
	accepted();
	assert_string_equal(img.sections[1].name, ".rdata?z");
	assert_string_equal(img.sections[2].name, ".longnam");
	pe_free(&img);
}

static void imports_by_name_and_ordinal(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_imports(&b);
	accepted();
	assert_int_equal(img.ndlls, 2);
	assert_int_equal(img.nimports, 3);
	const struct pe_import_dll *k = &img.dlls[0], *w = &img.dlls[1];
	assert_string_equal(k->name, "KERNEL32.dll");
	assert_int_equal(k->iat_rva, PB_IAT_K32);
	assert_int_equal(k->ilt_rva, PB_ILT_K32);
	assert_false(k->bound);
	assert_int_equal(k->first, 0);
	assert_int_equal(k->count, 2);
	assert_string_equal(img.imports[0].name, "GetStdHandle");
	assert_int_equal(img.imports[0].hint, 0x2b1);
	assert_int_equal(img.imports[0].iat_rva, PB_IAT_K32);
	assert_false(img.imports[0].by_ordinal);
	assert_string_equal(img.imports[1].name, "WriteFile");
	assert_int_equal(img.imports[1].hint, 0x5f0);
	assert_int_equal(img.imports[1].iat_rva, PB_IAT_K32 + 8);
	assert_string_equal(w->name, "WS2_32.dll");
	assert_int_equal(w->first, 2);
	assert_int_equal(w->count, 1);
	assert_true(img.imports[2].by_ordinal);
	assert_int_equal(img.imports[2].ordinal, 115);
	assert_null(img.imports[2].name);
	assert_int_equal(img.imports[2].iat_rva, PB_IAT_WS2);
	pe_free(&img);
	pe_free(&img); /* twice is harmless */
	assert_null(img.imports);
}

/* Without an Import Lookup Table the IAT names the functions (old linkers);
 * a bound descriptor with one is fine: xeno binds anyway. */
static void imports_without_lookup_table(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_imports(&b);
	struct pe_import_descriptor *d = pb_at(&b, PB_IMPORT_DIR);
	d[0].original_first_thunk = 0;
	d[1].time_date_stamp = 0xffffffff;
	accepted();
	assert_int_equal(img.dlls[0].ilt_rva, 0);
	assert_int_equal(img.dlls[0].count, 2);
	assert_string_equal(img.imports[1].name, "WriteFile");
	assert_true(img.dlls[1].bound);
	pe_free(&img);
}

static void base_relocations(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_relocs(&b);
	accepted();
	assert_true(img.relocatable);
	assert_int_equal(img.nrelocs, 2);
	assert_int_equal(img.nreloc_padding, 2);
	assert_int_equal(img.nreloc_blocks, 1);
	assert_int_equal(img.reloc_blocks[0].page_rva, PB_DATA);
	assert_int_equal(img.reloc_blocks[0].count, 4);
	/* applied to the image laid out in memory: the two DIR64 fields move */
	static _Alignas(8) uint8_t mem[PB_IMAGE_SIZE];
	memset(mem, 0, sizeof mem);
	for (size_t i = 0; i < img.nsections; i++)
		memcpy(mem + img.sections[i].rva, b.bytes + img.sections[i].raw_offset,
		       img.sections[i].raw_size);
	uint64_t before[3], after[3];
	memcpy(before, mem + PB_DATA + 0x100, sizeof before);
	assert_int_equal(pe_apply_relocs(&img, (uint64_t)mem, 0x10000), 2);
	memcpy(after, mem + PB_DATA + 0x100, sizeof after);
	assert_true(after[0] == before[0] + 0x10000);
	assert_true(after[1] == before[1] + 0x10000);
	assert_true(after[2] == before[2]);
	pe_free(&img);
	/* stripped: fixed at its base, the directory is not read */
	pb_fh(&b)->characteristics |= PE_FILE_RELOCS_STRIPPED;
	accepted();
	assert_false(img.relocatable);
	assert_int_equal(img.nrelocs, 0);
	pe_free(&img);
}

static void tls_directory(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_tls(&b);
	accepted();
	assert_true(img.tls.present);
	assert_true(img.tls.raw_start_va == PB_BASE + PB_TLS_TEMPLATE);
	assert_true(img.tls.raw_end_va == PB_BASE + PB_TLS_TEMPLATE + 16);
	assert_true(img.tls.index_va == PB_BASE + PB_TLS_INDEX);
	assert_true(img.tls.callbacks_va == PB_BASE + PB_TLS_CALLBACKS);
	assert_int_equal(img.tls.zero_fill, 32);
	assert_int_equal(img.tls.align, 16);
	assert_int_equal(img.tls.ncallbacks, 1);
	assert_true(img.tls.callbacks[0] == PB_TLS_CALLBACK);
	pe_free(&img);
	assert_null(img.tls.callbacks);
}

static void tls_without_callbacks_or_template(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_tls(&b);
	struct pe_tls_directory64 *t = pb_at(&b, PB_TLS_DIR);
	t->address_of_callbacks = 0;
	t->start_address_of_raw_data = t->end_address_of_raw_data = 0;
	t->characteristics = 0;
	accepted();
	assert_true(img.tls.present);
	assert_int_equal(img.tls.ncallbacks, 0);
	assert_int_equal(img.tls.align, 0);
	pe_free(&img);
}

static void load_configuration(void **state)
{
	(void)state;
	pb_minimal(&b);
	pb_add_load_config(&b);
	accepted();
	assert_true(img.load_config.present);
	assert_int_equal(img.load_config.size, 0x94);
	assert_true(img.load_config.security_cookie_va == PB_BASE + PB_COOKIE);
	assert_int_equal(img.load_config.guard_flags, 0x800);
	pe_free(&img);
	/* a short one has no cookie or flags */
	((struct pe_load_config64 *)pb_at(&b, PB_LOAD_CONFIG))->size = 0x40;
	accepted();
	assert_true(img.load_config.security_cookie_va == 0);
	assert_int_equal(img.load_config.guard_flags, 0);
	pe_free(&img);
}

static void probe(void **state)
{
	(void)state;
	pb_minimal(&b);
	assert_true(pe_probe(b.bytes, b.size));
	assert_false(pe_probe(b.bytes, 0x40)); /* the signature cut off */
	assert_false(pe_probe("\x7f"
			      "ELF\2\1\1",
			      7));
	b.bytes[PB_LFANEW + 1] = 'X';
	assert_false(pe_probe(b.bytes, b.size));
}

/* Every prefix of the full image is refused with a reason. */
static void every_truncation_is_refused(void **state)
{
	(void)state;
	pb_full(&b);
	for (size_t n = 0; n < b.size; n++) {
		if (pe_parse(&img, b.bytes, n) != XENO_LOAD_BAD)
			fail_msg("the first %#zx bytes were accepted", n);
		if (!img.reason[0])
			fail_msg("the first %#zx bytes: no reason", n);
		assert_null(img.imports);
	}
	pb_full(&b);
	accepted();
	pe_free(&img);
}

/* Each byte of the headers and tables set to each of a few values: accepted
 * images keep their promises, refused ones say why. */
static void one_byte_damage(void **state)
{
	(void)state;
	static const uint8_t values[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
	static const uint32_t ranges[][2] = {{0, 0x290}, {0x600, 0x900}, {0xc00, 0xc10}};
	struct pe_builder good;
	pb_full(&good);
	int accepted_count = 0;
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (uint32_t off = ranges[r][0]; off < ranges[r][1]; off++)
			for (size_t v = 0; v < sizeof values; v++) {
				b = good;
				b.bytes[off] = values[v];
				if (pe_parse(&img, b.bytes, b.size) != 0) {
					if (!img.reason[0])
						fail_msg("%#x=%#x: no reason", off, values[v]);
					continue;
				}
				const char *bad = pe_check_image(&img, b.size);
				if (bad)
					fail_msg("%#x=%#x: accepted image breaks %s", off,
						 values[v], bad);
				accepted_count++;
				pe_free(&img);
			}
	assert_true(accepted_count > 0); /* bytes no check reads */
}

static void *read_sample(const char *name, size_t *size)
{
	char path[256];
	snprintf(path, sizeof path, PE_SAMPLES "/%s", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("%s: not built (make samples)", path);
	static uint8_t buf[1 << 16];
	*size = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return buf;
}

static const struct pe_import *import_named(const char *name)
{
	for (size_t i = 0; i < img.nimports; i++)
		if (img.imports[i].name && strcmp(img.imports[i].name, name) == 0)
			return &img.imports[i];
	return NULL;
}

static void sample_hello(void **state)
{
	(void)state;
	size_t size;
	void *data = read_sample("hello.exe", &size);
	if (pe_parse(&img, data, size))
		fail_msg("hello.exe refused: %s", img.reason);
	assert_null(pe_check_image(&img, size));
	assert_int_equal(img.ndlls, 1);
	assert_string_equal(img.dlls[0].name, "kernel32.dll");
	assert_int_equal(img.nimports, 3);
	assert_non_null(import_named("GetStdHandle"));
	assert_non_null(import_named("WriteFile"));
	assert_non_null(import_named("ExitProcess"));
	assert_false(img.tls.present);
	assert_true(img.dll_characteristics & PE_DLLCHAR_DYNAMIC_BASE);
	pe_free(&img);
}

static void sample_tls(void **state)
{
	(void)state;
	size_t size;
	void *data = read_sample("tls.exe", &size);
	if (pe_parse(&img, data, size))
		fail_msg("tls.exe refused: %s", img.reason);
	assert_null(pe_check_image(&img, size));
	assert_true(img.tls.present);
	assert_int_equal(img.tls.ncallbacks, 1);
	assert_true(img.tls.raw_end_va > img.tls.raw_start_va); /* the counter's 41 */
	assert_true(img.tls.index_va != 0);
	assert_true(img.relocatable);
	/* the TLS directory's four pointers and the callback array's entry at least */
	assert_true(img.nrelocs >= 5);
	pe_free(&img);
}

int main(void)
{
	RUN(cmocka_unit_test(minimal_program), cmocka_unit_test(sections_and_protections),
	    cmocka_unit_test(section_names_of_eight_and_unprintable),
	    cmocka_unit_test(imports_by_name_and_ordinal),
	    cmocka_unit_test(imports_without_lookup_table), cmocka_unit_test(base_relocations),
	    cmocka_unit_test(tls_directory), cmocka_unit_test(tls_without_callbacks_or_template),
	    cmocka_unit_test(load_configuration), cmocka_unit_test(probe),
	    cmocka_unit_test(every_truncation_is_refused), cmocka_unit_test(one_byte_damage),
	    cmocka_unit_test(sample_hello), cmocka_unit_test(sample_tls));
}
