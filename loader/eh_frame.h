/*
 * A check, once per object as it is linked, that its unwind information
 * (.eh_frame_hdr, found through PT_GNU_EH_FRAME, and the .eh_frame it
 * points at) is whole and only asks of LLVM's libunwind (libs/common/
 * unwind.h) what it does without aborting or reading outside the object:
 * the header and its search table inside their segment, the table sorted
 * and naming FDEs, every CIE and FDE inside the segment up to the zero
 * terminator, pointer encodings libunwind decodes, and call-frame
 * instructions and DWARF expressions from the set it evaluates.  An object
 * that fails is hidden from libunwind (loader/link.c): its frames have no
 * unwind information, the program runs on.
 */
#ifndef XENO_LOADER_EH_FRAME_H
#define XENO_LOADER_EH_FRAME_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A readable range of the object as it is mapped: [lo, hi). */
struct xeno_eh_range {
	uint64_t lo, hi;
};

/* The object whose program headers are at phdr (phnum of them, in
 * memory, maybe unaligned), mapped at bias with the readable ranges
 * ranges (n of them, the loader's own account: nothing else is read):
 * true if it has no PT_GNU_EH_FRAME or its unwind information passes;
 * false with the reason in why. */
bool xeno_eh_frame_check(uint64_t phdr, unsigned phnum, uint64_t bias,
			 const struct xeno_eh_range *ranges, unsigned n, char *why, size_t whysize);

#endif
