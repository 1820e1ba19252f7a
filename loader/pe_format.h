/*
 * The fixed-width structures and constants of the PE/COFF image format
 * (PE32+, x86-64), as the loader reads them from untrusted bytes.
 *
 * Layouts follow the Microsoft "PE Format" specification (Portable Executable
 * and Common Object File Format Specification, rev. 11 and
 * learn.microsoft.com/windows/win32/debug/pe-format); the section of the
 * specification is named at each.  Values are checked against Wine's
 * include/winnt.h (wine-mirror/wine @d68a0e650a71c1b332b7619c2d4f2acaf978727c),
 * whose names are given beside ours.  Everything is little-endian and read
 * with memcpy, so no structure needs the file's bytes to be aligned.
 */
#ifndef XENO_LOADER_PE_FORMAT_H
#define XENO_LOADER_PE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

/* ---- MS-DOS Stub (Image Only); winnt.h IMAGE_DOS_HEADER ---- */

#define PE_DOS_MAGIC	 0x5a4d	    /* "MZ", IMAGE_DOS_SIGNATURE */
#define PE_SIGNATURE	 0x00004550 /* "PE\0\0", IMAGE_NT_SIGNATURE */
#define PE_DOS_LFANEW_AT 0x3c	    /* "at file offset 0x3c", Signature (Image Only) */

struct pe_dos_header {
	uint16_t e_magic;
	uint16_t e_cblp, e_cp, e_crlc, e_cparhdr, e_minalloc, e_maxalloc, e_ss, e_sp;
	uint16_t e_csum, e_ip, e_cs, e_lfarlc, e_ovno, e_res[4], e_oemid, e_oeminfo;
	uint16_t e_res2[10];
	uint32_t e_lfanew; /* file offset of the PE signature */
};
_Static_assert(sizeof(struct pe_dos_header) == 64, "IMAGE_DOS_HEADER");
_Static_assert(offsetof(struct pe_dos_header, e_lfanew) == PE_DOS_LFANEW_AT, "e_lfanew");

/* ---- COFF File Header (Object and Image); IMAGE_FILE_HEADER ---- */

struct pe_file_header {
	uint16_t machine;
	uint16_t number_of_sections;
	uint32_t time_date_stamp;
	uint32_t pointer_to_symbol_table;
	uint32_t number_of_symbols;
	uint16_t size_of_optional_header;
	uint16_t characteristics;
};
_Static_assert(sizeof(struct pe_file_header) == 20, "IMAGE_SIZEOF_FILE_HEADER");
_Static_assert(offsetof(struct pe_file_header, size_of_optional_header) == 16, "SizeOfOptHdr");

/* Machine Types (IMAGE_FILE_MACHINE_*) */
#define PE_MACHINE_I386	   0x014c
#define PE_MACHINE_ARM	   0x01c0
#define PE_MACHINE_ARMNT   0x01c4
#define PE_MACHINE_IA64	   0x0200
#define PE_MACHINE_AMD64   0x8664
#define PE_MACHINE_ARM64   0xaa64
#define PE_MACHINE_ARM64EC 0xa641
#define PE_MACHINE_ARM64X  0xa64e
#define PE_MACHINE_RISCV64 0x5064

/* Characteristics (IMAGE_FILE_*) */
#define PE_FILE_RELOCS_STRIPPED	    0x0001
#define PE_FILE_EXECUTABLE_IMAGE    0x0002
#define PE_FILE_LARGE_ADDRESS_AWARE 0x0020
#define PE_FILE_32BIT_MACHINE	    0x0100
#define PE_FILE_DLL		    0x2000

/* ---- Optional Header (Image Only); IMAGE_OPTIONAL_HEADER64 ---- */

#define PE_OPT_MAGIC_PE32     0x10b /* IMAGE_NT_OPTIONAL_HDR32_MAGIC */
#define PE_OPT_MAGIC_PE32PLUS 0x20b /* IMAGE_NT_OPTIONAL_HDR64_MAGIC */
#define PE_OPT_MAGIC_ROM      0x107 /* IMAGE_ROM_OPTIONAL_HDR_MAGIC */

/* Optional Header Data Directories (Image Only): IMAGE_DIRECTORY_ENTRY_* */
enum {
	PE_DIR_EXPORT = 0,
	PE_DIR_IMPORT = 1,
	PE_DIR_RESOURCE = 2,
	PE_DIR_EXCEPTION = 3,
	PE_DIR_SECURITY = 4, /* the certificate table: a file offset, not an RVA */
	PE_DIR_BASERELOC = 5,
	PE_DIR_DEBUG = 6,
	PE_DIR_ARCHITECTURE = 7,
	PE_DIR_GLOBALPTR = 8,
	PE_DIR_TLS = 9,
	PE_DIR_LOAD_CONFIG = 10,
	PE_DIR_BOUND_IMPORT = 11,
	PE_DIR_IAT = 12,
	PE_DIR_DELAY_IMPORT = 13,
	PE_DIR_COM_DESCRIPTOR = 14, /* the CLR runtime header: a .NET assembly */
	PE_NUM_DIRS = 16,	    /* IMAGE_NUMBEROF_DIRECTORY_ENTRIES */
};

struct pe_data_directory {
	uint32_t virtual_address; /* an RVA (a file offset for PE_DIR_SECURITY) */
	uint32_t size;
};
_Static_assert(sizeof(struct pe_data_directory) == 8, "IMAGE_DATA_DIRECTORY");

/* Optional Header Standard Fields and Windows-Specific Fields, PE32+ */
struct pe_optional_header64 {
	uint16_t magic;
	uint8_t major_linker_version, minor_linker_version;
	uint32_t size_of_code;
	uint32_t size_of_initialized_data;
	uint32_t size_of_uninitialized_data;
	uint32_t address_of_entry_point;
	uint32_t base_of_code;
	uint64_t image_base;
	uint32_t section_alignment;
	uint32_t file_alignment;
	uint16_t major_operating_system_version, minor_operating_system_version;
	uint16_t major_image_version, minor_image_version;
	uint16_t major_subsystem_version, minor_subsystem_version;
	uint32_t win32_version_value;
	uint32_t size_of_image;
	uint32_t size_of_headers;
	uint32_t check_sum;
	uint16_t subsystem;
	uint16_t dll_characteristics;
	uint64_t size_of_stack_reserve;
	uint64_t size_of_stack_commit;
	uint64_t size_of_heap_reserve;
	uint64_t size_of_heap_commit;
	uint32_t loader_flags;
	uint32_t number_of_rva_and_sizes;
	struct pe_data_directory data_directory[PE_NUM_DIRS];
};
_Static_assert(sizeof(struct pe_optional_header64) == 240, "IMAGE_SIZEOF_NT_OPTIONAL64_HEADER");
_Static_assert(offsetof(struct pe_optional_header64, address_of_entry_point) == 16, "entry");
_Static_assert(offsetof(struct pe_optional_header64, image_base) == 24, "ImageBase");
_Static_assert(offsetof(struct pe_optional_header64, section_alignment) == 32, "SectionAlign");
_Static_assert(offsetof(struct pe_optional_header64, size_of_image) == 56, "SizeOfImage");
_Static_assert(offsetof(struct pe_optional_header64, subsystem) == 68, "Subsystem");
_Static_assert(offsetof(struct pe_optional_header64, size_of_stack_reserve) == 72, "Stack");
_Static_assert(offsetof(struct pe_optional_header64, number_of_rva_and_sizes) == 108, "NumRva");
_Static_assert(offsetof(struct pe_optional_header64, data_directory) == 112, "DataDirectory");

/* Of a PE32 optional header only what tells it apart (IMAGE_OPTIONAL_HEADER32):
 * where its directory count and directories are, to recognise 32-bit .NET. */
#define PE32_OPT_NUMBER_OF_RVA_AND_SIZES 92
#define PE32_OPT_DATA_DIRECTORY		 96
#define PE32_OPT_SIZE			 224 /* IMAGE_SIZEOF_NT_OPTIONAL32_HEADER */

/* Windows Subsystem (IMAGE_SUBSYSTEM_*) */
#define PE_SUBSYSTEM_UNKNOWN		      0
#define PE_SUBSYSTEM_NATIVE		      1
#define PE_SUBSYSTEM_WINDOWS_GUI	      2
#define PE_SUBSYSTEM_WINDOWS_CUI	      3
#define PE_SUBSYSTEM_OS2_CUI		      5
#define PE_SUBSYSTEM_POSIX_CUI		      7
#define PE_SUBSYSTEM_NATIVE_WINDOWS	      8
#define PE_SUBSYSTEM_WINDOWS_CE_GUI	      9
#define PE_SUBSYSTEM_EFI_APPLICATION	      10
#define PE_SUBSYSTEM_EFI_BOOT_SERVICE	      11
#define PE_SUBSYSTEM_EFI_RUNTIME_DRIVER	      12
#define PE_SUBSYSTEM_EFI_ROM		      13
#define PE_SUBSYSTEM_XBOX		      14
#define PE_SUBSYSTEM_WINDOWS_BOOT_APPLICATION 16

/* DLL Characteristics (IMAGE_DLLCHARACTERISTICS_*) */
#define PE_DLLCHAR_HIGH_ENTROPY_VA	 0x0020
#define PE_DLLCHAR_DYNAMIC_BASE		 0x0040
#define PE_DLLCHAR_FORCE_INTEGRITY	 0x0080
#define PE_DLLCHAR_NX_COMPAT		 0x0100
#define PE_DLLCHAR_NO_ISOLATION		 0x0200
#define PE_DLLCHAR_NO_SEH		 0x0400
#define PE_DLLCHAR_NO_BIND		 0x0800
#define PE_DLLCHAR_APPCONTAINER		 0x1000
#define PE_DLLCHAR_WDM_DRIVER		 0x2000
#define PE_DLLCHAR_GUARD_CF		 0x4000
#define PE_DLLCHAR_TERMINAL_SERVER_AWARE 0x8000

/* ---- Section Table (Section Headers); IMAGE_SECTION_HEADER ---- */

#define PE_SECTION_NAME_SIZE 8 /* IMAGE_SIZEOF_SHORT_NAME */

struct pe_section_header {
	char name[PE_SECTION_NAME_SIZE]; /* NUL-padded, not always NUL-terminated */
	uint32_t virtual_size;
	uint32_t virtual_address;
	uint32_t size_of_raw_data;
	uint32_t pointer_to_raw_data;
	uint32_t pointer_to_relocations;
	uint32_t pointer_to_linenumbers;
	uint16_t number_of_relocations;
	uint16_t number_of_linenumbers;
	uint32_t characteristics;
};
_Static_assert(sizeof(struct pe_section_header) == 40, "IMAGE_SIZEOF_SECTION_HEADER");
_Static_assert(offsetof(struct pe_section_header, virtual_address) == 12, "VirtualAddress");
_Static_assert(offsetof(struct pe_section_header, pointer_to_raw_data) == 20, "PointerToRaw");
_Static_assert(offsetof(struct pe_section_header, characteristics) == 36, "Characteristics");

/* Section Flags (IMAGE_SCN_*) */
#define PE_SCN_CNT_CODE		      0x00000020
#define PE_SCN_CNT_INITIALIZED_DATA   0x00000040
#define PE_SCN_CNT_UNINITIALIZED_DATA 0x00000080
#define PE_SCN_LNK_INFO		      0x00000200
#define PE_SCN_LNK_REMOVE	      0x00000800
#define PE_SCN_ALIGN_MASK	      0x00f00000 /* IMAGE_SCN_ALIGN_1BYTES..8192BYTES */
#define PE_SCN_ALIGN_SHIFT	      20	 /* 1 is 1 byte, n is 2^(n-1) bytes */
#define PE_SCN_MEM_DISCARDABLE	      0x02000000
#define PE_SCN_MEM_NOT_CACHED	      0x04000000
#define PE_SCN_MEM_NOT_PAGED	      0x08000000
#define PE_SCN_MEM_SHARED	      0x10000000
#define PE_SCN_MEM_EXECUTE	      0x20000000
#define PE_SCN_MEM_READ		      0x40000000
#define PE_SCN_MEM_WRITE	      0x80000000

/* ---- The .idata Section: Import Directory Table; IMAGE_IMPORT_DESCRIPTOR ---- */

struct pe_import_descriptor {
	uint32_t original_first_thunk; /* RVA of the Import Lookup Table */
	uint32_t time_date_stamp;      /* 0 unbound, -1 bound (new style), else old-style bound */
	uint32_t forwarder_chain;
	uint32_t name;	      /* RVA of the DLL's name, ASCII */
	uint32_t first_thunk; /* RVA of the Import Address Table */
};
_Static_assert(sizeof(struct pe_import_descriptor) == 20, "IMAGE_IMPORT_DESCRIPTOR");
_Static_assert(offsetof(struct pe_import_descriptor, name) == 12, "Name");

/* Import Lookup Table, PE32+: one 64-bit entry per import (IMAGE_THUNK_DATA64),
 * a zero entry last.  Bit 63 set: by ordinal, in bits 15..0 (bits 62..16 zero).
 * Clear: by name, bits 30..0 the RVA of a hint/name entry (bits 62..31 zero). */
#define PE_ORDINAL_FLAG64     (1ULL << 63) /* IMAGE_ORDINAL_FLAG64 */
#define PE_ORDINAL_MASK	      0xffffULL	   /* IMAGE_ORDINAL64() */
#define PE_HINT_NAME_RVA_MASK 0x7fffffffULL
typedef uint64_t pe_thunk64;
_Static_assert(sizeof(pe_thunk64) == 8, "IMAGE_THUNK_DATA64");

/* Hint/Name Table: IMAGE_IMPORT_BY_NAME, a hint and then a NUL-terminated name */
struct pe_import_by_name {
	uint16_t hint; /* index into the DLL's export name pointer table to try first */
	char name[];
};
_Static_assert(offsetof(struct pe_import_by_name, name) == 2, "IMAGE_IMPORT_BY_NAME");

/* ---- Delay-Load Import Tables (Image Only); IMAGE_DELAYLOAD_DESCRIPTOR ---- */

struct pe_delayload_descriptor {
	uint32_t attributes; /* bit 0: the fields are RVAs (else VAs, old form) */
	uint32_t dll_name_rva;
	uint32_t module_handle_rva;
	uint32_t import_address_table_rva;
	uint32_t import_name_table_rva;
	uint32_t bound_import_address_table_rva;
	uint32_t unload_information_table_rva;
	uint32_t time_date_stamp;
};
_Static_assert(sizeof(struct pe_delayload_descriptor) == 32, "IMAGE_DELAYLOAD_DESCRIPTOR");

/* ---- The .reloc Section (Image Only): Base Relocation Block ---- */

struct pe_base_relocation {
	uint32_t virtual_address; /* RVA of the page the entries are offsets into */
	uint32_t size_of_block;	  /* this header included; the 16-bit entries follow */
};
_Static_assert(sizeof(struct pe_base_relocation) == 8, "IMAGE_SIZEOF_BASE_RELOCATION");

/* An entry: type in bits 15..12, offset into the page in bits 11..0. */
#define PE_RELOC_TYPE(e)   ((unsigned)(e) >> 12)
#define PE_RELOC_OFFSET(e) ((unsigned)(e)&0xfff)

/* Base Relocation Types (IMAGE_REL_BASED_*) */
#define PE_REL_BASED_ABSOLUTE 0 /* padding, skipped */
#define PE_REL_BASED_HIGH     1
#define PE_REL_BASED_LOW      2
#define PE_REL_BASED_HIGHLOW  3
#define PE_REL_BASED_HIGHADJ  4
#define PE_REL_BASED_DIR64    10 /* the 64-bit field gets the whole delta */

/* ---- The .tls Section: The TLS Directory, PE32+; IMAGE_TLS_DIRECTORY64 ---- */

struct pe_tls_directory64 {
	uint64_t start_address_of_raw_data; /* VAs (relocated like any pointer) */
	uint64_t end_address_of_raw_data;
	uint64_t address_of_index;     /* where the loader stores the TLS index */
	uint64_t address_of_callbacks; /* a NULL-terminated array of callback VAs */
	uint32_t size_of_zero_fill;
	uint32_t characteristics; /* bits 23..20: IMAGE_SCN_ALIGN_*, the rest reserved */
};
_Static_assert(sizeof(struct pe_tls_directory64) == 40, "IMAGE_TLS_DIRECTORY64");
_Static_assert(offsetof(struct pe_tls_directory64, size_of_zero_fill) == 32, "SizeOfZeroFill");

/* ---- The Load Configuration Structure (Image Only), PE32+ ----
 * IMAGE_LOAD_CONFIG_DIRECTORY64 up to CodeIntegrity; later fields are not read.
 * The structure's own Size says how much of it the file has. */

struct pe_load_config64 {
	uint32_t size;
	uint32_t time_date_stamp;
	uint16_t major_version, minor_version;
	uint32_t global_flags_clear;
	uint32_t global_flags_set;
	uint32_t critical_section_default_timeout;
	uint64_t decommit_free_block_threshold;
	uint64_t decommit_total_free_threshold;
	uint64_t lock_prefix_table;
	uint64_t maximum_allocation_size;
	uint64_t virtual_memory_threshold;
	uint64_t process_affinity_mask;
	uint32_t process_heap_flags;
	uint16_t csd_version;
	uint16_t dependent_load_flags;
	uint64_t edit_list;
	uint64_t security_cookie; /* VA of the /GS cookie, 0 if none */
	uint64_t se_handler_table;
	uint64_t se_handler_count;
	uint64_t guard_cf_check_function_pointer;
	uint64_t guard_cf_dispatch_function_pointer;
	uint64_t guard_cf_function_table;
	uint64_t guard_cf_function_count;
	uint32_t guard_flags;
	uint16_t code_integrity_flags, code_integrity_catalog;
	uint32_t code_integrity_catalog_offset;
	uint32_t code_integrity_reserved;
};
_Static_assert(sizeof(struct pe_load_config64) == 0xa0, "IMAGE_LOAD_CONFIG_DIRECTORY64 head");
_Static_assert(offsetof(struct pe_load_config64, security_cookie) == 0x58, "SecurityCookie");
_Static_assert(offsetof(struct pe_load_config64, guard_flags) == 0x90, "GuardFlags");

/* ---- The .edata Section (Image Only): Export Directory Table (for later) ---- */

struct pe_export_directory {
	uint32_t characteristics;
	uint32_t time_date_stamp;
	uint16_t major_version, minor_version;
	uint32_t name; /* RVA of the DLL's name */
	uint32_t base; /* the first ordinal */
	uint32_t number_of_functions;
	uint32_t number_of_names;
	uint32_t address_of_functions;
	uint32_t address_of_names;
	uint32_t address_of_name_ordinals;
};
_Static_assert(sizeof(struct pe_export_directory) == 40, "IMAGE_EXPORT_DIRECTORY");
_Static_assert(offsetof(struct pe_export_directory, address_of_functions) == 28, "AddrOfFunc");

#endif
