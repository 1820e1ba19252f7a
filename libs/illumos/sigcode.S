/*
 * The trampoline illumos signal handlers return to (libs/illumos/sigframe.c
 * builds the frame): what libc's handler wrapper does after a handler,
 * setcontext(uc) — the SYS_context system call (100) with SETCONTEXT (1),
 * usr/src/uts/common/sys/syscall.h and sys/ucontext.h.  The handler's
 * return took its return address off the stack: RSP is the ucontext.  It
 * runs as guest code: its syscall traps like any.
 */
	.text
	.globl	illumos_sigcode
	.type	illumos_sigcode, @function
	.balign	16
illumos_sigcode:
	movq	%rsp, %rsi
	movl	$1, %edi
	movl	$100, %eax
	syscall
0:	hlt
	jmp	0b
	.size	illumos_sigcode, .-illumos_sigcode

	.section .note.GNU-stack, "", @progbits
