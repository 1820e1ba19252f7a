/*
 * Prints what the Mach-O parser (loader/macho.h) makes of a file: the fixup
 * form, entry, segments, libraries and one line per import, for a look at
 * real programs (tests/macho/real.sh, `make macho-real`).
 *
 *   macho_dump FILE
 */
#include <stdio.h>
#include <stdlib.h>

#include "loader/macho.h"

static const char *const forms[] = {"none", "dyld-info", "classic"};
static const char *const kinds[] = {"non-lazy", "lazy", "weak"};

static void print_image(const struct macho_image *img)
{
	printf("form %s\n", forms[img->form]);
	printf("flags 0x%x%s%s\n", img->flags, img->pie ? " pie" : "",
	       img->twolevel ? " twolevel" : " flat");
	printf("entry %s 0x%llx\n",
	       img->entry.kind == MACHO_ENTRY_MAIN ? "LC_MAIN" : "LC_UNIXTHREAD",
	       (unsigned long long)img->entry.addr);
	printf("dylinker %s\n", img->dylinker ? img->dylinker : "-");
	for (unsigned i = 0; i < img->nsegments; i++) {
		const struct macho_segment *s = &img->segments[i];
		printf("segment %u %s vm 0x%llx+0x%llx file 0x%llx+0x%llx prot %d%s%s\n", i,
		       s->name, (unsigned long long)s->vmaddr, (unsigned long long)s->vmsize,
		       (unsigned long long)s->fileoff, (unsigned long long)s->filesize, s->initprot,
		       s->read_only ? " read-only" : "", s->reserved ? " reserved" : "");
	}
	for (unsigned i = 0; i < img->ndylibs; i++)
		printf("dylib %u %s%s\n", i + 1, img->dylibs[i].path,
		       img->dylibs[i].weak ? " (weak)" : "");
	printf("rebases %zu\nbinds %zu\n", img->nrebases, img->nbinds);
	for (size_t i = 0; i < img->nbinds; i++) {
		const struct macho_bind *b = &img->binds[i];
		printf("import %s %s%s from %s\n", b->symbol, kinds[b->kind],
		       b->weak_import ? " weak-import" : "", macho_ordinal_name(img, b->ordinal));
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: macho_dump FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 127;
	}
	size_t cap = 1 << 20, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0)
		if ((n += got) == cap)
			buf = realloc(buf, cap *= 2);
	fclose(f);
	if (!buf)
		return 1;
	struct macho_image img;
	int r = macho_parse(&img, buf, n);
	if (r == 0)
		print_image(&img);
	else
		fprintf(stderr, "xeno: %s: %s\n", argv[1], img.reason);
	macho_free(&img);
	free(buf);
	return r == 0 ? 0 : 126;
}
