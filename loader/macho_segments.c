/*
 * Mach-O segments and sections (LC_SEGMENT_64, struct section_64 of xnu's
 * EXTERNAL_HEADERS/mach-o/loader.h): each checked against the file and
 * against the others, so that the loader can map them as they are.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/macho_parse.h"

static void copy_name(char out[17], const char in[16])
{
	memcpy(out, in, 16);
	out[16] = '\0';
}

static int prot_of(int32_t vm_prot)
{
	return (vm_prot & MACHO_VM_PROT_READ ? PROT_READ : 0) |
	       (vm_prot & MACHO_VM_PROT_WRITE ? PROT_WRITE : 0) |
	       (vm_prot & MACHO_VM_PROT_EXECUTE ? PROT_EXEC : 0);
}

static bool is_zerofill(uint32_t type)
{
	return type == MACHO_S_ZEROFILL || type == MACHO_S_GB_ZEROFILL ||
	       type == MACHO_S_THREAD_LOCAL_ZEROFILL;
}

static bool holds_symbol_pointers(uint32_t type)
{
	return type == MACHO_S_NON_LAZY_SYMBOL_POINTERS || type == MACHO_S_LAZY_SYMBOL_POINTERS ||
	       type == MACHO_S_LAZY_DYLIB_SYMBOL_POINTERS;
}

/* The segment's own fields: protections, flags, where it lies. */
static int check_segment(struct macho_parser *p, const struct macho_segment_command_64 *sc,
			 const char *name)
{
	const int32_t rwx = MACHO_VM_PROT_READ | MACHO_VM_PROT_WRITE | MACHO_VM_PROT_EXECUTE;
	if ((sc->maxprot & ~rwx) || (sc->initprot & ~rwx) || (sc->initprot & ~sc->maxprot))
		return macho_fail(p,
				  "segment %s has protections xeno does not know (0x%x, most 0x%x)",
				  name, sc->initprot, sc->maxprot);
	if (sc->flags & MACHO_SG_PROTECTED_VERSION_1)
		return macho_fail(p, "segment %s is encrypted, which xeno cannot run", name);
	if (sc->flags & ~(uint32_t)(MACHO_SG_NORELOC | MACHO_SG_READ_ONLY))
		return macho_fail(p, "segment %s has flags xeno does not know (0x%x)", name,
				  sc->flags);
	if (sc->vmaddr > MACHO_USER_END || sc->vmsize > MACHO_USER_END - sc->vmaddr)
		return macho_fail(p, "segment %s (0x%llx bytes at 0x%llx) is outside user space",
				  name, (unsigned long long)sc->vmsize,
				  (unsigned long long)sc->vmaddr);
	if (sc->filesize > sc->vmsize)
		return macho_fail(p, "segment %s has more file (0x%llx) than memory (0x%llx)", name,
				  (unsigned long long)sc->filesize, (unsigned long long)sc->vmsize);
	if (!macho_in_slice(p, sc->fileoff, sc->filesize))
		return macho_fail(
		    p, "segment %s (0x%llx bytes at 0x%llx) runs past the end of the file", name,
		    (unsigned long long)sc->filesize, (unsigned long long)sc->fileoff);
	if (sc->vmsize && (sc->vmaddr % MACHO_PAGE || (sc->filesize && sc->fileoff % MACHO_PAGE)))
		return macho_fail(p, "segment %s is not page-aligned", name);
	if (strcmp(name, "__PAGEZERO") == 0 && (sc->filesize || sc->initprot || sc->maxprot))
		return macho_fail(p, "its __PAGEZERO segment has contents or access");
	return 0;
}

static int check_section(struct macho_parser *p, const struct macho_section_64 *s,
			 const struct macho_segment_command_64 *sc, const char *segname,
			 const char *sectname)
{
	uint32_t type = s->flags & MACHO_SECTION_TYPE;
	if (strncmp(s->segname, sc->segname, 16) != 0)
		return macho_fail(p, "section %s of segment %s says it is in another", sectname,
				  segname);
	if (s->addr < sc->vmaddr || s->size > sc->vmsize ||
	    s->addr - sc->vmaddr > sc->vmsize - s->size)
		return macho_fail(p, "section %s,%s lies outside its segment", segname, sectname);
	if (!is_zerofill(type) && s->size &&
	    (s->offset < sc->fileoff || s->size > sc->filesize ||
	     s->offset - sc->fileoff > sc->filesize - s->size))
		return macho_fail(p, "section %s,%s lies outside its segment's part of the file",
				  segname, sectname);
	if (holds_symbol_pointers(type) && s->size % MACHO_PTRSIZE)
		return macho_fail(p, "section %s,%s holds pointers but its size is 0x%llx", segname,
				  sectname, (unsigned long long)s->size);
	return 0;
}

static int parse_sections(struct macho_parser *p, uint64_t at,
			  const struct macho_segment_command_64 *sc, unsigned segindex)
{
	struct macho_image *img = p->img;
	const char *segname = img->segments[segindex].name;
	for (uint32_t i = 0; i < sc->nsects; i++, at += sizeof(struct macho_section_64)) {
		struct macho_section_64 s;
		macho_read(p, at, &s, sizeof s);
		struct macho_section *out = &img->sections[img->nsections];
		copy_name(out->sectname, s.sectname);
		copy_name(out->segname, s.segname);
		if (check_section(p, &s, sc, segname, out->sectname) < 0)
			return -1;
		out->segment = segindex;
		out->addr = s.addr;
		out->size = s.size;
		out->offset = s.offset;
		out->type = s.flags & MACHO_SECTION_TYPE;
		out->attributes = s.flags & MACHO_SECTION_ATTRIBUTES;
		out->reserved1 = s.reserved1;
		out->reserved2 = s.reserved2;
		img->nsections++;
	}
	return 0;
}

int macho_parse_segment(struct macho_parser *p, uint64_t cmdoff, uint32_t cmdsize)
{
	struct macho_image *img = p->img;
	struct macho_segment_command_64 sc;
	if (cmdsize < sizeof sc)
		return macho_fail(p, "LC_SEGMENT_64 too short (%u bytes)", cmdsize);
	macho_read(p, cmdoff, &sc, sizeof sc);
	if (img->nsegments == MACHO_MAX_SEGMENTS)
		return macho_fail(p, "has more than %u segments", MACHO_MAX_SEGMENTS);
	struct macho_segment *seg = &img->segments[img->nsegments];
	copy_name(seg->name, sc.segname);
	if (sc.nsects > (cmdsize - sizeof sc) / sizeof(struct macho_section_64))
		return macho_fail(p,
				  "segment %s says it has %u sections, more than its command holds",
				  seg->name, sc.nsects);
	if (sc.nsects > MACHO_MAX_SECTIONS - img->nsections)
		return macho_fail(p, "has more than %u sections", MACHO_MAX_SECTIONS);
	if (check_segment(p, &sc, seg->name) < 0)
		return -1;
	seg->vmaddr = sc.vmaddr;
	seg->vmsize = sc.vmsize;
	seg->fileoff = sc.fileoff;
	seg->filesize = sc.filesize;
	seg->maxprot = prot_of(sc.maxprot);
	seg->initprot = prot_of(sc.initprot);
	seg->flags = sc.flags;
	seg->read_only = sc.flags & MACHO_SG_READ_ONLY;
	seg->reserved = strcmp(seg->name, "__PAGEZERO") == 0;
	img->nsegments++;
	return parse_sections(p, cmdoff + sizeof sc, &sc, img->nsegments - 1);
}

int macho_segment_at(const struct macho_image *img, uint64_t addr, uint64_t len)
{
	for (unsigned i = 0; i < img->nsegments; i++) {
		const struct macho_segment *s = &img->segments[i];
		if (!s->reserved && addr >= s->vmaddr && len <= s->vmsize &&
		    addr - s->vmaddr <= s->vmsize - len)
			return (int)i;
	}
	return -1;
}

static bool overlap(const struct macho_segment *a, const struct macho_segment *b)
{
	return a->vmsize && b->vmsize && a->vmaddr < b->vmaddr + b->vmsize &&
	       b->vmaddr < a->vmaddr + a->vmsize;
}

/* No two segments share an address; the span of those to map. */
int macho_check_segments(struct macho_parser *p)
{
	struct macho_image *img = p->img;
	uint64_t lo = UINT64_MAX, hi = 0;
	for (unsigned i = 0; i < img->nsegments; i++) {
		const struct macho_segment *s = &img->segments[i];
		for (unsigned j = 0; j < i; j++)
			if (overlap(s, &img->segments[j]))
				return macho_fail(p, "segments %s and %s overlap",
						  img->segments[j].name, s->name);
		if (s->reserved || !s->vmsize)
			continue;
		lo = s->vmaddr < lo ? s->vmaddr : lo;
		hi = s->vmaddr + s->vmsize > hi ? s->vmaddr + s->vmsize : hi;
	}
	if (hi == 0)
		return macho_fail(p, "has no segment to map");
	img->lo = lo & ~(uint64_t)(MACHO_PAGE - 1);
	img->hi = (hi + MACHO_PAGE - 1) & ~(uint64_t)(MACHO_PAGE - 1);
	return 0;
}
