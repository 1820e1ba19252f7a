/*
 * Reading a PE image's untrusted bytes, for the parser's parts (loader/pe*.c):
 * by file offset, and by RVA as the image will be in memory — the headers,
 * then each section's span, whose bytes past its raw data read as zeros.
 * Every read is checked against the file and the image; none can go out of
 * bounds, whatever the numbers say.
 */
#ifndef XENO_LOADER_PE_READ_H
#define XENO_LOADER_PE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader/pe.h"

struct pe_ctx {
	struct pe_image *img;
	const uint8_t *data;
	size_t size;
};

/* Sets img->reason; returns XENO_LOAD_BAD. */
__attribute__((format(printf, 2, 3))) int pe_fail(struct pe_image *img, const char *fmt, ...);

/* Copies n bytes at file offset off; false if they are not all in the file. */
bool pe_file_read(const struct pe_ctx *c, uint64_t off, void *dst, size_t n);

/* Copies n bytes at rva, all in the headers or all in one section's span;
 * false otherwise. */
bool pe_rva_read(const struct pe_ctx *c, uint64_t rva, void *dst, size_t n);

/* Reads the NUL-terminated string at rva into dst (max bytes, the NUL
 * included): 0, or a negative PE_STR_* saying what is wrong with it. */
enum {
	PE_STR_OUTSIDE = -1,	  /* rva is not in the image */
	PE_STR_UNTERMINATED = -2, /* no NUL within max bytes or before the span ends */
	PE_STR_CONTROL = -3,	  /* empty, or a control character in it */
};
int pe_rva_string(const struct pe_ctx *c, uint64_t rva, char *dst, size_t max);
const char *pe_str_error(int err);

/* The RVA of the n bytes at va; false unless they lie inside the image. */
bool pe_va_to_rva(const struct pe_image *img, uint64_t va, uint64_t n, uint32_t *rva);

/* x rounded up to align (a power of two), in 64 bits: no overflow for 32-bit x. */
static inline uint64_t pe_align_up(uint64_t x, uint64_t align)
{
	return (x + align - 1) & ~(align - 1);
}

/* The parts of pe_parse, in the order it calls them (loader/pe_imports.c,
 * pe_reloc.c, pe_tls.c, pe_loadconfig.c). */
int pe_parse_imports(struct pe_ctx *c);
int pe_parse_relocs(struct pe_ctx *c);
int pe_parse_tls(struct pe_ctx *c);
int pe_parse_load_config(struct pe_ctx *c);

#endif
