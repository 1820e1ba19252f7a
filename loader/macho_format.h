/*
 * The Mach-O file format as xeno reads it: fixed-width structures and
 * constants of 64-bit x86-64 executables, universal (fat) wrappers, the dyld
 * rebase/bind opcode streams and the classic symbol tables.
 *
 * Facts from apple-oss-distributions/xnu at tag xnu-11417.101.15:
 *   EXTERNAL_HEADERS/mach-o/loader.h   headers, load commands, sections, opcodes
 *   EXTERNAL_HEADERS/mach-o/nlist.h    struct nlist_64, n_type, n_desc ordinals
 *   EXTERNAL_HEADERS/mach-o/fat.h      universal files (big-endian on disk)
 *   osfmk/mach/machine.h               cpu types
 *   osfmk/mach/vm_prot.h               VM_PROT_*
 *   osfmk/mach/i386/thread_status.h    thread-state flavors
 *   osfmk/mach/i386/_structs.h         struct x86_thread_state64
 * The names carry a macho_/MACHO_ prefix so that they never clash with a
 * system's own <mach-o/loader.h>.  Everything but the fat wrapper is in the
 * file's byte order, little-endian for x86-64, which is the host's.
 */
#ifndef XENO_LOADER_MACHO_FORMAT_H
#define XENO_LOADER_MACHO_FORMAT_H

#include <stddef.h>
#include <stdint.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "Mach-O x86-64 is little-endian");

/* ---- osfmk/mach/machine.h: cpu types ---- */
#define MACHO_CPU_ARCH_ABI64	   0x01000000
#define MACHO_CPU_TYPE_X86	   7
#define MACHO_CPU_TYPE_X86_64	   (MACHO_CPU_TYPE_X86 | MACHO_CPU_ARCH_ABI64)
#define MACHO_CPU_TYPE_ARM	   12
#define MACHO_CPU_TYPE_ARM64	   (MACHO_CPU_TYPE_ARM | MACHO_CPU_ARCH_ABI64)
#define MACHO_CPU_TYPE_POWERPC	   18
#define MACHO_CPU_SUBTYPE_MASK	   0xff000000u /* feature flags, e.g. CPU_SUBTYPE_LIB64 */
#define MACHO_CPU_SUBTYPE_X86_64_H 8	       /* Haswell feature subset */

/* ---- osfmk/mach/vm_prot.h ---- */
#define MACHO_VM_PROT_NONE    0x00
#define MACHO_VM_PROT_READ    0x01
#define MACHO_VM_PROT_WRITE   0x02
#define MACHO_VM_PROT_EXECUTE 0x04

/* ---- mach-o/fat.h: a universal file, every field big-endian ---- */
#define MACHO_FAT_MAGIC	   0xcafebabe
#define MACHO_FAT_MAGIC_64 0xcafebabf /* fat_arch_64 entries (cctools include/mach-o/fat.h) */

struct macho_fat_header {
	uint32_t magic;
	uint32_t nfat_arch; /* how many macho_fat_arch follow */
};
_Static_assert(sizeof(struct macho_fat_header) == 8, "fat_header");

struct macho_fat_arch {
	int32_t cputype;
	int32_t cpusubtype;
	uint32_t offset; /* of the slice in the file */
	uint32_t size;
	uint32_t align; /* power of 2 */
};
_Static_assert(sizeof(struct macho_fat_arch) == 20, "fat_arch");
_Static_assert(offsetof(struct macho_fat_arch, offset) == 8, "fat_arch offset");
_Static_assert(offsetof(struct macho_fat_arch, align) == 16, "fat_arch align");

/* apple-oss-distributions/cctools (cctools-1035.1.102) include/mach-o/fat.h */
struct macho_fat_arch_64 {
	int32_t cputype;
	int32_t cpusubtype;
	uint64_t offset;
	uint64_t size;
	uint32_t align;
	uint32_t reserved;
};
_Static_assert(sizeof(struct macho_fat_arch_64) == 32, "fat_arch_64");
_Static_assert(offsetof(struct macho_fat_arch_64, size) == 16, "fat_arch_64 size");

/* ---- mach-o/loader.h: the header ---- */
#define MACHO_MH_MAGIC	  0xfeedface /* 32-bit */
#define MACHO_MH_CIGAM	  0xcefaedfe
#define MACHO_MH_MAGIC_64 0xfeedfacf
#define MACHO_MH_CIGAM_64 0xcffaedfe

struct macho_header_64 {
	uint32_t magic;
	int32_t cputype;
	int32_t cpusubtype;
	uint32_t filetype;
	uint32_t ncmds;
	uint32_t sizeofcmds; /* of all the load commands, which follow the header */
	uint32_t flags;
	uint32_t reserved;
};
_Static_assert(sizeof(struct macho_header_64) == 32, "mach_header_64");
_Static_assert(offsetof(struct macho_header_64, filetype) == 12, "mach_header_64 filetype");
_Static_assert(offsetof(struct macho_header_64, sizeofcmds) == 20, "mach_header_64 sizeofcmds");
_Static_assert(offsetof(struct macho_header_64, flags) == 24, "mach_header_64 flags");

/* filetype */
#define MACHO_MH_OBJECT	     0x1
#define MACHO_MH_EXECUTE     0x2
#define MACHO_MH_FVMLIB	     0x3
#define MACHO_MH_CORE	     0x4
#define MACHO_MH_PRELOAD     0x5
#define MACHO_MH_DYLIB	     0x6
#define MACHO_MH_DYLINKER    0x7
#define MACHO_MH_BUNDLE	     0x8
#define MACHO_MH_DYLIB_STUB  0x9
#define MACHO_MH_DSYM	     0xa
#define MACHO_MH_KEXT_BUNDLE 0xb
#define MACHO_MH_FILESET     0xc

/* flags (those xeno looks at) */
#define MACHO_MH_NOUNDEFS 0x1
#define MACHO_MH_DYLDLINK 0x4
#define MACHO_MH_TWOLEVEL 0x80
#define MACHO_MH_PIE	  0x200000

/* ---- mach-o/loader.h: load commands ---- */
struct macho_load_command {
	uint32_t cmd;
	uint32_t cmdsize; /* a multiple of 8 in a 64-bit file */
};
_Static_assert(sizeof(struct macho_load_command) == 8, "load_command");

#define MACHO_LC_REQ_DYLD	     0x80000000 /* dyld refuses the image if it does not know it */
#define MACHO_LC_SEGMENT	     0x1
#define MACHO_LC_SYMTAB		     0x2
#define MACHO_LC_THREAD		     0x4
#define MACHO_LC_UNIXTHREAD	     0x5
#define MACHO_LC_DYSYMTAB	     0xb
#define MACHO_LC_LOAD_DYLIB	     0xc
#define MACHO_LC_ID_DYLIB	     0xd
#define MACHO_LC_LOAD_DYLINKER	     0xe
#define MACHO_LC_ID_DYLINKER	     0xf
#define MACHO_LC_LOAD_WEAK_DYLIB     (0x18 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_SEGMENT_64	     0x19
#define MACHO_LC_UUID		     0x1b
#define MACHO_LC_RPATH		     (0x1c | MACHO_LC_REQ_DYLD)
#define MACHO_LC_CODE_SIGNATURE	     0x1d
#define MACHO_LC_REEXPORT_DYLIB	     (0x1f | MACHO_LC_REQ_DYLD)
#define MACHO_LC_LAZY_LOAD_DYLIB     0x20
#define MACHO_LC_ENCRYPTION_INFO     0x21
#define MACHO_LC_DYLD_INFO	     0x22
#define MACHO_LC_DYLD_INFO_ONLY	     (0x22 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_LOAD_UPWARD_DYLIB   (0x23 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_FUNCTION_STARTS     0x26
#define MACHO_LC_MAIN		     (0x28 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_DATA_IN_CODE	     0x29
#define MACHO_LC_SOURCE_VERSION	     0x2a
#define MACHO_LC_ENCRYPTION_INFO_64  0x2c
#define MACHO_LC_BUILD_VERSION	     0x32
#define MACHO_LC_DYLD_EXPORTS_TRIE   (0x33 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_DYLD_CHAINED_FIXUPS (0x34 | MACHO_LC_REQ_DYLD)
#define MACHO_LC_FILESET_ENTRY	     (0x35 | MACHO_LC_REQ_DYLD)

struct macho_segment_command_64 {
	uint32_t cmd; /* LC_SEGMENT_64 */
	uint32_t cmdsize;
	char segname[16]; /* NUL-padded, not terminated when 16 long */
	uint64_t vmaddr;
	uint64_t vmsize;
	uint64_t fileoff;
	uint64_t filesize;
	int32_t maxprot; /* VM_PROT_* */
	int32_t initprot;
	uint32_t nsects; /* macho_section_64 entries follow */
	uint32_t flags;	 /* SG_* */
};
_Static_assert(sizeof(struct macho_segment_command_64) == 72, "segment_command_64");
_Static_assert(offsetof(struct macho_segment_command_64, vmaddr) == 24, "segment vmaddr");
_Static_assert(offsetof(struct macho_segment_command_64, fileoff) == 40, "segment fileoff");
_Static_assert(offsetof(struct macho_segment_command_64, maxprot) == 56, "segment maxprot");
_Static_assert(offsetof(struct macho_segment_command_64, nsects) == 64, "segment nsects");

/* segment flags */
#define MACHO_SG_HIGHVM		     0x1
#define MACHO_SG_FVMLIB		     0x2
#define MACHO_SG_NORELOC	     0x4
#define MACHO_SG_PROTECTED_VERSION_1 0x8  /* encrypted */
#define MACHO_SG_READ_ONLY	     0x10 /* made read-only once fixed up */

struct macho_section_64 {
	char sectname[16];
	char segname[16];
	uint64_t addr;
	uint64_t size;
	uint32_t offset; /* in the file; 0 for zero-fill sections */
	uint32_t align;	 /* power of 2 */
	uint32_t reloff;
	uint32_t nreloc;
	uint32_t flags;	    /* type (low byte) and attributes */
	uint32_t reserved1; /* pointer and stub sections: first index in the indirect table */
	uint32_t reserved2; /* stub sections: the size of one stub */
	uint32_t reserved3;
};
_Static_assert(sizeof(struct macho_section_64) == 80, "section_64");
_Static_assert(offsetof(struct macho_section_64, addr) == 32, "section_64 addr");
_Static_assert(offsetof(struct macho_section_64, offset) == 48, "section_64 offset");
_Static_assert(offsetof(struct macho_section_64, flags) == 64, "section_64 flags");
_Static_assert(offsetof(struct macho_section_64, reserved1) == 68, "section_64 reserved1");

/* section types (flags & SECTION_TYPE) */
#define MACHO_SECTION_TYPE			    0x000000ff
#define MACHO_SECTION_ATTRIBUTES		    0xffffff00
#define MACHO_S_REGULAR				    0x0
#define MACHO_S_ZEROFILL			    0x1
#define MACHO_S_CSTRING_LITERALS		    0x2
#define MACHO_S_4BYTE_LITERALS			    0x3
#define MACHO_S_8BYTE_LITERALS			    0x4
#define MACHO_S_LITERAL_POINTERS		    0x5
#define MACHO_S_NON_LAZY_SYMBOL_POINTERS	    0x6
#define MACHO_S_LAZY_SYMBOL_POINTERS		    0x7
#define MACHO_S_SYMBOL_STUBS			    0x8
#define MACHO_S_MOD_INIT_FUNC_POINTERS		    0x9
#define MACHO_S_MOD_TERM_FUNC_POINTERS		    0xa
#define MACHO_S_COALESCED			    0xb
#define MACHO_S_GB_ZEROFILL			    0xc
#define MACHO_S_INTERPOSING			    0xd
#define MACHO_S_16BYTE_LITERALS			    0xe
#define MACHO_S_DTRACE_DOF			    0xf
#define MACHO_S_LAZY_DYLIB_SYMBOL_POINTERS	    0x10
#define MACHO_S_THREAD_LOCAL_REGULAR		    0x11
#define MACHO_S_THREAD_LOCAL_ZEROFILL		    0x12
#define MACHO_S_THREAD_LOCAL_VARIABLES		    0x13
#define MACHO_S_THREAD_LOCAL_VARIABLE_POINTERS	    0x14
#define MACHO_S_THREAD_LOCAL_INIT_FUNCTION_POINTERS 0x15
#define MACHO_S_INIT_FUNC_OFFSETS		    0x16

/* section attributes */
#define MACHO_S_ATTR_PURE_INSTRUCTIONS 0x80000000
#define MACHO_S_ATTR_DEBUG	       0x02000000
#define MACHO_S_ATTR_SOME_INSTRUCTIONS 0x00000400

/* struct dylib inside struct dylib_command */
struct macho_dylib_command {
	uint32_t cmd; /* LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, ... */
	uint32_t cmdsize;
	uint32_t name_offset; /* union lc_str: from the command's start */
	uint32_t timestamp;
	uint32_t current_version;
	uint32_t compatibility_version;
};
_Static_assert(sizeof(struct macho_dylib_command) == 24, "dylib_command");
_Static_assert(offsetof(struct macho_dylib_command, name_offset) == 8, "dylib name");

struct macho_dylinker_command {
	uint32_t cmd; /* LC_LOAD_DYLINKER */
	uint32_t cmdsize;
	uint32_t name_offset; /* union lc_str */
};
_Static_assert(sizeof(struct macho_dylinker_command) == 12, "dylinker_command");

/* LC_MAIN */
struct macho_entry_point_command {
	uint32_t cmd;
	uint32_t cmdsize;   /* 24 */
	uint64_t entryoff;  /* of main() from the start of the __TEXT segment (the header) */
	uint64_t stacksize; /* 0: the default */
};
_Static_assert(sizeof(struct macho_entry_point_command) == 24, "entry_point_command");
_Static_assert(offsetof(struct macho_entry_point_command, entryoff) == 8, "entryoff");

/* LC_UNIXTHREAD: the command, then (flavor, count, count 32-bit words of state)... */
struct macho_thread_command {
	uint32_t cmd;
	uint32_t cmdsize;
};
_Static_assert(sizeof(struct macho_thread_command) == 8, "thread_command");

struct macho_thread_state_header {
	uint32_t flavor; /* x86_THREAD_STATE64 ... */
	uint32_t count;	 /* of 32-bit words */
};
_Static_assert(sizeof(struct macho_thread_state_header) == 8, "thread state flavor and count");

/* osfmk/mach/i386/thread_status.h */
#define MACHO_X86_THREAD_STATE64 4

/* osfmk/mach/i386/_structs.h: _STRUCT_X86_THREAD_STATE64 */
struct macho_x86_thread_state64 {
	uint64_t rax, rbx, rcx, rdx, rdi, rsi, rbp, rsp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rip, rflags, cs, fs, gs;
};
_Static_assert(sizeof(struct macho_x86_thread_state64) == 168, "x86_thread_state64");
_Static_assert(offsetof(struct macho_x86_thread_state64, rsp) == 56, "x86_thread_state64 rsp");
_Static_assert(offsetof(struct macho_x86_thread_state64, rip) == 128, "x86_thread_state64 rip");
/* x86_THREAD_STATE64_COUNT: sizeof(x86_thread_state64_t) / sizeof(int) */
#define MACHO_X86_THREAD_STATE64_COUNT (sizeof(struct macho_x86_thread_state64) / 4)

/* LC_DYLD_INFO, LC_DYLD_INFO_ONLY: (offset, size) in the file of each stream */
struct macho_dyld_info_command {
	uint32_t cmd;
	uint32_t cmdsize;
	uint32_t rebase_off, rebase_size;
	uint32_t bind_off, bind_size;
	uint32_t weak_bind_off, weak_bind_size;
	uint32_t lazy_bind_off, lazy_bind_size;
	uint32_t export_off, export_size;
};
_Static_assert(sizeof(struct macho_dyld_info_command) == 48, "dyld_info_command");
_Static_assert(offsetof(struct macho_dyld_info_command, bind_off) == 16, "dyld_info bind");
_Static_assert(offsetof(struct macho_dyld_info_command, lazy_bind_off) == 32, "dyld_info lazy");
_Static_assert(offsetof(struct macho_dyld_info_command, export_off) == 40, "dyld_info export");

struct macho_symtab_command {
	uint32_t cmd; /* LC_SYMTAB */
	uint32_t cmdsize;
	uint32_t symoff; /* nsyms macho_nlist_64 */
	uint32_t nsyms;
	uint32_t stroff;
	uint32_t strsize;
};
_Static_assert(sizeof(struct macho_symtab_command) == 24, "symtab_command");

struct macho_dysymtab_command {
	uint32_t cmd; /* LC_DYSYMTAB */
	uint32_t cmdsize;
	uint32_t ilocalsym, nlocalsym;
	uint32_t iextdefsym, nextdefsym;
	uint32_t iundefsym, nundefsym;
	uint32_t tocoff, ntoc;
	uint32_t modtaboff, nmodtab;
	uint32_t extrefsymoff, nextrefsyms;
	uint32_t indirectsymoff, nindirectsyms; /* 32-bit symbol indexes */
	uint32_t extreloff, nextrel;
	uint32_t locreloff, nlocrel;
};
_Static_assert(sizeof(struct macho_dysymtab_command) == 80, "dysymtab_command");
_Static_assert(offsetof(struct macho_dysymtab_command, indirectsymoff) == 56, "indirectsymoff");

/* entries of the indirect symbol table that name no symbol */
#define MACHO_INDIRECT_SYMBOL_LOCAL 0x80000000u
#define MACHO_INDIRECT_SYMBOL_ABS   0x40000000u

/* LC_CODE_SIGNATURE, LC_FUNCTION_STARTS, LC_DYLD_EXPORTS_TRIE, LC_DYLD_CHAINED_FIXUPS ... */
struct macho_linkedit_data_command {
	uint32_t cmd;
	uint32_t cmdsize;
	uint32_t dataoff;
	uint32_t datasize;
};
_Static_assert(sizeof(struct macho_linkedit_data_command) == 16, "linkedit_data_command");

/* ---- mach-o/nlist.h ---- */
struct macho_nlist_64 {
	uint32_t n_strx; /* into the string table */
	uint8_t n_type;
	uint8_t n_sect;
	uint16_t n_desc;
	uint64_t n_value;
};
_Static_assert(sizeof(struct macho_nlist_64) == 16, "nlist_64");
_Static_assert(offsetof(struct macho_nlist_64, n_desc) == 6, "nlist_64 n_desc");

#define MACHO_N_STAB 0xe0
#define MACHO_N_PEXT 0x10
#define MACHO_N_TYPE 0x0e
#define MACHO_N_EXT  0x01
#define MACHO_N_UNDF 0x0
#define MACHO_N_ABS  0x2
#define MACHO_N_SECT 0xe
#define MACHO_N_PBUD 0xc
#define MACHO_N_INDR 0xa

#define MACHO_N_WEAK_REF 0x0040 /* n_desc: a weak reference */
/* n_desc's high byte in a two-level image: GET_LIBRARY_ORDINAL */
#define MACHO_GET_LIBRARY_ORDINAL(desc) (((desc) >> 8) & 0xff)
#define MACHO_SELF_LIBRARY_ORDINAL	0x0
#define MACHO_MAX_LIBRARY_ORDINAL	0xfd
#define MACHO_DYNAMIC_LOOKUP_ORDINAL	0xfe
#define MACHO_EXECUTABLE_ORDINAL	0xff

/* ---- mach-o/loader.h: the dyld rebase and bind opcode streams ---- */
#define MACHO_REBASE_TYPE_POINTER	  1
#define MACHO_REBASE_TYPE_TEXT_ABSOLUTE32 2
#define MACHO_REBASE_TYPE_TEXT_PCREL32	  3

#define MACHO_REBASE_OPCODE_MASK			       0xF0
#define MACHO_REBASE_IMMEDIATE_MASK			       0x0F
#define MACHO_REBASE_OPCODE_DONE			       0x00
#define MACHO_REBASE_OPCODE_SET_TYPE_IMM		       0x10
#define MACHO_REBASE_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB	       0x20
#define MACHO_REBASE_OPCODE_ADD_ADDR_ULEB		       0x30
#define MACHO_REBASE_OPCODE_ADD_ADDR_IMM_SCALED		       0x40
#define MACHO_REBASE_OPCODE_DO_REBASE_IMM_TIMES		       0x50
#define MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES	       0x60
#define MACHO_REBASE_OPCODE_DO_REBASE_ADD_ADDR_ULEB	       0x70
#define MACHO_REBASE_OPCODE_DO_REBASE_ULEB_TIMES_SKIPPING_ULEB 0x80

#define MACHO_BIND_TYPE_POINTER		1
#define MACHO_BIND_TYPE_TEXT_ABSOLUTE32 2
#define MACHO_BIND_TYPE_TEXT_PCREL32	3

#define MACHO_BIND_SPECIAL_DYLIB_SELF		 0
#define MACHO_BIND_SPECIAL_DYLIB_MAIN_EXECUTABLE (-1)
#define MACHO_BIND_SPECIAL_DYLIB_FLAT_LOOKUP	 (-2)
#define MACHO_BIND_SPECIAL_DYLIB_WEAK_LOOKUP	 (-3)

#define MACHO_BIND_SYMBOL_FLAGS_WEAK_IMPORT	    0x1
#define MACHO_BIND_SYMBOL_FLAGS_NON_WEAK_DEFINITION 0x8

#define MACHO_BIND_OPCODE_MASK				   0xF0
#define MACHO_BIND_IMMEDIATE_MASK			   0x0F
#define MACHO_BIND_OPCODE_DONE				   0x00
#define MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_IMM		   0x10
#define MACHO_BIND_OPCODE_SET_DYLIB_ORDINAL_ULEB	   0x20
#define MACHO_BIND_OPCODE_SET_DYLIB_SPECIAL_IMM		   0x30
#define MACHO_BIND_OPCODE_SET_SYMBOL_TRAILING_FLAGS_IMM	   0x40
#define MACHO_BIND_OPCODE_SET_TYPE_IMM			   0x50
#define MACHO_BIND_OPCODE_SET_ADDEND_SLEB		   0x60
#define MACHO_BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB	   0x70
#define MACHO_BIND_OPCODE_ADD_ADDR_ULEB			   0x80
#define MACHO_BIND_OPCODE_DO_BIND			   0x90
#define MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_ULEB		   0xA0
#define MACHO_BIND_OPCODE_DO_BIND_ADD_ADDR_IMM_SCALED	   0xB0
#define MACHO_BIND_OPCODE_DO_BIND_ULEB_TIMES_SKIPPING_ULEB 0xC0
#define MACHO_BIND_OPCODE_THREADED			   0xD0

#endif
