/*
 * Applying an object's relocations (x86-64 psABI, chapter 4.4.1; FreeBSD's
 * libexec/rtld-elf/amd64/reloc.c is the model of what a loader does with
 * each): every place checked to lie inside one of the object's segments,
 * every symbol bound through the global scope with its version.  Bound at
 * once, never lazily.  Places in read-only segments (text relocations, RELRO)
 * are written through a temporary PROT_WRITE.  COPY relocations wait until
 * every object is relocated (link.c); IRELATIVE and IFUNC results become
 * steps of the start list, for the resolvers are guest code.
 */
#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "core/library.h"
#include "loader/link_impl.h"

#define PAGE	 4096ULL
#define MAX_COPY (1u << 20) /* the largest object a COPY relocation moves */

struct relocator {
	struct object *o;
	char *why;
	size_t whysize;
	unsigned opened[XENO_MAX_SEGMENTS]; /* segments made writable */
	unsigned nopened;
};

__attribute__((format(printf, 2, 3))) static int bad(struct relocator *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->why, r->whysize, fmt, ap);
	va_end(ap);
	return -1;
}

bool link_holds(const struct object *o, uint64_t addr, uint64_t size, int prot)
{
	for (unsigned i = 0; i < o->img.nseg; i++) {
		const struct xeno_segment *s = &o->img.seg[i];
		uint64_t start = s->vaddr + o->img.bias;
		if (addr >= start && addr - start <= s->memsz && size <= s->memsz - (addr - start))
			return (s->prot & prot) == prot;
	}
	return false;
}

static void seg_span(const struct object *o, unsigned i, uint64_t *start, uint64_t *len)
{
	const struct xeno_segment *s = &o->img.seg[i];
	*start = (s->vaddr & ~(PAGE - 1)) + o->img.bias;
	*len = ((s->vaddr + s->memsz + PAGE - 1) & ~(PAGE - 1)) + o->img.bias - *start;
}

/* The memory of the place at file address off, size bytes, writable; NULL
 * if it lies outside every segment. */
static void *place(struct relocator *r, uint64_t off, unsigned size)
{
	struct object *o = r->o;
	for (unsigned i = 0; i < o->img.nseg; i++) {
		const struct xeno_segment *s = &o->img.seg[i];
		if (off < s->vaddr || off - s->vaddr > s->memsz ||
		    size > s->memsz - (off - s->vaddr))
			continue;
		if (!(s->prot & PROT_WRITE)) {
			bool open = false;
			for (unsigned k = 0; k < r->nopened; k++)
				open |= r->opened[k] == i;
			uint64_t start, len;
			seg_span(o, i, &start, &len);
			if (!open && mprotect((void *)start, len, s->prot | PROT_WRITE) < 0)
				return NULL;
			if (!open)
				r->opened[r->nopened++] = i;
		}
		return (void *)(off + o->img.bias);
	}
	return NULL;
}

static void close_segments(struct relocator *r)
{
	for (unsigned k = 0; k < r->nopened; k++) {
		uint64_t start, len;
		seg_span(r->o, r->opened[k], &start, &len);
		mprotect((void *)start, len, r->o->img.seg[r->opened[k]].prot);
	}
	r->nopened = 0;
}

/* The version a symbol reference asks for, and the library it names. */
static const char *wanted_version(const struct object *o, const struct xeno_elf_sym *s,
				  const char **file)
{
	const struct xeno_elf_dyn *d = o->dyn;
	*file = NULL;
	if (!d->has_versym || s->version <= 1)
		return NULL;
	*file = d->versions[s->version].file;
	return d->versions[s->version].name;
}

/* Binds symbol index sym of the object: 0, or -1 (reason set).  called:
 * the place is a PLT slot, so a missing symbol is a function whatever
 * type it has (Go's linker types the imports of illumos and OpenBSD
 * programs STT_OBJECT). */
static int bind_symbol(struct relocator *r, uint32_t sym, bool called, struct definition *def)
{
	struct object *o = r->o;
	const struct xeno_elf_sym *s = &o->dyn->syms[sym];
	if (s->bind == STB_LOCAL) {
		*def = (struct definition){
		    .object = o, .addr = s->value + o->img.bias, .size = s->size, .type = s->type};
		if (s->type == STT_TLS)
			def->addr = s->value;
		return 0;
	}
	const char *file;
	const char *version = wanted_version(o, s, &file);
	if (link_lookup(s->name, version, NULL, def))
		return 0;
	if (s->defined && link_lookup_in(o, s->name, NULL, def))
		return 0;
	if (s->bind == STB_WEAK) {
		*def = (struct definition){.object = NULL, .addr = 0};
		return 0;
	}
	if (s->type == STT_TLS)
		return bad(r, "%s: thread-local symbol %s is defined nowhere", o->name, s->name);
	const char *lib = file ? file : o->dyn->nneeded ? o->dyn->needed[0] : o->name;
	bool data = s->type == STT_OBJECT && !called;
	if (data && s->size > MAX_COPY)
		return bad(r, "%s: %s, an object of %#llx bytes, is defined nowhere", o->name,
			   s->name, (unsigned long long)s->size);
	*def = (struct definition){.object = NULL,
				   .addr = data ? link_missing_data(lib, s->name, s->size)
						: link_missing_function(lib, s->name),
				   .size = s->size,
				   .type = data ? STT_OBJECT : STT_FUNC,
				   .data = data};
	if (!def->addr)
		return bad(r, "out of memory for the missing symbol %s", s->name);
	return 0;
}

/* A result that a guest resolver computes: a step of the start list.  The
 * guest stores it itself, so the place must be writable as mapped. */
static int defer(struct relocator *r, uint64_t resolver, void *where)
{
	if (!link_holds(r->o, (uint64_t)where, 8, PROT_WRITE))
		return bad(r, "%s: an IRELATIVE or IFUNC relocation at %#llx is not writable",
			   r->o->name, (unsigned long long)((uint64_t)where - r->o->img.bias));
	if (link_add_step(resolver, (uint64_t)where) < 0)
		return bad(r, "out of memory");
	return 0;
}

static int tls_value(struct relocator *r, const struct xeno_elf_reloc *rel,
		     const struct definition *def, uint64_t *v)
{
	const struct object *owner = rel->sym ? def->object : r->o;
	if (!owner || !owner->tls_module)
		return bad(r, "%s: a TLS relocation for a symbol without thread-local storage",
			   r->o->name);
	switch (rel->type) {
	case R_X86_64_DTPMOD64:
		*v = owner->tls_module;
		break;
	case R_X86_64_DTPOFF64:
		*v = (rel->sym ? def->addr : 0) + (uint64_t)rel->addend;
		break;
	default: /* TPOFF64: variant II, below the thread pointer */
		if (!owner->tls_offset)
			return bad(r, "%s: static TLS relocation against a module loaded later",
				   r->o->name);
		*v = (rel->sym ? def->addr : 0) + (uint64_t)rel->addend - owner->tls_offset;
	}
	return 0;
}

/* A damaged object may ask for a place that is not aligned (x86 allows it). */
static void store64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

static int apply(struct relocator *r, const struct xeno_elf_reloc *rel)
{
	struct object *o = r->o;
	if (rel->type == R_X86_64_NONE || rel->type == R_X86_64_COPY)
		return 0;
	unsigned char *p = place(r, rel->offset, rel->type == R_X86_64_PC32 ? 4 : 8);
	if (!p)
		return bad(r, "%s: relocation at %#llx lies outside every segment", o->name,
			   (unsigned long long)rel->offset);
	struct definition def = {0};
	if (rel->sym && bind_symbol(r, rel->sym, rel->type == R_X86_64_JUMP_SLOT, &def) < 0)
		return -1;
	uint64_t v = 0;
	switch (rel->type) {
	case R_X86_64_RELATIVE:
		store64(p, o->img.bias + (uint64_t)rel->addend);
		return 0;
	case R_X86_64_IRELATIVE:
		return defer(r, o->img.bias + (uint64_t)rel->addend, p);
	case R_X86_64_64:
	case R_X86_64_GLOB_DAT:
	case R_X86_64_JUMP_SLOT:
		if (def.type == STT_GNU_IFUNC)
			return defer(r, def.addr, p); /* the addend of an IFUNC is 0 */
		store64(p, def.addr + (rel->type == R_X86_64_64 ? (uint64_t)rel->addend : 0));
		return 0;
	case R_X86_64_PC32: {
		int64_t d = (int64_t)(def.addr + (uint64_t)rel->addend - (uint64_t)p);
		if (d != (int32_t)d)
			return bad(r, "%s: a PC32 relocation out of reach", o->name);
		int32_t d32 = (int32_t)d;
		memcpy(p, &d32, 4);
		return 0;
	}
	case R_X86_64_DTPMOD64:
	case R_X86_64_DTPOFF64:
	case R_X86_64_TPOFF64:
		if (tls_value(r, rel, &def, &v) < 0)
			return -1;
		store64(p, v);
		return 0;
	}
	return bad(r, "%s: relocation type %u, which xeno does not handle", o->name, rel->type);
}

int link_relocate(struct object *o, char *why, size_t whysize)
{
	struct relocator r = {.o = o, .why = why, .whysize = whysize};
	int err = 0;
	for (unsigned i = 0; !err && i < o->dyn->nrelocs; i++)
		err = apply(&r, &o->dyn->relocs[i]);
	close_segments(&r);
	o->relocated = err == 0;
	return err;
}

/* A COPY relocation: the object's bytes, from the library that defines it,
 * into the program, where the library's own code then finds it too. */
static int copy(struct relocator *r, const struct xeno_elf_reloc *rel)
{
	struct object *o = r->o;
	if (rel->sym == 0)
		return bad(r, "%s: a COPY relocation names no symbol", o->name);
	const struct xeno_elf_sym *s = &o->dyn->syms[rel->sym];
	const char *file;
	const char *version = wanted_version(o, s, &file);
	struct definition def;
	if (s->size > MAX_COPY)
		return bad(r, "%s: COPY relocation of %s, %#llx bytes", o->name, s->name,
			   (unsigned long long)s->size);
	void *p = place(r, rel->offset, (unsigned)(s->size ? s->size : 1));
	if (!p)
		return bad(r, "%s: COPY relocation of %s lies outside every segment", o->name,
			   s->name);
	if (!link_lookup(s->name, version, o, &def))
		return bad(r, "%s: %s (COPY) is defined nowhere else", o->name, s->name);
	uint64_t n = s->size < def.size ? s->size : def.size;
	if (def.type == STT_TLS || (!def.export && !link_holds(def.object, def.addr, n, PROT_READ)))
		return bad(r, "%s: %s (COPY) is not an object %s holds", o->name, s->name,
			   def.object->name);
	memcpy(p, (void *)def.addr, n);
	void **at = def.export ? xeno_export_at(def.export) : NULL;
	if (at)
		*at = p; /* the shim's own code uses the copy */
	return 0;
}

int link_copy_relocations(struct object *o, char *why, size_t whysize)
{
	struct relocator r = {.o = o, .why = why, .whysize = whysize};
	int err = 0;
	for (unsigned i = 0; !err && i < o->dyn->nrelocs; i++) {
		const struct xeno_elf_reloc *rel = &o->dyn->relocs[i];
		if (rel->type == R_X86_64_COPY)
			err = copy(&r, rel);
	}
	close_segments(&r);
	return err;
}
