/*
 * A call that a fault cannot kill: for libunwind's steps through the
 * guest's frames (libs/common/unwind.c), whose CFA rules and DWARF
 * expressions come from the guest and may read any address.  While
 * xeno_fault_guard_call runs fn, a SIGSEGV, SIGBUS or SIGFPE raised on its
 * stack (the fault's stack pointer within XENO_FAULT_GUARD_DEPTH below the
 * guard) ends fn there: the call returns XENO_FAULT_GUARD_FAULTED instead.
 * Code that fn runs must hold no lock and own no memory across a read of
 * the guest's (what is jumped over is lost): libunwind's step reads the
 * guest's memory outside its cache lock.  Cost: no system call; one
 * compare-and-swap to take a slot and one store to give it back (about
 * 20-25 ns a call on this machine under load, against 2.5 ns for the bare
 * call; a libunwind step costs microseconds).
 */
#ifndef XENO_CORE_FAULTGUARD_H
#define XENO_CORE_FAULTGUARD_H

#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

#define XENO_FAULT_GUARD_FAULTED (-14L) /* -EFAULT */
#define XENO_FAULT_GUARD_DEPTH	 (256u << 10)

/* fn(arg), or XENO_FAULT_GUARD_FAULTED if it faulted. */
long xeno_fault_guard_call(long (*fn)(void *), void *arg);

/* Called for SIGSEGV, SIGBUS and SIGFPE raised by xeno itself: true if a
 * guarded call faulted, which now returns XENO_FAULT_GUARD_FAULTED when the
 * handler returns.  Uses no thread-local state (any FS base may be loaded). */
bool xeno_fault_guard_fixup(ucontext_t *uc);

/* How many guarded calls faulted, for tests. */
extern unsigned long xeno_fault_guard_faults;

#endif
