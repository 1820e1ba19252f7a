/*
 * The entry and the way out of a guarded call (core/faultguard.h).  The
 * guard (struct guard in core/faultguard.c) keeps the System V x86-64
 * callee-saved registers (psABI 3.2.1: rbx, rbp, r12-r15), the stack
 * pointer as the call returns and its return address.
 */
	.text

/* long xeno_fault_guard_enter(struct guard *g, long (*fn)(void *), void *arg):
 * fn(arg), entered by a jump so that it returns to our caller */
	.globl	xeno_fault_guard_enter
	.type	xeno_fault_guard_enter, @function
xeno_fault_guard_enter:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rax
	movq	%rax, 48(%rdi)
	movq	(%rsp), %rax
	movq	%rax, 56(%rdi)
	movq	%rsi, %rax
	movq	%rdx, %rdi
	jmp	*%rax
	.size	xeno_fault_guard_enter, .-xeno_fault_guard_enter

/* Where a faulting guarded call resumes (rdi: its guard): back to the
 * caller of xeno_fault_guard_enter with -EFAULT. */
	.globl	xeno_fault_guard_resume
	.type	xeno_fault_guard_resume, @function
xeno_fault_guard_resume:
	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	movq	$-14, %rax
	jmp	*56(%rdi)
	.size	xeno_fault_guard_resume, .-xeno_fault_guard_resume

	.section .note.GNU-stack, "", @progbits
