/*
 * The direct-call crossing in the Microsoft x64 convention: the twin of
 * core/libgate.S for guests whose shim functions are called that way (see
 * core/libgate_ms.h for the convention and the frame).  What the crossing
 * does is the same: selector ALLOW and XT_DIRECT while xeno runs, the host
 * signal mask left as the guest's, signals arriving meanwhile queued and
 * delivered on the way back by a deliberate trapped `syscall`, a restart
 * after an SA_RESTART signal calling the function again.
 *
 * Outside the gate's section on purpose, as core/libgate.S: that `syscall`
 * must trap.
 */
#include "core/gate.h"
#include "core/libgate_ms.h"

	.text

/*
 * xeno_lib_entry_ms: r11 = the function's struct xeno_libfn; the guest's
 * return address at (%rsp), its arguments in rcx, rdx, r8, r9 and at
 * 40(%rsp) on.
 */
	.globl	xeno_lib_entry_ms
	.type	xeno_lib_entry_ms, @function
xeno_lib_entry_ms:
	XENO_THREAD_STATE %r10
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r10)
	movb	$1, XT_DIRECT(%r10)
	subq	$MSF_SIZE, %rsp
	movq	%rsp, XT_DIRECT_FRAME(%r10)
	movq	%r11, MSF_FN(%rsp)
	movq	%rcx, MSF_RCX(%rsp)
	movq	%rdx, MSF_RDX(%rsp)
	movq	%r8, MSF_R8(%rsp)
	movq	%r9, MSF_R9(%rsp)
	movq	%rsi, MSF_RSI(%rsp)
	movq	%rdi, MSF_RDI(%rsp)
	movq	%rbx, MSF_RBX(%rsp)
	movq	%rbp, MSF_RBP(%rsp)
	movq	%r12, MSF_R12(%rsp)
	movq	%r13, MSF_R13(%rsp)
	movq	%r14, MSF_R14(%rsp)
	movq	%r15, MSF_R15(%rsp)
	movdqu	%xmm6, MSF_XMM6+0(%rsp)
	movdqu	%xmm7, MSF_XMM6+16(%rsp)
	movdqu	%xmm8, MSF_XMM6+32(%rsp)
	movdqu	%xmm9, MSF_XMM6+48(%rsp)
	movdqu	%xmm10, MSF_XMM6+64(%rsp)
	movdqu	%xmm11, MSF_XMM6+80(%rsp)
	movdqu	%xmm12, MSF_XMM6+96(%rsp)
	movdqu	%xmm13, MSF_XMM6+112(%rsp)
	movdqu	%xmm14, MSF_XMM6+128(%rsp)
	movdqu	%xmm15, MSF_XMM6+144(%rsp)
	movq	%r11, %rdi		/* xeno_libcall_ms(fn, regs, stack) */
	leaq	MSF_RCX(%rsp), %rsi
	leaq	MSF_STACK(%rsp), %rdx
	call	xeno_libcall_ms
	movq	%rax, MSF_RESULT(%rsp)
	movq	%rdx, MSF_RESTART(%rsp)
	XENO_THREAD_STATE %r10
	LEAVE_HOST_FS %r10
	movq	$0, XT_DIRECT_FRAME(%r10)
	movb	$0, XT_DIRECT(%r10)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	movq	MSF_RSI(%rsp), %rsi
	movq	MSF_RDI(%rsp), %rdi
	movdqu	MSF_XMM6+0(%rsp), %xmm6
	movdqu	MSF_XMM6+16(%rsp), %xmm7
	movdqu	MSF_XMM6+32(%rsp), %xmm8
	movdqu	MSF_XMM6+48(%rsp), %xmm9
	movdqu	MSF_XMM6+64(%rsp), %xmm10
	movdqu	MSF_XMM6+80(%rsp), %xmm11
	movdqu	MSF_XMM6+96(%rsp), %xmm12
	movdqu	MSF_XMM6+112(%rsp), %xmm13
	movdqu	MSF_XMM6+128(%rsp), %xmm14
	movdqu	MSF_XMM6+144(%rsp), %xmm15
	cmpq	$0, MSF_RESTART(%rsp)
	jne	.Lrestart
	movq	MSF_RESULT(%rsp), %rax
	addq	$MSF_SIZE, %rsp
	cmpb	$0, XT_SIGPENDING(%r10)
	jne	.Ldeliver
	ret
.Ldeliver:
	syscall				/* traps: the queued signals are delivered */
	.globl	xeno_lib_ms_deliver
xeno_lib_ms_deliver:
	ret
/* Interrupted by a signal whose handler asked for a restart: the signal is
 * delivered first, then the function is called again with its arguments. */
.Lrestart:
	movq	MSF_RCX(%rsp), %rcx
	movq	MSF_RDX(%rsp), %rdx
	movq	MSF_R8(%rsp), %r8
	movq	MSF_R9(%rsp), %r9
	movq	MSF_FN(%rsp), %r11
	addq	$MSF_SIZE, %rsp
	pushq	%r11
	pushq	%rcx			/* the trap clobbers rcx and r11 */
	syscall				/* traps: the queued signals are delivered */
	.globl	xeno_lib_ms_restart
xeno_lib_ms_restart:
	popq	%rcx
	popq	%r11
	jmp	xeno_lib_entry_ms
	.size	xeno_lib_entry_ms, .-xeno_lib_entry_ms

/* Loads gc's function into r11 and its arguments for a Microsoft-convention
 * call whose stack pointer (16-aligned) is in rsp: four in registers, the
 * fifth and sixth above the shadow space.  gc in rbx. */
.macro MS_ARGUMENTS
	movq	8(%rbx), %rcx
	movq	16(%rbx), %rdx
	movq	24(%rbx), %r8
	movq	32(%rbx), %r9
	movq	40(%rbx), %rax
	movq	%rax, 32(%rsp)
	movq	48(%rbx), %rax
	movq	%rax, 40(%rsp)
	movq	0(%rbx), %r11
.endm

/*
 * uint64_t xeno_guest_call_ms(const struct xeno_guest_call *gc)
 * From a handler in a direct call: gc->fn(gc->args[0..5]) as guest code on
 * the current stack.  The frame of the direct call around it is kept.
 */
	.globl	xeno_guest_call_ms
	.type	xeno_guest_call_ms, @function
xeno_guest_call_ms:
	pushq	%rbx
	pushq	%r12
	movq	%rdi, %rbx
	subq	$56, %rsp		/* shadow, two arguments, alignment */
	XENO_THREAD_STATE %r10
	movq	XT_DIRECT_FRAME(%r10), %r12
	LEAVE_HOST_FS %r10
	movb	$0, XT_DIRECT(%r10)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	MS_ARGUMENTS
	call	*%r11
	XENO_THREAD_STATE %r10
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r10)
	movb	$1, XT_DIRECT(%r10)
	movq	%r12, XT_DIRECT_FRAME(%r10)
	addq	$56, %rsp
	popq	%r12
	popq	%rbx
	ret
	.size	xeno_guest_call_ms, .-xeno_guest_call_ms

/*
 * uint64_t xeno_guest_call_ms_on(const struct xeno_guest_call *gc, uint64_t stack)
 * From a signal handler on xeno's stack: the same call, on the guest's stack
 * at stack.  Signals stay blocked as the handler has them; the selector
 * says BLOCK while the guest's code runs.
 */
	.globl	xeno_guest_call_ms_on
	.type	xeno_guest_call_ms_on, @function
xeno_guest_call_ms_on:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	movq	%rsp, %rbp
	movq	%rdi, %rbx
	XENO_THREAD_STATE %r10
	movq	XT_DIRECT_FRAME(%r10), %r12
	movq	%rsi, %rsp
	andq	$-16, %rsp
	subq	$48, %rsp		/* shadow and two arguments */
	LEAVE_HOST_FS %r10
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	MS_ARGUMENTS
	call	*%r11
	XENO_THREAD_STATE %r10
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r10)
	movq	%r12, XT_DIRECT_FRAME(%r10)
	movq	%rbp, %rsp
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret
	.size	xeno_guest_call_ms_on, .-xeno_guest_call_ms_on

/*
 * Guest-side starts (core/libgate_ms.h), entered as guest code.
 */
	.globl	xeno_guest_start_thread_ms
	.type	xeno_guest_start_thread_ms, @function
xeno_guest_start_thread_ms:
	andq	$-16, %rsp
	subq	$32, %rsp
	movq	%rdi, %rcx
	call	*%rbx
	movq	%rax, %rcx
	call	*%r12
	ud2
	.size	xeno_guest_start_thread_ms, .-xeno_guest_start_thread_ms

	.globl	xeno_guest_start_program_ms
	.type	xeno_guest_start_program_ms, @function
xeno_guest_start_program_ms:
	andq	$-16, %rsp
	subq	$32, %rsp
1:	movq	0(%rbx), %rax
	testq	%rax, %rax
	jz	2f
	movq	8(%rbx), %rcx
	movq	16(%rbx), %rdx
	movq	24(%rbx), %r8
	call	*%rax
	addq	$32, %rbx
	jmp	1b
2:	movq	%r13, %rcx
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%edx, %edx
	xorl	%ebp, %ebp
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	call	*%r12
	movq	%rax, %rcx
	call	*%r14
	ud2
	.size	xeno_guest_start_program_ms, .-xeno_guest_start_program_ms

	.section .note.GNU-stack, "", @progbits
