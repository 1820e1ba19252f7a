#include "core/brand.h"

#include <stdio.h>
#include <string.h>

const struct xeno_brand *xeno_brand_named(const char *name)
{
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++)
		if (strcmp((*b)->name, name) == 0)
			return *b;
	return NULL;
}

const struct xeno_brand *xeno_brand_of_format(enum xeno_format format)
{
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++)
		if ((*b)->format == format)
			return *b;
	return NULL;
}

void xeno_brand_titles(char *buf, size_t size, int (*keep)(const struct xeno_brand *))
{
	const struct xeno_brand *kept[32];
	size_t n = 0;
	for (const struct xeno_brand *const *b = xeno_brands; *b && n < 32; b++)
		if (keep(*b))
			kept[n++] = *b;
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
		int w = snprintf(buf + used, size - used, "%s%s", sep, kept[i]->title);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}
