/*
 * Mach-O programs: a parser of untrusted bytes in memory into a plain
 * description of a 64-bit x86-64 macOS executable (MH_EXECUTE) — its
 * segments and sections, entry point, libraries, and every fixup dyld would
 * apply (rebases, and binds with their symbol and library), whichever of the
 * two forms the file uses: the dyld-info opcode streams (LC_DYLD_INFO_ONLY)
 * or the classic pointer sections with the indirect symbol table.
 *
 * Every offset, size and count is checked against the file before it is
 * used; a file xeno cannot take is refused with one line saying why
 * ("a Mach-O dynamic library, not a program").  Nothing is mapped: the
 * description is all the loader needs to map and link the program.
 * The layouts are in loader/macho_format.h.
 */
#ifndef XENO_LOADER_MACHO_H
#define XENO_LOADER_MACHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Caps on what one file may hold: beyond them the file is refused. */
#define MACHO_MAX_SEGMENTS  32
#define MACHO_MAX_SECTIONS  255 /* n_sect is one byte */
#define MACHO_MAX_DYLIBS    255
#define MACHO_MAX_FIXUPS    (1u << 21) /* rebases, and binds, each */
#define MACHO_MAX_FAT_ARCHS 32

struct macho_segment {
	char name[17];
	uint64_t vmaddr, vmsize;
	uint64_t fileoff, filesize; /* in the slice; vmsize past filesize is zero-filled */
	int maxprot, initprot;	    /* PROT_* */
	uint32_t flags;		    /* MACHO_SG_* as the file says */
	bool read_only;		    /* SG_READ_ONLY: made read-only once fixed up */
	bool reserved;		    /* __PAGEZERO: address space kept, nothing mapped */
};

struct macho_section {
	char segname[17], sectname[17];
	unsigned segment; /* index in segments[] */
	uint64_t addr, size;
	uint32_t offset;     /* in the slice; 0 for zero-fill */
	uint32_t type;	     /* MACHO_S_* (flags & SECTION_TYPE) */
	uint32_t attributes; /* flags & SECTION_ATTRIBUTES */
	uint32_t reserved1;  /* pointer and stub sections: first indirect symbol */
	uint32_t reserved2;  /* stub sections: the size of one stub */
};

enum macho_entry_kind {
	MACHO_ENTRY_MAIN,	/* LC_MAIN: main(argc, argv, envp, apple), called by dyld */
	MACHO_ENTRY_UNIXTHREAD, /* LC_UNIXTHREAD: jumped to with the initial stack */
};

struct macho_entry {
	enum macho_entry_kind kind;
	uint64_t addr;	    /* the address to start at */
	uint64_t stacksize; /* LC_MAIN: the main thread's stack, 0 for the default */
	uint64_t stack;	    /* LC_UNIXTHREAD: rsp if the file sets one, else 0 */
};

struct macho_dylib {
	const char *path;
	uint32_t cmd; /* MACHO_LC_LOAD_DYLIB, _LOAD_WEAK_DYLIB, _REEXPORT_DYLIB, ... */
	bool weak;    /* LC_LOAD_WEAK_DYLIB: may be missing */
	uint32_t current_version, compatibility_version;
};

/* Library ordinals of binds: 1..ndylibs is dylibs[ordinal - 1], or one of these.
 * A bind keeps the ordinal its stream names even in an image without
 * MH_TWOLEVEL (Go 1.26's internal linker writes such images): how to look
 * the symbol up then is the linker's decision (img->twolevel says which). */
enum {
	MACHO_ORDINAL_SELF = 0,	 /* the image itself */
	MACHO_ORDINAL_MAIN = -1, /* the main executable */
	MACHO_ORDINAL_FLAT = -2, /* every image, in load order */
	MACHO_ORDINAL_WEAK = -3, /* weak coalescing (the weak-bind stream) */
};

enum macho_bind_kind {
	MACHO_BIND_NONLAZY, /* bound at load (bind stream, non-lazy pointers) */
	MACHO_BIND_LAZY,    /* lazy pointers: may be bound at load too */
	MACHO_BIND_WEAK,    /* the weak-bind stream */
};

/* A pointer to set to symbol + addend: at segments[segment].vmaddr + offset. */
struct macho_bind {
	uint64_t offset;
	int64_t addend;
	const char *symbol; /* as the file spells it, with its leading '_' */
	int32_t ordinal;    /* library: 1..ndylibs or MACHO_ORDINAL_* */
	uint8_t segment;
	uint8_t type;		  /* MACHO_BIND_TYPE_POINTER */
	uint8_t kind;		  /* enum macho_bind_kind */
	bool weak_import;	  /* a missing symbol binds to 0 */
	bool non_weak_definition; /* weak-bind stream: the image's own strong definition */
};

enum macho_fixup_form {
	MACHO_FIXUPS_NONE,	/* nothing to bind or rebase */
	MACHO_FIXUPS_DYLD_INFO, /* LC_DYLD_INFO(_ONLY) opcode streams */
	MACHO_FIXUPS_CLASSIC,	/* pointer sections + LC_DYSYMTAB indirect symbols */
};

struct macho_image {
	char reason[256]; /* why the file was refused */

	uint64_t slice_offset, slice_size; /* the x86-64 part of the file */
	bool fat;			   /* it came from a universal file */
	uint32_t flags;			   /* MH_* of the header */
	bool pie;			   /* MH_PIE: may be placed anywhere */
	bool twolevel;			   /* MH_TWOLEVEL: binds name their library */

	struct macho_segment *segments;
	unsigned nsegments;
	struct macho_section *sections;
	unsigned nsections;
	uint64_t lo, hi; /* page-rounded span of the mapped segments (not __PAGEZERO) */

	struct macho_entry entry;
	const char *dylinker; /* LC_LOAD_DYLINKER path, NULL if none */
	struct macho_dylib *dylibs;
	unsigned ndylibs;

	enum macho_fixup_form form;
	/* The rebase stream: where it lies in the slice (checked) and how many
	 * pointers it slides.  Not decoded into records: macho_each_rebase
	 * walks it when the image moved. */
	uint64_t rebase_off;
	uint32_t rebase_size;
	size_t nrebases;
	struct macho_bind *binds; /* in the file's order: binds, weak binds, lazy binds */
	size_t nbinds;

	char *strings; /* where every string above lives */
};

/* True if the bytes begin like a Mach-O file or a universal one (any CPU). */
bool macho_probe(const void *data, size_t size);
/* Parses the file in data[0, size): 0, or -1 with img->reason set.  Either
 * way, macho_free releases what img holds; img keeps no pointer into data. */
int macho_parse(struct macho_image *img, const void *data, size_t size);
void macho_free(struct macho_image *img);

/* A pointer to slide: at segments[segment].vmaddr + offset. */
typedef void macho_rebase_fn(void *ctx, unsigned segment, uint64_t offset);
/* Calls fn for each rebase of the stream, the size bytes at stream: the
 * slice's bytes at img->rebase_off, which macho_parse checked.  0, or -1 with
 * img->reason set if they are not what it checked. */
int macho_each_rebase(struct macho_image *img, const void *stream, size_t size, macho_rebase_fn *fn,
		      void *ctx);

/* The mapped segment (not __PAGEZERO) holding [addr, addr + len): its index, or -1. */
int macho_segment_at(const struct macho_image *img, uint64_t addr, uint64_t len);
/* "libSystem.B.dylib" style name of a bind's library for messages. */
const char *macho_ordinal_name(const struct macho_image *img, int32_t ordinal);

#endif
