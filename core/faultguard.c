/*
 * Guarded calls (core/faultguard.h).  The armed guards are in a table the
 * signal handler can read on any thread with any FS base: a fault belongs
 * to the guard whose stack range holds the faulting stack pointer (threads'
 * stacks do not overlap).  When all slots are taken the call runs
 * unguarded, as before.
 */
#include "core/faultguard.h"

#include <stddef.h>

struct guard {
	uint64_t saved[8]; /* read by core/faultguard.S: rbx rbp r12-r15 rsp rip */
	uint64_t lo, hi;   /* the stack the guarded call runs on */
};
_Static_assert(offsetof(struct guard, saved) == 0, "core/faultguard.S");

long xeno_fault_guard_enter(struct guard *g, long (*fn)(void *), void *arg);
extern const char xeno_fault_guard_resume[];

#define SLOTS 64
static struct guard *slots[SLOTS]; /* through __atomic builtins */
unsigned long xeno_fault_guard_faults;

long xeno_fault_guard_call(long (*fn)(void *), void *arg)
{
	struct guard g;
	/* the real stack, not a sanitizer's stand-in frame */
	g.hi = (uint64_t)(uintptr_t)__builtin_frame_address(0);
	g.lo = g.hi - XENO_FAULT_GUARD_DEPTH;
	for (unsigned i = 0; i < SLOTS; i++) {
		struct guard *none = NULL;
		/* the slot's owner is its only writer until it lets go; its
		 * own signal handler sees its stores in program order */
		if (!__atomic_compare_exchange_n(&slots[i], &none, &g, false, __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			continue;
		long r = xeno_fault_guard_enter(&g, fn, arg);
		__atomic_store_n(&slots[i], NULL, __ATOMIC_RELEASE);
		return r;
	}
	return fn(arg);
}

bool xeno_fault_guard_fixup(ucontext_t *uc)
{
	greg_t *regs = uc->uc_mcontext.gregs;
	uint64_t sp = (uint64_t)regs[REG_RSP];
	for (unsigned i = 0; i < SLOTS; i++) {
		struct guard *g = __atomic_load_n(&slots[i], __ATOMIC_ACQUIRE);
		if (!g || sp < g->lo || sp >= g->hi)
			continue;
		regs[REG_RDI] = (greg_t)(uintptr_t)g;
		regs[REG_RIP] = (greg_t)(uintptr_t)xeno_fault_guard_resume;
		__atomic_add_fetch(&xeno_fault_guard_faults, 1, __ATOMIC_RELAXED);
		return true;
	}
	return false;
}
