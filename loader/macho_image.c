/*
 * A Mach-O program as the neutral image (loader/formats.h), and its linking
 * against the personality's shim libraries, as dyld would link it
 * (dyld's ImageLoaderMachOCompressed / MachOAnalyzer: rebases, then binds).
 *
 * The image: every segment but __PAGEZERO at its vmaddr, its file bytes
 * mapped from the x86-64 slice (segments are page-aligned in the file, which
 * the parser checked), the rest zero-filled.  A program without MH_PIE must
 * have its own addresses.
 *
 * Linking: the rebases when the image moved; each bind's symbol (without
 * its leading '_') looked up in the shim library its ordinal names (by the
 * base name of the dylib's path: "/usr/lib/libSystem.B.dylib" is the shim
 * "libSystem.B.dylib"), then, for a flat bind or a missing one, in every
 * shim; one nothing defines is bound to a stub that names itself when
 * called (a weak import to 0).  Segments are writable while binding and get
 * their protections back after (SG_READ_ONLY ones read-only).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/brand.h"
#include "core/library.h"
#include "core/personality.h"
#include "loader/formats.h"
#include "loader/image.h"
#include "loader/link.h"
#include "loader/macho.h"

#define PAGE 4096ULL

void xeno_lib_entry(void); /* core/libgate.S */

__attribute__((format(printf, 2, 3))) static int fail(struct xeno_image *img, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(img->reason, sizeof img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

int xeno_macho_image(struct xeno_image *img, const void *data, size_t size)
{
	struct macho_image *m = calloc(1, sizeof *m);
	if (!m)
		return fail(img, "out of memory");
	if (macho_parse(m, data, size) != 0) {
		fail(img, "%s", m->reason);
		macho_free(m);
		free(m);
		return XENO_LOAD_BAD;
	}
	img->format_data = m;
	if (m->form == MACHO_FIXUPS_NONE && m->ndylibs)
		return fail(img, "no dyld information to link its %u libraries with", m->ndylibs);
	for (unsigned i = 0; i < m->nsegments; i++) {
		const struct macho_segment *s = &m->segments[i];
		if (s->reserved || !s->vmsize)
			continue;
		if (img->nseg == XENO_MAX_SEGMENTS)
			return fail(img, "more than %d segments", XENO_MAX_SEGMENTS);
		struct xeno_segment *g = &img->seg[img->nseg++];
		g->vaddr = s->vmaddr;
		g->memsz = s->vmsize;
		g->offset = m->slice_offset + s->fileoff;
		g->filesz = s->filesize;
		g->prot = s->initprot;
		g->copy = (g->offset % PAGE) != 0;
	}
	if (!img->nseg)
		return fail(img, "no segment to map");
	img->entry = m->entry.addr;
	img->lo = m->lo;
	img->hi = m->hi;
	img->is_pie = m->pie;
	img->prefers_own_base = m->pie;
	return 0;
}

void xeno_macho_image_free(struct xeno_image *img)
{
	struct macho_image *m = img->format_data;
	macho_free(m);
	free(m);
}

/* ---- linking ---- */

#define MAX_REPORT_LIBS 16

/* What --check reports of the linked program. */
static struct {
	size_t nbinds, bound, missing, nrebases;
	bool fat, pie, main_entry;
	const char *form;
	struct {
		char name[64];
		size_t count, bound;
		bool shim;
	} libs[MAX_REPORT_LIBS];
	unsigned nlibs;
	struct {
		char name[17];
		uint64_t at, size;
		int prot;
	} segs[XENO_MAX_SEGMENTS];
	unsigned nsegs;
} report;

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

static const struct xeno_library *shim_named(const struct xeno_personality *os, const char *path)
{
	const char *b = base_name(path);
	for (const struct xeno_library *const *l = os->libraries; l && *l; l++)
		if (strcmp((*l)->soname, b) == 0)
			return *l;
	return NULL;
}

static uint64_t export_of(const struct xeno_library *lib, const char *name)
{
	for (unsigned i = 0; lib && i < lib->nexports; i++) {
		const struct xeno_export *e = &lib->exports[i];
		void **at = xeno_export_at(e);
		if (!e->hidden && strcmp(xeno_export_name(e), name) == 0)
			return (uint64_t)(e->kind == XENO_EXPORT_DATA && at ? *at
									    : xeno_export_addr(e));
	}
	return 0;
}

static uint64_t lookup(const struct xeno_personality *os, const struct macho_image *m,
		       const struct macho_bind *b, const char *name, const char **libname)
{
	const struct xeno_library *lib = NULL;
	*libname = "flat namespace";
	if (b->ordinal >= 1 && (unsigned)b->ordinal <= m->ndylibs) {
		*libname = base_name(m->dylibs[b->ordinal - 1].path);
		lib = shim_named(os, m->dylibs[b->ordinal - 1].path);
	}
	uint64_t addr = export_of(lib, name);
	/* flat binds, and two-level ones Apple's libraries would re-export */
	for (const struct xeno_library *const *l = os->libraries; !addr && l && *l; l++)
		addr = export_of(*l, name);
	return addr;
}

static int bind_all(struct xeno_image *img, const struct macho_image *m,
		    const struct xeno_personality *os)
{
	for (size_t i = 0; i < m->nbinds; i++) {
		const struct macho_bind *b = &m->binds[i];
		if (b->kind == MACHO_BIND_WEAK)
			continue; /* weak coalescing: the program's own definition stays */
		const char *name = b->symbol[0] == '_' ? b->symbol + 1 : b->symbol;
		const char *libname;
		uint64_t addr = lookup(os, m, b, name, &libname);
		report.nbinds++;
		if (b->ordinal >= 1 && (unsigned)b->ordinal <= report.nlibs) {
			report.libs[b->ordinal - 1].count++;
			report.libs[b->ordinal - 1].bound += addr != 0;
		}
		if (addr)
			report.bound++;
		else if (!b->weak_import) {
			report.missing++;
			addr = xeno_link_missing_function(libname, name, xeno_lib_entry,
							  XENO_CONV_ERRNO);
			if (!addr)
				return fail(img, "out of memory for import stubs");
		}
		addr += (uint64_t)b->addend;
		uint64_t at = m->segments[b->segment].vmaddr + b->offset + img->bias;
		memcpy((void *)at, &addr, sizeof addr);
	}
	return 0;
}

static void slide_pointer(void *ctx, unsigned segment, uint64_t offset)
{
	const struct xeno_image *img = ctx;
	const struct macho_image *m = img->format_data;
	uint64_t *field = (uint64_t *)(m->segments[segment].vmaddr + offset + img->bias);
	*field += img->bias;
}

/* The rebase stream is read again from the file only now that the image
 * moved (the parse kept no records of it: loader/macho_fixups.c). */
static int rebase_all(struct xeno_image *img, struct macho_image *m)
{
	void *stream = malloc(m->rebase_size ? m->rebase_size : 1);
	if (!stream)
		return fail(img, "out of memory for its rebase stream");
	off_t at = (off_t)(m->slice_offset + m->rebase_off);
	ssize_t n = pread(img->fd, stream, m->rebase_size, at);
	int err = 0;
	if (n != (ssize_t)m->rebase_size)
		err = fail(img, "cannot read its rebase stream again");
	else if (macho_each_rebase(m, stream, m->rebase_size, slide_pointer, img) < 0)
		err = fail(img, "%s", m->reason);
	free(stream);
	report.nrebases = m->nrebases;
	return err;
}

/* Every mapped segment writable (true) or as it ends up (false). */
static int protect_all(struct xeno_image *img, const struct macho_image *m, bool writable)
{
	for (unsigned i = 0; i < m->nsegments; i++) {
		const struct macho_segment *s = &m->segments[i];
		if (s->reserved || !s->vmsize)
			continue;
		int prot = writable ? PROT_READ | PROT_WRITE
				    : (s->read_only ? s->initprot & ~PROT_WRITE : s->initprot);
		if (mprotect((void *)(s->vmaddr + img->bias), (s->vmsize + PAGE - 1) & ~(PAGE - 1),
			     prot) < 0)
			return fail(img, "cannot change the protection of segment %s", s->name);
	}
	return 0;
}

static void take_report(const struct xeno_image *img, const struct macho_image *m,
			const struct xeno_personality *os)
{
	report.fat = m->fat;
	report.pie = m->pie;
	report.main_entry = m->entry.kind == MACHO_ENTRY_MAIN;
	report.form = m->form == MACHO_FIXUPS_DYLD_INFO ? "LC_DYLD_INFO opcode streams"
		      : m->form == MACHO_FIXUPS_CLASSIC ? "symbol pointer sections, flat lookup"
							: "none";
	report.nlibs = m->ndylibs < MAX_REPORT_LIBS ? m->ndylibs : MAX_REPORT_LIBS;
	for (unsigned i = 0; i < report.nlibs; i++) {
		snprintf(report.libs[i].name, sizeof report.libs[i].name, "%s",
			 base_name(m->dylibs[i].path));
		report.libs[i].shim = shim_named(os, m->dylibs[i].path) != NULL;
	}
	for (unsigned i = 0; i < m->nsegments && report.nsegs < XENO_MAX_SEGMENTS; i++) {
		const struct macho_segment *s = &m->segments[i];
		if (s->reserved || !s->vmsize)
			continue;
		memcpy(report.segs[report.nsegs].name, s->name, sizeof s->name);
		report.segs[report.nsegs].at = s->vmaddr + img->bias;
		report.segs[report.nsegs].size = s->vmsize;
		report.segs[report.nsegs++].prot =
		    s->read_only ? s->initprot & ~PROT_WRITE : s->initprot;
	}
}

int xeno_macho_link(struct xeno_image *img, const struct xeno_personality *os,
		    struct xeno_link_start *out)
{
	struct macho_image *m = img->format_data;
	*out = (struct xeno_link_start){0};
	take_report(img, m, os);
	int err = protect_all(img, m, true);
	if (err)
		return err;
	if (img->bias && (err = rebase_all(img, m)))
		return err;
	err = bind_all(img, m, os);
	if (!err)
		err = protect_all(img, m, false);
	return err;
}

void macho_link_report(FILE *out)
{
	fprintf(out, "format: Mach-O 64-bit x86-64 MH_EXECUTE%s%s\n",
		report.fat ? ", from a universal file" : "", report.pie ? ", MH_PIE" : "");
	fprintf(out, "entry kind: %s\n", report.main_entry ? "LC_MAIN" : "LC_UNIXTHREAD");
	for (unsigned i = 0; i < report.nsegs; i++) {
		int p = report.segs[i].prot;
		fprintf(out, "segment: %-16s %#llx-%#llx %c%c%c\n", report.segs[i].name,
			(unsigned long long)report.segs[i].at,
			(unsigned long long)(report.segs[i].at + report.segs[i].size),
			p & PROT_READ ? 'r' : '-', p & PROT_WRITE ? 'w' : '-',
			p & PROT_EXEC ? 'x' : '-');
	}
	fprintf(out, "fixups: %s\n", report.form);
	for (unsigned i = 0; i < report.nlibs; i++)
		fprintf(out, "library: %s: %zu binds, %zu bound%s\n", report.libs[i].name,
			report.libs[i].count, report.libs[i].bound,
			report.libs[i].shim ? "" : " (no such library built into xeno)");
	fprintf(out, "binds: %zu, %zu bound to xeno's libraries, %zu to stubs\n", report.nbinds,
		report.bound, report.missing);
	if (report.nrebases)
		fprintf(out, "rebases: %zu applied\n", report.nrebases);
}
