/*
 * What an ELF object says for dynamic linking (PT_DYNAMIC and what its
 * entries point at), read through libelf and checked against the file: the
 * libraries it needs, its symbols with their versions, its relocations, its
 * initialisers and finalisers.  Everything is copied out of the file, so the
 * description outlives it.
 */
#ifndef XENO_LOADER_ELF_DYN_H
#define XENO_LOADER_ELF_DYN_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_image;

struct xeno_elf_sym {
	const char *name; /* in the description's string pool */
	uint64_t value, size;
	uint8_t bind, type, visibility;
	bool defined;	  /* st_shndx is not SHN_UNDEF */
	uint16_t version; /* its versym index, without the hidden bit: 0 local,
			   * 1 global, else versions[] */
	bool hidden;	  /* versym's hidden bit: not the default version */
};

struct xeno_elf_reloc {
	uint64_t offset; /* the place, as an address of the file */
	uint32_t type;	 /* R_X86_64_* */
	uint32_t sym;	 /* symbol index, 0 for none */
	int64_t addend;
};

/* One entry of the version table a versym index names: a version this
 * object defines (file NULL) or one it needs from the library file. */
struct xeno_elf_version {
	const char *name;
	const char *file;
	bool weak;
};

struct xeno_elf_dyn {
	char *strings; /* every name below points in here */
	const char *soname;
	const char **needed;
	unsigned nneeded;
	struct xeno_elf_sym *syms;
	unsigned nsyms;
	struct xeno_elf_reloc *relocs; /* DT_RELA, then DT_JMPREL */
	unsigned nrelocs;
	struct xeno_elf_version *versions; /* by versym index; [0] and [1] unused */
	unsigned nversions;
	bool has_versym;
	/* addresses of the file, 0 if absent */
	uint64_t init, fini;
	uint64_t preinit_array, init_array, fini_array;
	unsigned npreinit, ninit, nfini; /* array lengths in pointers */
	uint64_t flags, flags_1;	 /* DT_FLAGS, DT_FLAGS_1 */
};

/* Reads the dynamic section of the parsed image img from the file's bytes
 * (elf over data): 0, or XENO_LOAD_BAD with img->reason set.  img->dyn then
 * holds the description (xeno_elf_dyn_free releases it). */
int xeno_elf_dyn_read(struct xeno_image *img, Elf *elf, const char *data, size_t size);
void xeno_elf_dyn_free(struct xeno_elf_dyn *d);

#endif
