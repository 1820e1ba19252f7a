/*
 * A PE32+ image (a Windows x86-64 program) as the loader finds it in the
 * file: headers, sections, imports, base relocations, TLS.  The parser reads
 * untrusted bytes in memory and checks every offset, size, RVA and count
 * against the file and SizeOfImage before it uses one; a file it cannot
 * describe, or one xeno cannot run (32-bit, .NET, GUI, a DLL, another
 * machine), is refused with a one-line reason.  Nothing is mapped here.
 *
 * Addresses are RVAs (offsets from the image base) unless named *_va, which
 * are virtual addresses as the file has them, for the preferred image_base.
 */
#ifndef XENO_LOADER_PE_H
#define XENO_LOADER_PE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader/pe_format.h"

/* Caps on what an image may hold; far above what real programs have. */
#define PE_MAX_SECTIONS	 96	   /* the specification's Windows loader limit */
#define PE_MAX_DLLS	 256	   /* import descriptors */
#define PE_MAX_IMPORTS	 16384	   /* imported functions, all DLLs together */
#define PE_MAX_NAME	 1024	   /* bytes of a DLL or function name, its NUL included */
#define PE_MAX_RELOCS	 (1 << 22) /* base relocation entries */
#define PE_MAX_CALLBACKS 256	   /* TLS callbacks */

struct pe_section {
	char name[PE_SECTION_NAME_SIZE + 1]; /* as the file has it, NUL-terminated */
	uint32_t rva;			     /* VirtualAddress */
	uint32_t vsize;			     /* VirtualSize (SizeOfRawData if that is 0) */
	uint32_t raw_offset;		     /* PointerToRawData */
	uint32_t raw_size; /* bytes from the file: SizeOfRawData cut to vsize; the rest is 0 */
	uint32_t characteristics; /* PE_SCN_* */
	int prot;		  /* PROT_* from PE_SCN_MEM_{READ,WRITE,EXECUTE} */
};

/* One imported function: the loader writes its address into the IAT slot. */
struct pe_import {
	uint32_t iat_rva; /* the IAT slot, 8 bytes */
	bool by_ordinal;
	uint16_t ordinal; /* by ordinal */
	uint16_t hint;	  /* by name: where in the DLL's export names to look first */
	char *name;	  /* by name; NULL by ordinal */
};

/* One import descriptor: a DLL and its functions, imports[first..first+count). */
struct pe_import_dll {
	char *name;	  /* as the file spells it: "KERNEL32.dll" */
	uint32_t iat_rva; /* FirstThunk */
	uint32_t ilt_rva; /* OriginalFirstThunk; 0 when the IAT is the lookup table too */
	bool bound;	  /* prebound (TimeDateStamp non-zero); xeno binds anyway */
	size_t first, count;
};

/* A block of base relocations, checked entry by entry: the entries stay in
 * the image (count 16-bit entries at entries_rva), read again when the
 * image moves — most never do, and esbuild.exe's 51,000 entries copied out
 * cost more start-up than all the rest of the parse. */
struct pe_reloc_block {
	uint32_t page_rva;    /* the block's page */
	uint32_t entries_rva; /* its entries (type << 12 | offset in the page) */
	uint32_t count;	      /* DIR64 and ABSOLUTE entries */
};

struct pe_tls {
	bool present;
	uint64_t raw_start_va, raw_end_va; /* the template, [start, end) */
	uint64_t index_va;		   /* AddressOfIndex: a 4-byte slot for the TLS index */
	uint64_t callbacks_va;		   /* AddressOfCallBacks, 0 if none */
	uint32_t zero_fill;		   /* SizeOfZeroFill: zeros after the template */
	uint32_t characteristics;
	uint32_t align;	     /* bytes, from its IMAGE_SCN_ALIGN_* bits; 0 unspecified */
	uint64_t *callbacks; /* VAs, in the order they are called */
	size_t ncallbacks;
};

struct pe_load_config {
	bool present;
	uint32_t size;		     /* the structure's own Size */
	uint64_t security_cookie_va; /* 0 if none */
	uint32_t guard_flags;
};

struct pe_image {
	char reason[256]; /* why parsing failed, one line without the file name */

	/* headers */
	uint16_t machine;	  /* PE_MACHINE_AMD64 */
	uint16_t characteristics; /* PE_FILE_* */
	uint16_t subsystem;	  /* PE_SUBSYSTEM_WINDOWS_CUI */
	uint16_t subsystem_major, subsystem_minor;
	uint16_t dll_characteristics; /* PE_DLLCHAR_*: DYNAMIC_BASE, NX_COMPAT, ... */
	uint64_t image_base;	      /* the preferred load address */
	uint32_t size_of_image, size_of_headers;
	uint32_t section_alignment, file_alignment;
	uint32_t entry_rva;
	uint64_t stack_reserve, stack_commit, heap_reserve, heap_commit;
	struct pe_data_directory dirs[PE_NUM_DIRS]; /* absent ones zero */

	struct pe_section sections[PE_MAX_SECTIONS];
	size_t nsections;

	struct pe_import_dll *dlls;
	size_t ndlls;
	struct pe_import *imports;
	size_t nimports;
	bool has_bound_imports; /* a bound import directory; ignored, xeno binds itself */

	bool relocatable; /* base relocations present and not stripped */
	struct pe_reloc_block *reloc_blocks;
	size_t nreloc_blocks;
	size_t nrelocs;
	size_t nreloc_padding; /* ABSOLUTE entries, skipped */

	struct pe_tls tls;
	struct pe_load_config load_config;
};

/* Whether data starts like a PE image (MZ header pointing at "PE\0\0"). */
bool pe_probe(const void *data, size_t size);

/* Parses the image in data[0..size) into img, overwriting it (pe_free a
 * previous result first): 0, or XENO_LOAD_BAD with img->reason set and
 * nothing left allocated.  Never prints; data is only read. */
int pe_parse(struct pe_image *img, const void *data, size_t size);

/* Frees what pe_parse allocated; the headers and sections stay readable. */
void pe_free(struct pe_image *img);

/* The section whose span [rva, rva + vsize rounded to SectionAlignment)
 * holds [rva, rva + n), or NULL. */
const struct pe_section *pe_section_at(const struct pe_image *img, uint64_t rva, uint64_t n);
/* Moves the image mapped at base (writable) by bias: its DIR64 fields
 * (the blocks' entries read from the image): how many, or -1 if an entry
 * no longer passes the parser's checks (the image rewrote it). */
long pe_apply_relocs(const struct pe_image *img, uint64_t base, uint64_t bias);

#endif
