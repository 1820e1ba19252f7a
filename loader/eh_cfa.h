/*
 * The call-frame instructions of a CIE or an FDE (DWARF 5 section 6.4.2)
 * and the DWARF expressions in them (section 2.5), checked against what
 * LLVM's libunwind evaluates on x86-64 without aborting or overrunning its
 * expression stack (loader/eh_frame.h).
 */
#ifndef XENO_LOADER_EH_CFA_H
#define XENO_LOADER_EH_CFA_H

#include <stdint.h>

/* The instructions in [p, end), whose DW_CFA_set_loc operands are in
 * pointer encoding ptr_enc: NULL if they pass, or the reason. */
const char *xeno_eh_cfa_check(const uint8_t *p, const uint8_t *end, uint8_t ptr_enc);

#endif
