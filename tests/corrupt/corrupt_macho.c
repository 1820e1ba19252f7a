/*
 * The corruption test's damage to a 64-bit Mach-O sample
 * (tests/corrupt/corrupt.c), each kind the loader must refuse before it maps
 * or binds anything: random bytes of the header and of the load commands;
 * header and load command fields (sizes, counts, offsets, addresses,
 * protections, the link-edit tables' places) set to telling values;
 * segments moved over each other; random bytes of each dyld-info stream
 * (rebase, bind, weak bind, lazy bind, exports), of the symbol and string
 * tables and of the indirect symbol table, and anywhere in __LINKEDIT;
 * opcodes that set far segments and offsets, absurd counts and unknown types
 * written into the streams; streams made to end early or late.
 * Layouts: loader/macho_format.h (xnu EXTERNAL_HEADERS/mach-o/loader.h).
 */
#include <string.h>

#include "corrupt.h"
#include "loader/macho_format.h"

#define MAX_SLOTS 512

/* A field worth damaging: where, and how wide (4 or 8 bytes). */
struct slot {
	uint32_t off, width;
};

static struct region header_region, commands_region, linkedit_region, symtab_region, strtab_region,
    indirect_region, rebase_region, bind_region, weak_region, lazy_region, export_region,
    streams_region;
static struct slot slots[MAX_SLOTS];
static unsigned nslots;
/* Where each segment command lies (for moving segments), and the
 * LC_DYLD_INFO command's stream sizes (for ending them early or late). */
static uint32_t segment_cmds[32], nsegment_cmds, dyld_info_cmd;

static void add_slot(uint32_t off, uint32_t width)
{
	if (nslots < MAX_SLOTS)
		slots[nslots++] = (struct slot){off, width};
}

static void add_slots(uint32_t cmd, uint32_t first, uint32_t n, uint32_t width)
{
	for (uint32_t i = 0; i < n; i++)
		add_slot(cmd + first + i * width, width);
}

static struct region stream(const struct macho_dyld_info_command *di, unsigned i)
{
	const uint32_t *pairs = &di->rebase_off;
	return (struct region){pairs[2 * i], pairs[2 * i + 1]};
}

static void segment(uint32_t at, const struct macho_segment_command_64 *sc)
{
	add_slot(at + 4, 4);	 /* cmdsize */
	add_slots(at, 24, 4, 8); /* vmaddr, vmsize, fileoff, filesize */
	add_slots(at, 56, 4, 4); /* maxprot, initprot, nsects, flags */
	for (uint32_t s = 0; s < sc->nsects && s < 8; s++) {
		uint32_t sect =
		    at + (uint32_t)sizeof *sc + s * (uint32_t)sizeof(struct macho_section_64);
		add_slots(sect, 32, 2, 8); /* addr, size */
		add_slots(sect, 48, 1, 4); /* offset */
		add_slots(sect, 64, 3, 4); /* flags, reserved1, reserved2 */
	}
	if (nsegment_cmds < 32)
		segment_cmds[nsegment_cmds++] = at;
	if (strncmp(sc->segname, "__LINKEDIT", 16) == 0)
		linkedit_region = (struct region){sc->fileoff, sc->filesize};
}

static void command(uint32_t at, uint32_t cmd)
{
	const void *c = sample + at;
	if (cmd == MACHO_LC_SEGMENT_64)
		return segment(at, c);
	add_slot(at + 4, 4); /* cmdsize */
	if (cmd == MACHO_LC_DYLD_INFO || cmd == MACHO_LC_DYLD_INFO_ONLY) {
		const struct macho_dyld_info_command *di = c;
		struct region *r[5] = {&rebase_region, &bind_region, &weak_region, &lazy_region,
				       &export_region};
		for (unsigned i = 0; i < 5; i++)
			*r[i] = stream(di, i);
		streams_region = (struct region){
		    di->rebase_off, di->lazy_bind_off + di->lazy_bind_size - di->rebase_off};
		add_slots(at, 8, 10, 4);
		dyld_info_cmd = at;
	} else if (cmd == MACHO_LC_SYMTAB) {
		const struct macho_symtab_command *st = c;
		symtab_region = (struct region){st->symoff, (size_t)st->nsyms * 16};
		strtab_region = (struct region){st->stroff, st->strsize};
		add_slots(at, 8, 4, 4);
	} else if (cmd == MACHO_LC_DYSYMTAB) {
		const struct macho_dysymtab_command *dt = c;
		indirect_region =
		    (struct region){dt->indirectsymoff, (size_t)dt->nindirectsyms * 4};
		add_slots(at, 8, 18, 4);
	} else if (cmd == MACHO_LC_MAIN) {
		add_slots(at, 8, 2, 8); /* entryoff, stacksize */
	} else if (cmd == MACHO_LC_LOAD_DYLIB || cmd == MACHO_LC_LOAD_DYLINKER ||
		   cmd == MACHO_LC_LOAD_WEAK_DYLIB) {
		add_slot(at + 8, 4); /* name offset */
	}
}

static bool find_regions(void)
{
	const struct macho_header_64 *h = (const void *)sample;
	if (sample_size < sizeof *h || h->sizeofcmds > sample_size - sizeof *h)
		return false;
	header_region = (struct region){0, sizeof *h};
	commands_region = (struct region){sizeof *h, h->sizeofcmds};
	add_slots(0, 4, 6, 4); /* cputype ... flags */
	uint32_t at = sizeof *h, end = at + h->sizeofcmds;
	for (uint32_t i = 0; i < h->ncmds && end - at >= 8; i++) {
		const struct macho_load_command *lc = (const void *)(sample + at);
		if (lc->cmdsize < 8 || lc->cmdsize > end - at)
			return false;
		command(at, lc->cmd);
		at += lc->cmdsize;
	}
	return linkedit_region.len != 0;
}

static const uint64_t telling[] = {0,
				   1,
				   2,
				   7,
				   8,
				   0xff,
				   0xfff,
				   0x1000,
				   0xffff,
				   0x7fffffff,
				   0x80000000,
				   0xffffffff,
				   1ULL << 32,
				   1ULL << 40,
				   0x7ffffffff000ULL,
				   0x800000000000ULL,
				   ~0ULL,
				   ~7ULL};

/* One field of the header or of a load command set to a telling value,
 * or to the file's size give or take one. */
static size_t damage_field(unsigned char *f, struct region r)
{
	(void)r;
	const struct slot *s = &slots[below(nslots)];
	uint64_t near_end[3] = {sample_size - 1, sample_size, sample_size + 1};
	if (rng() % 5 == 0)
		damage_value(f, s->off, s->width, near_end, 3);
	else
		damage_value(f, s->off, s->width, telling, sizeof telling / sizeof telling[0]);
	return sample_size;
}

/* One segment moved over another (its address put inside the other's), or
 * grown into the next. */
static size_t damage_overlap(unsigned char *f, struct region r)
{
	(void)r;
	struct macho_segment_command_64 a, b;
	uint32_t ia = segment_cmds[1 + below(nsegment_cmds - 1)]; /* not __PAGEZERO */
	uint32_t ib = segment_cmds[below(nsegment_cmds)];
	memcpy(&a, f + ia, sizeof a);
	memcpy(&b, f + ib, sizeof b);
	if (ia == ib || rng() & 1)
		a.vmsize += b.vmsize + 0x1000 * below(4);
	else
		a.vmaddr = b.vmaddr + 0x1000 * below(b.vmsize / 0x1000 + 1);
	memcpy(f + ia, &a, sizeof a);
	return sample_size;
}

/* A telling opcode written into a stream: far segments and offsets, absurd
 * counts and skips, unknown types and ordinals, numbers that never end. */
static size_t damage_opcode(unsigned char *f, struct region r)
{
	static const uint8_t ops[] = {0x7f, 0x7e, 0x75, 0x70, 0x20 | 15, 0x2f, 0x50, 0x5f, 0x53,
				      0x1f, 0x3c, 0x3f, 0x60, 0x80,	 0xa0, 0xb0, 0xc0, 0xd0,
				      0xe0, 0xf0, 0x90, 0x40, 0x00,	 0x0f, 0x45, 0x30};
	static const uint8_t numbers[][6] = {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
					     {0x80, 0x80, 0x80, 0x80, 0x10, 0},
					     {0xf8, 0xff, 0x03, 0, 0, 0},
					     {0x7f, 0, 0, 0, 0, 0},
					     {0xff, 0xff, 0xff, 0xff, 0x0f, 0}};
	size_t at = r.off + below(r.len);
	f[at] = ops[below(sizeof ops)];
	if (rng() & 1) {
		const uint8_t *n = numbers[below(sizeof numbers / sizeof numbers[0])];
		for (size_t k = 0; k < 6 && at + 1 + k < r.off + r.len; k++)
			f[at + 1 + k] = n[k];
	}
	return sample_size;
}

/* A stream's size in LC_DYLD_INFO cut by a few bytes (it ends inside a
 * number or a name) or grown past its end. */
static size_t damage_stream_end(unsigned char *f, struct region r)
{
	(void)r;
	uint32_t size_at = dyld_info_cmd + 12 + 8 * (uint32_t)below(4), size;
	memcpy(&size, f + size_at, 4);
	size = rng() & 1 ? size - (uint32_t)(1 + below(8)) : size + (uint32_t)(1 + below(64));
	memcpy(f + size_at, &size, 4);
	return sample_size;
}

static const struct class classes[] = {
    {"header-bytes", 80, &header_region, damage_bytes},
    {"header-fields", 80, &header_region, damage_field},
    {"command-bytes", 200, &commands_region, damage_bytes},
    {"command-fields", 300, &commands_region, damage_field},
    {"overlapping-segments", 40, &commands_region, damage_overlap},
    {"truncation", 220, NULL, NULL},
    {"rebase-bytes", 60, &rebase_region, damage_bytes},
    {"bind-bytes", 80, &bind_region, damage_bytes},
    {"weak-bind-bytes", 40, &weak_region, damage_bytes},
    {"lazy-bind-bytes", 100, &lazy_region, damage_bytes},
    {"export-bytes", 30, &export_region, damage_bytes},
    {"stream-opcodes", 200, &streams_region, damage_opcode},
    {"stream-ends", 60, &streams_region, damage_stream_end},
    {"symtab-bytes", 60, &symtab_region, damage_bytes},
    {"strtab-bytes", 60, &strtab_region, damage_bytes},
    {"indirect-bytes", 60, &indirect_region, damage_bytes},
    {"linkedit-bytes", 200, &linkedit_region, damage_bytes},
};

const struct class *macho_classes(unsigned *n, const char **why)
{
	if (!find_regions() || nsegment_cmds < 2) {
		*why = "the Mach-O sample has no __LINKEDIT or a damaged header";
		return NULL;
	}
	*n = sizeof classes / sizeof classes[0];
	return classes;
}
