/*
 * A PE32+ image's load configuration (The Load Configuration Structure
 * (Image Only) of the specification), as far as xeno needs it: its size,
 * the security cookie's address and the control-flow guard flags.  The
 * structure's own Size says how much of it there is; fields past it are 0.
 */
#include <stddef.h>

#include "loader/pe_read.h"

/* Whether a structure of size bytes has the field at off of n bytes. */
static bool has_field(uint32_t size, size_t off, size_t n)
{
	return size >= off + n;
}

int pe_parse_load_config(struct pe_ctx *c)
{
	struct pe_image *img = c->img;
	uint64_t at = img->dirs[PE_DIR_LOAD_CONFIG].virtual_address;
	struct pe_load_config64 lc = {0};
	uint32_t size;
	if (!at)
		return 0;
	if (!pe_rva_read(c, at, &size, sizeof size) || size < sizeof size)
		return pe_fail(img, "malformed load configuration at %#llx",
			       (unsigned long long)at);
	if (!pe_rva_read(c, at, &lc, size < sizeof lc ? size : sizeof lc))
		return pe_fail(img, "load configuration of %#x bytes runs out of the image", size);
	struct pe_load_config *l = &img->load_config;
	l->present = true;
	l->size = size;
	if (has_field(size, offsetof(struct pe_load_config64, security_cookie), 8))
		l->security_cookie_va = lc.security_cookie;
	if (has_field(size, offsetof(struct pe_load_config64, guard_flags), 4))
		l->guard_flags = lc.guard_flags;
	uint32_t rva;
	if (l->security_cookie_va &&
	    (!pe_va_to_rva(img, l->security_cookie_va, 8, &rva) || !pe_section_at(img, rva, 8)))
		return pe_fail(img, "security cookie %#llx lies outside the sections",
			       (unsigned long long)l->security_cookie_va);
	return 0;
}
