/*
 * long xeno_blocking_syscall(const long args[7])  — see core/blocking.h.
 */
#include "core/gate.h"

	.text
	.globl	xeno_blocking_syscall, xeno_blocking_window, xeno_blocking_window_end
	.globl	xeno_blocking_eintr
	.type	xeno_blocking_syscall, @function
xeno_blocking_syscall:
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	subq	$16, %rsp		/* the mask to go back to */
	movq	%rdi, %rbx
	XENO_THREAD_STATE %r13
	/* With the guest's mask in force, and it the one to wait with (a
	 * direct call, core/libgate.S; a patched site's call, core/sitecall.S;
	 * XT_DIRECT says so), there is nothing to open. */
	cmpb	$0, XT_DIRECT(%r13)
	jne	xeno_blocking_window
	/* open the guest's mask: rt_sigprocmask(SIG_SETMASK, &t->wait_mask, &old, 8) */
	movl	$XENO_NR_RT_SIGPROCMASK, %eax
	movl	$2, %edi
	leaq	XT_WAIT_MASK(%r13), %rsi
	movq	%rsp, %rdx
	movl	$8, %r10d
	syscall
xeno_blocking_window:
	cmpb	$0, XT_SIGPENDING(%r13)
	jne	xeno_blocking_eintr
	movq	0(%rbx), %rax
	movq	8(%rbx), %rdi
	movq	16(%rbx), %rsi
	movq	24(%rbx), %rdx
	movq	32(%rbx), %r10
	movq	40(%rbx), %r8
	movq	48(%rbx), %r9
xeno_blocking_window_end:		/* the syscall instruction itself */
	syscall
	movq	%rax, %r12
1:	cmpb	$0, XT_DIRECT(%r13)
	jne	2f
	/* close it again: the mask before (in a trap's handler, every signal
	 * a handler of xeno's blocks; in a direct or patched-site call whose
	 * mask changed meanwhile, the guest's) */
	movl	$XENO_NR_RT_SIGPROCMASK, %eax
	movl	$2, %edi
	movq	%rsp, %rsi
	xorl	%edx, %edx
	movl	$8, %r10d
	syscall
2:	movq	%r12, %rax
	addq	$16, %rsp
	popq	%r13
	popq	%r12
	popq	%rbx
	ret
xeno_blocking_eintr:
	movq	$-4, %r12		/* -EINTR */
	jmp	1b
	.size	xeno_blocking_syscall, .-xeno_blocking_syscall

	.section .note.GNU-stack, "", @progbits
