/*
 * Small PE32+ images built in memory, for the PE parser's unit test
 * (tests/unit/test_pe.c) and the PE fuzzer's seeds (tests/fuzz/make_pe_seeds.c):
 * a minimal console program, to which imports, base relocations, a TLS
 * directory and a load configuration can be added, each reaching one part
 * of loader/pe*.c.  Structures are those of loader/pe_format.h.
 *
 * The layout (file offset → RVA):
 *   0x000  headers (DOS header, "PE\0\0" at 0x40, optional header, sections)
 *   0x400  .text   0x1000  r-x  code; the entry point at 0x1000
 *   0x600  .rdata  0x2000  r--  import tables, TLS directory, load config
 *   0xa00  .data   0x3000  rw-  IAT, TLS index and template, pointers
 *   0xc00  .reloc  0x4000  r--  base relocations (when added)
 */
#ifndef XENO_TESTS_FUZZ_PE_BUILD_H
#define XENO_TESTS_FUZZ_PE_BUILD_H

#include <stdint.h>
#include <string.h>

#include "loader/pe_format.h"

#define PB_BASE	      0x140000000ULL
#define PB_LFANEW     0x40
#define PB_OPT	      (PB_LFANEW + 4 + sizeof(struct pe_file_header))
#define PB_SECTIONS   (PB_OPT + sizeof(struct pe_optional_header64))
#define PB_HEADERS    0x400
#define PB_TEXT	      0x1000
#define PB_RDATA      0x2000
#define PB_DATA	      0x3000
#define PB_RELOC      0x4000
#define PB_IMAGE_SIZE 0x5000
#define PB_FILE_MAX   0x2000

struct pe_builder {
	_Alignas(8) uint8_t bytes[PB_FILE_MAX];
	size_t size;
};

static inline struct pe_file_header *pb_fh(struct pe_builder *b)
{
	return (struct pe_file_header *)(b->bytes + PB_LFANEW + 4);
}

static inline struct pe_optional_header64 *pb_opt(struct pe_builder *b)
{
	return (struct pe_optional_header64 *)(b->bytes + PB_OPT);
}

static inline struct pe_section_header *pb_section(struct pe_builder *b, int i)
{
	return (struct pe_section_header *)(b->bytes + PB_SECTIONS) + i;
}

static inline struct pe_data_directory *pb_dir(struct pe_builder *b, int i)
{
	return &pb_opt(b)->data_directory[i];
}

/* Where the byte at rva is in the file, for an rva inside a section's raw data. */
static inline void *pb_at(struct pe_builder *b, uint32_t rva)
{
	for (int i = 0; i < pb_fh(b)->number_of_sections; i++) {
		struct pe_section_header *s = pb_section(b, i);
		if (rva >= s->virtual_address && rva < s->virtual_address + s->size_of_raw_data)
			return b->bytes + s->pointer_to_raw_data + (rva - s->virtual_address);
	}
	return b->bytes; /* a builder bug; the tests' results will show it */
}

static inline void pb_add_section(struct pe_builder *b, const char *name, uint32_t rva,
				  uint32_t vsize, uint32_t raw, uint32_t raw_size, uint32_t ch)
{
	struct pe_section_header *s = pb_section(b, pb_fh(b)->number_of_sections++);
	memset(s, 0, sizeof *s);
	strncpy(s->name, name, sizeof s->name);
	s->virtual_address = rva;
	s->virtual_size = vsize;
	s->pointer_to_raw_data = raw;
	s->size_of_raw_data = raw_size;
	s->characteristics = ch;
	if (raw + raw_size > b->size)
		b->size = raw + raw_size;
}

/* An x86-64 console program of three sections that starts at .text and
 * returns at once. */
static inline void pb_minimal(struct pe_builder *b)
{
	memset(b, 0, sizeof *b);
	struct pe_dos_header *dos = (struct pe_dos_header *)b->bytes;
	dos->e_magic = PE_DOS_MAGIC;
	dos->e_lfanew = PB_LFANEW;
	uint32_t sig = PE_SIGNATURE;
	memcpy(b->bytes + PB_LFANEW, &sig, sizeof sig);
	struct pe_file_header *fh = pb_fh(b);
	fh->machine = PE_MACHINE_AMD64;
	fh->size_of_optional_header = sizeof(struct pe_optional_header64);
	fh->characteristics = PE_FILE_EXECUTABLE_IMAGE | PE_FILE_LARGE_ADDRESS_AWARE;
	struct pe_optional_header64 *oh = pb_opt(b);
	oh->magic = PE_OPT_MAGIC_PE32PLUS;
	oh->address_of_entry_point = PB_TEXT;
	oh->image_base = PB_BASE;
	oh->section_alignment = 0x1000;
	oh->file_alignment = 0x200;
	oh->major_subsystem_version = 6;
	oh->size_of_image = PB_IMAGE_SIZE;
	oh->size_of_headers = PB_HEADERS;
	oh->subsystem = PE_SUBSYSTEM_WINDOWS_CUI;
	oh->dll_characteristics =
	    PE_DLLCHAR_HIGH_ENTROPY_VA | PE_DLLCHAR_DYNAMIC_BASE | PE_DLLCHAR_NX_COMPAT;
	oh->size_of_stack_reserve = 0x200000;
	oh->size_of_stack_commit = 0x1000;
	oh->size_of_heap_reserve = 0x100000;
	oh->size_of_heap_commit = 0x1000;
	oh->number_of_rva_and_sizes = PE_NUM_DIRS;
	b->size = PB_HEADERS;
	pb_add_section(b, ".text", PB_TEXT, 0x10, 0x400, 0x200,
		       PE_SCN_CNT_CODE | PE_SCN_MEM_EXECUTE | PE_SCN_MEM_READ);
	pb_add_section(b, ".rdata", PB_RDATA, 0x400, 0x600, 0x400,
		       PE_SCN_CNT_INITIALIZED_DATA | PE_SCN_MEM_READ);
	pb_add_section(b, ".data", PB_DATA, 0x1000, 0xa00, 0x200,
		       PE_SCN_CNT_INITIALIZED_DATA | PE_SCN_MEM_READ | PE_SCN_MEM_WRITE);
	memset(b->bytes + 0x400, 0xcc, 0x10);
	b->bytes[0x400] = 0xc3; /* ret */
}

/* Where the import tables go in .rdata, and the IAT in .data. */
#define PB_IMPORT_DIR 0x2000 /* three descriptors: two DLLs and the null one */
#define PB_ILT_K32    0x2040
#define PB_ILT_WS2    0x2060
#define PB_HINTNAMES  0x2080
#define PB_DLL_NAMES  0x20c0
#define PB_IAT_K32    0x3000
#define PB_IAT_WS2    0x3020

static inline uint32_t pb_hint_name(struct pe_builder *b, uint32_t rva, uint16_t hint,
				    const char *name)
{
	memcpy(pb_at(b, rva), &hint, sizeof hint);
	strcpy((char *)pb_at(b, rva + 2), name);
	return rva;
}

/* KERNEL32.dll: GetStdHandle (hint 0x2b1), WriteFile (hint 0x5f0) by name;
 * WS2_32.dll: ordinal 115 (WSAStartup). */
static inline void pb_add_imports(struct pe_builder *b)
{
	struct pe_import_descriptor d[3] = {
	    {PB_ILT_K32, 0, 0, PB_DLL_NAMES, PB_IAT_K32},
	    {PB_ILT_WS2, 0, 0, PB_DLL_NAMES + 16, PB_IAT_WS2},
	    {0},
	};
	memcpy(pb_at(b, PB_IMPORT_DIR), d, sizeof d);
	strcpy((char *)pb_at(b, PB_DLL_NAMES), "KERNEL32.dll");
	strcpy((char *)pb_at(b, PB_DLL_NAMES + 16), "WS2_32.dll");
	pe_thunk64 k32[3] = {pb_hint_name(b, PB_HINTNAMES, 0x2b1, "GetStdHandle"),
			     pb_hint_name(b, PB_HINTNAMES + 0x20, 0x5f0, "WriteFile"), 0};
	pe_thunk64 ws2[2] = {PE_ORDINAL_FLAG64 | 115, 0};
	memcpy(pb_at(b, PB_ILT_K32), k32, sizeof k32);
	memcpy(pb_at(b, PB_IAT_K32), k32, sizeof k32); /* the IAT starts as a copy */
	memcpy(pb_at(b, PB_ILT_WS2), ws2, sizeof ws2);
	memcpy(pb_at(b, PB_IAT_WS2), ws2, sizeof ws2);
	*pb_dir(b, PE_DIR_IMPORT) = (struct pe_data_directory){PB_IMPORT_DIR, sizeof d};
	*pb_dir(b, PE_DIR_IAT) = (struct pe_data_directory){PB_IAT_K32, 0x30};
}

/* A .reloc section with one block for the .data page: two DIR64 entries
 * (at 0x3100 and 0x3108) and an ABSOLUTE pad. */
static inline void pb_add_relocs(struct pe_builder *b)
{
	struct pe_base_relocation blk = {PB_DATA, sizeof blk + 4 * sizeof(uint16_t)};
	uint16_t e[4] = {PE_REL_BASED_DIR64 << 12 | 0x100, PE_REL_BASED_DIR64 << 12 | 0x108,
			 PE_REL_BASED_ABSOLUTE << 12, PE_REL_BASED_ABSOLUTE << 12};
	pb_add_section(b, ".reloc", PB_RELOC, sizeof blk + sizeof e, 0xc00, 0x200,
		       PE_SCN_CNT_INITIALIZED_DATA | PE_SCN_MEM_READ | PE_SCN_MEM_DISCARDABLE);
	memcpy(pb_at(b, PB_RELOC), &blk, sizeof blk);
	memcpy(pb_at(b, PB_RELOC + sizeof blk), e, sizeof e);
	*pb_dir(b, PE_DIR_BASERELOC) = (struct pe_data_directory){PB_RELOC, blk.size_of_block};
	uint64_t ptrs[2] = {PB_BASE + PB_TEXT, PB_BASE + PB_RDATA};
	memcpy(pb_at(b, PB_DATA + 0x100), ptrs, sizeof ptrs);
}

/* A TLS directory in .rdata: a 16-byte template at 0x3180, the index slot
 * at 0x3200, 16-byte alignment, one callback (.text+4). */
#define PB_TLS_DIR	 0x2200
#define PB_TLS_CALLBACKS 0x2240
#define PB_TLS_TEMPLATE	 0x3180
#define PB_TLS_INDEX	 0x3200
#define PB_TLS_CALLBACK	 (PB_BASE + PB_TEXT + 4)

static inline void pb_add_tls(struct pe_builder *b)
{
	struct pe_tls_directory64 t = {
	    .start_address_of_raw_data = PB_BASE + PB_TLS_TEMPLATE,
	    .end_address_of_raw_data = PB_BASE + PB_TLS_TEMPLATE + 16,
	    .address_of_index = PB_BASE + PB_TLS_INDEX,
	    .address_of_callbacks = PB_BASE + PB_TLS_CALLBACKS,
	    .size_of_zero_fill = 32,
	    .characteristics = 5u << PE_SCN_ALIGN_SHIFT, /* IMAGE_SCN_ALIGN_16BYTES */
	};
	uint64_t callbacks[2] = {PB_TLS_CALLBACK, 0};
	memcpy(pb_at(b, PB_TLS_DIR), &t, sizeof t);
	memcpy(pb_at(b, PB_TLS_CALLBACKS), callbacks, sizeof callbacks);
	memset(pb_at(b, PB_TLS_TEMPLATE), 0x5a, 16);
	*pb_dir(b, PE_DIR_TLS) = (struct pe_data_directory){PB_TLS_DIR, sizeof t};
}

/* A load configuration of 0x94 bytes (up to GuardFlags) with a cookie. */
#define PB_LOAD_CONFIG 0x2300
#define PB_COOKIE      0x3280

static inline void pb_add_load_config(struct pe_builder *b)
{
	struct pe_load_config64 lc = {
	    .size = 0x94, .security_cookie = PB_BASE + PB_COOKIE, .guard_flags = 0x800};
	memcpy(pb_at(b, PB_LOAD_CONFIG), &lc, sizeof lc);
	*pb_dir(b, PE_DIR_LOAD_CONFIG) = (struct pe_data_directory){PB_LOAD_CONFIG, 0x94};
}

/* Everything at once. */
static inline void pb_full(struct pe_builder *b)
{
	pb_minimal(b);
	pb_add_imports(b);
	pb_add_relocs(b);
	pb_add_tls(b);
	pb_add_load_config(b);
}

#endif
