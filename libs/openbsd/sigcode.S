/*
 * The trampoline OpenBSD signal handlers return to (libs/openbsd/sigframe.c
 * builds the frame): what OpenBSD's sigcode does after a handler
 * (sys/arch/amd64/amd64/locore.S), sigreturn(scp), system call 103
 * (sys/kern/syscalls.master).  The handler's return took its return address
 * off the stack: RSP is the struct sigcontext.  It runs as guest code: its
 * syscall traps like any.
 */
	.text
	.globl	openbsd_sigcode
	.type	openbsd_sigcode, @function
	.balign	16
openbsd_sigcode:
	movq	%rsp, %rdi
	movl	$103, %eax
	syscall
0:	hlt
	jmp	0b
	.size	openbsd_sigcode, .-openbsd_sigcode

	.section .note.GNU-stack, "", @progbits
