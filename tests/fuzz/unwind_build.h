/*
 * Unwind information of a small guest-like object, for the unwind fuzzer's
 * seeds (tests/fuzz/make_unwind_seeds.c) and test_unwind.  An input of the
 * fuzzer (tests/fuzz/unwind_run.h) is: the offset of .eh_frame_hdr in the
 * blob (2 bytes, little-endian), the offset in the text page of the
 * address the walk starts from (2 bytes), then the blob, which lands at
 * UB_BLOB_VADDR; with 0xffff as the offset, the blob holds only call-frame
 * instructions, which the harness wraps in a valid object.  The layouts
 * written: .eh_frame_hdr and .eh_frame as the LSB 5.0 Core specification
 * gives them (sections "The .eh_frame_hdr section", "The .eh_frame
 * section"), the instructions DWARF 5's (6.4.2).
 */
#ifndef XENO_TESTS_FUZZ_UNWIND_BUILD_H
#define XENO_TESTS_FUZZ_UNWIND_BUILD_H

#include <stdint.h>
#include <string.h>

/* The object's layout, relative to its base (tests/fuzz/unwind_run.h). */
#define UB_TEXT_VADDR 0x1000u /* one page of "code" */
#define UB_TEXT_SIZE  0x1000u
#define UB_DATA_VADDR 0x2000u /* the program headers, then the blob */
#define UB_DATA_SIZE  0x4000u
#define UB_BLOB_VADDR 0x2100u
#define UB_BLOB_MAX   (UB_DATA_VADDR + UB_DATA_SIZE - UB_BLOB_VADDR - 8)
#define UB_SLOT_VADDR (UB_DATA_VADDR + UB_DATA_SIZE - 8) /* a personality slot */

struct ub {
	uint8_t b[UB_BLOB_MAX];
	size_t n;
};

static inline void ub_u8(struct ub *u, uint8_t v)
{
	if (u->n < sizeof u->b)
		u->b[u->n++] = v;
}

static inline void ub_u32(struct ub *u, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		ub_u8(u, (uint8_t)(v >> (8 * i)));
}

static inline void ub_put32(struct ub *u, size_t at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		u->b[at + (size_t)i] = (uint8_t)(v >> (8 * i));
}

static inline void ub_uleb(struct ub *u, uint64_t v)
{
	do {
		ub_u8(u, (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
		v >>= 7;
	} while (v);
}

static inline void ub_sleb(struct ub *u, int64_t v)
{
	for (;;) {
		uint8_t b = v & 0x7f;
		v >>= 7;
		if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) {
			ub_u8(u, b);
			return;
		}
		ub_u8(u, b | 0x80);
	}
}

static inline void ub_bytes(struct ub *u, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ub_u8(u, ((const uint8_t *)p)[i]);
}

/* A function of the text page and its instructions. */
struct ub_fde {
	uint32_t pc, len; /* offsets in the text page */
	const uint8_t *ins;
	size_t nins;
	uint32_t lsda; /* an LSDA's vaddr (for a "zPLR" CIE) */
};

/* The CIE at u's end: "zR" (or "zPLR", personality through the slot at
 * UB_SLOT_VADDR), version, code alignment 1, data alignment -8, return
 * address column 16, and its initial instructions: CFA = rsp + 8, return
 * address at CFA - 8 (x86-64 psABI 3.6.2).  Returns its offset. */
static inline size_t ub_cie(struct ub *u, uint8_t version, int personality)
{
	size_t at = u->n;
	ub_u32(u, 0); /* length, filled below */
	ub_u32(u, 0); /* CIE id */
	ub_u8(u, version);
	ub_bytes(u, personality ? "zPLR" : "zR", personality ? 5 : 3);
	ub_uleb(u, 1);
	ub_sleb(u, -8);
	if (version == 1)
		ub_u8(u, 16);
	else
		ub_uleb(u, 16);
	if (personality) {
		ub_uleb(u, 7);
		ub_u8(u, 0x9b); /* indirect pcrel sdata4 */
		size_t field = u->n;
		ub_u32(u, (uint32_t)(UB_SLOT_VADDR - (UB_BLOB_VADDR + field)));
		ub_u8(u, 0x1b); /* L: pcrel sdata4 */
		ub_u8(u, 0x1b); /* R */
	} else {
		ub_uleb(u, 1);
		ub_u8(u, 0x1b); /* R: pcrel sdata4 */
	}
	static const uint8_t initial[] = {0x0c, 7, 8, 0x90, 1}; /* def_cfa rsp 8; offset r16 */
	ub_bytes(u, initial, sizeof initial);
	while ((u->n - at) % 8)
		ub_u8(u, 0); /* DW_CFA_nop */
	ub_put32(u, at, (uint32_t)(u->n - at - 4));
	return at;
}

/* An FDE of the CIE at cie for f; returns its offset. */
static inline size_t ub_fde(struct ub *u, size_t cie, const struct ub_fde *f, int personality)
{
	size_t at = u->n;
	ub_u32(u, 0);
	ub_u32(u, (uint32_t)(u->n - cie));
	size_t field = u->n;
	ub_u32(u, (uint32_t)(UB_TEXT_VADDR + f->pc - (UB_BLOB_VADDR + field)));
	ub_u32(u, f->len);
	ub_uleb(u, personality ? 4 : 0);
	if (personality) {
		field = u->n;
		ub_u32(u, (uint32_t)(f->lsda - (UB_BLOB_VADDR + field)));
	}
	ub_bytes(u, f->ins, f->nins);
	while ((u->n - at) % 8)
		ub_u8(u, 0);
	ub_put32(u, at, (uint32_t)(u->n - at - 4));
	return at;
}

/* A whole blob: .eh_frame_hdr (version 1, .eh_frame pcrel sdata4, the
 * count udata4 or omitted, the table datarel sdata4), then .eh_frame with
 * one CIE and the n FDEs of fdes (sorted by pc), then its terminator. */
static inline void ub_blob(struct ub *u, uint8_t version, int personality, int table,
			   const struct ub_fde *fdes, unsigned n)
{
	size_t hdr_size = table ? 12 + 8 * (size_t)n : 8;
	struct ub eh = {.n = hdr_size}; /* offsets as in the blob */
	size_t cie = ub_cie(&eh, version, personality);
	size_t fde_at[16];
	for (unsigned i = 0; i < n && i < 16; i++)
		fde_at[i] = ub_fde(&eh, cie, &fdes[i], personality);
	ub_u32(&eh, 0); /* the terminator */
	u->n = 0;
	ub_u8(u, 1);
	ub_u8(u, 0x1b);
	ub_u8(u, table ? 0x03 : 0xff);
	ub_u8(u, 0x3b);
	ub_u32(u, (uint32_t)(hdr_size - 4)); /* pcrel from this field to .eh_frame */
	if (table) {
		ub_u32(u, n);
		for (unsigned i = 0; i < n && i < 16; i++) {
			ub_u32(u, (uint32_t)(UB_TEXT_VADDR + fdes[i].pc - UB_BLOB_VADDR));
			ub_u32(u, (uint32_t)fde_at[i]);
		}
	}
	ub_bytes(u, eh.b + hdr_size, eh.n - hdr_size);
}

#endif
