/*
 * A bounded reader of unwind information in memory, for the checks of
 * loader/eh_frame.c and loader/eh_cfa.c: every read stays inside
 * [p, end) or marks the reader bad.  The pointer encodings (DW_EH_PE_*)
 * are those of the LSB 5.0 Core specification, x86-64 supplement
 * (section "DWARF Extensions", "DWARF Exception Header Encoding"); the
 * LEB128 numbers those of DWARF 5 section 7.6.
 */
#ifndef XENO_LOADER_EH_READ_H
#define XENO_LOADER_EH_READ_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* LSB 5.0, DWARF Exception Header Encoding: the value's format (low
 * nibble), how it is applied (bits 4-6), and indirection (bit 7). */
#define EH_PE_ABSPTR   0x00
#define EH_PE_ULEB128  0x01
#define EH_PE_UDATA2   0x02
#define EH_PE_UDATA4   0x03
#define EH_PE_UDATA8   0x04
#define EH_PE_SLEB128  0x09
#define EH_PE_SDATA2   0x0a
#define EH_PE_SDATA4   0x0b
#define EH_PE_SDATA8   0x0c
#define EH_PE_PCREL    0x10
#define EH_PE_DATAREL  0x30
#define EH_PE_INDIRECT 0x80
#define EH_PE_OMIT     0xff

struct eh_rd {
	const uint8_t *p, *end;
	bool bad;
};

static inline bool eh_take(struct eh_rd *r, void *to, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return false;
	}
	memcpy(to, r->p, n);
	r->p += n;
	return true;
}

static inline uint64_t eh_fixed(struct eh_rd *r, size_t n)
{
	uint64_t v = 0; /* x86-64 is little-endian */
	return eh_take(r, &v, n) ? v : 0;
}

/* DWARF 5 7.6: at most ten bytes, and no bit beyond the 64th set (the
 * decoder libunwind uses gives up on more). */
static inline uint64_t eh_uleb(struct eh_rd *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0;; shift += 7) {
		uint8_t b = (uint8_t)eh_fixed(r, 1);
		if (r->bad || shift > 63 || (shift == 63 && (b & 0x7e))) {
			r->bad = true;
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
}

static inline int64_t eh_sleb(struct eh_rd *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0;; shift += 7) {
		uint8_t b = (uint8_t)eh_fixed(r, 1);
		if (r->bad || shift > 63) {
			r->bad = true;
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			if (shift + 7 < 64 && (b & 0x40))
				v |= ~0ull << (shift + 7);
			return (int64_t)v;
		}
	}
}

/* Whether enc's format is one libunwind decodes (the rest abort it). */
static inline bool eh_format_ok(uint8_t enc)
{
	switch (enc & 0x0f) {
	case EH_PE_ABSPTR:
	case EH_PE_ULEB128:
	case EH_PE_UDATA2:
	case EH_PE_UDATA4:
	case EH_PE_UDATA8:
	case EH_PE_SLEB128:
	case EH_PE_SDATA2:
	case EH_PE_SDATA4:
	case EH_PE_SDATA8:
		return true;
	}
	return false;
}

/* A pointer in encoding enc (its format only: where it is applied is the
 * caller's business). */
static inline uint64_t eh_value(struct eh_rd *r, uint8_t enc)
{
	switch (enc & 0x0f) {
	case EH_PE_ULEB128:
		return eh_uleb(r);
	case EH_PE_SLEB128:
		return (uint64_t)eh_sleb(r);
	case EH_PE_UDATA2:
		return eh_fixed(r, 2);
	case EH_PE_SDATA2:
		return (uint64_t)(int64_t)(int16_t)eh_fixed(r, 2);
	case EH_PE_UDATA4:
		return eh_fixed(r, 4);
	case EH_PE_SDATA4:
		return (uint64_t)(int64_t)(int32_t)eh_fixed(r, 4);
	default:
		return eh_fixed(r, 8);
	}
}

/* A pointer in encoding enc, applied: pc-relative to the field, or
 * relative to datarel (0: not allowed here, as libunwind aborts on it
 * outside .eh_frame_hdr). */
static inline uint64_t eh_pointer(struct eh_rd *r, uint8_t enc, uint64_t datarel)
{
	uint64_t field = (uint64_t)(uintptr_t)r->p;
	uint64_t v = eh_value(r, enc);
	switch (enc & 0x70) {
	case EH_PE_ABSPTR:
		return v;
	case EH_PE_PCREL:
		return v + field;
	case EH_PE_DATAREL:
		if (datarel)
			return v + datarel;
	}
	r->bad = true;
	return 0;
}

#endif
