/*
 * The entry of patched system call sites (core/sitecall.h): from a site's
 * trampoline into xeno_call and back, without a signal.
 *
 * It lives in the gate's section: on the slow way back, its rt_sigreturn
 * runs after the selector says BLOCK again.  Until the selector says ALLOW
 * (the entry's first two instructions) nothing but RIP, RCX and R11 differs
 * from the guest's context at its syscall; once it says BLOCK again on the
 * way out (xeno_sitecall_tail onwards) the call's result is final in the
 * thread's ucontext.  A signal landing at either edge is given that
 * context instead (xeno_sitecall_fix_context, core/sitecall.c).
 *
 * On entry: every guest register as the site's syscall would see it, RCX the
 * address after that syscall, R11 free.
 */
#include "core/gate.h"

/* The guest's FP/vector state into the thread's XSAVE area (the features
 * the kernel's own signal frames hold, core/sitecall.c), and xeno's defaults
 * for its own code: x87 and SSE control words.  %rbx: the state. */
.macro SAVE_FPU
	movl	xeno_sitecall_xfeatures(%rip), %eax
	movl	xeno_sitecall_xfeatures+4(%rip), %edx
	xsaveopt XT_SITECALL+XS_FPU(%rbx)
	fninit
	ldmxcsr	.Lmxcsr_default(%rip)
.endm
.macro RESTORE_FPU
	movl	xeno_sitecall_xfeatures(%rip), %eax
	movl	xeno_sitecall_xfeatures+4(%rip), %edx
	xrstor	XT_SITECALL+XS_FPU(%rbx)
.endm

	.section xeno_gate, "ax", @progbits
	.balign	64

	.globl	xeno_sitecall_entry_gs, xeno_sitecall_entry_fs, xeno_sitecall_entered
	.globl	xeno_sitecall_tail, xeno_sitecall_tail_end
/* Where the guest owns FS: the state is at the GS base. */
xeno_sitecall_entry_gs:
	movq	%gs:XT_SELF, %r11
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r11)
	jmp	xeno_sitecall_entered
/* Where the guest owns GS: glibc's FS base stays loaded. */
xeno_sitecall_entry_fs:
	movq	%fs:xeno_tls_self@tpoff, %r11
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r11)
xeno_sitecall_entered:
	/* The guest's registers into the thread's ucontext; syscall leaves
	 * RCX = the return address and R11 = the flags, so they do too. */
	movq	%rax, XT_G(XG_RAX)(%r11)
	movq	%rbx, XT_G(XG_RBX)(%r11)
	movq	%rdx, XT_G(XG_RDX)(%r11)
	movq	%rsi, XT_G(XG_RSI)(%r11)
	movq	%rdi, XT_G(XG_RDI)(%r11)
	movq	%rbp, XT_G(XG_RBP)(%r11)
	movq	%r8, XT_G(XG_R8)(%r11)
	movq	%r9, XT_G(XG_R9)(%r11)
	movq	%r10, XT_G(XG_R10)(%r11)
	movq	%r12, XT_G(XG_R12)(%r11)
	movq	%r13, XT_G(XG_R13)(%r11)
	movq	%r14, XT_G(XG_R14)(%r11)
	movq	%r15, XT_G(XG_R15)(%r11)
	movq	%rcx, XT_G(XG_RCX)(%r11)
	movq	%rcx, XT_G(XG_RIP)(%r11)
	movq	%rsp, XT_G(XG_RSP)(%r11)
	/* xeno's stack: the top of the thread's signal stack, which ends
	 * where its state begins (core/crossing.c xeno_thread_new).  A host
	 * signal arriving from here on is pushed below, on the same stack. */
	movq	%r11, %rsp
	movb	$1, XT_DIRECT(%r11)	/* the guest's mask stays in force */
	pushfq
	popq	%rax
	movq	%rax, XT_G(XG_EFL)(%r11)
	movq	%rax, XT_G(XG_R11)(%r11)
	cld
	movq	%r11, %rbx		/* the state, across calls */
	ENTER_HOST_FS %rbx
	/* Calls the personality answers without the dispatcher (a clock
	 * read from the vDSO) touch no FP/vector register. */
	movq	%rbx, %rdi
	call	xeno_sitecall_fast
	testl	%eax, %eax
	jnz	.Lleave
	SAVE_FPU
	movq	%rbx, %rdi
	call	xeno_sitecall_call	/* 0: the fast way back */
	testl	%eax, %eax
	jnz	.Lslow
	RESTORE_FPU
.Lleave:
	LEAVE_HOST_FS %rbx
	movq	%rbx, %r11
	movb	$0, XT_DIRECT(%r11)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r11)
xeno_sitecall_tail:
	/* A signal queued before the selector changed is delivered the slow
	 * way; one that comes from here on finds the call done (core/sitecall.c). */
	cmpb	$0, XT_SIGPENDING(%r11)
	jne	.Llate
	pushq	XT_G(XG_EFL)(%r11)
	popfq
	movq	XT_G(XG_RAX)(%r11), %rax
	movq	XT_G(XG_RBX)(%r11), %rbx
	movq	XT_G(XG_RDX)(%r11), %rdx
	movq	XT_G(XG_RSI)(%r11), %rsi
	movq	XT_G(XG_RDI)(%r11), %rdi
	movq	XT_G(XG_RBP)(%r11), %rbp
	movq	XT_G(XG_R8)(%r11), %r8
	movq	XT_G(XG_R9)(%r11), %r9
	movq	XT_G(XG_R10)(%r11), %r10
	movq	XT_G(XG_R12)(%r11), %r12
	movq	XT_G(XG_R13)(%r11), %r13
	movq	XT_G(XG_R14)(%r11), %r14
	movq	XT_G(XG_R15)(%r11), %r15
	movq	XT_G(XG_RSP)(%r11), %rsp
	movq	XT_G(XG_RIP)(%r11), %rcx
	movq	XT_G(XG_R11)(%r11), %r11
	jmp	*%rcx
/* A signal was queued on the way out: back into xeno's state, the FP state
 * (restored already) saved again, and out through rt_sigreturn. */
.Llate:
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r11)
xeno_sitecall_tail_end:			/* (the tail ends before here) */
	movq	%r11, %rbx
	ENTER_HOST_FS %rbx
	SAVE_FPU
	movq	%rbx, %rdi
	call	xeno_sitecall_late
/* The slow way: every asynchronous signal is blocked (core/sitecall.c) and
 * the ucontext is a complete frame; rt_sigreturn sets registers, FP state
 * and signal mask at once. */
.Lslow:
	LEAVE_HOST_FS %rbx
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%rbx)
	leaq	XT_SITECALL+8(%rbx), %rsp	/* the ucontext, after pretcode */
	movl	$XENO_NR_RT_SIGRETURN, %eax
	syscall
	ud2

	.section .rodata
	.balign	4
.Lmxcsr_default:
	.long	0x1f80			/* all exceptions masked, round to nearest */

	.section .note.GNU-stack, "", @progbits
