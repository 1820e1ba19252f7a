#include "core/personality.h"

#include "core/brand.h"

const struct xeno_personality *xeno_personality_named(const char *name)
{
	const struct xeno_brand *b = xeno_brand_named(name);
	return b ? b->personality : NULL;
}
