/* Naming files that are not ELF from their first bytes (loader/detect.c). */
#include "unit.h"

#include <string.h>

#include "loader/detect.h"

static const char *describe(const char *bytes, size_t n)
{
	return xeno_describe_foreign_format((const unsigned char *)bytes, n);
}

static void assert_says(const char *description, const char *word)
{
	assert_non_null(description);
	if (!strstr(description, word))
		fail_msg("\"%s\" does not say \"%s\"", description, word);
}

/* The four Mach-O magics: 32 and 64 bits, either byte order. */
static void mach_o(void **state)
{
	(void)state;
	assert_says(describe("\xfe\xed\xfa\xce", 4), "Mach-O");
	assert_says(describe("\xce\xfa\xed\xfe", 4), "Mach-O");
	assert_says(describe("\xfe\xed\xfa\xcf", 4), "Mach-O");
	assert_says(describe("\xcf\xfa\xed\xfe\x07\0\0\x01", 8), "Mach-O");
	assert_null(describe("\xfe\xed\xfa", 3)); /* too short to tell */
}

/* 0xcafebabe: a fat Mach-O counts a few architectures; a Java class file has
 * its version (45 and up) in the same place. */
static void universal_or_java(void **state)
{
	(void)state;
	assert_says(describe("\xca\xfe\xba\xbe\0\0\0\x02", 8), "universal Mach-O");
	assert_says(describe("\xbe\xba\xfe\xca\0\0\0\x02", 8), "universal Mach-O");
	assert_null(describe("\xca\xfe\xba\xbe\0\0\0\x3d", 8)); /* Java 17 */
	assert_null(describe("\xca\xfe\xba\xbe", 4));
}

static void pe(void **state)
{
	(void)state;
	assert_says(describe("MZ\x90\0\x03\0", 6), "PE program (Windows)");
	assert_says(describe("MZ", 2), "PE");
	assert_null(describe("M", 1));
	assert_null(describe("ZM", 2));
}

static void script(void **state)
{
	(void)state;
	assert_says(describe("#!/bin/sh\n", 10), "script");
	assert_null(describe("#", 1));
}

/* ELF, text and nothing at all are not foreign formats. */
static void not_foreign(void **state)
{
	(void)state;
	assert_null(describe("\177ELF\2\1\1\x09", 8));
	assert_null(describe("hello\n", 6));
	assert_null(describe("", 0));
}

int main(void)
{
	RUN(cmocka_unit_test(mach_o), cmocka_unit_test(universal_or_java), cmocka_unit_test(pe),
	    cmocka_unit_test(script), cmocka_unit_test(not_foreign));
}
