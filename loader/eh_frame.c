/*
 * The unwind information of an object, checked once as it is linked
 * (loader/eh_frame.h).  Layouts: .eh_frame_hdr and .eh_frame as the LSB
 * 5.0 Core specification describes them (sections "The .eh_frame_hdr
 * section" and "The .eh_frame section": a CIE or FDE is a 4-byte length,
 * 0xffffffff for an 8-byte one, and a zero length ends the section; a
 * CIE's id is 0, an FDE's is the distance back from that field to its
 * CIE), the CIE's fields and augmentation letters ('z', 'P', 'L', 'R',
 * 'S') as they extend DWARF 5 section 6.4.1.  libunwind finds the
 * header through PT_GNU_EH_FRAME and scans .eh_frame up to its
 * terminator when the header's table does not answer, so both must be
 * whole: everything read here lies inside the readable PT_LOAD holding it.
 */
#include "loader/eh_frame.h"

#include <stdio.h>
#include <stdlib.h>

#include "loader/eh_cfa.h"
#include "loader/eh_read.h"

struct object_view {
	const struct xeno_eh_range *ranges;
	unsigned n;
};

/* The readable range holding [at, at + n), in seg: false if none does. */
static bool segment_of(const struct object_view *v, uint64_t at, uint64_t n, struct eh_rd *seg)
{
	for (unsigned i = 0; i < v->n; i++) {
		uint64_t lo = v->ranges[i].lo, hi = v->ranges[i].hi;
		if (at < lo || at > hi || n > hi - at)
			continue;
		*seg = (struct eh_rd){(const uint8_t *)(uintptr_t)lo,
				      (const uint8_t *)(uintptr_t)hi, false};
		return true;
	}
	return false;
}

/* What a CIE tells its FDEs. */
struct cie {
	bool z;		  /* 'z': FDEs have augmentation data */
	uint8_t ptr_enc;  /* 'R' */
	uint8_t lsda_enc; /* 'L', or EH_PE_OMIT */
};

/* A pointer libunwind reads through (DW_EH_PE_indirect): its slot must be
 * in the object. */
static bool slot_ok(const struct object_view *v, uint64_t at)
{
	struct eh_rd seg;
	return segment_of(v, at, 8, &seg);
}

/* A CIE's encoding of a pointer in .eh_frame: libunwind applies only
 * absolute and pc-relative ones there (it aborts on the rest). */
static bool cie_encoding_ok(uint8_t enc, bool indirect_ok)
{
	if (enc & EH_PE_INDIRECT && !indirect_ok)
		return false;
	enc &= (uint8_t)~EH_PE_INDIRECT;
	return eh_format_ok(enc) && ((enc & 0x70) == EH_PE_ABSPTR || (enc & 0x70) == EH_PE_PCREL);
}

/* The augmentation data of a "z..." CIE, in r (which ends where the data
 * ends): the letters' encodings into *c. */
static const char *cie_augmentation(const struct object_view *v, const char *aug, struct eh_rd *r,
				    struct cie *c)
{
	for (const char *a = aug + 1; *a; a++) {
		uint8_t enc;
		switch (*a) {
		case 'P':
			enc = (uint8_t)eh_fixed(r, 1);
			if (!cie_encoding_ok(enc, true))
				return "a personality encoding libunwind does not decode";
			uint64_t fn = eh_pointer(r, enc & (uint8_t)~EH_PE_INDIRECT, 0);
			if (!r->bad && enc & EH_PE_INDIRECT && !slot_ok(v, fn))
				return "a personality slot outside the object";
			break;
		case 'L':
			c->lsda_enc = (uint8_t)eh_fixed(r, 1);
			if (c->lsda_enc != EH_PE_OMIT && !cie_encoding_ok(c->lsda_enc, false))
				return "an LSDA encoding libunwind does not decode";
			break;
		case 'R':
			c->ptr_enc = (uint8_t)eh_fixed(r, 1);
			if (!cie_encoding_ok(c->ptr_enc, false))
				return "an FDE pointer encoding libunwind does not decode";
			break;
		case 'S':
			break;
		default:
			return "an unknown CIE augmentation";
		}
	}
	if (r->bad || r->p != r->end)
		return "CIE augmentation data of the wrong length";
	return NULL;
}

/* The CIE whose contents (after its id) are r: its facts into *c. */
static const char *cie_check(const struct object_view *v, struct eh_rd r, struct cie *c)
{
	*c = (struct cie){false, EH_PE_ABSPTR, EH_PE_OMIT};
	uint8_t version = (uint8_t)eh_fixed(&r, 1);
	if (version != 1 && version != 3)
		return "a CIE version other than 1 or 3";
	const char *aug = (const char *)r.p;
	const uint8_t *nul = memchr(r.p, 0, (size_t)(r.end - r.p));
	if (!nul)
		return "an unterminated CIE augmentation";
	r.p = nul + 1;
	if (aug[0] && aug[0] != 'z')
		return "an unknown CIE augmentation";
	eh_uleb(&r); /* code alignment factor */
	eh_sleb(&r); /* data alignment factor */
	uint64_t ra = version == 1 ? eh_fixed(&r, 1) : eh_uleb(&r);
	if (!r.bad && ra > 16)
		return "a return-address register x86-64 does not have";
	if (aug[0] == 'z') {
		c->z = true;
		uint64_t n = eh_uleb(&r);
		if (r.bad || n > (uint64_t)(r.end - r.p))
			return "CIE augmentation data past its end";
		struct eh_rd data = {r.p, r.p + n, false};
		const char *why = cie_augmentation(v, aug, &data, c);
		if (why)
			return why;
		r.p += n;
	}
	if (r.bad)
		return "a truncated CIE";
	return xeno_eh_cfa_check(r.p, r.end, c->ptr_enc);
}

/* The FDE whose contents (after its CIE pointer) are r, of CIE c. */
static const char *fde_check(const struct cie *c, struct eh_rd r, uint64_t *pc)
{
	*pc = eh_pointer(&r, c->ptr_enc, 0);
	eh_value(&r, c->ptr_enc & 0x0f); /* the range: a length, never applied */
	if (c->z) {
		uint64_t n = eh_uleb(&r);
		if (r.bad || n > (uint64_t)(r.end - r.p))
			return "FDE augmentation data past its end";
		struct eh_rd data = {r.p, r.p + n, false};
		if (c->lsda_enc != EH_PE_OMIT)
			eh_pointer(&data, c->lsda_enc, 0);
		if (data.bad)
			return "an FDE's LSDA past its augmentation data";
		r.p += n;
	}
	if (r.bad)
		return "a truncated FDE";
	return xeno_eh_cfa_check(r.p, r.end, c->ptr_enc);
}

/* Which bytes of .eh_frame start a CIE or an FDE: two bits a byte. */
enum { START_CIE = 1, START_FDE = 2 };

struct walk {
	const struct object_view *v;
	const uint8_t *start, *end; /* .eh_frame to the end of its segment */
	uint8_t *starts;
};

static void mark(struct walk *w, const uint8_t *at, unsigned kind)
{
	size_t i = (size_t)(at - w->start);
	w->starts[i / 4] |= (uint8_t)(kind << (i % 4 * 2));
}

static bool marked(const struct walk *w, const uint8_t *at, unsigned kind)
{
	if (at < w->start || at >= w->end)
		return false;
	size_t i = (size_t)(at - w->start);
	return (w->starts[i / 4] >> (i % 4 * 2) & 3) == kind;
}

/* The contents of the record at p (after its length) in *rec. */
static const char *record_at(const struct walk *w, const uint8_t *p, struct eh_rd *rec)
{
	struct eh_rd r = {p, w->end, false};
	uint64_t len = eh_fixed(&r, 4);
	if (r.bad)
		return "no .eh_frame terminator inside its segment";
	if (len == 0xffffffff)
		return "an 8-byte .eh_frame length";
	if (len > (uint64_t)(r.end - r.p))
		return "a CIE or FDE past its segment";
	*rec = (struct eh_rd){r.p, r.p + len, false};
	return NULL;
}

/* An FDE (rec: after its length) against the CIE its pointer names. */
static const char *fde_record(struct walk *w, struct eh_rd rec, uint32_t id)
{
	static const char *const no_cie = "an FDE whose CIE pointer names no CIE before it";
	struct eh_rd cie_rec;
	struct cie c;
	uint64_t pc;
	if (id > (uint64_t)(rec.p - w->start)) /* before the pointer is formed */
		return no_cie;
	const uint8_t *cie_at = rec.p - id; /* back from the pointer's own field */
	if (!marked(w, cie_at, START_CIE))
		return no_cie;
	const char *why = record_at(w, cie_at, &cie_rec);
	cie_rec.p += 4; /* the CIE id */
	if (!why)
		why = cie_check(w->v, cie_rec, &c);
	rec.p += 4;
	return why ? why : fde_check(&c, rec, &pc);
}

/* A section that fills its segment to the end without a terminator (a
 * program linked without crtend.o, as xeno's samples are): libunwind's
 * scan reads on into the rest of the page, which must then read as one. */
static bool ends_in_page_zeros(const uint8_t *end)
{
	static const uint8_t zero[4];
	return (uintptr_t)end % 4096 != 0 && (uintptr_t)end % 4096 <= 4092 &&
	       memcmp(end, zero, 4) == 0;
}

/* Every CIE and FDE from .eh_frame's start to its zero terminator. */
static const char *records_check(struct walk *w)
{
	const uint8_t *p = w->start;
	for (;;) {
		struct eh_rd rec;
		if (p == w->end && ends_in_page_zeros(p))
			return NULL;
		const char *why = record_at(w, p, &rec);
		if (why)
			return why;
		if (rec.p == rec.end && rec.p == p + 4)
			return NULL; /* the zero terminator */
		if (rec.end - rec.p < 4)
			return "a CIE or FDE too short for its id";
		uint32_t id = (uint32_t)eh_fixed(&(struct eh_rd){rec.p, rec.end, false}, 4);
		if (id == 0) {
			struct cie c;
			why = cie_check(w->v, (struct eh_rd){rec.p + 4, rec.end, false}, &c);
		} else {
			why = fde_record(w, rec, id);
		}
		if (why)
			return why;
		mark(w, p, id == 0 ? START_CIE : START_FDE);
		p = rec.end;
	}
}

/* .eh_frame_hdr's own encodings: applied absolutely, pc-relative or from
 * the header's start, never indirect (linkers write none). */
static bool hdr_encoding_ok(uint8_t enc)
{
	uint8_t how = enc & 0x70;
	return !(enc & EH_PE_INDIRECT) && eh_format_ok(enc) &&
	       (how == EH_PE_ABSPTR || how == EH_PE_PCREL || how == EH_PE_DATAREL);
}

/* The search table's entry size: libunwind binary-searches only fixed
 * 2-, 4- and 8-byte fields (it aborts on others, and on DW_EH_PE_omit). */
static size_t table_entry_size(uint8_t enc)
{
	if (!hdr_encoding_ok(enc))
		return 0;
	switch (enc & 0x0f) {
	case EH_PE_UDATA2:
	case EH_PE_SDATA2:
		return 4;
	case EH_PE_UDATA4:
	case EH_PE_SDATA4:
		return 8;
	case EH_PE_UDATA8:
	case EH_PE_SDATA8:
		return 16;
	}
	return 0;
}

/* The search table (count entries in r, encoding enc): sorted by initial
 * location, each naming an FDE of .eh_frame. */
static const char *table_check(const struct walk *w, struct eh_rd r, uint64_t count, uint8_t enc,
			       uint64_t hdr)
{
	size_t size = table_entry_size(enc);
	if (!size)
		return "a search table encoding libunwind does not decode";
	if (count > (uint64_t)(r.end - r.p) / size)
		return "a search table past the header's segment";
	uint64_t last = 0;
	for (uint64_t i = 0; i < count; i++) {
		uint64_t loc = eh_pointer(&r, enc, hdr);
		uint64_t fde = eh_pointer(&r, enc, hdr);
		if (i && loc < last)
			return "an unsorted search table";
		if (!marked(w, (const uint8_t *)(uintptr_t)fde, START_FDE))
			return "a search table entry naming no FDE";
		last = loc;
	}
	return NULL;
}

/* The header (r: PT_GNU_EH_FRAME's bytes) and the .eh_frame it names. */
static const char *hdr_check(const struct object_view *v, struct eh_rd r)
{
	uint64_t hdr = (uint64_t)(uintptr_t)r.p;
	uint8_t version = (uint8_t)eh_fixed(&r, 1);
	uint8_t ptr_enc = (uint8_t)eh_fixed(&r, 1);
	uint8_t count_enc = (uint8_t)eh_fixed(&r, 1);
	uint8_t table_enc = (uint8_t)eh_fixed(&r, 1);
	if (r.bad || version != 1)
		return "a .eh_frame_hdr of a version other than 1";
	if (!hdr_encoding_ok(ptr_enc) || (count_enc != EH_PE_OMIT && !hdr_encoding_ok(count_enc)))
		return "a .eh_frame_hdr encoding libunwind does not decode";
	uint64_t eh = eh_pointer(&r, ptr_enc, hdr);
	uint64_t count = count_enc == EH_PE_OMIT ? 0 : eh_pointer(&r, count_enc, hdr);
	if (r.bad)
		return "a truncated .eh_frame_hdr";
	struct eh_rd seg;
	if (!segment_of(v, eh, 4, &seg))
		return ".eh_frame outside every readable segment";
	struct walk w = {v, (const uint8_t *)(uintptr_t)eh, seg.end, NULL};
	w.starts = calloc((size_t)(w.end - w.start) / 4 + 1, 1);
	if (!w.starts)
		return "out of memory";
	const char *why = records_check(&w);
	if (!why)
		why = table_check(&w, r, count, table_enc, hdr);
	free(w.starts);
	return why;
}

/* The header PT_GNU_EH_FRAME ph names, at bias. */
static const char *eh_frame_check(const struct object_view *v, const Elf64_Phdr *ph, uint64_t bias)
{
	uint64_t at = ph->p_vaddr + bias;
	struct eh_rd seg;
	if (!segment_of(v, at, ph->p_memsz, &seg))
		return ".eh_frame_hdr outside its segment";
	return hdr_check(v, (struct eh_rd){(const uint8_t *)(uintptr_t)at,
					   (const uint8_t *)(uintptr_t)(at + ph->p_memsz), false});
}

bool xeno_eh_frame_check(uint64_t phdr, unsigned phnum, uint64_t bias,
			 const struct xeno_eh_range *ranges, unsigned n, char *why, size_t whysize)
{
	struct object_view v = {ranges, n};
	struct eh_rd seg;
	const char *bad = NULL;
	Elf64_Phdr *ph = NULL; /* a copy: in memory they may be unaligned */
	/* libunwind reads the headers where they are said to be */
	if (!segment_of(&v, phdr, (uint64_t)phnum * sizeof(Elf64_Phdr), &seg))
		bad = "program headers outside every segment";
	else if (!(ph = malloc(phnum * sizeof(Elf64_Phdr) + 1)))
		bad = "out of memory";
	else
		memcpy(ph, (const void *)(uintptr_t)phdr, phnum * sizeof(Elf64_Phdr));
	for (unsigned i = 0; !bad && i < phnum; i++)
		if (ph[i].p_type == PT_GNU_EH_FRAME)
			bad = eh_frame_check(&v, &ph[i], bias);
	free(ph);
	if (bad)
		snprintf(why, whysize, "%s", bad);
	return !bad;
}
