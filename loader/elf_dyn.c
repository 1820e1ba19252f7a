/*
 * Reading an ELF object's dynamic section through libelf (loader/elf_dyn.h).
 * The dynamic entries give addresses; each table is found in the file through
 * the PT_LOAD segment that holds it, read with elf_getdata_rawchunk and the
 * gelf_get* accessors, and every index, offset and count is checked before
 * it is used.  A damaged object ends in a reason, never in a crash.
 */
#include "loader/elf_dyn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/image.h"

/* Sane bounds on what a real object holds. */
#define MAX_SYMS    (1u << 21)
#define MAX_RELOCS  (1u << 24)
#define MAX_NEEDED  256u
#define MAX_VERSION 4096u
#define MAX_STRINGS (64u << 20)
#define MAX_ARRAY   65536u

/* What one read needs: the image, libelf's view, the description. */
struct reader {
	struct xeno_image *img;
	Elf *elf;
	size_t fsize;
	struct xeno_elf_dyn *d;
	uint64_t strtab, strsz, symtab, syment, hash;
	uint64_t rela, relasz, relaent, jmprel, pltrelsz, pltrel;
	uint64_t versym, verneed, verneednum, verdef, verdefnum;
	uint64_t soname;
	int have_soname;
	uint64_t needed[MAX_NEEDED];
	unsigned nneeded;
	uint64_t init_arraysz, fini_arraysz, preinit_arraysz;
};

__attribute__((format(printf, 2, 3))) static int bad(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->img->reason, sizeof r->img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

/* The file offset of [addr, addr + len) if one segment's file bytes hold
 * all of it; -1 otherwise. */
static int64_t file_offset(const struct reader *r, uint64_t addr, uint64_t len)
{
	const struct xeno_image *img = r->img;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (addr < s->vaddr || addr - s->vaddr > s->filesz)
			continue;
		uint64_t off = addr - s->vaddr;
		if (len > s->filesz - off)
			return -1;
		return (int64_t)(s->offset + off);
	}
	return -1;
}

/* libelf's translated view of len bytes at address addr, as type. */
static Elf_Data *chunk(struct reader *r, uint64_t addr, uint64_t len, Elf_Type type)
{
	int64_t off = file_offset(r, addr, len);
	if (off < 0 || len == 0)
		return NULL;
	Elf_Data *d = elf_getdata_rawchunk(r->elf, off, len, type);
	return d && d->d_size == len ? d : NULL;
}

/* How many bytes the segment holding addr has in the file from addr on. */
static uint64_t room_at(const struct reader *r, uint64_t addr)
{
	const struct xeno_image *img = r->img;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (addr >= s->vaddr && addr - s->vaddr < s->filesz)
			return s->filesz - (addr - s->vaddr);
	}
	return 0;
}

/* A name at offset off of the string table, or NULL. */
static const char *string_at(const struct reader *r, uint64_t off)
{
	if (off >= r->strsz)
		return NULL;
	const char *s = r->d->strings + off;
	return memchr(s, '\0', r->strsz - off) ? s : NULL;
}

static int note_entry(struct reader *r, const GElf_Dyn *e)
{
	uint64_t v = e->d_un.d_val;
	struct xeno_elf_dyn *d = r->d;
	switch (e->d_tag) {
	case DT_NEEDED:
		if (r->nneeded == MAX_NEEDED)
			return bad(r, "more than %u needed libraries", MAX_NEEDED);
		r->needed[r->nneeded++] = v;
		break;
	case DT_STRTAB:
		r->strtab = v;
		break;
	case DT_STRSZ:
		r->strsz = v;
		break;
	case DT_SYMTAB:
		r->symtab = v;
		break;
	case DT_SYMENT:
		r->syment = v;
		break;
	case DT_HASH:
		r->hash = v;
		break;
	case DT_RELA:
		r->rela = v;
		break;
	case DT_RELASZ:
		r->relasz = v;
		break;
	case DT_RELAENT:
		r->relaent = v;
		break;
	case DT_JMPREL:
		r->jmprel = v;
		break;
	case DT_PLTRELSZ:
		r->pltrelsz = v;
		break;
	case DT_PLTREL:
		r->pltrel = v;
		break;
	case DT_REL:
	case DT_RELSZ:
		return bad(r, "REL relocations (DT_REL), which x86-64 objects do not use");
	case DT_VERSYM:
		r->versym = v;
		break;
	case DT_VERNEED:
		r->verneed = v;
		break;
	case DT_VERNEEDNUM:
		r->verneednum = v;
		break;
	case DT_VERDEF:
		r->verdef = v;
		break;
	case DT_VERDEFNUM:
		r->verdefnum = v;
		break;
	case DT_SONAME:
		r->soname = v, r->have_soname = 1;
		break;
	case DT_INIT:
		d->init = v;
		break;
	case DT_FINI:
		d->fini = v;
		break;
	case DT_INIT_ARRAY:
		d->init_array = v;
		break;
	case DT_FINI_ARRAY:
		d->fini_array = v;
		break;
	case DT_PREINIT_ARRAY:
		d->preinit_array = v;
		break;
	case DT_INIT_ARRAYSZ:
		r->init_arraysz = v;
		break;
	case DT_FINI_ARRAYSZ:
		r->fini_arraysz = v;
		break;
	case DT_PREINIT_ARRAYSZ:
		r->preinit_arraysz = v;
		break;
	case DT_FLAGS:
		d->flags = v;
		break;
	case DT_FLAGS_1:
		d->flags_1 = v;
		break;
	}
	return 0;
}

static int read_entries(struct reader *r, uint64_t addr, uint64_t size)
{
	if (size == 0 || size % sizeof(Elf64_Dyn) != 0)
		return bad(r, "malformed dynamic section (PT_DYNAMIC size %#llx)",
			   (unsigned long long)size);
	Elf_Data *data = chunk(r, addr, size, ELF_T_DYN);
	if (!data)
		return bad(r, "the dynamic section lies outside the file's segments");
	size_t n = size / sizeof(Elf64_Dyn);
	for (size_t i = 0; i < n; i++) {
		GElf_Dyn e;
		if (!gelf_getdyn(data, (int)i, &e))
			return bad(r, "malformed dynamic entry %zu", i);
		if (e.d_tag == DT_NULL)
			break;
		int err = note_entry(r, &e);
		if (err)
			return err;
	}
	return 0;
}

static int read_strings(struct reader *r)
{
	if (!r->strtab || !r->strsz)
		return bad(r, "no dynamic string table (DT_STRTAB, DT_STRSZ)");
	if (r->strsz > MAX_STRINGS)
		return bad(r, "a dynamic string table of %#llx bytes",
			   (unsigned long long)r->strsz);
	Elf_Data *data = chunk(r, r->strtab, r->strsz, ELF_T_BYTE);
	if (!data)
		return bad(r, "the dynamic string table lies outside the file's segments");
	r->d->strings = malloc(r->strsz + 1);
	if (!r->d->strings)
		return bad(r, "out of memory");
	memcpy(r->d->strings, data->d_buf, r->strsz);
	r->d->strings[r->strsz] = '\0';
	return 0;
}

static int read_needed(struct reader *r)
{
	struct xeno_elf_dyn *d = r->d;
	d->needed = calloc(r->nneeded ? r->nneeded : 1, sizeof *d->needed);
	if (!d->needed)
		return bad(r, "out of memory");
	for (unsigned i = 0; i < r->nneeded; i++) {
		const char *name = string_at(r, r->needed[i]);
		if (!name || !name[0])
			return bad(r, "a needed library's name (DT_NEEDED) lies outside the "
				      "string table");
		d->needed[d->nneeded++] = name;
	}
	if (r->have_soname && !(d->soname = string_at(r, r->soname)))
		return bad(r, "the library's name (DT_SONAME) lies outside the string table");
	return 0;
}

/* The number of dynamic symbols: the section header's, or DT_HASH's. */
static int count_symbols(struct reader *r, unsigned *n)
{
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(r->elf, scn)) != NULL) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM)
			continue;
		if (sh.sh_addr != r->symtab || sh.sh_entsize != sizeof(Elf64_Sym))
			return bad(r, "the dynamic symbol section disagrees with DT_SYMTAB");
		if (sh.sh_size / sizeof(Elf64_Sym) > MAX_SYMS)
			return bad(r, "more than %u dynamic symbols", MAX_SYMS);
		*n = (unsigned)(sh.sh_size / sizeof(Elf64_Sym));
		return 0;
	}
	if (!r->hash)
		return bad(r, "cannot tell how many dynamic symbols there are (no section "
			      "headers, no DT_HASH)");
	Elf_Data *h = chunk(r, r->hash, 8, ELF_T_WORD);
	if (!h)
		return bad(r, "the symbol hash table (DT_HASH) lies outside the file");
	uint32_t nchain = ((const uint32_t *)h->d_buf)[1];
	if (nchain > MAX_SYMS)
		return bad(r, "more than %u dynamic symbols", MAX_SYMS);
	*n = nchain;
	return 0;
}

static int read_symbols(struct reader *r)
{
	if (!r->symtab)
		return bad(r, "no dynamic symbol table (DT_SYMTAB)");
	if (r->syment && r->syment != sizeof(Elf64_Sym))
		return bad(r, "dynamic symbols of %llu bytes", (unsigned long long)r->syment);
	unsigned n = 0;
	int err = count_symbols(r, &n);
	if (err || n == 0)
		return err;
	Elf_Data *data = chunk(r, r->symtab, (uint64_t)n * sizeof(Elf64_Sym), ELF_T_SYM);
	if (!data)
		return bad(r, "the dynamic symbol table lies outside the file's segments");
	Elf_Data *vs = r->versym ? chunk(r, r->versym, (uint64_t)n * 2, ELF_T_HALF) : NULL;
	if (r->versym && !vs)
		return bad(r, "the symbol versions (DT_VERSYM) lie outside the file's segments");
	struct xeno_elf_dyn *d = r->d;
	d->has_versym = vs != NULL;
	if (!(d->syms = calloc(n, sizeof *d->syms)))
		return bad(r, "out of memory");
	d->nsyms = n;
	for (unsigned i = 0; i < n; i++) {
		GElf_Sym s;
		struct xeno_elf_sym *o = &d->syms[i];
		if (!gelf_getsym(data, (int)i, &s))
			return bad(r, "malformed dynamic symbol %u", i);
		if (!(o->name = string_at(r, s.st_name)))
			return bad(r, "dynamic symbol %u: its name lies outside the string table",
				   i);
		o->value = s.st_value;
		o->size = s.st_size;
		o->bind = GELF_ST_BIND(s.st_info);
		o->type = GELF_ST_TYPE(s.st_info);
		o->visibility = GELF_ST_VISIBILITY(s.st_other);
		o->defined = s.st_shndx != SHN_UNDEF;
		GElf_Versym v = 1;
		if (vs && !gelf_getversym(vs, (int)i, &v))
			return bad(r, "malformed symbol version %u", i);
		o->version = v & 0x7fff;
		o->hidden = (v & 0x8000) != 0;
	}
	return 0;
}

/* Makes room for the versym index idx in the version table. */
static struct xeno_elf_version *version_slot(struct reader *r, unsigned idx)
{
	struct xeno_elf_dyn *d = r->d;
	if (idx >= MAX_VERSION)
		return NULL;
	if (idx >= d->nversions) {
		struct xeno_elf_version *v = realloc(d->versions, (idx + 1) * sizeof *v);
		if (!v)
			return NULL;
		memset(v + d->nversions, 0, (idx + 1 - d->nversions) * sizeof *v);
		d->versions = v;
		d->nversions = idx + 1;
	}
	return &d->versions[idx];
}

static int read_verneed(struct reader *r)
{
	if (!r->verneed || !r->verneednum)
		return 0;
	uint64_t room = room_at(r, r->verneed);
	Elf_Data *data = room ? chunk(r, r->verneed, room, ELF_T_VNEED) : NULL;
	if (!data)
		return bad(r, "the needed versions (DT_VERNEED) lie outside the file's segments");
	size_t off = 0;
	for (uint64_t i = 0; i < r->verneednum && i < MAX_VERSION; i++) {
		GElf_Verneed vn;
		if (off >= room || !gelf_getverneed(data, (int)off, &vn))
			return bad(r, "malformed needed version %llu", (unsigned long long)i);
		const char *file = string_at(r, vn.vn_file);
		if (!file)
			return bad(r,
				   "a needed version's library name lies outside the string table");
		size_t aoff = off + vn.vn_aux;
		for (unsigned k = 0; k < vn.vn_cnt && k < MAX_VERSION; k++) {
			GElf_Vernaux va;
			if (aoff >= room || aoff < off || !gelf_getvernaux(data, (int)aoff, &va))
				return bad(r, "malformed needed version of %s", file);
			struct xeno_elf_version *slot = version_slot(r, va.vna_other & 0x7fff);
			if (!slot || !(slot->name = string_at(r, va.vna_name)))
				return bad(r, "a needed version of %s is malformed", file);
			slot->file = file;
			slot->weak = (va.vna_flags & VER_FLG_WEAK) != 0;
			if (!va.vna_next)
				break;
			aoff += va.vna_next;
		}
		if (!vn.vn_next)
			break;
		off += vn.vn_next;
	}
	return 0;
}

static int read_verdef(struct reader *r)
{
	if (!r->verdef || !r->verdefnum)
		return 0;
	uint64_t room = room_at(r, r->verdef);
	Elf_Data *data = room ? chunk(r, r->verdef, room, ELF_T_VDEF) : NULL;
	if (!data)
		return bad(r,
			   "the version definitions (DT_VERDEF) lie outside the file's segments");
	size_t off = 0;
	for (uint64_t i = 0; i < r->verdefnum && i < MAX_VERSION; i++) {
		GElf_Verdef vd;
		GElf_Verdaux va;
		if (off >= room || !gelf_getverdef(data, (int)off, &vd) ||
		    off + vd.vd_aux >= room || !gelf_getverdaux(data, (int)(off + vd.vd_aux), &va))
			return bad(r, "malformed version definition %llu", (unsigned long long)i);
		struct xeno_elf_version *slot = version_slot(r, vd.vd_ndx & 0x7fff);
		if (!slot || !(slot->name = string_at(r, va.vda_name)))
			return bad(r, "a version definition is malformed");
		slot->file = NULL;
		if (!vd.vd_next)
			break;
		off += vd.vd_next;
	}
	return 0;
}

static int read_relocs(struct reader *r, uint64_t addr, uint64_t size, const char *what)
{
	if (!addr || !size)
		return 0;
	if (size % sizeof(Elf64_Rela) != 0)
		return bad(r, "%s: a size that is not a whole number of relocations", what);
	uint64_t n = size / sizeof(Elf64_Rela);
	struct xeno_elf_dyn *d = r->d;
	if (n > MAX_RELOCS - d->nrelocs)
		return bad(r, "more than %u relocations", MAX_RELOCS);
	Elf_Data *data = chunk(r, addr, size, ELF_T_RELA);
	if (!data)
		return bad(r, "%s lies outside the file's segments", what);
	struct xeno_elf_reloc *rel = realloc(d->relocs, (d->nrelocs + n) * sizeof *rel);
	if (!rel)
		return bad(r, "out of memory");
	d->relocs = rel;
	for (uint64_t i = 0; i < n; i++) {
		GElf_Rela ra;
		if (!gelf_getrela(data, (int)i, &ra))
			return bad(r, "%s: malformed relocation %llu", what, (unsigned long long)i);
		struct xeno_elf_reloc *o = &d->relocs[d->nrelocs++];
		o->offset = ra.r_offset;
		o->type = (uint32_t)GELF_R_TYPE(ra.r_info);
		o->sym = (uint32_t)GELF_R_SYM(ra.r_info);
		o->addend = ra.r_addend;
		if (o->sym >= d->nsyms && o->sym != 0)
			return bad(r, "%s: relocation %llu names symbol %u of %u", what,
				   (unsigned long long)i, o->sym, d->nsyms);
	}
	return 0;
}

/* Whether [addr, addr + len) lies in the file's bytes of one segment
 * mapped readable (the linker reads it in memory). */
static bool readable(const struct reader *r, uint64_t addr, uint64_t len)
{
	const struct xeno_image *img = r->img;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (addr >= s->vaddr && addr - s->vaddr <= s->filesz &&
		    len <= s->filesz - (addr - s->vaddr))
			return (s->prot & PROT_READ) != 0;
	}
	return false;
}

/* An initialiser or finaliser array's length, its size checked. */
static int array_length(struct reader *r, uint64_t addr, uint64_t size, unsigned *n,
			const char *what)
{
	if (!addr)
		return 0;
	if (addr % 8 != 0 || size % 8 != 0 || size / 8 > MAX_ARRAY || !readable(r, addr, size))
		return bad(r,
			   "%s of %#llx bytes is unaligned, malformed or outside the file's "
			   "readable bytes",
			   what, (unsigned long long)size);
	*n = (unsigned)(size / 8);
	return 0;
}

static int read_all(struct reader *r)
{
	struct xeno_elf_dyn *d = r->d;
	int err = read_entries(r, r->img->dynamic_vaddr, r->img->dynamic_size);
	if (!err)
		err = read_strings(r);
	if (!err)
		err = read_needed(r);
	if (!err)
		err = read_symbols(r);
	if (!err)
		err = read_verneed(r);
	if (!err)
		err = read_verdef(r);
	for (unsigned i = 0; !err && d->has_versym && i < d->nsyms; i++) {
		unsigned v = d->syms[i].version;
		if (v > 1 && (v >= d->nversions || !d->versions[v].name))
			err = bad(r, "symbol %s has version %u, which is not defined",
				  d->syms[i].name, v);
	}
	if (!err && r->relaent && r->relaent != sizeof(Elf64_Rela))
		err = bad(r, "relocations of %llu bytes", (unsigned long long)r->relaent);
	if (!err && r->jmprel && r->pltrel != DT_RELA)
		err = bad(r, "PLT relocations that are not RELA");
	if (!err)
		err = read_relocs(r, r->rela, r->relasz, "DT_RELA");
	if (!err)
		err = read_relocs(r, r->jmprel, r->pltrelsz, "DT_JMPREL");
	if (!err)
		err = array_length(r, d->init_array, r->init_arraysz, &d->ninit, "DT_INIT_ARRAY");
	if (!err)
		err = array_length(r, d->fini_array, r->fini_arraysz, &d->nfini, "DT_FINI_ARRAY");
	if (!err)
		err = array_length(r, d->preinit_array, r->preinit_arraysz, &d->npreinit,
				   "DT_PREINIT_ARRAY");
	return err;
}

int xeno_elf_dyn_read(struct xeno_image *img, Elf *elf, const char *data, size_t size)
{
	(void)data;
	struct xeno_elf_dyn *d = calloc(1, sizeof *d);
	struct reader *r = calloc(1, sizeof *r);
	if (!d || !r) {
		free(d);
		free(r);
		snprintf(img->reason, sizeof img->reason, "out of memory");
		return XENO_LOAD_BAD;
	}
	*r = (struct reader){.img = img, .elf = elf, .fsize = size, .d = d};
	int err = read_all(r);
	free(r);
	if (err) {
		xeno_elf_dyn_free(d);
		return err;
	}
	img->dyn = d;
	return 0;
}

void xeno_elf_dyn_free(struct xeno_elf_dyn *d)
{
	if (!d)
		return;
	free(d->strings);
	free(d->needed);
	free(d->syms);
	free(d->relocs);
	free(d->versions);
	free(d);
}
