/*
 * Executable formats other than ELF, filling the same neutral image
 * (loader/image.h): Mach-O (loader/macho*.c) and PE (loader/pe*.c).  The
 * format parsers make their own description (struct macho_image, struct
 * pe_image); these turn it into segments, entry and the rest, and link the
 * mapped program against the personality's shim libraries.
 */
#ifndef XENO_LOADER_FORMATS_H
#define XENO_LOADER_FORMATS_H

#include <stddef.h>
#include <stdio.h>

struct xeno_image;
struct xeno_personality;
struct xeno_link_start;

/* Fills img from a Mach-O (or universal) file, or a PE file, in memory:
 * 0, or XENO_LOAD_BAD with img->reason set.  img->format_data keeps the
 * format's description for linking. */
int xeno_macho_image(struct xeno_image *img, const void *data, size_t size);
int xeno_pe_image(struct xeno_image *img, const void *data, size_t size);

/* Links the mapped program img of a format other than ELF against the
 * shims of personality os (binds, relocations, the main thread's start):
 * 0, or XENO_LOAD_BAD with img->reason set. */
int xeno_link_foreign(struct xeno_image *img, const struct xeno_personality *os,
		      struct xeno_link_start *out);

/* Frees img->format_data. */
void xeno_format_data_free(struct xeno_image *img);

/* Per format (loader/macho_image.c, loader/pe_image.c). */
int xeno_macho_link(struct xeno_image *img, const struct xeno_personality *os,
		    struct xeno_link_start *out);
int xeno_pe_link(struct xeno_image *img, const struct xeno_personality *os,
		 struct xeno_link_start *out);
void xeno_macho_image_free(struct xeno_image *img);
/* --check: what linking a Mach-O program did. */
void macho_link_report(FILE *out);
void xeno_pe_image_free(struct xeno_image *img);

#endif
