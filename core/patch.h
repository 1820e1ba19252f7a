/*
 * Lazy call-site patching: system calls without a trap.
 *
 * The first time a `syscall` instruction traps, xeno knows where it is (while
 * the process has other threads, the second time: see below).
 * Where the instruction before it has a form core/patchsite.h recognises,
 * xeno writes a trampoline for the site into a page of its own within
 * reach of a rel32 jump, then replaces the first 5 bytes of that instruction
 * with `jmp trampoline`.  The trampoline runs the displaced instructions,
 * loads RCX with the address after the syscall and jumps to the patched-site
 * adapter (core/sitecall.h); later executions of the site never trap.
 *
 * The bytes are written through /proc/self/mem, which leaves the pages'
 * protections alone.  While other threads may be running, the jump goes in
 * as Linux's text_poke_bp puts it: an int3 on the first byte, every CPU
 * serialised (membarrier SYNC_CORE), the other four bytes, serialised
 * again, then the jump's opcode; a thread that meets the int3 meanwhile is
 * sent to the trampoline (xeno_patch_int3).  Only private, non-writable,
 * executable pages are patched; the memory handlers take patches out of
 * pages the guest unmaps, maps over or changes the protection of
 * (xeno_patch_mem_begin), so a program that writes its own code sees and
 * writes its own bytes.  Trampolines are never reused: a thread still in one
 * after its site was taken out finishes its call as if nothing happened.
 *
 * --no-patch (XENO_PATCH=0) turns it off; --stats counts patched sites and
 * the calls made through them.
 */
#ifndef XENO_CORE_PATCH_H
#define XENO_CORE_PATCH_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/sitecall.h"

struct xeno_thread;

/* On unless --no-patch or XENO_PATCH=0; off for good when something it
 * needs is missing (/proc/self/mem, XSAVE frames). */
extern bool xeno_patching;

/* The trap adapter's hook, before the call runs: patches the trapped site
 * if it can (uc: the registers at the trap). */
void xeno_patch_trapped(struct xeno_thread *t, const ucontext_t *uc);

/* Around a memory handler's host call that may change what the pages of
 * [addr, addr + len) hold or allow (munmap, mmap MAP_FIXED, mprotect):
 * sites patched there get their own bytes back and are forgotten, and no
 * site is patched there until xeno_patch_mem_end, which takes what begin
 * returned.  Runs on the guest's FS base (NOTLS handlers). */
bool xeno_patch_mem_begin(uint64_t addr, uint64_t len);
void xeno_patch_mem_end(bool begun);

/* Called first for every host signal that interrupted guest code (selector
 * BLOCK, core/signal.c): makes uc the context the guest would have had at
 * its site when the signal came inside a trampoline (the displaced
 * instruction it copies, or the syscall once they ran) or at the edges of
 * the patched-site adapter (core/sitecall.h), and resumes a thread that met
 * one of xeno's int3s. */
enum xeno_sitecall_fix xeno_patch_fix_signal(struct xeno_thread *t, int sig, const siginfo_t *si,
					     ucontext_t *uc);

#endif
