/*
 * The trampoline macOS signal handlers return to (libs/darwin/sigframe.c
 * builds the frame): what libSystem's _sigtramp does after the handler,
 * sigreturn(uctx, UC_FLAVOR) — the BSD-class system call 184 (xnu
 * bsd/kern/syscalls.master; UC_FLAVOR 30, bsd/sys/ucontext.h).  The
 * handler's return took its return address off the stack: RSP is the
 * ucontext.  It runs as guest code: its syscall traps like any.
 */
	.text
	.globl	darwin_sigcode
	.type	darwin_sigcode, @function
	.balign	16
darwin_sigcode:
	movq	%rsp, %rdi
	movl	$30, %esi
	xorl	%edx, %edx
	movl	$0x20000b8, %eax
	syscall
0:	hlt
	jmp	0b
	.size	darwin_sigcode, .-darwin_sigcode

	.section .note.GNU-stack, "", @progbits
