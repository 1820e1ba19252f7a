/*
 * Unwinding the guest's stack, for the shim libraries' unwinders (FreeBSD's
 * libgcc_s _Unwind_*), on LLVM's libunwind (Debian's libunwind-14-dev;
 * README.md says why this one).  The guest's frames are walked from where
 * it called the shim (its registers as the direct-call entry saved them,
 * core/libcall.h), reading the guest objects' .eh_frame_hdr and .eh_frame,
 * which libunwind finds through dl_iterate_phdr: xeno's link wraps that
 * (-Wl,--wrap=dl_iterate_phdr) to show the guest's objects before xeno's
 * own.  Runs with glibc's thread state (libunwind's FDE cache takes a
 * rwlock and may malloc): a handler using it is not NOTLS.
 */
#ifndef XENO_LIBS_COMMON_UNWIND_H
#define XENO_LIBS_COMMON_UNWIND_H

#include <stdbool.h>
#include <stdint.h>

#include <libunwind/libunwind.h>

#include "core/libcall.h"

/* One walk: what the guest is handed as its `struct _Unwind_Context *`,
 * checked by its magic word when the guest hands it back. */
struct xeno_unwind {
	uint64_t magic;
	unw_cursor_t cursor;
	/* A frame passed before (Brent's cycle detection: the mark moves on
	 * after 1, 2, 4, ... steps), to see a walk come back to it. */
	uint64_t mark_ip, mark_sp;
	uint32_t since_mark, mark_every;
};

/* u at the frame that called the current direct call, whose registers
 * regs holds (t->lib_regs): 0, or a libunwind error (< 0). */
int xeno_unwind_start(struct xeno_unwind *u, const uint64_t *regs);

/* The next frame outwards: > 0, 0 at the outermost frame (the guest's
 * outermost, or the last before a frame of xeno's), < 0 when the frame has
 * no unwind information or the walk comes back to a frame it passed (a
 * stack or unwind information that loops: said once; native unwinders
 * would walk it for ever). */
int xeno_unwind_step(struct xeno_unwind *u);

/* The walk at the guest's context pointer ctx, or NULL if it is none. */
struct xeno_unwind *xeno_unwind_at(uint64_t ctx);

/* The frame's instruction pointer (a return address but in the first
 * frame and in signal frames), stack pointer, general register number
 * reg (DWARF numbering), and whether it is a signal frame. */
uint64_t xeno_unwind_ip(struct xeno_unwind *u);
uint64_t xeno_unwind_sp(struct xeno_unwind *u);
uint64_t xeno_unwind_reg(struct xeno_unwind *u, int reg);
bool xeno_unwind_signal_frame(struct xeno_unwind *u);

/* The frame's function as its FDE says: false if it has none. */
bool xeno_unwind_proc(struct xeno_unwind *u, unw_proc_info_t *info);

/* Moves u's frame to pc (the registers stay): what FDE covers pc. */
void xeno_unwind_set_ip(struct xeno_unwind *u, uint64_t pc);

/* Sets general register reg (DWARF numbering) of u's frame. */
void xeno_unwind_set_reg(struct xeno_unwind *u, int reg, uint64_t value);

/* The registers of u's frame as the guest is resumed with them. */
void xeno_unwind_jump(struct xeno_unwind *u, struct xeno_guest_jump *to);

#endif
