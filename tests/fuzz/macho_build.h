/*
 * Small Mach-O programs built in memory from the structures of
 * loader/macho_format.h, for the parser's unit tests (tests/unit/test_macho.c)
 * and the seeds of its fuzzer (tests/fuzz/make_macho_seeds.c).
 *
 * The program is laid out as Go's linker lays out esbuild for macOS:
 *   __PAGEZERO    0 .. 0x1000000, reserved
 *   __TEXT        0x1000000, file 0x0000: headers, then __text at 0x1001000
 *   __DATA_CONST  0x1002000, file 0x2000: __got (4 pointers), SG_READ_ONLY
 *   __DATA        0x1003000, file 0x3000: __la_symbol_ptr (2), __data, __bss past the file
 *   __LINKEDIT    0x1006000, file 0x4000: the dyld-info streams and symbol tables
 * It imports _write, _exit (libSystem) and _CFRelease (CoreFoundation) through
 * __got, and _read and _close lazily through __la_symbol_ptr: through the
 * dyld-info streams (mb_dyld_info) or the indirect symbol table (mb_classic).
 */
#ifndef XENO_TESTS_FUZZ_MACHO_BUILD_H
#define XENO_TESTS_FUZZ_MACHO_BUILD_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "loader/macho_format.h"

#define MB_MAX	      0x10000
#define MB_SIZE	      0x5000 /* the thin program */
#define MB_TEXT	      0x1000000ull
#define MB_ENTRY      0x1001000ull
#define MB_GOT	      0x1002000ull
#define MB_LAZY	      0x1003000ull
#define MB_LINKEDIT   0x4000u
#define MB_REBASE     0x4000u /* the streams' file offsets */
#define MB_BIND	      0x4100u
#define MB_LAZYBIND   0x4200u
#define MB_WEAKBIND   0x4300u
#define MB_SYMS	      0x4400u
#define MB_INDIRECT   0x4500u
#define MB_STRS	      0x4600u
#define MB_STREAM_MAX 0x100u

struct mb {
	_Alignas(8) uint8_t bytes[MB_MAX];
	uint32_t size;
};

/* A byte stream being written: opcodes, numbers, names. */
struct mb_ops {
	uint8_t b[MB_STREAM_MAX];
	uint32_t n;
};

static inline struct macho_header_64 *mb_header(struct mb *m)
{
	return (struct macho_header_64 *)m->bytes;
}

static inline void mb_op(struct mb_ops *o, uint8_t byte)
{
	if (o->n < MB_STREAM_MAX)
		o->b[o->n++] = byte;
}

static inline void mb_uleb(struct mb_ops *o, uint64_t v)
{
	do {
		uint8_t b = v & 0x7f;
		v >>= 7;
		mb_op(o, (uint8_t)(b | (v ? 0x80 : 0)));
	} while (v);
}

static inline void mb_sleb(struct mb_ops *o, int64_t v)
{
	for (;;) {
		uint8_t b = v & 0x7f;
		v >>= 7; /* arithmetic on every compiler xeno builds with */
		bool done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
		mb_op(o, (uint8_t)(b | (done ? 0 : 0x80)));
		if (done)
			return;
	}
}

static inline void mb_name(struct mb_ops *o, uint8_t flags, const char *name)
{
	mb_op(o, MACHO_BIND_OPCODE_SET_SYMBOL_TRAILING_FLAGS_IMM | flags);
	for (const char *c = name; *c; c++)
		mb_op(o, (uint8_t)*c);
	mb_op(o, 0);
}

/* Appends a zeroed load command to the header's list. */
static inline void *mb_cmd(struct mb *m, uint32_t cmd, uint32_t cmdsize)
{
	struct macho_header_64 *h = mb_header(m);
	uint32_t at = (uint32_t)sizeof *h + h->sizeofcmds;
	struct macho_load_command *lc = (struct macho_load_command *)(m->bytes + at);
	memset(lc, 0, cmdsize);
	lc->cmd = cmd;
	lc->cmdsize = cmdsize;
	h->ncmds++;
	h->sizeofcmds += cmdsize;
	return lc;
}

static inline struct macho_segment_command_64 *mb_segment(struct mb *m, const char *name,
							  uint64_t vmaddr, uint64_t vmsize,
							  uint64_t fileoff, uint64_t filesize,
							  int32_t prot, uint32_t nsects)
{
	struct macho_segment_command_64 *sc =
	    mb_cmd(m, MACHO_LC_SEGMENT_64,
		   (uint32_t)(sizeof *sc + nsects * sizeof(struct macho_section_64)));
	strncpy(sc->segname, name, sizeof sc->segname);
	sc->vmaddr = vmaddr, sc->vmsize = vmsize;
	sc->fileoff = fileoff, sc->filesize = filesize;
	sc->maxprot = sc->initprot = prot;
	sc->nsects = nsects;
	return sc;
}

static inline struct macho_section_64 *mb_section(struct macho_segment_command_64 *sc, uint32_t i,
						  const char *name, uint64_t addr, uint64_t size,
						  uint32_t type, uint32_t reserved1)
{
	struct macho_section_64 *s = (struct macho_section_64 *)(sc + 1) + i;
	strncpy(s->sectname, name, sizeof s->sectname);
	memcpy(s->segname, sc->segname, sizeof s->segname);
	s->addr = addr, s->size = size;
	if (type != MACHO_S_ZEROFILL)
		s->offset = (uint32_t)(sc->fileoff + (addr - sc->vmaddr));
	s->flags = type;
	s->reserved1 = reserved1;
	return s;
}

static inline void mb_dylib(struct mb *m, uint32_t cmd, const char *path)
{
	uint32_t len = (uint32_t)strlen(path) + 1;
	uint32_t size = (uint32_t)(sizeof(struct macho_dylib_command) + len + 7) & ~7u;
	struct macho_dylib_command *dc = mb_cmd(m, cmd, size);
	dc->name_offset = sizeof *dc;
	dc->current_version = 0x10000;
	dc->compatibility_version = 0x10000;
	memcpy(dc + 1, path, len);
}

static inline void mb_dylinker(struct mb *m, const char *path)
{
	uint32_t len = (uint32_t)strlen(path) + 1;
	uint32_t size = (uint32_t)(sizeof(struct macho_dylinker_command) + len + 7) & ~7u;
	struct macho_dylinker_command *dc = mb_cmd(m, MACHO_LC_LOAD_DYLINKER, size);
	dc->name_offset = sizeof *dc;
	memcpy(dc + 1, path, len);
}

static inline void mb_unixthread(struct mb *m, uint64_t rip)
{
	struct macho_thread_command *tc =
	    mb_cmd(m, MACHO_LC_UNIXTHREAD,
		   sizeof *tc + sizeof(struct macho_thread_state_header) +
		       sizeof(struct macho_x86_thread_state64));
	struct macho_thread_state_header *h = (struct macho_thread_state_header *)(tc + 1);
	h->flavor = MACHO_X86_THREAD_STATE64;
	h->count = MACHO_X86_THREAD_STATE64_COUNT;
	((struct macho_x86_thread_state64 *)(h + 1))->rip = rip;
}

static inline void mb_main(struct mb *m, uint64_t entryoff, uint64_t stacksize)
{
	struct macho_entry_point_command *ep = mb_cmd(m, MACHO_LC_MAIN, sizeof *ep);
	ep->entryoff = entryoff;
	ep->stacksize = stacksize;
}

/* Writes a stream at its place in __LINKEDIT; returns its size. */
static inline uint32_t mb_put(struct mb *m, uint32_t off, const struct mb_ops *o)
{
	memcpy(m->bytes + off, o->b, o->n);
	return o->n;
}

/* The segments, sections, dylinker and libraries; entry by LC_MAIN or LC_UNIXTHREAD. */
static inline void mb_begin(struct mb *m, bool lc_main)
{
	memset(m, 0, sizeof *m);
	m->size = MB_SIZE;
	struct macho_header_64 *h = mb_header(m);
	h->magic = MACHO_MH_MAGIC_64;
	h->cputype = MACHO_CPU_TYPE_X86_64;
	h->cpusubtype = 3; /* CPU_SUBTYPE_X86_64_ALL */
	h->filetype = MACHO_MH_EXECUTE;
	const int32_t r = MACHO_VM_PROT_READ, rw = r | MACHO_VM_PROT_WRITE;
	mb_segment(m, "__PAGEZERO", 0, MB_TEXT, 0, 0, 0, 0);
	struct macho_segment_command_64 *text =
	    mb_segment(m, "__TEXT", MB_TEXT, 0x2000, 0, 0x2000, r | MACHO_VM_PROT_EXECUTE, 1);
	mb_section(text, 0, "__text", MB_ENTRY, 0x100, MACHO_S_REGULAR, 0);
	struct macho_segment_command_64 *dc =
	    mb_segment(m, "__DATA_CONST", MB_GOT, 0x1000, 0x2000, 0x1000, rw, 1);
	dc->flags = MACHO_SG_READ_ONLY;
	mb_section(dc, 0, "__got", MB_GOT, 0x20, MACHO_S_NON_LAZY_SYMBOL_POINTERS, 0);
	struct macho_segment_command_64 *data =
	    mb_segment(m, "__DATA", MB_LAZY, 0x3000, 0x3000, 0x1000, rw, 3);
	mb_section(data, 0, "__la_symbol_ptr", MB_LAZY, 0x10, MACHO_S_LAZY_SYMBOL_POINTERS, 4);
	mb_section(data, 1, "__data", MB_LAZY + 0x10, 0x100, MACHO_S_REGULAR, 0);
	mb_section(data, 2, "__bss", MB_LAZY + 0x1000, 0x2000, MACHO_S_ZEROFILL, 0);
	mb_segment(m, "__LINKEDIT", 0x1006000, 0x1000, MB_LINKEDIT, 0x1000, r, 0);
	if (lc_main)
		mb_main(m, MB_ENTRY - MB_TEXT, 0);
	else
		mb_unixthread(m, MB_ENTRY);
	mb_dylinker(m, "/usr/lib/dyld");
	mb_dylib(m, MACHO_LC_LOAD_DYLIB, "/usr/lib/libSystem.B.dylib");
	mb_dylib(m, MACHO_LC_LOAD_WEAK_DYLIB,
		 "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation");
}

/* LC_DYLD_INFO_ONLY with the given streams (NULL: none). */
static inline struct macho_dyld_info_command *
mb_dyld_info_streams(struct mb *m, const struct mb_ops *rebase, const struct mb_ops *bind,
		     const struct mb_ops *weak, const struct mb_ops *lazy)
{
	struct macho_dyld_info_command *di = mb_cmd(m, MACHO_LC_DYLD_INFO_ONLY, sizeof *di);
	if (rebase)
		di->rebase_off = MB_REBASE, di->rebase_size = mb_put(m, MB_REBASE, rebase);
	if (bind)
		di->bind_off = MB_BIND, di->bind_size = mb_put(m, MB_BIND, bind);
	if (weak)
		di->weak_bind_off = MB_WEAKBIND, di->weak_bind_size = mb_put(m, MB_WEAKBIND, weak);
	if (lazy)
		di->lazy_bind_off = MB_LAZYBIND, di->lazy_bind_size = mb_put(m, MB_LAZYBIND, lazy);
	return di;
}

/* The streams a linker writes for the imports above; __data's first two
 * pointers are rebased. */
static inline void mb_dyld_info(struct mb *m, bool lc_main)
{
	struct mb_ops rebase = {0}, bind = {0}, lazy = {0};
	mb_begin(m, lc_main);
	mb_op(&rebase, MACHO_REBASE_OPCODE_SET_TYPE_IMM | MACHO_REBASE_TYPE_POINTER);
	mb_op(&rebase, MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
	mb_uleb(&rebase, 0x10);
	mb_op(&rebase, MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES | 2);
	mb_op(&rebase, MACHO_REBASE_OPCODE_DONE);

	mb_op(&bind, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 1);
	mb_name(&bind, 0, "_write");
	mb_op(&bind, MACHO_BIND_OPCODE_SET_TYPE_IMM | MACHO_BIND_TYPE_POINTER);
	mb_op(&bind, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 2);
	mb_uleb(&bind, 0);
	mb_op(&bind, MACHO_BIND_OPCODE_DO_BIND);
	mb_name(&bind, 0, "_exit");
	mb_op(&bind, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&bind, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 2);
	mb_name(&bind, MACHO_BIND_SYMBOL_FLAGS_WEAK_IMPORT, "_CFRelease");
	mb_op(&bind, MACHO_BIND_OPCODE_DO_BIND);
	mb_op(&bind, MACHO_BIND_OPCODE_DONE);

	const char *lazy_names[2] = {"_read", "_close"};
	for (int i = 0; i < 2; i++) {
		mb_op(&lazy, MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB | 3);
		mb_uleb(&lazy, (uint64_t)i * 8);
		mb_op(&lazy, MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM | 1);
		mb_name(&lazy, 0, lazy_names[i]);
		mb_op(&lazy, MACHO_BIND_OPCODE_DO_BIND);
		mb_op(&lazy, MACHO_BIND_OPCODE_DONE);
	}
	mb_dyld_info_streams(m, &rebase, &bind, NULL, &lazy);
}

/* The classic form: LC_SYMTAB's undefined symbols, LC_DYSYMTAB's indirect
 * table [_write _exit _CFRelease LOCAL | _read _close] for __got and
 * __la_symbol_ptr.  In a two-level image n_desc names each one's library. */
static inline void mb_classic(struct mb *m, bool twolevel)
{
	static const char *names[5] = {"_write", "_exit", "_CFRelease", "_read", "_close"};
	static const uint8_t libs[5] = {1, 1, 2, 1, 1};
	mb_begin(m, false);
	if (twolevel)
		mb_header(m)->flags |= MACHO_MH_TWOLEVEL;
	uint32_t strx = 1; /* the table begins with an empty name */
	struct macho_nlist_64 *syms = (struct macho_nlist_64 *)(m->bytes + MB_SYMS);
	for (int i = 0; i < 5; i++) {
		syms[i].n_strx = strx;
		syms[i].n_type = MACHO_N_UNDF | MACHO_N_EXT;
		syms[i].n_desc = (uint16_t)(twolevel ? libs[i] << 8 : 0);
		strcpy((char *)m->bytes + MB_STRS + strx, names[i]);
		strx += (uint32_t)strlen(names[i]) + 1;
	}
	struct macho_symtab_command *st = mb_cmd(m, MACHO_LC_SYMTAB, sizeof *st);
	st->symoff = MB_SYMS, st->nsyms = 5, st->stroff = MB_STRS, st->strsize = (strx + 7) & ~7u;
	const uint32_t indirect[6] = {0, 1, 2, MACHO_INDIRECT_SYMBOL_LOCAL, 3, 4};
	memcpy(m->bytes + MB_INDIRECT, indirect, sizeof indirect);
	struct macho_dysymtab_command *dt = mb_cmd(m, MACHO_LC_DYSYMTAB, sizeof *dt);
	dt->iundefsym = 0, dt->nundefsym = 5;
	dt->indirectsymoff = MB_INDIRECT, dt->nindirectsyms = 6;
}

static inline void mb_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* A universal file of the thin program thin, once per cpu type (the copies
 * say that cpu type in their headers), each part at a 4 KiB boundary. */
static inline void mb_fat(struct mb *fat, const struct mb *thin, const int32_t *cputypes, int n,
			  bool wide)
{
	memset(fat, 0, sizeof *fat);
	mb_be32(fat->bytes, wide ? MACHO_FAT_MAGIC_64 : MACHO_FAT_MAGIC);
	mb_be32(fat->bytes + 4, (uint32_t)n);
	uint32_t at = 0x1000, entsize = wide ? 32 : 20;
	for (int i = 0; i < n && at + thin->size <= MB_MAX; i++, at += thin->size) {
		uint8_t *e = fat->bytes + 8 + i * entsize;
		mb_be32(e, (uint32_t)cputypes[i]);
		mb_be32(e + 4, 3);
		mb_be32(e + (wide ? 12 : 8), at);
		mb_be32(e + (wide ? 20 : 12), thin->size);
		mb_be32(e + (wide ? 24 : 16), 12);
		memcpy(fat->bytes + at, thin->bytes, thin->size);
		((struct macho_header_64 *)(fat->bytes + at))->cputype = cputypes[i];
		fat->size = at + thin->size;
	}
}

#endif
