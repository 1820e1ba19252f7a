/*
 * Writes the crafted part of the PE fuzzer's seed corpus into DIR: small
 * PE32+ images from tests/fuzz/pe_build.h, each reaching one part of the
 * parser — a minimal program, imports by name and ordinal (with and without
 * a lookup table), base relocations, a TLS directory with a callback, a load
 * configuration, all of them at once — and the kinds it refuses (GUI, DLL,
 * 32-bit, .NET).  `make fuzz-pe` makes them at build time and adds the
 * Windows samples (the .exe files of build/samples/windows/); nothing is
 * committed.
 *
 *   make_pe_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "tests/fuzz/pe_build.h"

static struct pe_builder b;

static void write_seed(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/crafted-%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b.bytes, 1, b.size, f) != b.size || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_pe_seeds DIR\n");
		return 2;
	}
	const char *dir = argv[1];
	pb_minimal(&b);
	write_seed(dir, "minimal");
	pb_add_imports(&b);
	write_seed(dir, "imports");
	((struct pe_import_descriptor *)pb_at(&b, PB_IMPORT_DIR))->original_first_thunk = 0;
	write_seed(dir, "imports-iat-only");
	pb_minimal(&b);
	pb_add_relocs(&b);
	write_seed(dir, "relocs");
	pb_minimal(&b);
	pb_add_tls(&b);
	write_seed(dir, "tls");
	pb_minimal(&b);
	pb_add_load_config(&b);
	write_seed(dir, "load-config");
	pb_full(&b);
	write_seed(dir, "full");
	pb_opt(&b)->subsystem = PE_SUBSYSTEM_WINDOWS_GUI;
	write_seed(dir, "gui");
	pb_full(&b);
	pb_fh(&b)->characteristics |= PE_FILE_DLL;
	write_seed(dir, "dll");
	pb_full(&b);
	pb_fh(&b)->machine = PE_MACHINE_I386;
	pb_opt(&b)->magic = PE_OPT_MAGIC_PE32;
	write_seed(dir, "pe32");
	pb_full(&b);
	*pb_dir(&b, PE_DIR_COM_DESCRIPTOR) = (struct pe_data_directory){0x2380, 0x48};
	write_seed(dir, "dotnet");
	return 0;
}
