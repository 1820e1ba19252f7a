/*
 * What the parts of the Mach-O parser share (loader/macho.c, macho_segments.c,
 * macho_fixups.c, macho_classic.c): the state of one parse and the checked
 * reads they all go through.  Not for use outside loader/macho*.c.
 */
#ifndef XENO_LOADER_MACHO_PARSE_H
#define XENO_LOADER_MACHO_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "loader/macho.h"
#include "loader/macho_format.h"

#define MACHO_PAGE    4096u
#define MACHO_PTRSIZE 8u
/* The highest user address of x86-64 Linux (and macOS): 47 bits. */
#define MACHO_USER_END 0x800000000000ull

/* Where a string of the file lies, before it is copied out. */
struct macho_str {
	uint64_t off; /* in the slice */
	size_t len;
};

struct macho_parser {
	struct macho_image *img;
	const uint8_t *base; /* the slice */
	size_t size;
	struct macho_header_64 hdr;

	bool have_dyld_info, have_symtab, have_dysymtab, have_entry, have_function_starts;
	struct macho_dyld_info_command dyld_info;
	struct macho_linkedit_data_command function_starts;
	struct macho_symtab_command symtab;
	struct macho_dysymtab_command dysymtab;
	struct macho_str dylinker;
	struct macho_str dylib_names[MACHO_MAX_DYLIBS];
	uint64_t main_entryoff; /* LC_MAIN, resolved once the segments are known */

	size_t strings_used, strings_cap;
	size_t binds_cap;
};

/* Sets the reason; returns -1. */
int macho_fail(struct macho_parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True if [off, off + len) lies in the slice (no overflow). */
static inline bool macho_in_slice(const struct macho_parser *p, uint64_t off, uint64_t len)
{
	return off <= p->size && len <= p->size - off;
}

/* Copies a checked range of the slice into *out (the caller checked it). */
static inline void macho_read(const struct macho_parser *p, uint64_t off, void *out, size_t len)
{
	memcpy(out, p->base + off, len);
}

/* A NUL-terminated string at off in the slice, ending before end: its length,
 * or -1 if no NUL comes first. */
static inline long macho_strlen(const struct macho_parser *p, uint64_t off, uint64_t end)
{
	if (off >= end || end > p->size)
		return -1;
	const void *nul = memchr(p->base + off, '\0', end - off);
	return nul ? (const uint8_t *)nul - (p->base + off) : -1;
}

/* A ULEB128 number at *at, before end: true and *at past it, or false if
 * it runs past end or past 64 bits. */
static inline bool macho_uleb(const uint8_t **at, const uint8_t *end, uint64_t *out)
{
	uint64_t v = 0;
	for (unsigned shift = 0; *at < end; shift += 7) {
		uint8_t b = *(*at)++;
		if (shift >= 64 || (shift == 63 && (b & 0x7f) > 1))
			return false;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*out = v;
			return true;
		}
	}
	return false;
}

/* A symbol name a bind may carry: not empty, no control characters (a name
 * the program imports is printed when nothing defines it). */
static inline bool macho_name_ok(const uint8_t *name, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (name[i] < 0x20 || name[i] == 0x7f)
			return false;
	return len > 0;
}

/* Copies len bytes of the slice at off into the image's strings, NUL-terminated. */
const char *macho_keep_string(struct macho_parser *p, uint64_t off, size_t len);

/* macho_segments.c: one LC_SEGMENT_64 and its sections; the checks over all. */
int macho_parse_segment(struct macho_parser *p, uint64_t cmdoff, uint32_t cmdsize);
int macho_check_segments(struct macho_parser *p);

/* macho_fixups.c: the LC_DYLD_INFO opcode streams: where they lie, what they say. */
int macho_check_dyld_info(struct macho_parser *p);
int macho_parse_dyld_info(struct macho_parser *p);
/* Appends a bind, checking where it writes; 0 or -1 (reason set). */
int macho_add_bind(struct macho_parser *p, const struct macho_bind *b);

/* macho_classic.c: where the symbol tables lie; binds of the pointer sections
 * through the indirect table. */
int macho_check_symtab(struct macho_parser *p);
int macho_parse_classic(struct macho_parser *p);

/* macho_starts.c: LC_FUNCTION_STARTS well formed, the entry one of them. */
int macho_check_function_starts(struct macho_parser *p);

/* macho_places.c: every fixup inside a section (a lazy bind in lazy
 * pointers), none over another.  The dyld-info form checks each rebase as
 * its stream is decoded: macho_places_open once the binds are all read,
 * macho_places_rebase (a macho_rebase_fn) for each rebase, then
 * macho_places_close, which frees and, if judge, returns the first fault
 * (the binds', then the rebases') as 0 or -1 with the reason set.  Open
 * returns NULL (reason set) if memory is short. */
struct macho_places;
struct macho_places *macho_places_open(struct macho_parser *p);
void macho_places_rebase(void *ctx, unsigned segment, uint64_t offset);
int macho_places_close(struct macho_places *pl, bool judge);
/* The same for the classic form, whose binds are all there is. */
int macho_check_fixup_places(struct macho_parser *p);

#endif
