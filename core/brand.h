/*
 * Brand records: how the programs of one foreign OS are recognised, and
 * what runs them.  Each OS declares its record in its own folder
 * (syscalls/<os>/brand.c or libs/<os>/brand.c, `<os>_brand`); the Makefile's
 * OS list generates the table below from them, so detection, --check,
 * binfmt_misc, the usage text and the registry of personalities never list
 * OSes by hand.  FreeBSD's Elf_Brandinfo (sys/sys/imgact_elf.h), which ties
 * an EI_OSABI value, an ABI note and an interpreter to a sysentvec, is the
 * model.
 */
#ifndef XENO_CORE_BRAND_H
#define XENO_CORE_BRAND_H

#include <stddef.h>
#include <stdint.h>

struct xeno_personality;

/* Executable formats xeno tells apart by their first bytes. */
enum xeno_format {
	XENO_FORMAT_ELF = 1,
	XENO_FORMAT_MACHO, /* Mach-O, thin or universal */
	XENO_FORMAT_PE,	   /* MZ + PE */
};

struct xeno_brand {
	const char *name;  /* "freebsd": options, recordings, binfmt entries */
	const char *title; /* "FreeBSD": messages */
	enum xeno_format format;
	/* An ELF program is this OS's if, in this order (FreeBSD's
	 * __elfN(get_brandinfo)): its EI_OSABI byte is elf_osabi; its ABI-tag
	 * note (type 1) is owned by note_owner; its PT_INTERP starts with one of
	 * interpreters; it has a program header of type elf_phdr_type (one
	 * only this OS's linkers write, as illumos's PT_SUNWSTACK).  0 / NULL:
	 * not used. */
	unsigned char elf_osabi;
	const char *note_owner;
	const char *const *interpreters; /* NULL-terminated */
	uint32_t elf_phdr_type;
	/* The version an ABI note carries, in words for --check ("FreeBSD
	 * 14.2"); NULL: shown as a number. */
	void (*describe_version)(uint32_t version, char *buf, size_t size);
	/* What runs its programs; NULL: recognised, not run yet. */
	const struct xeno_personality *personality;
};

/* Every brand, NULL-terminated, in the Makefile's order (build/gen/brands.c). */
extern const struct xeno_brand *const xeno_brands[];

/* The brand called name ("freebsd"), or NULL. */
const struct xeno_brand *xeno_brand_named(const char *name);
/* The only brand of a format that is not ELF (Mach-O: macOS), or NULL. */
const struct xeno_brand *xeno_brand_of_format(enum xeno_format format);
/* Joins the titles of the brands that pass keep ("FreeBSD, NetBSD and
 * OpenBSD") into buf. */
void xeno_brand_titles(char *buf, size_t size, int (*keep)(const struct xeno_brand *));

#endif
