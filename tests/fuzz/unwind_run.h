/*
 * One input of the unwind fuzzer (format: tests/fuzz/unwind_build.h) run
 * through xeno's own path, for tests/fuzz/fuzz_unwind.c and test_unwind:
 * the input's bytes become a guest-like object in memory (a text page, a
 * read-only segment holding its program headers, .eh_frame_hdr and
 * .eh_frame, inaccessible pages around it), whose unwind information the
 * linker's check judges (link_check_unwind, loader/eh_frame.h) before the
 * object joins the linked set as the loader appends one; then the guest's
 * stack, a fake one, is walked from a direct call's saved registers
 * (libs/common/unwind.h) as _Unwind_Backtrace and phase 1 of a raise walk
 * it, up to 32 frames (unwind_bytes), asking each frame's FDE.  No guest code runs.
 */
#ifndef XENO_TESTS_FUZZ_UNWIND_RUN_H
#define XENO_TESTS_FUZZ_UNWIND_RUN_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "core/faultguard.h"
#include "core/libcall.h"
#include "libs/common/unwind.h"
#include "loader/link_impl.h"
#include "tests/fuzz/unwind_build.h"

#define UR_OBJECT_SIZE (UB_DATA_VADDR + UB_DATA_SIZE + 0x1000u)
#define UR_STACK_WORDS 1024
#define UR_NAME	       "fuzz-unwind-object"

void __unw_remove_dynamic_fde(unw_word_t mh); /* libunwind: drops cached FDEs of mh */

struct ur_state {
	uint8_t *base;	 /* the object, at its load bias */
	uint64_t *stack; /* the fake stack (pages around it inaccessible) */
	struct sigaction old[3];
};

static struct ur_state ur;

/* A fault that no guarded step took goes to whoever handled it before
 * (the sanitizer): the faulting instruction runs again under it. */
static void ur_fault(int sig, siginfo_t *si, void *ctx)
{
	(void)si;
	if (xeno_fault_guard_fixup(ctx))
		return;
	int i = sig == SIGSEGV ? 0 : sig == SIGBUS ? 1 : 2;
	sigaction(sig, &ur.old[i], NULL);
}

/* Faults go to the guard first (in test_unwind, call it in each test:
 * cmocka installs its own handlers around each). */
static void ur_catch_faults(void)
{
	struct sigaction sa = {.sa_sigaction = ur_fault, .sa_flags = SA_SIGINFO | SA_NODEFER};
	const int sigs[3] = {SIGSEGV, SIGBUS, SIGFPE};
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &ur.old[i]);
}

static bool ur_setup(void)
{
	if (ur.base)
		return true;
	uint8_t *o = mmap(NULL, UR_OBJECT_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint8_t *s = mmap(NULL, (UR_STACK_WORDS * 8) + 0x2000, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (o == MAP_FAILED || s == MAP_FAILED)
		return false;
	if (mprotect(o + UB_TEXT_VADDR, UB_TEXT_SIZE + UB_DATA_SIZE, PROT_READ | PROT_WRITE) < 0 ||
	    mprotect(s + 0x1000, UR_STACK_WORDS * 8, PROT_READ | PROT_WRITE) < 0)
		return false;
	ur.base = o;
	ur.stack = (uint64_t *)(s + 0x1000);
	ur_catch_faults();
	return true;
}

/* The object's program headers: the text, the data segment, the header. */
static void ur_object(const uint8_t *blob, size_t n, size_t hdr)
{
	uint8_t *o = ur.base;
	memset(o + UB_TEXT_VADDR, 0xcc, UB_TEXT_SIZE);
	memset(o + UB_DATA_VADDR, 0, UB_DATA_SIZE);
	Elf64_Phdr ph[3] = {
	    {.p_type = PT_LOAD,
	     .p_flags = PF_R | PF_X,
	     .p_vaddr = UB_TEXT_VADDR,
	     .p_memsz = UB_TEXT_SIZE,
	     .p_filesz = UB_TEXT_SIZE},
	    {.p_type = PT_LOAD,
	     .p_flags = PF_R,
	     .p_vaddr = UB_DATA_VADDR,
	     .p_memsz = UB_DATA_SIZE,
	     .p_filesz = UB_DATA_SIZE},
	    {.p_type = PT_GNU_EH_FRAME,
	     .p_flags = PF_R,
	     .p_vaddr = UB_BLOB_VADDR + hdr,
	     .p_memsz = n - hdr,
	     .p_filesz = n - hdr},
	};
	memcpy(o + UB_DATA_VADDR, ph, sizeof ph);
	memcpy(o + UB_BLOB_VADDR, blob, n);
	/* the personality slot: a function in the text */
	uint64_t fn = (uint64_t)(uintptr_t)o + UB_TEXT_VADDR;
	memcpy(o + UB_SLOT_VADDR, &fn, 8);
}

/* The fake stack: the direct call's saved registers, its return address
 * at pc, then words that are return addresses into the text and pointers
 * into the stack, by turns. */
static uint64_t *ur_stack(uint64_t pc)
{
	uint64_t text = (uint64_t)(uintptr_t)ur.base + UB_TEXT_VADDR;
	for (unsigned i = 0; i < UR_STACK_WORDS; i++)
		ur.stack[i] = i % 2 ? text + (i * 0x97u) % UB_TEXT_SIZE
				    : (uint64_t)(uintptr_t)&ur.stack[(i * 7u) % UR_STACK_WORDS];
	uint64_t *regs = &ur.stack[UR_STACK_WORDS / 2];
	for (int i = 0; i < 6; i++)
		regs[XENO_LIBREGS_CALLEE + i] = (uint64_t)(uintptr_t)&ur.stack[UR_STACK_WORDS - 8];
	regs[XENO_LIBREGS_RETURN] = pc;
	return regs;
}

/* The walk: each frame's FDE asked, up to max frames. */
static int ur_walk(const uint64_t *regs, int max)
{
	struct xeno_unwind u;
	unw_proc_info_t info;
	int frames = 0;
	if (xeno_unwind_start(&u, regs) < 0)
		return 0;
	do {
		frames++;
		xeno_unwind_proc(&u, &info);
		xeno_unwind_signal_frame(&u);
		xeno_unwind_reg(&u, UNW_X86_64_RBP);
	} while (frames < max && xeno_unwind_step(&u) > 0);
	xeno_unwind_set_ip(&u, regs[XENO_LIBREGS_RETURN] + 1);
	xeno_unwind_proc(&u, &info);
	return frames;
}

/* An input whose header offset is UR_WRAPPED: its blob is only the
 * call-frame instructions of the function at 0x100-0x200 of the text,
 * wrapped here in a whole and valid object (a frame on rbp before it, a
 * leaf after it): most mutations then reach libunwind's evaluation rather
 * than the checks of the structure around it. */
#define UR_WRAPPED 0xffff

static size_t ur_wrap(const uint8_t *ins, size_t n, struct ub *u)
{
	static const uint8_t frame_rbp[] = {0x41, 0x0e, 16, 0x86, 2, 0x43, 0x0d, 6};
	static const uint8_t leaf[] = {0x00};
	if (n > 4096)
		n = 4096;
	const struct ub_fde fdes[] = {
	    {0x000, 0x100, frame_rbp, sizeof frame_rbp, 0},
	    {0x100, 0x100, ins, n, 0},
	    {0x200, 0x100, leaf, sizeof leaf, 0},
	};
	ub_blob(u, 1, 0, 1, fdes, 3);
	return u->n;
}

/* Runs one input, walking up to max frames: -1 if it is too short or too
 * long, 0 if the object was hidden (the walk said why on stderr, once),
 * else 1 + the frames walked. */
static int unwind_bytes_upto(const uint8_t *data, size_t size, int max)
{
	static struct ub wrapped;
	if (size < 4 || size - 4 > UB_BLOB_MAX || !ur_setup())
		return -1;
	size_t n = size - 4, hdr = data[0] | (size_t)data[1] << 8;
	const uint8_t *blob = data + 4;
	if (hdr == UR_WRAPPED) {
		n = ur_wrap(data + 4, size - 4, &wrapped);
		blob = wrapped.b;
		hdr = 0;
	}
	ur_object(blob, n, hdr % (n ? n : 1));
	uint64_t pc = (uint64_t)(uintptr_t)ur.base + UB_TEXT_VADDR +
		      (data[2] | (uint64_t)data[3] << 8) % UB_TEXT_SIZE;
	static struct object obj;
	obj = (struct object){.name = UR_NAME};
	obj.img.bias = (uint64_t)(uintptr_t)ur.base;
	obj.img.phdr_vaddr = UB_DATA_VADDR;
	obj.img.phnum = 3;
	obj.img.seg[0] = (struct xeno_segment){
	    .vaddr = UB_TEXT_VADDR, .memsz = UB_TEXT_SIZE, .prot = PROT_READ | PROT_EXEC};
	obj.img.seg[1] =
	    (struct xeno_segment){.vaddr = UB_DATA_VADDR, .memsz = UB_DATA_SIZE, .prot = PROT_READ};
	obj.img.nseg = 2;
	link_check_unwind(&obj);
	struct object *saved = xeno_linkmap.objects;
	xeno_linkmap.objects = &obj; /* as the loader appends it: hidden or not */
	int frames = ur_walk(ur_stack(pc), max);
	xeno_linkmap.objects = saved;
	/* libunwind caches FDEs it found by scanning, per segment: the next
	 * input's bytes are others at the same addresses */
	__unw_remove_dynamic_fde((unw_word_t)(uintptr_t)ur.base + UB_TEXT_VADDR);
	__unw_remove_dynamic_fde((unw_word_t)(uintptr_t)ur.base);
	return obj.unwind_why[0] ? 0 : 1 + frames;
}

static inline int unwind_bytes(const uint8_t *data, size_t size)
{
	return unwind_bytes_upto(data, size, 32);
}

#endif
