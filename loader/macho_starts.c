/*
 * LC_FUNCTION_STARTS: the addresses of the program's functions, as ULEB128
 * deltas, the first from the start of __TEXT (the segment that maps the
 * header), ended by a zero delta and zero padding (xnu
 * EXTERNAL_HEADERS/mach-o/loader.h, struct linkedit_data_command; dyld
 * mach_o/FunctionStarts.cpp checks the same: no malformed number, no start
 * past __TEXT, the zero end).  When the file lists them, its entry point must
 * be one of them: an entry moved into the middle of the code (a damaged
 * LC_MAIN or thread state) is refused instead of run.  Go's linker writes no
 * such list; ld64 and lld do.
 */
#include "loader/macho_parse.h"

/* The segment that maps the header, whose address the deltas start from. */
static const struct macho_segment *text_segment(const struct macho_image *img)
{
	for (unsigned i = 0; i < img->nsegments; i++)
		if (img->segments[i].fileoff == 0 && img->segments[i].filesize != 0)
			return &img->segments[i];
	return NULL;
}

/* Walks the list: 0, with *entry_listed set, or -1. */
static int walk_starts(struct macho_parser *p, const struct macho_segment *text, bool *entry_listed,
		       bool *any)
{
	const struct macho_linkedit_data_command *fs = &p->function_starts;
	const uint8_t *at = p->base + fs->dataoff, *end = at + fs->datasize;
	uint64_t offset = 0, delta;
	while (at < end) {
		if (!macho_uleb(&at, end, &delta))
			return macho_fail(p,
					  "its function starts have a number too long or cut off");
		if (delta == 0) {
			while (at < end)
				if (*at++ != 0)
					return macho_fail(p, "its function starts have data past "
							     "their end");
			return 0;
		}
		if (delta > text->vmsize - offset)
			return macho_fail(p, "its function starts run past __TEXT");
		offset += delta;
		*any = true;
		*entry_listed |= text->vmaddr + offset == p->img->entry.addr;
	}
	return macho_fail(p, "its function starts have no end");
}

int macho_check_function_starts(struct macho_parser *p)
{
	if (!p->have_function_starts || p->function_starts.datasize == 0)
		return 0;
	const struct macho_linkedit_data_command *fs = &p->function_starts;
	if (!macho_in_slice(p, fs->dataoff, fs->datasize))
		return macho_fail(p,
				  "its function starts (%u bytes at 0x%x) run past the end of "
				  "the file",
				  fs->datasize, fs->dataoff);
	const struct macho_segment *text = text_segment(p->img);
	bool entry_listed = false, any = false;
	if (!text)
		return macho_fail(p, "lists function starts but no segment maps its header");
	if (walk_starts(p, text, &entry_listed, &any) < 0)
		return -1;
	if (any && !entry_listed)
		return macho_fail(p, "its entry point 0x%llx is none of the functions it lists",
				  (unsigned long long)p->img->entry.addr);
	return 0;
}
