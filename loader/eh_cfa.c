/*
 * Call-frame instructions checked before libunwind runs them
 * (loader/eh_cfa.h).  The opcodes are DWARF 5's (table 7.29, DW_CFA_*;
 * table 7.9, DW_OP_*) and the GNU extensions of the LSB 5.0 Core
 * specification (section "Call Frame Extensions": DW_CFA_GNU_args_size,
 * DW_CFA_GNU_negative_offset_extended); the registers are the x86-64
 * psABI's DWARF numbers (section 3.6.2, figure 3.36: 0-15 the general
 * registers, 16 the return address).  Refused, besides anything
 * truncated or unknown: a register beyond 16 (libunwind's x86-64
 * register file has no other, and aborts reading one), DW_CFA_val_offset
 * and its _sf form (libunwind parses them but aborts restoring such a
 * register), DW_CFA_restore_state with nothing remembered, and in
 * expressions the branches (a loop never ends), division (a zero divisor
 * traps), the operators libunwind does not implement (it aborts), and any
 * sequence that would take its fixed expression stack below empty or
 * beyond 64 entries.
 */
#include "loader/eh_cfa.h"

#include "loader/eh_read.h"

/* x86-64 psABI figure 3.36: the return address column. */
#define MAX_REG 16
/* libunwind's expression stack holds about a hundred entries and checks
 * nothing: this bound keeps well inside it. */
#define MAX_DEPTH 64

/* DWARF 5 table 7.9, the operators checked here by their stack effect. */
enum {
	OP_addr = 0x03,
	OP_deref = 0x06,
	OP_const1u = 0x08,
	OP_const8s = 0x0f,
	OP_constu = 0x10,
	OP_consts = 0x11,
	OP_dup = 0x12,
	OP_drop = 0x13,
	OP_over = 0x14,
	OP_pick = 0x15,
	OP_swap = 0x16,
	OP_rot = 0x17,
	OP_abs = 0x19,
	OP_and = 0x1a,
	OP_minus = 0x1c,
	OP_mul = 0x1e,
	OP_neg = 0x1f,
	OP_not = 0x20,
	OP_or = 0x21,
	OP_plus = 0x22,
	OP_plus_uconst = 0x23,
	OP_shl = 0x24,
	OP_shr = 0x25,
	OP_shra = 0x26,
	OP_xor = 0x27,
	OP_eq = 0x29,
	OP_ne = 0x2e,
	OP_lit0 = 0x30,
	OP_lit31 = 0x4f,
	OP_reg0 = 0x50,
	OP_reg31 = 0x6f,
	OP_breg0 = 0x70,
	OP_breg31 = 0x8f,
	OP_regx = 0x90,
	OP_bregx = 0x92,
	OP_deref_size = 0x94,
	OP_nop = 0x96,
};

/* An operator's needs: how many entries it takes (pops) and how many it
 * leaves (pushes), after reading its operands from r; false if it is
 * refused. */
static bool op_effect(uint8_t op, struct eh_rd *r, int *pops, int *pushes)
{
	static const uint8_t const_size[] = {1, 1, 2, 2, 4, 4, 8, 8};
	*pops = 0;
	*pushes = 1;
	if (op >= OP_lit0 && op <= OP_lit31)
		return true;
	if (op >= OP_reg0 && op <= OP_reg31)
		return op - OP_reg0 <= MAX_REG;
	if (op >= OP_breg0 && op <= OP_breg31) {
		eh_sleb(r);
		return op - OP_breg0 <= MAX_REG;
	}
	if (op >= OP_const1u && op <= OP_const8s) {
		eh_fixed(r, const_size[op - OP_const1u]);
		return true;
	}
	if ((op >= OP_eq && op <= OP_ne) || op == OP_and || op == OP_minus || op == OP_mul ||
	    op == OP_or || op == OP_plus || op == OP_shl || op == OP_shr || op == OP_shra ||
	    op == OP_xor) {
		*pops = 2;
		return true;
	}
	switch (op) {
	case OP_addr:
		eh_fixed(r, 8);
		return true;
	case OP_constu:
		eh_uleb(r);
		return true;
	case OP_consts:
		eh_sleb(r);
		return true;
	case OP_regx:
		return eh_uleb(r) <= MAX_REG;
	case OP_bregx: {
		uint64_t reg = eh_uleb(r);
		eh_sleb(r);
		return reg <= MAX_REG;
	}
	}
	return false;
}

/* The operators that rearrange or transform what is there. */
static bool op_shape(uint8_t op, struct eh_rd *r, int *pops, int *pushes)
{
	*pops = *pushes = 0;
	switch (op) {
	case OP_nop: /* LLVM 14's libunwind aborts on it: "opcode not implemented" */
		return false;
	case OP_dup:
		*pops = 1, *pushes = 2;
		return true;
	case OP_drop:
		*pops = 1;
		return true;
	case OP_over:
		*pops = 2, *pushes = 3;
		return true;
	case OP_pick: /* the index'th entry from the top, 0 the top */
		*pops = *pushes = (int)eh_fixed(r, 1) + 1;
		(*pushes)++;
		return true;
	case OP_swap:
		*pops = *pushes = 2;
		return true;
	case OP_rot:
		*pops = *pushes = 3;
		return true;
	case OP_deref:
	case OP_abs:
	case OP_neg:
	case OP_not:
		*pops = *pushes = 1;
		return true;
	case OP_plus_uconst:
		eh_uleb(r);
		*pops = *pushes = 1;
		return true;
	case OP_deref_size: {
		uint8_t n = (uint8_t)eh_fixed(r, 1);
		*pops = *pushes = 1;
		return n == 1 || n == 2 || n == 4 || n == 8;
	}
	}
	return op_effect(op, r, pops, pushes);
}

/* A DWARF expression in [p, end), evaluated by libunwind with one entry
 * (the CFA, or 0) already on its stack. */
static const char *expression_check(const uint8_t *p, const uint8_t *end)
{
	struct eh_rd r = {p, end, false};
	int depth = 1;
	while (r.p < r.end) {
		uint8_t op = (uint8_t)eh_fixed(&r, 1);
		int pops, pushes;
		if (!op_shape(op, &r, &pops, &pushes))
			return "a DWARF expression operator it does not evaluate";
		if (r.bad)
			return "a truncated DWARF expression";
		if (pops > depth)
			return "a DWARF expression that empties its stack";
		depth += pushes - pops;
		if (depth > MAX_DEPTH)
			return "a DWARF expression deeper than 64 entries";
	}
	return NULL;
}

/* A DW_FORM_block operand: its length, then its bytes, inside r. */
static const char *block_check(struct eh_rd *r)
{
	uint64_t n = eh_uleb(r);
	if (r->bad || n > (uint64_t)(r->end - r->p)) {
		r->bad = true;
		return NULL;
	}
	const uint8_t *p = r->p;
	r->p += n;
	return expression_check(p, p + n);
}

/* DWARF 5 table 7.29: the extended opcodes (high two bits zero). */
enum {
	CFA_nop = 0x00,
	CFA_set_loc = 0x01,
	CFA_advance_loc1 = 0x02,
	CFA_advance_loc2 = 0x03,
	CFA_advance_loc4 = 0x04,
	CFA_offset_extended = 0x05,
	CFA_restore_extended = 0x06,
	CFA_undefined = 0x07,
	CFA_same_value = 0x08,
	CFA_register = 0x09,
	CFA_remember_state = 0x0a,
	CFA_restore_state = 0x0b,
	CFA_def_cfa = 0x0c,
	CFA_def_cfa_register = 0x0d,
	CFA_def_cfa_offset = 0x0e,
	CFA_def_cfa_expression = 0x0f,
	CFA_expression = 0x10,
	CFA_offset_extended_sf = 0x11,
	CFA_def_cfa_sf = 0x12,
	CFA_def_cfa_offset_sf = 0x13,
	CFA_val_offset = 0x14,
	CFA_val_offset_sf = 0x15,
	CFA_val_expression = 0x16,
	CFA_GNU_args_size = 0x2e,
	CFA_GNU_negative_offset_extended = 0x2f,
};

/* One extended instruction's operands; *remembered follows the state
 * stack.  NULL, or the reason it is refused. */
static const char *extended_check(uint8_t op, struct eh_rd *r, uint8_t ptr_enc, int *remembered)
{
	switch (op) {
	case CFA_nop:
		return NULL;
	case CFA_set_loc:
		eh_pointer(r, ptr_enc, 0);
		return NULL;
	case CFA_advance_loc1:
	case CFA_advance_loc2:
	case CFA_advance_loc4:
		eh_fixed(r, op == CFA_advance_loc4 ? 4 : op == CFA_advance_loc2 ? 2 : 1);
		return NULL;
	case CFA_remember_state:
		++*remembered;
		return NULL;
	case CFA_restore_state:
		return (*remembered)-- > 0 ? NULL : "DW_CFA_restore_state with no state remembered";
	case CFA_def_cfa_offset:
	case CFA_GNU_args_size:
		eh_uleb(r);
		return NULL;
	case CFA_def_cfa_offset_sf:
		eh_sleb(r);
		return NULL;
	case CFA_def_cfa_expression:
		return block_check(r);
	case CFA_val_offset:
	case CFA_val_offset_sf:
		return "DW_CFA_val_offset, which libunwind cannot restore";
	}
	/* the rest name a register first */
	uint64_t reg = eh_uleb(r);
	if (!r->bad && reg > MAX_REG)
		return "a register x86-64 unwinding does not have";
	switch (op) {
	case CFA_restore_extended:
	case CFA_undefined:
	case CFA_same_value:
	case CFA_def_cfa_register:
		return NULL;
	case CFA_register:
		return eh_uleb(r) > MAX_REG && !r->bad ? "a register x86-64 unwinding does not have"
						       : NULL;
	case CFA_offset_extended:
	case CFA_def_cfa:
	case CFA_GNU_negative_offset_extended:
		eh_uleb(r);
		return NULL;
	case CFA_offset_extended_sf:
	case CFA_def_cfa_sf:
		eh_sleb(r);
		return NULL;
	case CFA_expression:
	case CFA_val_expression:
		return block_check(r);
	}
	return "a call-frame instruction libunwind does not know";
}

const char *xeno_eh_cfa_check(const uint8_t *p, const uint8_t *end, uint8_t ptr_enc)
{
	struct eh_rd r = {p, end, false};
	int remembered = 0;
	while (r.p < r.end) {
		uint8_t op = (uint8_t)eh_fixed(&r, 1);
		const char *why = NULL;
		/* DWARF 5 6.4.2: DW_CFA_advance_loc (0x40), DW_CFA_offset
		 * (0x80) and DW_CFA_restore (0xc0) hold a delta or a
		 * register in their low six bits */
		if ((op & 0xc0) == 0x40)
			continue;
		if ((op & 0xc0) && (op & 0x3f) > MAX_REG)
			return "a register x86-64 unwinding does not have";
		if ((op & 0xc0) == 0x80)
			eh_uleb(&r);
		else if (!(op & 0xc0))
			why = extended_check(op, &r, ptr_enc, &remembered);
		if (why)
			return why;
		if (r.bad)
			return "a truncated call-frame instruction";
	}
	return NULL;
}
