/*
 * The x64 CONTEXT (GetThreadContext, SetThreadContext, exception
 * handlers): Wine's include/winnt.h (wine-mirror/wine, the x86_64 CONTEXT
 * and its CONTEXT_* flags); Go's runtime/defs_windows_amd64.go has the same
 * offsets (rip 0xf8, rsp 0x98, r8 0xb8, r9 0xc0).  16-byte aligned.
 */
#ifndef XENO_ABI_WINDOWS_CONTEXT_H
#define XENO_ABI_WINDOWS_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#define WIN_CONTEXT_AMD64	    0x00100000u
#define WIN_CONTEXT_CONTROL	    (WIN_CONTEXT_AMD64 | 0x1) /* SegSs, Rsp, SegCs, Rip, EFlags */
#define WIN_CONTEXT_INTEGER	    (WIN_CONTEXT_AMD64 | 0x2) /* Rax..R15 but Rsp */
#define WIN_CONTEXT_SEGMENTS	    (WIN_CONTEXT_AMD64 | 0x4)
#define WIN_CONTEXT_FLOATING_POINT  (WIN_CONTEXT_AMD64 | 0x8)
#define WIN_CONTEXT_DEBUG_REGISTERS (WIN_CONTEXT_AMD64 | 0x10)

struct win_context {
	uint64_t p1_home, p2_home, p3_home, p4_home, p5_home, p6_home;
	uint32_t context_flags; /* 0x30 */
	uint32_t mx_csr;
	uint16_t seg_cs, seg_ds, seg_es, seg_fs, seg_gs, seg_ss; /* 0x38 */
	uint32_t eflags;					 /* 0x44 */
	uint64_t dr0, dr1, dr2, dr3, dr6, dr7;			 /* 0x48 */
	uint64_t rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi;	 /* 0x78 */
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;		 /* 0xb8 */
	uint64_t rip;						 /* 0xf8 */
	uint8_t flt_save[512];					 /* 0x100: XSAVE_FORMAT */
	uint8_t vector_register[26 * 16];			 /* 0x300 */
	uint64_t vector_control, debug_control;			 /* 0x4a0 */
	uint64_t last_branch_to_rip, last_branch_from_rip;
	uint64_t last_exception_to_rip, last_exception_from_rip;
} __attribute__((aligned(16)));
_Static_assert(sizeof(struct win_context) == 0x4d0, "CONTEXT");
_Static_assert(offsetof(struct win_context, context_flags) == 0x30, "ContextFlags");
_Static_assert(offsetof(struct win_context, eflags) == 0x44, "EFlags");
_Static_assert(offsetof(struct win_context, rax) == 0x78, "Rax");
_Static_assert(offsetof(struct win_context, rsp) == 0x98, "Rsp");
_Static_assert(offsetof(struct win_context, r8) == 0xb8, "R8");
_Static_assert(offsetof(struct win_context, rip) == 0xf8, "Rip");
_Static_assert(offsetof(struct win_context, flt_save) == 0x100, "FltSave");

/* EXCEPTION_RECORD */
struct win_exception_record {
	uint32_t code, flags;
	uint64_t record;
	uint64_t address;
	uint32_t number_parameters, pad_;
	uint64_t information[15];
};
_Static_assert(sizeof(struct win_exception_record) == 0x98, "EXCEPTION_RECORD");
_Static_assert(offsetof(struct win_exception_record, information) == 0x20, "ExceptionInformation");

#endif
