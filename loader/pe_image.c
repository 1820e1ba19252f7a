/*
 * A PE program as the neutral image (loader/formats.h), and its linking
 * against the personality's shim DLLs (loader/pe_module.h).
 *
 * The image: the headers and each section become a segment at ImageBase +
 * RVA, with the section's protections, SectionAlignment-rounded; their file
 * bytes are read rather than mapped (a section's file offset is aligned to
 * FileAlignment, 512 bytes, not to the page).  A relocatable image (base
 * relocations present and not stripped) asks for its ImageBase first and
 * goes elsewhere if that is taken; one that is not must have it.
 *
 * Linking (the PE/COFF specification: "The .reloc Section", "The .idata
 * Section", "The .tls Section"): the DIR64 base relocations when the image
 * moved; each import descriptor's DLL is the personality's shim library of
 * that name (compared without case, as Windows does), each function bound by
 * name or ordinal into its IAT slot, or to a stub that names itself when
 * called; the TLS directory's index slot gets index 0 (the program is the
 * only module with TLS), and its callbacks are kept for the personality to
 * run before the entry point.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "core/brand.h"
#include "core/libgate_ms.h"
#include "core/library.h"
#include "core/personality.h"
#include "loader/formats.h"
#include "loader/image.h"
#include "loader/link.h"
#include "loader/pe.h"
#include "loader/pe_module.h"

#define PAGE 4096ULL

static uint64_t round_up(uint64_t x, uint64_t align)
{
	return (x + align - 1) & ~(align - 1);
}

__attribute__((format(printf, 2, 3))) static int fail(struct xeno_image *img, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(img->reason, sizeof img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

static void add_segment(struct xeno_image *img, uint64_t rva, uint64_t size, uint64_t offset,
			uint64_t filesz, int prot)
{
	const struct pe_image *pe = img->format_data;
	struct xeno_segment *s = &img->seg[img->nseg++];
	s->vaddr = pe->image_base + rva;
	s->memsz = round_up(size, pe->section_alignment);
	s->offset = offset;
	s->filesz = filesz;
	s->prot = prot;
	s->copy = true;
}

int xeno_pe_image(struct xeno_image *img, const void *data, size_t size)
{
	struct pe_image *pe = malloc(sizeof *pe);
	if (!pe)
		return fail(img, "out of memory");
	if (pe_parse(pe, data, size) != 0) {
		fail(img, "%s", pe->reason);
		free(pe);
		return XENO_LOAD_BAD;
	}
	img->format_data = pe;
	if (pe->nsections + 1 > XENO_MAX_SEGMENTS)
		return fail(img, "%zu sections; xeno maps at most %d", pe->nsections,
			    XENO_MAX_SEGMENTS - 1);
	add_segment(img, 0, pe->size_of_headers, 0, pe->size_of_headers, PROT_READ);
	for (size_t i = 0; i < pe->nsections; i++) {
		const struct pe_section *s = &pe->sections[i];
		add_segment(img, s->rva, s->vsize, s->raw_offset, s->raw_size, s->prot);
	}
	img->entry = pe->image_base + pe->entry_rva;
	img->lo = pe->image_base;
	img->hi = pe->image_base + round_up(pe->size_of_image, PAGE);
	img->is_pie = pe->relocatable;
	img->prefers_own_base = true;
	return 0;
}

void xeno_pe_image_free(struct xeno_image *img)
{
	struct pe_image *pe = img->format_data;
	pe_free(pe);
	free(pe);
}

/* ---- the linked program ---- */

struct dll_report {
	char name[64];
	size_t count, bound;
	bool shim;
};

static struct {
	struct pe_module m;
	bool linked;
	struct pe_section sections[PE_MAX_SECTIONS];
	size_t nsections;
	struct dll_report *dlls;
	size_t ndlls;
	size_t nrelocs;
	bool moved;
} program;

const struct pe_module *pe_program(void)
{
	return program.linked ? &program.m : NULL;
}

/* The file name of a DLL path, without a directory ("C:\x\ntdll.dll"). */
static const char *base_name(const char *name)
{
	const char *b = name;
	for (const char *p = name; *p; p++)
		if (*p == '\\' || *p == '/' || *p == ':')
			b = p + 1;
	return b;
}

/* Whether two DLL names agree, without case and with ".dll" implied. */
static bool same_dll(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 4 && strcasecmp(a + la - 4, ".dll") == 0)
		la -= 4;
	if (lb > 4 && strcasecmp(b + lb - 4, ".dll") == 0)
		lb -= 4;
	return la == lb && strncasecmp(a, b, la) == 0;
}

const struct xeno_library *pe_shim_named(const struct xeno_personality *os, const char *name)
{
	const char *b = base_name(name);
	for (const struct xeno_library *const *l = os->libraries; l && *l; l++)
		if (same_dll((*l)->soname, b))
			return *l;
	return NULL;
}

uint64_t pe_shim_export(const struct xeno_library *lib, const char *name, unsigned ordinal)
{
	for (unsigned i = 0; i < lib->nexports; i++) {
		const struct xeno_export *e = &lib->exports[i];
		void **at = xeno_export_at(e);
		if (name ? strcmp(xeno_export_name(e), name) == 0 : e->ordinal == ordinal)
			return (uint64_t)(e->kind == XENO_EXPORT_DATA && at ? *at
									    : xeno_export_addr(e));
	}
	return 0;
}

/* Every segment writable (true) or as the file asks (false). */
static int protect_all(struct xeno_image *img, bool writable)
{
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		int prot = writable ? PROT_READ | PROT_WRITE : s->prot;
		if (mprotect((void *)(s->vaddr + img->bias), round_up(s->memsz, PAGE), prot) < 0)
			return fail(img, "cannot change the protection of %#llx",
				    (unsigned long long)(s->vaddr + img->bias));
	}
	return 0;
}

static int relocate(struct xeno_image *img, const struct pe_image *pe)
{
	long n = pe_apply_relocs(pe, pe->image_base + img->bias, img->bias);
	if (n < 0)
		return fail(img, "a base relocation rewrote the relocations after it");
	program.nrelocs = (size_t)n;
	program.moved = img->bias != 0;
	return 0;
}

/* One import: the shim's export, or a stub that names itself (DLL!name). */
static uint64_t bind_import(const struct xeno_library *lib, const struct pe_import_dll *d,
			    const struct pe_import *imp, bool *bound)
{
	uint64_t addr =
	    lib ? pe_shim_export(lib, imp->by_ordinal ? NULL : imp->name, imp->ordinal) : 0;
	*bound = addr != 0;
	if (addr)
		return addr;
	char name[PE_MAX_NAME + 16];
	if (imp->by_ordinal)
		snprintf(name, sizeof name, "#%u", imp->ordinal);
	else
		snprintf(name, sizeof name, "%s", imp->name);
	return xeno_link_missing_function(d->name, name, xeno_lib_entry_ms, XENO_CONV_ZERO);
}

static int bind_imports(struct xeno_image *img, const struct pe_image *pe,
			const struct xeno_personality *os)
{
	uint64_t base = pe->image_base + img->bias;
	program.dlls = calloc(pe->ndlls ? pe->ndlls : 1, sizeof *program.dlls);
	if (!program.dlls)
		return fail(img, "out of memory");
	program.ndlls = pe->ndlls;
	for (size_t i = 0; i < pe->ndlls; i++) {
		const struct pe_import_dll *d = &pe->dlls[i];
		const struct xeno_library *lib = pe_shim_named(os, d->name);
		struct dll_report *r = &program.dlls[i];
		snprintf(r->name, sizeof r->name, "%s", d->name);
		r->shim = lib != NULL;
		r->count = d->count;
		for (size_t k = d->first; k < d->first + d->count; k++) {
			bool bound;
			uint64_t addr = bind_import(lib, d, &pe->imports[k], &bound);
			if (!addr)
				return fail(img, "out of memory for import stubs");
			r->bound += bound;
			memcpy((void *)(base + pe->imports[k].iat_rva), &addr, sizeof addr);
		}
	}
	return 0;
}

/* The TLS directory: its fields are the (relocated) addresses the image
 * holds, so they are read from memory; the index slot gets 0. */
static int take_tls(struct xeno_image *img, const struct pe_image *pe)
{
	if (!pe->tls.present)
		return 0;
	uint64_t *cbs = calloc(pe->tls.ncallbacks ? pe->tls.ncallbacks : 1, sizeof *cbs);
	if (!cbs)
		return fail(img, "out of memory");
	for (size_t i = 0; i < pe->tls.ncallbacks; i++)
		cbs[i] = pe->tls.callbacks[i] + img->bias;
	program.m.callbacks = cbs;
	program.m.ncallbacks = pe->tls.ncallbacks;
	struct pe_module *m = &program.m;
	m->tls.present = true;
	m->tls.template_addr = pe->tls.raw_start_va ? pe->tls.raw_start_va + img->bias : 0;
	m->tls.template_size = pe->tls.raw_end_va - pe->tls.raw_start_va;
	m->tls.zero_fill = pe->tls.zero_fill;
	m->tls.align = pe->tls.align;
	if (pe->tls.index_va) {
		m->tls.index_addr = pe->tls.index_va + img->bias;
		uint32_t zero = 0;
		memcpy((void *)m->tls.index_addr, &zero, sizeof zero);
	}
	return 0;
}

/* What linking a previous image kept: only the loader's fuzzer links one
 * image after another in a process. */
static void forget_program(void)
{
	free(program.dlls);
	free((void *)program.m.callbacks);
	memset(&program, 0, sizeof program);
}

int xeno_pe_link(struct xeno_image *img, const struct xeno_personality *os,
		 struct xeno_link_start *out)
{
	const struct pe_image *pe = img->format_data;
	*out = (struct xeno_link_start){0};
	forget_program();
	int err = protect_all(img, true);
	if (err)
		return err;
	if (img->bias)
		err = relocate(img, pe);
	if (!err)
		err = bind_imports(img, pe, os);
	if (!err)
		err = take_tls(img, pe);
	if (!err)
		err = protect_all(img, false);
	if (err)
		return err;
	struct pe_module *m = &program.m;
	m->base = pe->image_base + img->bias;
	m->size = round_up(pe->size_of_image, PAGE);
	m->entry = img->entry + img->bias;
	m->stack_reserve = pe->stack_reserve;
	m->stack_commit = pe->stack_commit;
	m->subsystem_major = pe->subsystem_major;
	m->subsystem_minor = pe->subsystem_minor;
	memcpy(program.sections, pe->sections, pe->nsections * sizeof pe->sections[0]);
	program.nsections = pe->nsections;
	program.linked = true;
	return 0;
}

static const char *prot_string(int prot, char buf[4])
{
	buf[0] = prot & PROT_READ ? 'r' : '-';
	buf[1] = prot & PROT_WRITE ? 'w' : '-';
	buf[2] = prot & PROT_EXEC ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

void pe_report(FILE *out)
{
	const struct pe_module *m = &program.m;
	char prot[4];
	fprintf(out, "image: %#llx size %#llx%s\n", (unsigned long long)m->base,
		(unsigned long long)m->size,
		program.moved ? " (moved from its ImageBase: base relocations applied)" : "");
	if (program.moved)
		fprintf(out, "relocations: %zu applied\n", program.nrelocs);
	for (size_t i = 0; i < program.nsections; i++) {
		const struct pe_section *s = &program.sections[i];
		unsigned long long at = m->base + s->rva;
		fprintf(out, "section: %-8s %#llx-%#llx %s file size %#x\n", s->name, at,
			at + s->vsize, prot_string(s->prot, prot), s->raw_size);
	}
	for (size_t i = 0; i < program.ndlls; i++) {
		const struct dll_report *d = &program.dlls[i];
		fprintf(out, "import: %s: %zu functions, %zu bound%s\n", d->name, d->count,
			d->bound, d->shim ? "" : " (no such DLL built into xeno)");
	}
	if (m->tls.present)
		fprintf(out,
			"tls: template %#llx size %#llx, zero fill %#llx, index at %#llx, %zu "
			"callbacks\n",
			(unsigned long long)m->tls.template_addr,
			(unsigned long long)m->tls.template_size,
			(unsigned long long)m->tls.zero_fill, (unsigned long long)m->tls.index_addr,
			m->ncallbacks);
	else
		fprintf(out, "tls: none\n");
}
