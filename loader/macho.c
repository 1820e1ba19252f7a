/*
 * Mach-O programs: the universal wrapper, the header and the walk over the
 * load commands (loader/macho.h).  Segments and sections are read in
 * macho_segments.c, the fixups in macho_fixups.c (dyld-info opcode streams)
 * and macho_classic.c (indirect symbol table).  The facts are from xnu's
 * EXTERNAL_HEADERS/mach-o/ (loader/macho_format.h cites them).
 */
#include "loader/macho.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/macho_parse.h"

int macho_fail(struct macho_parser *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->img->reason, sizeof p->img->reason, fmt, ap);
	va_end(ap);
	/* names come from the file: the reason stays one printable line */
	for (char *c = p->img->reason; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return -1;
}

const char *macho_keep_string(struct macho_parser *p, uint64_t off, size_t len)
{
	/* The pool was sized for every string the file can name (alloc_strings). */
	if (len >= p->strings_cap - p->strings_used)
		return NULL;
	char *s = p->img->strings + p->strings_used;
	memcpy(s, p->base + off, len);
	s[len] = '\0';
	p->strings_used += len + 1;
	return s;
}

static uint32_t be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint64_t be64(const uint8_t *b)
{
	return (uint64_t)be32(b) << 32 | be32(b + 4);
}

static uint32_t le32(const uint8_t *b)
{
	uint32_t v;
	memcpy(&v, b, sizeof v);
	return v;
}

bool macho_probe(const void *data, size_t size)
{
	if (size < 8)
		return false;
	uint32_t magic = le32(data), fat = be32(data);
	if (magic == MACHO_MH_MAGIC_64 || magic == MACHO_MH_CIGAM_64 || magic == MACHO_MH_MAGIC ||
	    magic == MACHO_MH_CIGAM)
		return true;
	/* 0xcafebabe also begins Java class files, whose second word is large */
	uint32_t n = be32((const uint8_t *)data + 4);
	return (fat == MACHO_FAT_MAGIC || fat == MACHO_FAT_MAGIC_64) && n >= 1 &&
	       n <= MACHO_MAX_FAT_ARCHS;
}

static const char *cpu_name(int32_t cputype, char *buf, size_t n)
{
	switch (cputype) {
	case MACHO_CPU_TYPE_X86_64:
		return "x86-64";
	case MACHO_CPU_TYPE_X86:
		return "i386";
	case MACHO_CPU_TYPE_ARM64:
		return "arm64";
	case MACHO_CPU_TYPE_ARM:
		return "arm";
	case MACHO_CPU_TYPE_POWERPC:
		return "powerpc";
	case MACHO_CPU_TYPE_POWERPC | MACHO_CPU_ARCH_ABI64:
		return "powerpc64";
	}
	snprintf(buf, n, "cpu type %d", cputype);
	return buf;
}

/* ---- the universal wrapper ---- */

struct fat_entry {
	int32_t cputype, cpusubtype;
	uint64_t offset, size;
};

static void fat_entry_at(const uint8_t *b, bool wide, struct fat_entry *e)
{
	e->cputype = (int32_t)be32(b);
	e->cpusubtype = (int32_t)be32(b + 4);
	e->offset = wide ? be64(b + 8) : be32(b + 8);
	e->size = wide ? be64(b + 16) : be32(b + 12);
}

/* Points p at the x86-64 slice of a universal file (the plain x86-64 one
 * rather than x86_64h when it has both). */
static int select_fat_slice(struct macho_parser *p, const uint8_t *data, size_t size)
{
	bool wide = be32(data) == MACHO_FAT_MAGIC_64;
	uint32_t n = be32(data + 4);
	size_t entsize = wide ? sizeof(struct macho_fat_arch_64) : sizeof(struct macho_fat_arch);
	if (n == 0 || n > MACHO_MAX_FAT_ARCHS)
		return macho_fail(p, "a universal file of %u parts (at most %u are taken)", n,
				  MACHO_MAX_FAT_ARCHS);
	if ((size - 8) / entsize < n)
		return macho_fail(p, "a universal file whose table of parts runs past its end");
	char others[128] = "", cpu[32];
	struct fat_entry pick = {0}, e;
	for (uint32_t i = 0; i < n; i++) {
		fat_entry_at(data + 8 + i * entsize, wide, &e);
		if (e.cputype != MACHO_CPU_TYPE_X86_64) {
			size_t used = strlen(others);
			snprintf(others + used, sizeof others - used, "%s%s", used ? ", " : "",
				 cpu_name(e.cputype, cpu, sizeof cpu));
			continue;
		}
		if (e.offset > size || e.size > size - e.offset)
			return macho_fail(p,
					  "its x86-64 part (0x%llx bytes at 0x%llx) runs past the "
					  "end of the file",
					  (unsigned long long)e.size, (unsigned long long)e.offset);
		bool haswell =
		    (e.cpusubtype & ~(int32_t)MACHO_CPU_SUBTYPE_MASK) == MACHO_CPU_SUBTYPE_X86_64_H;
		if (pick.size == 0 || !haswell)
			pick = e;
	}
	if (pick.size == 0)
		return macho_fail(p, "a universal file without an x86-64 part (it has %s)", others);
	p->base = data + pick.offset;
	p->size = pick.size;
	p->img->fat = true;
	p->img->slice_offset = pick.offset;
	p->img->slice_size = pick.size;
	return 0;
}

/* ---- the header ---- */

static const char *filetype_refusal(uint32_t filetype)
{
	switch (filetype) {
	case MACHO_MH_OBJECT:
		return "a Mach-O object file, not a program";
	case MACHO_MH_DYLIB:
	case MACHO_MH_DYLIB_STUB:
		return "a Mach-O dynamic library, not a program";
	case MACHO_MH_BUNDLE:
		return "a Mach-O bundle (a plug-in), not a program";
	case MACHO_MH_DYLINKER:
		return "the Mach-O dynamic linker, not a program";
	case MACHO_MH_CORE:
		return "a Mach-O core dump, not a program";
	case MACHO_MH_PRELOAD:
		return "a preloaded Mach-O executable (firmware), not a program xeno runs";
	case MACHO_MH_FVMLIB:
		return "a Mach-O fixed-address library, not a program";
	case MACHO_MH_DSYM:
		return "Mach-O debug symbols (dSYM), not a program";
	case MACHO_MH_KEXT_BUNDLE:
		return "a macOS kernel extension, not a program";
	case MACHO_MH_FILESET:
		return "a Mach-O file set (a kernel collection), not a program";
	}
	return NULL;
}

static int check_header(struct macho_parser *p)
{
	char cpu[32];
	if (p->size < 8)
		return macho_fail(p, "too short to be a Mach-O file");
	uint32_t magic = le32(p->base);
	if (magic == MACHO_MH_CIGAM_64 || magic == MACHO_MH_CIGAM)
		return macho_fail(p, "a big-endian Mach-O file (%s), not x86-64",
				  cpu_name((int32_t)be32(p->base + 4), cpu, sizeof cpu));
	if (magic == MACHO_MH_MAGIC)
		return macho_fail(p, "a 32-bit Mach-O file (%s), not x86-64",
				  cpu_name((int32_t)le32(p->base + 4), cpu, sizeof cpu));
	if (magic != MACHO_MH_MAGIC_64)
		return macho_fail(p, "not a Mach-O file (magic 0x%08x)", magic);
	if (p->size < sizeof p->hdr)
		return macho_fail(p, "too short for a Mach-O header");
	macho_read(p, 0, &p->hdr, sizeof p->hdr);
	if (p->hdr.cputype != MACHO_CPU_TYPE_X86_64)
		return macho_fail(p, "a Mach-O file for %s, not x86-64",
				  cpu_name(p->hdr.cputype, cpu, sizeof cpu));
	const char *refusal = filetype_refusal(p->hdr.filetype);
	if (refusal)
		return macho_fail(p, "%s", refusal);
	if (p->hdr.filetype != MACHO_MH_EXECUTE)
		return macho_fail(p, "a Mach-O file of type %u, not a program", p->hdr.filetype);
	if (!macho_in_slice(p, sizeof p->hdr, p->hdr.sizeofcmds))
		return macho_fail(p, "its load commands (%u bytes) run past the end of the file",
				  p->hdr.sizeofcmds);
	if (p->hdr.ncmds > p->hdr.sizeofcmds / sizeof(struct macho_load_command))
		return macho_fail(p, "%u load commands cannot fit in %u bytes", p->hdr.ncmds,
				  p->hdr.sizeofcmds);
	p->img->flags = p->hdr.flags;
	p->img->pie = p->hdr.flags & MACHO_MH_PIE;
	p->img->twolevel = p->hdr.flags & MACHO_MH_TWOLEVEL;
	return 0;
}

/* ---- load commands ---- */

/* The lc_str at name_offset of the command at off: NUL-terminated inside it. */
static int command_string(struct macho_parser *p, uint64_t off, uint32_t cmdsize,
			  uint32_t name_offset, size_t fixed, struct macho_str *out)
{
	long len = name_offset < fixed ? -1 : macho_strlen(p, off + name_offset, off + cmdsize);
	if (len < 0)
		return macho_fail(p, "load command at 0x%llx has a name that is not inside it",
				  (unsigned long long)off);
	*out = (struct macho_str){.off = off + name_offset, .len = (size_t)len};
	return 0;
}

static int cmd_dylib(struct macho_parser *p, uint64_t off, uint32_t cmdsize)
{
	struct macho_dylib_command dc;
	if (cmdsize < sizeof dc)
		return macho_fail(p, "a library load command too short (%u bytes)", cmdsize);
	if (p->img->ndylibs == MACHO_MAX_DYLIBS)
		return macho_fail(p, "loads more than %u libraries", MACHO_MAX_DYLIBS);
	macho_read(p, off, &dc, sizeof dc);
	unsigned i = p->img->ndylibs;
	if (command_string(p, off, cmdsize, dc.name_offset, sizeof dc, &p->dylib_names[i]) < 0)
		return -1;
	p->img->dylibs[i] = (struct macho_dylib){
	    .cmd = dc.cmd,
	    .weak = dc.cmd == MACHO_LC_LOAD_WEAK_DYLIB,
	    .current_version = dc.current_version,
	    .compatibility_version = dc.compatibility_version,
	};
	p->img->ndylibs++;
	return 0;
}

static int cmd_dylinker(struct macho_parser *p, uint64_t off, uint32_t cmdsize)
{
	struct macho_dylinker_command dc;
	if (cmdsize < sizeof dc)
		return macho_fail(p, "LC_LOAD_DYLINKER too short (%u bytes)", cmdsize);
	if (p->dylinker.off)
		return macho_fail(p, "names two dynamic linkers");
	macho_read(p, off, &dc, sizeof dc);
	return command_string(p, off, cmdsize, dc.name_offset, sizeof dc, &p->dylinker);
}

static int cmd_main(struct macho_parser *p, uint64_t off, uint32_t cmdsize)
{
	struct macho_entry_point_command ep;
	if (cmdsize < sizeof ep)
		return macho_fail(p, "LC_MAIN too short (%u bytes)", cmdsize);
	if (p->have_entry)
		return macho_fail(p, "has two entry points");
	macho_read(p, off, &ep, sizeof ep);
	p->have_entry = true;
	p->main_entryoff = ep.entryoff;
	p->img->entry = (struct macho_entry){.kind = MACHO_ENTRY_MAIN, .stacksize = ep.stacksize};
	return 0;
}

/* LC_UNIXTHREAD: (flavor, count, state) records; the x86_THREAD_STATE64 one
 * gives rip (and rsp when set). */
static int cmd_unixthread(struct macho_parser *p, uint64_t off, uint32_t cmdsize)
{
	if (p->have_entry)
		return macho_fail(p, "has two entry points");
	uint64_t at = off + sizeof(struct macho_thread_command), end = off + cmdsize;
	struct macho_thread_state_header h;
	while (end - at >= sizeof h) {
		macho_read(p, at, &h, sizeof h);
		at += sizeof h;
		if (h.count > (end - at) / 4)
			return macho_fail(p, "LC_UNIXTHREAD has a thread state past its end");
		if (h.flavor == MACHO_X86_THREAD_STATE64 &&
		    h.count == MACHO_X86_THREAD_STATE64_COUNT) {
			struct macho_x86_thread_state64 ts;
			macho_read(p, at, &ts, sizeof ts);
			p->have_entry = true;
			p->img->entry = (struct macho_entry){
			    .kind = MACHO_ENTRY_UNIXTHREAD, .addr = ts.rip, .stack = ts.rsp};
			return 0;
		}
		at += (uint64_t)h.count * 4;
	}
	return macho_fail(p, "LC_UNIXTHREAD without an x86-64 thread state");
}

/* Copies a fixed-size command once, refusing a second one. */
static int cmd_once(struct macho_parser *p, uint64_t off, uint32_t cmdsize, void *out, size_t len,
		    bool *seen, const char *name)
{
	if (cmdsize < len)
		return macho_fail(p, "%s too short (%u bytes)", name, cmdsize);
	if (*seen)
		return macho_fail(p, "has two %s commands", name);
	macho_read(p, off, out, len);
	*seen = true;
	return 0;
}

static int cmd_encryption(struct macho_parser *p, uint64_t off, uint32_t cmdsize)
{
	uint32_t f[5]; /* cmd, cmdsize, cryptoff, cryptsize, cryptid */
	if (cmdsize < sizeof f)
		return macho_fail(p, "LC_ENCRYPTION_INFO too short (%u bytes)", cmdsize);
	macho_read(p, off, f, sizeof f);
	return f[4] ? macho_fail(p, "encrypted (FairPlay), which xeno cannot run") : 0;
}

static int dispatch_command(struct macho_parser *p, uint32_t cmd, uint64_t off, uint32_t size)
{
	switch (cmd) {
	case MACHO_LC_SEGMENT_64:
		return macho_parse_segment(p, off, size);
	case MACHO_LC_LOAD_DYLIB:
	case MACHO_LC_LOAD_WEAK_DYLIB:
	case MACHO_LC_REEXPORT_DYLIB:
	case MACHO_LC_LAZY_LOAD_DYLIB:
	case MACHO_LC_LOAD_UPWARD_DYLIB:
		return cmd_dylib(p, off, size);
	case MACHO_LC_LOAD_DYLINKER:
		return cmd_dylinker(p, off, size);
	case MACHO_LC_MAIN:
		return cmd_main(p, off, size);
	case MACHO_LC_UNIXTHREAD:
		return cmd_unixthread(p, off, size);
	case MACHO_LC_DYLD_INFO:
	case MACHO_LC_DYLD_INFO_ONLY:
		return cmd_once(p, off, size, &p->dyld_info, sizeof p->dyld_info,
				&p->have_dyld_info, "LC_DYLD_INFO");
	case MACHO_LC_SYMTAB:
		return cmd_once(p, off, size, &p->symtab, sizeof p->symtab, &p->have_symtab,
				"LC_SYMTAB");
	case MACHO_LC_DYSYMTAB:
		return cmd_once(p, off, size, &p->dysymtab, sizeof p->dysymtab, &p->have_dysymtab,
				"LC_DYSYMTAB");
	case MACHO_LC_FUNCTION_STARTS:
		return cmd_once(p, off, size, &p->function_starts, sizeof p->function_starts,
				&p->have_function_starts, "LC_FUNCTION_STARTS");
	case MACHO_LC_ENCRYPTION_INFO:
	case MACHO_LC_ENCRYPTION_INFO_64:
		return cmd_encryption(p, off, size);
	case MACHO_LC_DYLD_CHAINED_FIXUPS:
		return macho_fail(p, "uses chained fixups, which xeno does not support yet");
	case MACHO_LC_SEGMENT:
		return macho_fail(p, "has a 32-bit segment command in a 64-bit file");
	case MACHO_LC_THREAD:
		return macho_fail(p, "has an LC_THREAD command (a thread without a stack), "
				     "which programs do not use");
	case MACHO_LC_RPATH:
	case MACHO_LC_DYLD_EXPORTS_TRIE:
		return 0; /* what dyld needs and xeno does not */
	}
	/* dyld refuses an image with a command it must understand and does not */
	if (cmd & MACHO_LC_REQ_DYLD)
		return macho_fail(p, "needs load command 0x%x, which xeno does not know", cmd);
	return 0;
}

static int walk_commands(struct macho_parser *p)
{
	uint64_t off = sizeof p->hdr, end = off + p->hdr.sizeofcmds;
	for (uint32_t i = 0; i < p->hdr.ncmds; i++) {
		struct macho_load_command lc;
		if (end - off < sizeof lc)
			return macho_fail(p, "load command %u runs past the load commands' end", i);
		macho_read(p, off, &lc, sizeof lc);
		if (lc.cmdsize < sizeof lc || lc.cmdsize % 8 || lc.cmdsize > end - off)
			return macho_fail(p, "load command %u (0x%x) has a bad size (%u bytes)", i,
					  lc.cmd, lc.cmdsize);
		if (dispatch_command(p, lc.cmd, off, lc.cmdsize) < 0)
			return -1;
		off += lc.cmdsize;
	}
	return 0;
}

/* ---- after the walk ---- */

/* LC_MAIN counts from the header, which the segment at file offset 0 maps. */
static int resolve_entry(struct macho_parser *p)
{
	struct macho_image *img = p->img;
	if (!p->have_entry)
		return macho_fail(p, "has no entry point (neither LC_MAIN nor LC_UNIXTHREAD)");
	if (img->entry.kind == MACHO_ENTRY_MAIN) {
		unsigned i = 0;
		while (i < img->nsegments &&
		       (img->segments[i].fileoff != 0 || img->segments[i].filesize == 0))
			i++;
		if (i == img->nsegments)
			return macho_fail(p, "LC_MAIN but no segment maps the Mach-O header");
		if (p->main_entryoff >= img->segments[i].filesize)
			return macho_fail(p, "LC_MAIN's entry offset 0x%llx is past its segment",
					  (unsigned long long)p->main_entryoff);
		img->entry.addr = img->segments[i].vmaddr + p->main_entryoff;
	}
	int s = macho_segment_at(img, img->entry.addr, 1);
	if (s < 0 || !(img->segments[s].initprot & PROT_EXEC))
		return macho_fail(p, "its entry point 0x%llx is not in executable code",
				  (unsigned long long)img->entry.addr);
	return 0;
}

/* One pool for every string: what the commands name, the names of the bind
 * streams and the symbol table's strings, each at most its size again. */
static int alloc_strings(struct macho_parser *p)
{
	uint64_t cap = (uint64_t)p->hdr.sizeofcmds + 1;
	if (p->have_dyld_info)
		cap += (uint64_t)p->dyld_info.bind_size + p->dyld_info.weak_bind_size +
		       p->dyld_info.lazy_bind_size;
	if (p->have_symtab)
		cap += p->symtab.strsize;
	p->img->strings = malloc(cap);
	if (!p->img->strings)
		return macho_fail(p, "out of memory for its strings");
	p->strings_cap = cap;
	return 0;
}

static int keep_command_strings(struct macho_parser *p)
{
	struct macho_image *img = p->img;
	if (alloc_strings(p) < 0)
		return -1;
	if (p->dylinker.off)
		img->dylinker = macho_keep_string(p, p->dylinker.off, p->dylinker.len);
	for (unsigned i = 0; i < img->ndylibs; i++)
		img->dylibs[i].path =
		    macho_keep_string(p, p->dylib_names[i].off, p->dylib_names[i].len);
	return 0;
}

static int parse_fixups(struct macho_parser *p)
{
	if (p->have_dyld_info) {
		p->img->form = MACHO_FIXUPS_DYLD_INFO;
		return macho_parse_dyld_info(p);
	}
	if (p->have_dysymtab && p->dysymtab.nindirectsyms) {
		p->img->form = MACHO_FIXUPS_CLASSIC;
		/* no rebase stream: its binds' places checked once they are all read
		 * (the dyld-info streams check theirs as the rebases are walked) */
		return macho_parse_classic(p) < 0 ? -1 : macho_check_fixup_places(p);
	}
	p->img->form = MACHO_FIXUPS_NONE;
	return 0;
}

static int parse_slice(struct macho_parser *p)
{
	struct macho_image *img = p->img;
	if (check_header(p) < 0)
		return -1;
	img->segments = calloc(MACHO_MAX_SEGMENTS, sizeof *img->segments);
	img->sections = calloc(MACHO_MAX_SECTIONS, sizeof *img->sections);
	img->dylibs = calloc(MACHO_MAX_DYLIBS, sizeof *img->dylibs);
	if (!img->segments || !img->sections || !img->dylibs)
		return macho_fail(p, "out of memory");
	if (walk_commands(p) < 0 || macho_check_segments(p) < 0 || resolve_entry(p) < 0 ||
	    macho_check_function_starts(p) < 0)
		return -1;
	/* the tables' places, before the pool for their strings is sized from them */
	if (macho_check_dyld_info(p) < 0 || macho_check_symtab(p) < 0)
		return -1;
	if (keep_command_strings(p) < 0)
		return -1;
	return parse_fixups(p);
}

int macho_parse(struct macho_image *img, const void *data, size_t size)
{
	memset(img, 0, sizeof *img);
	struct macho_parser *p = calloc(1, sizeof *p);
	if (!p) {
		snprintf(img->reason, sizeof img->reason, "out of memory");
		return -1;
	}
	*p = (struct macho_parser){.img = img, .base = data, .size = size};
	img->slice_size = size;
	int r = 0;
	if (size >= 8 && (be32(data) == MACHO_FAT_MAGIC || be32(data) == MACHO_FAT_MAGIC_64))
		r = select_fat_slice(p, data, size);
	if (r == 0)
		r = parse_slice(p);
	free(p);
	return r;
}

void macho_free(struct macho_image *img)
{
	free(img->segments);
	free(img->sections);
	free(img->dylibs);
	free(img->binds);
	free(img->strings);
	img->segments = NULL, img->sections = NULL, img->dylibs = NULL;
	img->binds = NULL, img->strings = NULL;
	img->nsegments = img->nsections = img->ndylibs = 0;
	img->nrebases = img->nbinds = 0;
}

const char *macho_ordinal_name(const struct macho_image *img, int32_t ordinal)
{
	switch (ordinal) {
	case MACHO_ORDINAL_SELF:
		return "self";
	case MACHO_ORDINAL_MAIN:
		return "main executable";
	case MACHO_ORDINAL_FLAT:
		return "flat lookup";
	case MACHO_ORDINAL_WEAK:
		return "weak lookup";
	}
	if (ordinal < 1 || (unsigned)ordinal > img->ndylibs || !img->dylibs[ordinal - 1].path)
		return "?";
	const char *path = img->dylibs[ordinal - 1].path, *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
