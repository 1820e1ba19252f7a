/*
 * A PE program as the neutral image (loader/formats.h), and its linking
 * against the personality's shims.  Not yet: the parser exists
 * (loader/pe.h); mapping and binding do not.
 */
#include <stdio.h>

#include "core/brand.h"
#include "loader/formats.h"
#include "loader/image.h"

int xeno_pe_image(struct xeno_image *img, const void *data, size_t size)
{
	(void)data, (void)size;
	snprintf(img->reason, sizeof img->reason, "xeno cannot load PE programs yet");
	return XENO_LOAD_BAD;
}

int xeno_pe_link(struct xeno_image *img, const struct xeno_personality *os,
		 struct xeno_link_start *out)
{
	(void)os, (void)out;
	snprintf(img->reason, sizeof img->reason, "xeno cannot link PE programs yet");
	return XENO_LOAD_BAD;
}

void xeno_pe_image_free(struct xeno_image *img)
{
	(void)img;
}
