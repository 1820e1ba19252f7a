/*
 * Dynamically linked FreeBSD programs built in memory from the plain structs
 * of <elf.h>, for the unit test of the loader and linker on damaged programs
 * (tests/unit/test_link.c) and the loader fuzzer's dynamic seeds
 * (tests/fuzz/make_dyn_seeds.c).  db_program() makes one that links against
 * xeno's libc.so.7: a PIE with FreeBSD's interpreter and ABI note, a dynamic
 * section, string and symbol tables with DT_HASH (no section headers),
 * symbol versions (write@FBSD_1.0), every kind of relocation xeno applies
 * (RELATIVE, 64, GLOB_DAT, JUMP_SLOT, COPY, IRELATIVE, TPOFF64, DTPMOD64),
 * an import nothing defines (a function and an object), a weak one,
 * initialiser and finaliser arrays and a TLS segment.  Everything lies at a
 * fixed place (file offset = address), so a test damages one field at a
 * time through the accessors.  db_library() makes a shared library of the
 * same shape (no interpreter, a DT_SONAME).
 */
#ifndef XENO_TESTS_FUZZ_DYN_BUILD_H
#define XENO_TESTS_FUZZ_DYN_BUILD_H

#include <elf.h>
#include <stdint.h>
#include <string.h>

/* Where things are (file offsets, which are also addresses). */
#define DB_PHDRS    0x040
#define DB_NOTE	    0x280
#define DB_INTERP   0x2a0
#define DB_STRTAB   0x300
#define DB_SYMTAB   0x400
#define DB_HASH	    0x580
#define DB_VERSYM   0x600
#define DB_VERNEED  0x640
#define DB_RELA	    0x700
#define DB_TEXT	    0x1000 /* 16 bytes of code: the entry, main, the resolver */
#define DB_DATA	    0x2000 /* the second PT_LOAD: read-write */
#define DB_DYNAMIC  0x2000
#define DB_INIT	    0x2400 /* DT_INIT_ARRAY: one pointer */
#define DB_FINI	    0x2410 /* DT_FINI_ARRAY: one pointer */
#define DB_GOT	    0x2800 /* the relocations' places, 8 bytes each */
#define DB_TDATA    0x2c00 /* the TLS template: 16 bytes, 16 more of tbss */
#define DB_COPY	    0x2e00 /* where the COPY relocation puts environ */
#define DB_SIZE	    0x3000
#define DB_MAX_DYN  32
#define DB_MAX_SYMS 16
#define DB_MAX_RELA 16

/* The symbols, by index. */
enum {
	DB_SYM_WRITE = 1,   /* write@FBSD_1.0, from libc.so.7 */
	DB_SYM_ENVIRON = 2, /* environ@FBSD_1.0, data: COPY */
	DB_SYM_MAIN = 3,    /* defined here */
	DB_SYM_NOTHING = 4, /* a function nothing defines */
	DB_SYM_TLS = 5,	    /* a thread-local variable defined here */
	DB_SYM_NODATA = 6,  /* an object nothing defines */
	DB_SYM_WEAK = 7,    /* a weak reference nothing defines */
	DB_NSYMS = 8,
};

/* The relocations, by index: DT_RELA holds the first DB_NRELA, DT_JMPREL the
 * rest. */
enum {
	DB_R_RELATIVE,
	DB_R_GLOB_DAT_NODATA,
	DB_R_64_NOTHING,
	DB_R_TPOFF,
	DB_R_DTPMOD,
	DB_R_COPY,
	DB_R_64_WEAK,
	DB_R_INIT,
	DB_R_FINI,
	DB_NRELA,
	DB_R_JUMP_SLOT = DB_NRELA,
	DB_R_IRELATIVE,
	DB_NRELOCS,
};

struct dyn_elf {
	_Alignas(8) uint8_t b[DB_SIZE];
	size_t size;
	unsigned strsz, ndyn;
};

static inline Elf64_Ehdr *db_ehdr(struct dyn_elf *f)
{
	return (Elf64_Ehdr *)f->b;
}

/* The program header of type, or NULL. */
static inline Elf64_Phdr *db_phdr(struct dyn_elf *f, uint32_t type)
{
	Elf64_Phdr *ph = (Elf64_Phdr *)(f->b + DB_PHDRS);
	for (unsigned i = 0; i < db_ehdr(f)->e_phnum; i++)
		if (ph[i].p_type == type)
			return &ph[i];
	return NULL;
}

/* The first dynamic entry with tag, or NULL. */
static inline Elf64_Dyn *db_dyn(struct dyn_elf *f, int64_t tag)
{
	Elf64_Dyn *d = (Elf64_Dyn *)(f->b + DB_DYNAMIC);
	for (unsigned i = 0; i < f->ndyn; i++)
		if (d[i].d_tag == tag)
			return &d[i];
	return NULL;
}

static inline Elf64_Sym *db_sym(struct dyn_elf *f, unsigned i)
{
	return (Elf64_Sym *)(f->b + DB_SYMTAB) + i;
}

static inline Elf64_Rela *db_rela(struct dyn_elf *f, unsigned i)
{
	return (Elf64_Rela *)(f->b + DB_RELA) + i;
}

static inline Elf64_Half *db_versym(struct dyn_elf *f, unsigned i)
{
	return (Elf64_Half *)(f->b + DB_VERSYM) + i;
}

static inline Elf64_Verneed *db_verneed(struct dyn_elf *f)
{
	return (Elf64_Verneed *)(f->b + DB_VERNEED);
}

static inline Elf64_Vernaux *db_vernaux(struct dyn_elf *f)
{
	return (Elf64_Vernaux *)(f->b + DB_VERNEED + sizeof(Elf64_Verneed));
}

/* Adds a string to the string table: its offset. */
static inline unsigned db_str(struct dyn_elf *f, const char *s)
{
	unsigned at = f->strsz;
	size_t n = strlen(s) + 1;
	memcpy(f->b + DB_STRTAB + at, s, n);
	f->strsz += (unsigned)n;
	return at;
}

static inline void db_add_dyn(struct dyn_elf *f, int64_t tag, uint64_t val)
{
	Elf64_Dyn *d = (Elf64_Dyn *)(f->b + DB_DYNAMIC) + f->ndyn++;
	d->d_tag = tag;
	d->d_un.d_val = val;
}

static inline Elf64_Phdr *db_add_phdr(struct dyn_elf *f, uint32_t type, uint32_t flags,
				      uint64_t off, uint64_t filesz, uint64_t memsz, uint64_t align)
{
	Elf64_Phdr *ph = (Elf64_Phdr *)(f->b + DB_PHDRS) + db_ehdr(f)->e_phnum++;
	*ph = (Elf64_Phdr){.p_type = type,
			   .p_flags = flags,
			   .p_offset = off,
			   .p_vaddr = off,
			   .p_paddr = off,
			   .p_filesz = filesz,
			   .p_memsz = memsz,
			   .p_align = align};
	return ph;
}

/* The SysV hash of a name (the ELF gABI's), for vna_hash. */
static inline uint32_t db_elf_hash(const char *name)
{
	uint32_t h = 0, g;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h = (h << 4) + *p;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static inline void db_set_sym(struct dyn_elf *f, unsigned i, unsigned name, int bind, int type,
			      uint16_t shndx, uint64_t value, uint64_t size, uint16_t version)
{
	*db_sym(f, i) = (Elf64_Sym){.st_name = name,
				    .st_info = (unsigned char)ELF64_ST_INFO(bind, type),
				    .st_shndx = shndx,
				    .st_value = value,
				    .st_size = size};
	*db_versym(f, i) = version;
}

static inline void db_set_rela(struct dyn_elf *f, unsigned i, uint64_t off, uint32_t type,
			       uint32_t sym, int64_t addend)
{
	*db_rela(f, i) =
	    (Elf64_Rela){.r_offset = off, .r_info = ELF64_R_INFO(sym, type), .r_addend = addend};
}

static inline void db_symbols(struct dyn_elf *f)
{
	unsigned s_write = db_str(f, "write"), s_environ = db_str(f, "environ"),
		 s_main = db_str(f, "main"), s_nothing = db_str(f, "xeno_nothing"),
		 s_tls = db_str(f, "tlsvar"), s_nodata = db_str(f, "xeno_nodata"),
		 s_weak = db_str(f, "weakling");
	db_set_sym(f, DB_SYM_WRITE, s_write, STB_GLOBAL, STT_FUNC, SHN_UNDEF, 0, 0, 2);
	db_set_sym(f, DB_SYM_ENVIRON, s_environ, STB_GLOBAL, STT_OBJECT, SHN_UNDEF, 0, 8, 2);
	db_set_sym(f, DB_SYM_MAIN, s_main, STB_GLOBAL, STT_FUNC, 5, DB_TEXT, 16, 1);
	db_set_sym(f, DB_SYM_NOTHING, s_nothing, STB_GLOBAL, STT_FUNC, SHN_UNDEF, 0, 0, 1);
	db_set_sym(f, DB_SYM_TLS, s_tls, STB_GLOBAL, STT_TLS, 9, 0, 8, 1);
	db_set_sym(f, DB_SYM_NODATA, s_nodata, STB_GLOBAL, STT_OBJECT, SHN_UNDEF, 0, 16, 1);
	db_set_sym(f, DB_SYM_WEAK, s_weak, STB_WEAK, STT_FUNC, SHN_UNDEF, 0, 0, 1);
	/* DT_HASH: one bucket, every symbol on its chain */
	uint32_t *h = (uint32_t *)(f->b + DB_HASH);
	h[0] = 1, h[1] = DB_NSYMS, h[2] = DB_NSYMS - 1;
	for (uint32_t i = 1; i < DB_NSYMS; i++)
		h[3 + i] = i - 1;
}

/* write@FBSD_1.0 and environ@FBSD_1.0 come from libc.so.7. */
static inline void db_versions(struct dyn_elf *f, unsigned s_libc)
{
	unsigned s_fbsd = db_str(f, "FBSD_1.0");
	*db_verneed(f) = (Elf64_Verneed){.vn_version = 1,
					 .vn_cnt = 1,
					 .vn_file = s_libc,
					 .vn_aux = sizeof(Elf64_Verneed),
					 .vn_next = 0};
	*db_vernaux(f) = (Elf64_Vernaux){
	    .vna_hash = db_elf_hash("FBSD_1.0"), .vna_other = 2, .vna_name = s_fbsd};
}

static inline void db_relocations(struct dyn_elf *f)
{
	db_set_rela(f, DB_R_RELATIVE, DB_GOT, R_X86_64_RELATIVE, 0, DB_TEXT);
	db_set_rela(f, DB_R_GLOB_DAT_NODATA, DB_GOT + 8, R_X86_64_GLOB_DAT, DB_SYM_NODATA, 0);
	db_set_rela(f, DB_R_64_NOTHING, DB_GOT + 16, R_X86_64_64, DB_SYM_NOTHING, 0);
	db_set_rela(f, DB_R_TPOFF, DB_GOT + 24, R_X86_64_TPOFF64, DB_SYM_TLS, 0);
	db_set_rela(f, DB_R_DTPMOD, DB_GOT + 32, R_X86_64_DTPMOD64, 0, 0);
	db_set_rela(f, DB_R_COPY, DB_COPY, R_X86_64_COPY, DB_SYM_ENVIRON, 0);
	db_set_rela(f, DB_R_64_WEAK, DB_GOT + 40, R_X86_64_64, DB_SYM_WEAK, 0);
	db_set_rela(f, DB_R_INIT, DB_INIT, R_X86_64_RELATIVE, 0, DB_TEXT);
	db_set_rela(f, DB_R_FINI, DB_FINI, R_X86_64_RELATIVE, 0, DB_TEXT);
	db_set_rela(f, DB_R_JUMP_SLOT, DB_GOT + 48, R_X86_64_JUMP_SLOT, DB_SYM_WRITE, 0);
	db_set_rela(f, DB_R_IRELATIVE, DB_GOT + 56, R_X86_64_IRELATIVE, 0, DB_TEXT);
}

static inline void db_dynamic(struct dyn_elf *f, unsigned s_libc, int soname)
{
	db_add_dyn(f, DT_NEEDED, s_libc);
	if (soname >= 0)
		db_add_dyn(f, DT_SONAME, (uint64_t)soname);
	db_add_dyn(f, DT_STRTAB, DB_STRTAB);
	db_add_dyn(f, DT_STRSZ, 0); /* set when the strings are all in */
	db_add_dyn(f, DT_SYMTAB, DB_SYMTAB);
	db_add_dyn(f, DT_SYMENT, sizeof(Elf64_Sym));
	db_add_dyn(f, DT_HASH, DB_HASH);
	db_add_dyn(f, DT_RELA, DB_RELA);
	db_add_dyn(f, DT_RELASZ, DB_NRELA * sizeof(Elf64_Rela));
	db_add_dyn(f, DT_RELAENT, sizeof(Elf64_Rela));
	db_add_dyn(f, DT_JMPREL, DB_RELA + DB_NRELA * sizeof(Elf64_Rela));
	db_add_dyn(f, DT_PLTRELSZ, (DB_NRELOCS - DB_NRELA) * sizeof(Elf64_Rela));
	db_add_dyn(f, DT_PLTREL, DT_RELA);
	db_add_dyn(f, DT_VERSYM, DB_VERSYM);
	db_add_dyn(f, DT_VERNEED, DB_VERNEED);
	db_add_dyn(f, DT_VERNEEDNUM, 1);
	db_add_dyn(f, DT_INIT_ARRAY, DB_INIT);
	db_add_dyn(f, DT_INIT_ARRAYSZ, 8);
	db_add_dyn(f, DT_FINI_ARRAY, DB_FINI);
	db_add_dyn(f, DT_FINI_ARRAYSZ, 8);
	db_add_dyn(f, DT_FLAGS, DF_BIND_NOW);
	db_add_dyn(f, DT_NULL, 0);
}

static inline void db_headers(struct dyn_elf *f, int library)
{
	Elf64_Ehdr *eh = db_ehdr(f);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
	eh->e_type = ET_DYN;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = DB_TEXT;
	eh->e_phoff = DB_PHDRS;
	eh->e_ehsize = sizeof(Elf64_Ehdr);
	eh->e_phentsize = sizeof(Elf64_Phdr);
	db_add_phdr(f, PT_PHDR, PF_R, DB_PHDRS, 10 * sizeof(Elf64_Phdr), 10 * sizeof(Elf64_Phdr),
		    8);
	if (!library) {
		static const char interp[] = "/libexec/ld-elf.so.1";
		memcpy(f->b + DB_INTERP, interp, sizeof interp);
		db_add_phdr(f, PT_INTERP, PF_R, DB_INTERP, sizeof interp, sizeof interp, 1);
	}
	db_add_phdr(f, PT_LOAD, PF_R | PF_X, 0, DB_TEXT + 16, DB_TEXT + 16, 0x1000);
	db_add_phdr(f, PT_LOAD, PF_R | PF_W, DB_DATA, DB_SIZE - DB_DATA, DB_SIZE - DB_DATA, 0x1000);
	db_add_phdr(f, PT_DYNAMIC, PF_R | PF_W, DB_DYNAMIC, DB_MAX_DYN * sizeof(Elf64_Dyn),
		    DB_MAX_DYN * sizeof(Elf64_Dyn), 8);
	db_add_phdr(f, PT_TLS, PF_R, DB_TDATA, 16, 32, 16);
	/* FreeBSD's ABI tag: owner "FreeBSD", type 1, __FreeBSD_version 1402000 */
	Elf64_Nhdr nh = {.n_namesz = 8, .n_descsz = 4, .n_type = 1};
	uint32_t version = 1402000;
	memcpy(f->b + DB_NOTE, &nh, sizeof nh);
	memcpy(f->b + DB_NOTE + sizeof nh, "FreeBSD", 8);
	memcpy(f->b + DB_NOTE + sizeof nh + 8, &version, 4);
	db_add_phdr(f, PT_NOTE, PF_R, DB_NOTE, sizeof nh + 12, sizeof nh + 12, 4);
	Elf64_Phdr *self = db_phdr(f, PT_PHDR);
	self->p_filesz = self->p_memsz = eh->e_phnum * sizeof(Elf64_Phdr);
}

static inline void db_build(struct dyn_elf *f, int library)
{
	memset(f, 0, sizeof *f);
	f->size = DB_SIZE;
	db_headers(f, library);
	db_str(f, ""); /* offset 0: the empty name */
	unsigned s_libc = db_str(f, "libc.so.7");
	int soname = library ? (int)db_str(f, "libdbtest.so.1") : -1;
	db_symbols(f);
	db_versions(f, s_libc);
	db_relocations(f);
	db_dynamic(f, s_libc, soname);
	db_dyn(f, DT_STRSZ)->d_un.d_val = f->strsz;
	memset(f->b + DB_TEXT, 0xc3, 16); /* ret */
	memset(f->b + DB_TDATA, 0x5a, 16);
}

/* A program that links against xeno's libc.so.7. */
static inline void db_program(struct dyn_elf *f)
{
	db_build(f, 0);
}

/* A shared library of the same shape, called libdbtest.so.1. */
static inline void db_library(struct dyn_elf *f)
{
	db_build(f, 1);
}

#endif
