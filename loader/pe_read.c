/*
 * Bounded reads of a PE image by file offset and by RVA (loader/pe_read.h).
 */
#include "loader/pe_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "loader/image.h"

int pe_fail(struct pe_image *img, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(img->reason, sizeof img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

bool pe_file_read(const struct pe_ctx *c, uint64_t off, void *dst, size_t n)
{
	if (off > c->size || n > c->size - off)
		return false;
	memcpy(dst, c->data + off, n);
	return true;
}

/* Where an RVA lies: a span of the image [start, end), of which
 * [start, raw_end) comes from the file at file_off and the rest is zeros. */
struct pe_span {
	uint64_t start, end, raw_end, file_off;
};

static bool span_of(const struct pe_image *img, uint64_t rva, struct pe_span *sp)
{
	if (rva < img->size_of_headers) {
		/* pe_parse checked that the headers are all in the file */
		*sp = (struct pe_span){0, img->size_of_headers, img->size_of_headers, 0};
		return true;
	}
	for (size_t i = 0; i < img->nsections; i++) {
		const struct pe_section *s = &img->sections[i];
		uint64_t end = s->rva + pe_align_up(s->vsize, img->section_alignment);
		if (rva >= s->rva && rva < end) {
			*sp = (struct pe_span){s->rva, end, (uint64_t)s->rva + s->raw_size,
					       s->raw_offset};
			return true;
		}
	}
	return false;
}

bool pe_rva_read(const struct pe_ctx *c, uint64_t rva, void *dst, size_t n)
{
	struct pe_span sp;
	if (!span_of(c->img, rva, &sp) || n > sp.end - rva)
		return false;
	size_t from_file = 0;
	if (rva < sp.raw_end)
		from_file = sp.raw_end - rva < n ? (size_t)(sp.raw_end - rva) : n;
	/* the section checks made raw data lie in the file */
	if (from_file && !pe_file_read(c, sp.file_off + (rva - sp.start), dst, from_file))
		return false;
	memset((char *)dst + from_file, 0, n - from_file);
	return true;
}

int pe_rva_string(const struct pe_ctx *c, uint64_t rva, char *dst, size_t max)
{
	struct pe_span sp;
	if (!span_of(c->img, rva, &sp))
		return PE_STR_OUTSIDE;
	uint64_t avail = sp.raw_end > rva ? sp.raw_end - rva : 0; /* past it: zeros */
	size_t n = avail < max ? (size_t)avail : max;
	const uint8_t *p = n ? c->data + sp.file_off + (rva - sp.start) : NULL;
	const uint8_t *nul = n ? memchr(p, 0, n) : NULL;
	if (!nul && (n == max || rva + n >= sp.end))
		return PE_STR_UNTERMINATED; /* a zero byte past the raw data ends it */
	size_t len = nul ? (size_t)(nul - p) : n;
	if (len == 0)
		return PE_STR_CONTROL;
	for (size_t i = 0; i < len; i++)
		if (p[i] < 0x20 || p[i] == 0x7f)
			return PE_STR_CONTROL;
	memcpy(dst, p, len);
	dst[len] = '\0';
	return 0;
}

const char *pe_str_error(int err)
{
	switch (err) {
	case PE_STR_OUTSIDE:
		return "lies outside the image";
	case PE_STR_UNTERMINATED:
		return "is unterminated or too long";
	default:
		return "is empty or has a control character";
	}
}

bool pe_va_to_rva(const struct pe_image *img, uint64_t va, uint64_t n, uint32_t *rva)
{
	if (va < img->image_base || va - img->image_base > img->size_of_image ||
	    n > img->size_of_image - (va - img->image_base))
		return false;
	*rva = (uint32_t)(va - img->image_base);
	return true;
}
