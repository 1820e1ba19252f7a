/*
 * The gate: the only code that runs between guest and host.
 *
 * Everything in section "xeno_gate" lies inside Syscall User Dispatch's
 * always-allowed range (core/crossing.c), so its own system calls (arch_prctl
 * to swap the FS base on CPUs without FSGSBASE, rt_sigreturn) reach the kernel
 * even while the selector says BLOCK.
 *
 * Host signal handlers run with every asynchronous signal blocked (sa_mask),
 * so the gate itself is never interrupted by one.  Which FS base is loaded
 * while xeno runs, and how the gate finds its thread's state: core/gate.h.
 */
#include "core/gate.h"

	.section xeno_gate, "ax", @progbits
	.balign 64

/*
 * void xeno_gate_signal(int sig, siginfo_t *info, ucontext_t *uc)
 * The handler of every host signal xeno catches (SA_SIGINFO|SA_ONSTACK).
 */
	.globl	xeno_gate_signal
	.type	xeno_gate_signal, @function
xeno_gate_signal:
	XENO_THREAD_STATE %r11
	cmpb	$XENO_SEL_ALLOW, XT_SELECTOR(%r11)
	je	.Lfrom_host
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r11)
	ENTER_HOST_FS %r11
	subq	$8, %rsp
	call	xeno_signal_from_guest
	addq	$8, %rsp
	XENO_THREAD_STATE %rdx
	LEAVE_HOST_FS %rdx
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%rdx)
	ret				/* to xeno_gate_restorer */
.Lfrom_host:
	jmp	xeno_signal_from_host
	.size	xeno_gate_signal, .-xeno_gate_signal

/*
 * The sa_restorer of every host handler.  SUD checks the address after the
 * syscall instruction, so at least one byte of the gate must follow it.
 */
	.globl	xeno_gate_restorer
	.type	xeno_gate_restorer, @function
xeno_gate_restorer:
	movl	$XENO_NR_RT_SIGRETURN, %eax
	syscall
	ud2
	.size	xeno_gate_restorer, .-xeno_gate_restorer

/*
 * noreturn void xeno_gate_enter(void *frame, uint64_t guest_fs)
 * Enters guest code: frame points at a kernel rt_sigframe's ucontext (what
 * rt_sigreturn expects at the stack pointer) holding the guest's registers and
 * signal mask.  The caller has blocked every signal and, for a guest that
 * owns GS, loaded its GS base; guest_fs matters where the guest owns FS.
 */
	.globl	xeno_gate_enter
	.type	xeno_gate_enter, @function
xeno_gate_enter:
	movq	%rdi, %r12
	XENO_THREAD_STATE %rdx
	cmpb	$0, xeno_state_via_fs(%rip)
	jne	2f
	movq	%rsi, XT_GUEST_FS(%rdx)
	cmpb	$0, xeno_have_fsgsbase(%rip)
	je	1f
	wrfsbase %rsi
	jmp	3f
1:	movl	$XENO_NR_ARCH_PRCTL, %eax
	movl	$XENO_ARCH_SET_FS, %edi
	syscall				/* rsi: the guest's FS base; rdx survives */
3:	movb	$0, XT_HOST_TLS(%rdx)
2:	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%rdx)
	movq	%r12, %rsp
	movl	$XENO_NR_RT_SIGRETURN, %eax
	syscall
	ud2
	.size	xeno_gate_enter, .-xeno_gate_enter

	.section .note.GNU-stack, "", @progbits
