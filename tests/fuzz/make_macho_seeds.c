/*
 * Writes the crafted seeds of the Mach-O parser's fuzzer into DIR: each form
 * the parser takes (tests/fuzz/macho_build.h), thin and universal.  `make
 * fuzz-macho` makes them at build time (nothing binary is committed) and adds
 * the macOS samples (build/samples/darwin/).
 *
 *   make_macho_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "tests/fuzz/macho_build.h"

static struct mb thin, fat;

static void save(const char *dir, const char *name, const struct mb *m)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(m->bytes, 1, m->size, f) != m->size || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_macho_seeds DIR\n");
		return 2;
	}
	const int32_t cpus[2] = {MACHO_CPU_TYPE_ARM64, MACHO_CPU_TYPE_X86_64};
	mb_dyld_info(&thin, false);
	save(argv[1], "crafted-dyld-info-unixthread", &thin);
	mb_fat(&fat, &thin, cpus, 2, false);
	save(argv[1], "crafted-fat", &fat);
	mb_fat(&fat, &thin, cpus, 2, true);
	save(argv[1], "crafted-fat64", &fat);
	mb_dyld_info(&thin, true);
	save(argv[1], "crafted-dyld-info-main", &thin);
	mb_classic(&thin, false);
	save(argv[1], "crafted-classic-flat", &thin);
	mb_classic(&thin, true);
	save(argv[1], "crafted-classic-twolevel", &thin);
	return 0;
}
