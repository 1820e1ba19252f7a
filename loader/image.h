/*
 * An executable image: what the loader found in the file (parse), and where
 * it went in memory (map).  Parsing reads through libelf only.
 */
#ifndef XENO_LOADER_IMAGE_H
#define XENO_LOADER_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_brand;
struct xeno_elf_dyn;

/* Loader results, which are also xeno's exit statuses for them. */
enum {
	XENO_LOAD_OK = 0,
	XENO_LOAD_BAD = 126,	 /* not a program xeno can run */
	XENO_LOAD_MISSING = 127, /* no such file */
};

#define XENO_MAX_SEGMENTS 32

struct xeno_segment {
	uint64_t vaddr, memsz; /* as the file says, before any load bias */
	uint64_t offset, filesz;
	int prot; /* PROT_* */
	/* The file's bytes are read into anonymous memory rather than mapped:
	 * their offset and address disagree modulo the page size (a PE
	 * section: file alignment 512, section alignment 4096). */
	bool copy;
};

struct xeno_image {
	const char *path;
	char reason[512]; /* why loading failed: "xeno: PATH: REASON" */

	/* parse */
	int sys_errno; /* why the file could not be opened, else 0 */
	int format;    /* XENO_FORMAT_* (core/brand.h) */
	/* Its OS, for every 64-bit little-endian x86-64 ELF file (also one
	 * refused for another reason) and every Mach-O or PE file; NULL if
	 * none xeno knows. */
	const struct xeno_brand *brand;
	bool host_program;   /* a Linux program (the kernel runs it) */
	unsigned char osabi; /* EI_OSABI as the file says */
	uint32_t os_version; /* from the ABI note (FreeBSD osreldate...); 0: none */
	bool is_pie;	     /* ET_DYN: placed where xeno chooses */
	/* Placed where xeno chooses only if its own addresses are taken (a
	 * relocatable PE image asks for its ImageBase first). */
	bool prefers_own_base;
	bool exec_stack;  /* PT_GNU_STACK asks for an executable stack */
	char interp[256]; /* PT_INTERP, "" for a static program */
	uint64_t entry;
	uint64_t phoff;
	uint16_t phnum, phentsize;
	uint64_t phdr_vaddr; /* 0 if the headers are not in a loaded segment */
	uint32_t e_flags;
	struct xeno_segment seg[XENO_MAX_SEGMENTS];
	unsigned nseg;
	uint64_t lo, hi;		      /* page-rounded span of the segments */
	uint64_t dynamic_vaddr, dynamic_size; /* PT_DYNAMIC, 0 if none */
	struct {
		bool present;
		uint64_t vaddr, filesz, memsz, align; /* PT_TLS: the template */
	} tls;
	/* read for a program with an interpreter and for a library
	 * (xeno_image_open_library): loader/elf_dyn.h */
	struct xeno_elf_dyn *dyn;
	/* Mach-O and PE: the format's own description (loader/formats.h),
	 * freed by xeno_image_close */
	void *format_data;
	bool library; /* opened as a shared library: no interpreter, ET_DYN */

	/* map */
	uint64_t bias; /* added to every address of the file */
	bool mapped;   /* [lo, hi) + bias is the program's */
	int fd;
};

/* Makes a reason one printable line: names from the file (symbols,
 * libraries, the interpreter) may hold any byte; control bytes become '?'. */
void xeno_reason_printable(char *reason);

/* Empties img for the file at path (no file is touched). */
void xeno_image_init(struct xeno_image *img, const char *path);
/* Parses the file at path: 0, XENO_LOAD_MISSING or XENO_LOAD_BAD (reason set). */
int xeno_image_open(struct xeno_image *img, const char *path);
/* Parses an image already in memory (the fuzzing entry point). */
int xeno_image_parse(struct xeno_image *img, const void *data, size_t size);
/* Maps the segments into the process from img->fd, a position-independent
 * program at pie_base if that is free (0: where the kernel puts it): 0 or
 * XENO_LOAD_BAD (reason set, nothing left mapped). */
int xeno_image_map(struct xeno_image *img, uint64_t pie_base);
/* Unmaps what xeno_image_map mapped (the fuzzer maps image after image). */
void xeno_image_unmap(struct xeno_image *img);
/* Closes the file and frees the dynamic description (a linker that keeps
 * it takes img->dyn first). */
void xeno_image_close(struct xeno_image *img);
/* Parses the shared library at path (ET_DYN, its dynamic section read). */
int xeno_image_open_library(struct xeno_image *img, const char *path);

#endif
