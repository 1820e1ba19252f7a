/*
 * The direct-call crossing for guests that call in the Microsoft x64
 * convention (core/libgate_ms.S), the twin of core/libgate.S: arguments in
 * rcx, rdx, r8, r9 and from the fifth on the caller's stack above 32 bytes
 * of shadow space; rbx, rbp, rdi, rsi, r12-r15 and xmm6-xmm15 preserved by
 * the callee (learn.microsoft.com/cpp/build/x64-calling-convention).  xeno's
 * handlers are System V C functions, which may clobber rsi, rdi and
 * xmm6-xmm15, so the entry saves them, and with them every register the
 * guest expects back, in a frame on the guest's stack whose address it
 * publishes in the thread's state (XT_DIRECT_FRAME): a thread stopped while
 * it runs in xeno (core/suspend.h) shows the registers of its call site.
 */
#ifndef XENO_CORE_LIBGATE_MS_H
#define XENO_CORE_LIBGATE_MS_H

/* The entry's frame, from its lowest address (the stack pointer while xeno
 * runs); the guest's return address follows it, then the shadow space. */
#define MSF_FN	    0 /* the function's struct xeno_libfn */
#define MSF_RCX	    8 /* the four register arguments: what xeno_libcall_ms reads */
#define MSF_RDX	    16
#define MSF_R8	    24
#define MSF_R9	    32
#define MSF_RSI	    40 /* the guest's callee-saved registers */
#define MSF_RDI	    48
#define MSF_RBX	    56
#define MSF_RBP	    64
#define MSF_R12	    72
#define MSF_R13	    80
#define MSF_R14	    88
#define MSF_R15	    96
#define MSF_RESULT  104
#define MSF_RESTART 112
#define MSF_XMM6    120		    /* xmm6-xmm15, 16 bytes each */
#define MSF_SIZE    280		    /* odd multiple of 8: the C call below is 16-aligned */
#define MSF_RETURN  MSF_SIZE	    /* the guest's return address */
#define MSF_STACK   (MSF_SIZE + 40) /* the fifth argument */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct xeno_libfn;
struct xeno_libret;	/* core/libcall.h */
struct xeno_guest_call; /* core/libcall.h */

/* Runs the function fn describes with the guest's register arguments
 * regs[0..3] (rcx, rdx, r8, r9) and the rest at stack[0..]. */
struct xeno_libret xeno_libcall_ms(const struct xeno_libfn *fn, const uint64_t *regs,
				   const uint64_t *stack);

/* The entry every Microsoft-convention shim function's stub jumps to, with
 * its struct xeno_libfn in r11. */
void xeno_lib_entry_ms(void);

/* A call of guest code in the Microsoft convention, fn(args[0..5]), from a
 * handler running in a direct call, on the current (the guest's) stack. */
uint64_t xeno_guest_call_ms(const struct xeno_guest_call *gc);
/* The same from xeno's signal stack (a handler of a guest fault): the call
 * runs on the guest's stack at stack (16-aligned), signals stay blocked. */
uint64_t xeno_guest_call_ms_on(const struct xeno_guest_call *gc, uint64_t stack);

/* Guest-side starts, entered through xeno_enter_guest (core/libgate_ms.S):
 * xeno_guest_start_thread_ms: rbx = the start routine, rdi = its argument,
 * r12 = a guest function that ends the thread with the routine's result.
 * xeno_guest_start_program_ms: rbx = steps of four words {fn, rcx, rdx, r8}
 * ending with fn 0 (TLS callbacks), then the entry r12 with rcx = r13;
 * what it returns goes to r14, which ends the process. */
void xeno_guest_start_thread_ms(void);
void xeno_guest_start_program_ms(void);

/* Whether a trap at rip is the entry's own way back (it delivers queued
 * signals). */
int xeno_libgate_ms_trapped(uint64_t rip);
#endif

#endif
