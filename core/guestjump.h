/*
 * A place for the guest to go on at (core/libcall.h xeno_lib_resume), kept
 * in the thread's state until the direct call's entry takes it.
 */
#ifndef XENO_CORE_GUESTJUMP_H
#define XENO_CORE_GUESTJUMP_H

#include <stdint.h>

/* Where the guest goes on instead of returning from a direct call: all its
 * general registers but rsp, in DWARF's order (rax rdx rcx rbx rsi rdi rbp
 * r8-r15: the order the entry pops them in), rip and rsp.  Nothing below
 * rsp may be live there (it is used on the way): a landing pad's frame, or
 * any place a call returns to, is such a place. */
struct xeno_guest_jump {
	uint64_t regs[15];
	uint64_t rip;
	uint64_t rsp;
};
_Static_assert(sizeof(struct xeno_guest_jump) == 136, "core/libgate.S reads rsp at 128");

#endif
