/* Formats other than ELF (loader/formats.h): dispatch by format. */
#include "loader/formats.h"

#include "core/brand.h"
#include "loader/image.h"

int xeno_link_foreign(struct xeno_image *img, const struct xeno_personality *os,
		      struct xeno_link_start *out)
{
	return img->format == XENO_FORMAT_MACHO ? xeno_macho_link(img, os, out)
						: xeno_pe_link(img, os, out);
}

void xeno_format_data_free(struct xeno_image *img)
{
	if (!img->format_data)
		return;
	if (img->format == XENO_FORMAT_MACHO)
		xeno_macho_image_free(img);
	else
		xeno_pe_image_free(img);
	img->format_data = NULL;
}
