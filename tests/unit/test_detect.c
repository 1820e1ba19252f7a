/* Telling formats apart from their first bytes (loader/detect.c), and the
 * brand records that name their OSes (core/brand.h). */
#include "unit.h"

#include <string.h>

#include "core/brand.h"
#include "core/launch.h"
#include "loader/detect.h"

static int format(const char *bytes, size_t n)
{
	return xeno_detect_format((const unsigned char *)bytes, n);
}

/* The four Mach-O magics: 32 and 64 bits, either byte order. */
static void mach_o(void **state)
{
	(void)state;
	assert_int_equal(format("\xfe\xed\xfa\xce", 4), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xce\xfa\xed\xfe", 4), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xfe\xed\xfa\xcf", 4), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xcf\xfa\xed\xfe\x07\0\0\x01", 8), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xfe\xed\xfa", 3), 0); /* too short to tell */
}

/* 0xcafebabe: a fat Mach-O counts a few architectures; a Java class file has
 * its version (45 and up) in the same place. */
static void universal_or_java(void **state)
{
	(void)state;
	assert_int_equal(format("\xca\xfe\xba\xbe\0\0\0\x02", 8), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xbe\xba\xfe\xca\0\0\0\x02", 8), XENO_FORMAT_MACHO);
	assert_int_equal(format("\xca\xfe\xba\xbe\0\0\0\x3d", 8), 0); /* Java 17 */
	assert_int_equal(format("\xca\xfe\xba\xbe", 4), 0);
}

static void pe(void **state)
{
	(void)state;
	assert_int_equal(format("MZ\x90\0\x03\0", 6), XENO_FORMAT_PE);
	assert_int_equal(format("MZ", 2), XENO_FORMAT_PE);
	assert_int_equal(format("M", 1), 0);
	assert_int_equal(format("ZM", 2), 0);
}

static void script(void **state)
{
	(void)state;
	const char *s = xeno_describe_other_format((const unsigned char *)"#!/bin/sh\n", 10);
	assert_non_null(s);
	assert_non_null(strstr(s, "script"));
	assert_null(xeno_describe_other_format((const unsigned char *)"#", 1));
}

static void elf_and_nothing(void **state)
{
	(void)state;
	assert_int_equal(format("\177ELF\2\1\1\x09", 8), XENO_FORMAT_ELF);
	assert_int_equal(format("hello\n", 6), 0);
	assert_int_equal(format("", 0), 0);
}

/* A Mach-O or PE file is recognised by its brand record, and refused with
 * one line naming the OS while no personality runs it. */
static void foreign_formats_name_their_os(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t n;
		const char *title;
	} files[] = {
	    {"\xcf\xfa\xed\xfe\x07\0\0\x01\x02\0\0\0", 12, "macOS"},
	    {"MZ\x90\0\x03\0\0\0", 8, "Windows"},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct xeno_image img;
		xeno_image_init(&img, "f");
		char copy[16];
		memcpy(copy, files[i].bytes, files[i].n);
		int err = xeno_image_parse(&img, copy, files[i].n);
		if (!err)
			err = xeno_image_check_runnable(&img);
		if (img.brand && img.brand->personality)
			continue; /* runnable: the personality's loader tests cover it */
		assert_int_equal(err, XENO_LOAD_BAD);
		assert_non_null(strstr(img.reason, files[i].title));
	}
}

/* Every brand has a name, a title and a format; names are unique. */
static void brands_are_complete(void **state)
{
	(void)state;
	size_t n = 0;
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++, n++) {
		assert_non_null((*b)->name);
		assert_non_null((*b)->title);
		assert_true((*b)->format >= XENO_FORMAT_ELF && (*b)->format <= XENO_FORMAT_PE);
		assert_ptr_equal(xeno_brand_named((*b)->name), *b);
	}
	assert_true(n >= 1);
	assert_null(xeno_brand_named("no-such-os"));
}

int main(void)
{
	RUN(cmocka_unit_test(mach_o), cmocka_unit_test(universal_or_java), cmocka_unit_test(pe),
	    cmocka_unit_test(script), cmocka_unit_test(elf_and_nothing),
	    cmocka_unit_test(foreign_formats_name_their_os), cmocka_unit_test(brands_are_complete));
}
