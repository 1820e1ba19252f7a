/*
 * Writes the loader fuzzer's dynamically linked seeds, made at build time
 * (never committed) into build/fuzz/loader-dyn-seeds/ (tests/fuzz/fuzz.mk):
 * the programs of tests/fuzz/dyn_build.h — the whole one, and variants that
 * each leave a part out or take another path (no symbol versions, no TLS, no
 * imports nothing defines, a library, a needed library by path) — next to
 * which the Makefile copies the dynamic samples.
 *
 *   make_dyn_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "tests/fuzz/dyn_build.h"

static struct dyn_elf f;
static const char *dir;

static void put(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *out = fopen(path, "wb");
	if (!out || fwrite(f.b, 1, f.size, out) != f.size || fclose(out) != 0) {
		fprintf(stderr, "make_dyn_seeds: cannot write %s\n", path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_dyn_seeds DIR\n");
		return 2;
	}
	dir = argv[1];
	db_program(&f);
	put("dyn-program");
	db_program(&f);
	db_dyn(&f, DT_VERSYM)->d_tag = DT_DEBUG;
	put("dyn-unversioned");
	db_program(&f);
	db_phdr(&f, PT_TLS)->p_type = PT_NULL;
	for (unsigned r = DB_R_TPOFF; r <= DB_R_DTPMOD; r++)
		db_rela(&f, r)->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	put("dyn-no-tls");
	db_program(&f);
	db_rela(&f, DB_R_GLOB_DAT_NODATA)->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	db_rela(&f, DB_R_64_NOTHING)->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	put("dyn-all-resolved");
	db_program(&f);
	db_dyn(&f, DT_JMPREL)->d_tag = DT_DEBUG; /* no PLT relocations */
	put("dyn-no-jmprel");
	db_library(&f);
	put("dyn-library");
	return 0;
}
